// Prints what the kit costs a host: the built files, and a consumer bundle of the kit with its
// dependencies (react-query, react-hook-form, resolvers, zod/mini) but without React.
import { existsSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length

const files = ['dist/index.js', 'dist/index.d.ts', 'dist/plugboard.css']
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`size: ${file} is missing; run npm run build first`)
    process.exit(1)
  }
}
const js = readFileSync('dist/index.js')
const css = readFileSync('dist/plugboard.css')
// Next.js and other RSC hosts need the directive on top of the built file.
const useClient = /^['"]use client['"]/.test(js.toString())
if (!useClient) {
  console.error("size: dist/index.js does not start with 'use client'")
  process.exit(1)
}

const bundle = async (external, contents = "export * from './dist/index.js'") => {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    external,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  })
  return result.outputFiles[0].contents
}
const react = ['react', 'react-dom', 'react/jsx-runtime']
const withDeps = await bundle(react)
const alone = await bundle([...react, '@tanstack/react-query', 'react-hook-form', '@hookform/resolvers', '@hookform/resolvers/*', 'zod', 'zod/*'])

// What one adapter adds to an app that uses the kit's components over the other: the same app with
// and without the adapter imported, the difference being the adapter's own code (tree-shaken).
const app = (adapter) =>
  `import { ConnectProvider, ConnectButton, ConnectionList, AuthSchemeForm, ${adapter} } from './dist/index.js'; export { ConnectProvider, ConnectButton, ConnectionList, AuthSchemeForm, ${adapter} }`
const appWith = async (adapter) => gzip(await bundle(react, app(adapter)))
const [ampersandApp, versoriApp, bothApp] = await Promise.all([appWith('ampersand'), appWith('versori'), appWith('ampersand, versori')])

console.log('Bundle size (esbuild minify, gzip -9):')
console.log(`  dist/index.js            ${kb(js.length)} raw, ${kb(gzip(js))} gzip`)
console.log(`  dist/plugboard.css       ${kb(css.length)} raw, ${kb(gzip(css))} gzip`)
console.log(`  kit code alone           ${kb(gzip(alone))} gzip (minified)`)
console.log(`  kit + deps               ${kb(gzip(withDeps))} gzip beyond React (react-query, react-hook-form, resolvers, zod/mini)`)
console.log(`  app on Ampersand         ${kb(ampersandApp)} gzip beyond React (components + ampersand())`)
console.log(`  app on Versori           ${kb(versoriApp)} gzip beyond React (components + versori())`)
console.log(`  versori() adapter        ${kb(bothApp - ampersandApp)} gzip added to an app already on Ampersand`)
console.log(`  'use client' banner      ${useClient ? 'present' : 'MISSING at the top of dist/index.js'}`)
