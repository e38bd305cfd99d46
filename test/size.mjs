// Prints what the kit costs a host, from the built package (`npm run build` first), against the
// budgets of issue 9. Every figure is an esbuild bundle (minified, browser, production) gzipped at
// level 9, "beyond React and React Query": react, react-dom and @tanstack/react-query are the
// host's own peers and stay external; react-hook-form and zod/mini (the form stack) are counted.
// Figures with React Query counted too are printed beside them. Run: `node test/size.mjs`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const BUDGET = { wholeKit: 40, oauthApp: 20 }

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length

for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/plugboard.css']) {
  if (!existsSync(file)) {
    console.error(`size: ${file} is missing; run npm run build first`)
    process.exit(1)
  }
}
// Next.js and other RSC hosts read the directive per module: the entry stays server-safe (adapters,
// errors, key factories), and the components and hooks it re-exports are client modules.
const startsWithUseClient = (file) => /^['"]use client['"]/.test(readFileSync(file, 'utf8'))
if (startsWithUseClient('dist/index.js')) {
  console.error("size: dist/index.js starts with 'use client'; only client modules may")
  process.exit(1)
}
const clientModules = ['dist/components/ConnectButton.js', 'dist/components/ConnectProvider.js', 'dist/hooks/useConnect.js']
const notClient = clientModules.filter((file) => !existsSync(file) || !startsWithUseClient(file))
if (notClient.length > 0) {
  console.error(`size: ${notClient.join(', ')} must start with 'use client'`)
  process.exit(1)
}

const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query']
const reactOnly = ['react', 'react-dom', 'react/jsx-runtime']

/**
 * Bundles `contents` (imports from the built package) with code splitting, and measures what loads
 * before any dynamic import runs (the entry and the chunks it imports statically), and everything.
 */
async function measure(contents, external = peers) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    splitting: true,
    outdir: 'size-out',
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    platform: 'browser',
    external,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  })
  const outputs = result.metafile.outputs
  const entry = Object.keys(outputs).find((key) => outputs[key].entryPoint)
  const initial = new Set()
  const walk = (key) => {
    if (initial.has(key)) return
    initial.add(key)
    for (const next of outputs[key].imports) if (next.kind === 'import-statement' && outputs[next.path]) walk(next.path)
  }
  walk(entry)
  const files = result.outputFiles.map((file) => ({ key: Object.keys(outputs).find((key) => file.path.endsWith(key.replace(/^size-out/, ''))), contents: file.contents }))
  const join = (keep) => Buffer.concat(files.filter((file) => keep(file.key)).map((file) => Buffer.from(file.contents)))
  return { initial: gzip(join((key) => initial.has(key))), all: gzip(join(() => true)), chunks: files.length }
}

const jsFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? jsFiles(path) : path.endsWith('.js') ? [path] : []
  })
const shipped = jsFiles('dist').filter((file) => !file.startsWith(join('dist', 'testing')))
const shippedBytes = shipped.reduce((sum, file) => sum + statSync(file).size, 0)
const css = readFileSync('dist/plugboard.css')

// The whole kit in English: every export of the main entry but the translated catalogs (an app
// imports the ones it wants; each is measured on its own below).
const index = readFileSync('dist/index.js', 'utf8')
const localeLocals = new Set([...index.matchAll(/^import \{ (\w+) as (\w+) \} from "\.\/locales\//gm)].map((match) => match[2]))
const exported = [...(/^export \{([^}]*)\}/m.exec(index)?.[1] ?? '').split(',')].map((part) => part.trim().split(/\s+as\s+/))
const locales = exported.filter(([local]) => localeLocals.has(local)).map(([, name]) => name)
const english = exported.filter(([local]) => !localeLocals.has(local)).map(([local, name]) => name ?? local)
if (english.length < 40) {
  console.error(`size: read only ${english.length} exports from dist/index.js`)
  process.exit(1)
}
const wholeKit = `export { ${english.join(', ')} } from './dist/index.js'`
const whole = await measure(wholeKit)
const wholeWithQuery = await measure(wholeKit, reactOnly)
const catalogs = await Promise.all(locales.map(async (name) => [name, (await measure(`export { ${name} } from './dist/locales/${name}.js'`)).all]))
const oauthApp = "export { ConnectProvider, ConnectButton, ampersand } from './dist/index.js'"
const oauth = await measure(oauthApp)
const oauthWithQuery = await measure(oauthApp, reactOnly)
const components = (adapter) =>
  `export { ConnectProvider, ConnectButton, ConnectionList, AuthSchemeForm, ${adapter} } from './dist/index.js'`
const [onAmpersand, onVersori, onBoth] = await Promise.all([measure(components('ampersand')), measure(components('versori')), measure(components('ampersand, versori'))])
const testing = await measure("export * from './dist/testing/index.js'", [...peers, 'msw', 'msw/*'])

const verdict = (value, budget) => (value <= budget * 1024 ? `within ${budget} KB` : `OVER the ${budget} KB budget by ${kb(value - budget * 1024)}`)
console.log('Bundle size (esbuild minify, gzip -9, beyond React and React Query unless said):')
console.log(`  dist/**/*.js (${shipped.length} modules)  ${kb(shippedBytes)} raw; dist/plugboard.css ${kb(css.length)} raw, ${kb(gzip(css))} gzip`)
console.log(`  whole kit (English)        ${kb(whole.all)}  (${verdict(whole.all, BUDGET.wholeKit)}); with React Query ${kb(wholeWithQuery.all)}`)
console.log(`  each language catalog     ${catalogs.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')} (only those an app imports)`)
console.log(`  OAuth-only app, 1st click  ${kb(oauth.initial)}  (${verdict(oauth.initial, BUDGET.oauthApp)}); with React Query ${kb(oauthWithQuery.initial)}`)
console.log(`    ConnectProvider + ConnectButton + ampersand(); the credential form chunk adds ${kb(oauth.all - oauth.initial)} on first open`)
console.log(`  app on Ampersand           ${kb(onAmpersand.all)}  (components + ampersand(), forms included)`)
console.log(`  app on Versori             ${kb(onVersori.all)}  (components + versori(), forms included)`)
console.log(`  versori() adapter          ${kb(onBoth.all - onAmpersand.all)}  added to an app already on Ampersand`)
console.log(`  test kit (/testing)        ${kb(testing.all)}  (msw external; test code, never in an app bundle)`)
console.log(`  'use client'               entry server-safe; ${clientModules.length} client modules checked`)
