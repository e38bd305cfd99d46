// Builds examples/nextjs against the packed kit (run `npm run build` first): packs dist/ to
// .pack/plugboard-react.tgz, installs the example from its lockfile, checks it got this very
// tarball, and runs `next build`, which type-checks the app and prerenders the page with the kit.
// With `--update-lock`, it first refreshes the example's lockfile (after a change to the kit's
// dependencies or the example's).
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pack, root, tarball } from './pack.mjs'

const example = join(root, 'examples/nextjs')
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
const started = performance.now()
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`
const run = (label, command, args) => {
  const start = performance.now()
  execFileSync(command, args, { cwd: example, env, stdio: 'inherit' })
  console.log(`✓ ${label} (${seconds(start)})`)
}
const fail = (message) => {
  console.error(`test:nextjs: ${message}`)
  process.exit(1)
}

const packed = pack()
console.log(`packed ${relative(root, tarball)}: ${packed.entryCount} files`)

// The lockfile pins every registry package but not the tarball's hash: the tarball changes with
// every change to the kit, and npm would otherwise fail, or worse, install an old copy from its cache.
const lockPath = join(example, 'package-lock.json')
if (process.argv.includes('--update-lock')) {
  // npm takes a locked tarball for current; without its entry it reads the tarball afresh.
  const stale = JSON.parse(readFileSync(lockPath, 'utf8'))
  delete stale.packages['node_modules/@plugboard/react']
  writeFileSync(lockPath, `${JSON.stringify(stale, null, 2)}\n`)
  run('npm install', 'npm', ['install', '--no-audit', '--no-fund'])
  const kitEntry = /("node_modules\/@plugboard\/react": \{\n(?:(?!\n {4}\}).)*?)\n {6}"integrity": "[^"]*",/s
  writeFileSync(lockPath, readFileSync(lockPath, 'utf8').replace(kitEntry, '$1'))
}

// The lockfile also records the kit's own dependencies, which npm ci installs as recorded.
const lock = JSON.parse(readFileSync(lockPath, 'utf8'))
const locked = lock.packages?.['node_modules/@plugboard/react'] ?? {}
if (locked.integrity) {
  fail('examples/nextjs/package-lock.json records an integrity for @plugboard/react: refresh it with node test/package/nextjs.mjs --update-lock')
}
const kit = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }))
for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'peerDependenciesMeta']) {
  if (JSON.stringify(locked[field] ?? {}) !== JSON.stringify(kit[field] ?? {})) {
    fail(`the kit's ${field} changed: refresh the example's lockfile with node test/package/nextjs.mjs --update-lock`)
  }
}

run('npm ci', 'npm', ['ci', '--no-audit', '--no-fund'])
const installed = (file) => readFileSync(join(example, 'node_modules/@plugboard/react', file))
const packedFile = (file) => execFileSync('tar', ['-xzOf', tarball, `package/${file}`])
for (const file of ['package.json', 'dist/index.js', 'dist/index.d.ts']) {
  if (!installed(file).equals(packedFile(file))) fail(`the example installed a different @plugboard/react (${file}) than ${relative(root, tarball)}`)
}

run('next build', join(example, 'node_modules/.bin/next'), ['build'])
const page = readFileSync(join(example, '.next/server/app/index.html'), 'utf8')
for (const part of ['plugboard-connect', 'plugboard-connection-list']) {
  if (!page.includes(part)) fail(`the prerendered page has no ${part}: the kit did not render on the server`)
}
console.log(`test:nextjs passed in ${seconds(started)}: the page prerendered with the kit`)
