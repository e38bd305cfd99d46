import type { NextConfig } from 'next'

/** The kit needs nothing here: no `transpilePackages`, no bundler settings. */
const nextConfig: NextConfig = {
  reactStrictMode: true,
  // This app sits inside the kit's repository, which has a lockfile of its own.
  turbopack: { root: __dirname },
}

export default nextConfig
