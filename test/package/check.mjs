// Checks the package a host installs, not the sources: packs dist/ (run `npm run build` first) into
// .pack/, lints the tarball with publint and Are the Types Wrong, installs it into a consumer project
// (.pack/consumer/), loads it with `import` and `require()`, loads what must be server-safe under
// React's `react-server` condition, and type-checks the README's TypeScript blocks against it under
// moduleResolution `bundler`, `node16` and `nodenext`.
//
// The consumer project lives inside the repository, so the kit's dependencies and peers (React, React
// Query, their types) and TypeScript come from the repository's node_modules: no network, no install.
import { execFile as execFileCallback, execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { promisify } from 'node:util'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { pack, packDir, root, tarball } from './pack.mjs'
import { readSnippets } from './snippets.mjs'

const execFile = promisify(execFileCallback)
const consumer = join(packDir, 'consumer')
const installed = join(consumer, 'node_modules/@plugboard/react')
const bin = (name) => join(root, 'node_modules/.bin', name)
const started = performance.now()
const failures = []

/** Runs one named step, timing it; a thrown error fails the check but the later steps still run. */
async function step(name, run) {
  const start = performance.now()
  try {
    const note = await run()
    console.log(`✓ ${name} (${((performance.now() - start) / 1000).toFixed(1)} s)${note ? `\n${indent(note)}` : ''}`)
  } catch (error) {
    failures.push(name)
    console.error(`✗ ${name}\n${indent(String(error?.stdout || error?.message || error))}${error?.stderr ? `\n${indent(error.stderr)}` : ''}`)
  }
}
const indent = (text) => text.trimEnd().replace(/^/gm, '    ')

// 1. The tarball, at a stable path (examples/nextjs depends on it).
const packed = pack()
console.log(`packed ${relative(root, tarball)}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KB`)
const files = new Set(packed.files.map((file) => file.path))
const hasTesting = files.has('dist/testing/index.js')

// 2. Lint what npm would publish. publint: no error, warning or suggestion. attw: no problem; the
// stylesheet subpath has no types by design, so it is left out of attw's entrypoints.
await step('publint', async () => {
  const data = readFileSync(tarball)
  const packedTarball = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)
  const { messages, pkg } = await publint({ pack: { tarball: packedTarball }, level: 'suggestion', strict: true })
  if (messages.length > 0) throw new Error(messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`).join('\n'))
  return 'no messages'
})
await step('attw', async () => {
  const { stdout } = await execFile(bin('attw'), [tarball, '--exclude-entrypoints', './styles.css', '--format', 'table-flipped'], { cwd: root })
  return stdout
})

// 3. A consumer project with the tarball installed as npm would (its `package/` folder, unpacked).
rmSync(consumer, { recursive: true, force: true })
mkdirSync(installed, { recursive: true })
execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'])
writeFileSync(join(consumer, 'package.json'), `${JSON.stringify({ name: 'plugboard-consumer', private: true, type: 'module' }, null, 2)}\n`)

await step('import and require()', async () => {
  const entries = ['@plugboard/react', '@plugboard/react/forms', ...(hasTesting ? ['@plugboard/react/testing'] : [])]
  const probe = `
    const { createRequire } = await import('node:module')
    const require = createRequire(import.meta.url)
    for (const entry of ${JSON.stringify(entries)}) {
      const imported = await import(entry)
      const required = require(entry)
      for (const name of Object.keys(imported)) {
        if (imported[name] !== required[name]) throw new Error(entry + ': require() and import disagree on ' + name)
      }
      console.log(entry + ': ' + Object.keys(imported).length + ' exports, the same from import and require()')
    }
    if (typeof (await import('@plugboard/react')).ConnectButton !== 'function') throw new Error('no ConnectButton')
  `
  const { stdout } = await execFile(process.execPath, ['--input-type=module', '-e', probe], { cwd: consumer })
  return stdout
})

// 4. What a React Server Component may import: the modules behind these exports and everything they
// import carry no 'use client' and never load React, React Query or react-hook-form. Loaded under
// the `react-server` condition (where React has no hooks), the adapters build a backend.
const serverSafe = ['ampersand', 'versori', 'ConnectError', 'isConnectError', 'connectKeys', 'describeError', 'defaultMessages']
await step('server-safe exports', async () => {
  const dist = join(installed, 'dist')
  const index = readFileSync(join(dist, 'index.js'), 'utf8')
  if (/^\s*['"]use client['"]/.test(index)) throw new Error("dist/index.js starts with 'use client'")
  const moduleOf = new Map()
  for (const [, names, from] of index.matchAll(/^import \{([^}]*)\} from "(\.[^"]+)"/gm)) {
    for (const name of names.split(',')) moduleOf.set(name.trim().split(/\s+as\s+/)[0], join(dist, from))
  }
  const client = /^(react|react-dom|@tanstack\/react-query|react-hook-form|@hookform\/resolvers)(\/|$)/
  const problems = []
  const seen = new Set()
  const visit = (file, via) => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    const name = relative(dist, file)
    if (/^\s*['"]use client['"]/.test(text)) problems.push(`${name} is 'use client' (${via})`)
    for (const [, specifier] of text.matchAll(/^(?:import|export)\b[^'"\n;]*?["']([^'"]+)["']/gm)) {
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier), via)
      else if (client.test(specifier)) problems.push(`${name} imports ${specifier} (${via})`)
    }
  }
  for (const name of serverSafe) {
    const file = moduleOf.get(name)
    if (!file) problems.push(`dist/index.js does not export ${name}`)
    else visit(file, name)
  }
  // And the other way round: a module that uses React's hooks or context, React Query or
  // react-hook-form is a client module (the test kit aside: it never renders on a server).
  const clientApi = /^import \{([^}]*)\} from "(react|@tanstack\/react-query|react-hook-form|@hookform\/resolvers[^"]*)"/gm
  for (const file of packed.files.map((entry) => entry.path).filter((path) => /^dist\/(?!testing\/).*\.js$/.test(path))) {
    const text = readFileSync(join(installed, file), 'utf8')
    const uses = [...text.matchAll(clientApi)].some(([, names, from]) => from !== 'react' || /\b(use[A-Z]\w*|createContext)\b/.test(names))
    if (uses && !/^\s*['"]use client['"]/.test(text)) problems.push(`${file} uses React client APIs without 'use client'`)
  }
  if (problems.length > 0) throw new Error(problems.join('\n'))

  const load = `
    const { ampersand } = await import(${JSON.stringify(moduleOf.get('ampersand'))})
    const { versori } = await import(${JSON.stringify(moduleOf.get('versori'))})
    const { connectKeys } = await import(${JSON.stringify(moduleOf.get('connectKeys'))})
    const backend = ampersand({ project: 'p', apiKey: 'k' })
    versori({ organisationId: 'o', projectId: 'p', environmentId: 'e', getToken: () => 't' })
    if (typeof backend.listConnections !== 'function' || connectKeys.all[0] !== '@plugboard/react') throw new Error('unexpected exports')
  `
  await execFile(process.execPath, ['--conditions=react-server', '--input-type=module', '-e', load], { cwd: consumer })
  return `${serverSafe.join(', ')}: ${seen.size} modules, none a client module; loaded under react-server; every module on React hooks is 'use client'`
})

// 5. The README's TypeScript, and probes that the declarations are typed (not `any`) from ESM and
// CommonJS files, compiled against the installed package.
await step('README snippets and declarations', async () => {
  const snippets = readSnippets(join(root, 'README.md'))
  const compiled = snippets.filter((snippet) => !snippet.fragment)
  const source = join(consumer, 'src')
  mkdirSync(source, { recursive: true })
  for (const snippet of compiled) writeFileSync(join(source, `${snippet.name}.${snippet.extension}`), snippet.code)
  writeFileSync(join(source, 'probe-esm.ts'), probe('esm'))
  writeFileSync(join(source, 'probe-cjs.cts'), probe('cjs'))

  const base = {
    strict: true,
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    jsx: 'react-jsx',
    noEmit: true,
    moduleDetection: 'force',
    // The README's Vite snippet reads import.meta.env.
    types: ['vite/client'],
    skipLibCheck: true,
  }
  const node16 = { module: 'node16', moduleResolution: 'node16' }
  const runs = {
    // A .cts file is CommonJS only under the Node resolutions; `bundler` takes the ESM probe.
    bundler: { options: { module: 'preserve', moduleResolution: 'bundler' }, include: ['src/**/*.ts', 'src/**/*.tsx'] },
    node16: { options: node16, include: ['src'] },
    nodenext: { options: { module: 'nodenext', moduleResolution: 'nodenext' }, include: ['src'] },
    // The kit's own declarations under a full check (a host with skipLibCheck off): only the probes,
    // as every .d.ts they reach is checked too, which is most of this step's time.
    declarations: { options: { ...node16, skipLibCheck: false }, include: ['src/probe-*'] },
  }
  const results = await Promise.allSettled(
    Object.entries(runs).map(async ([name, { options, include }]) => {
      const tsconfig = join(consumer, `tsconfig.${name}.json`)
      writeFileSync(tsconfig, `${JSON.stringify({ compilerOptions: { ...base, ...options }, include }, null, 2)}\n`)
      await execFile(bin('tsc'), ['-p', tsconfig, '--pretty', 'false'], { cwd: consumer }).catch((error) => {
        throw new Error(`${name}:\n${error.stdout || error.message}`)
      })
      return name
    }),
  )
  const failed = results.filter((result) => result.status === 'rejected').map((result) => result.reason.message)
  if (failed.length > 0) throw new Error(failed.join('\n'))
  const skipped = snippets.filter((snippet) => snippet.fragment)
  return [
    `${compiled.length} README blocks (${compiled.map((snippet) => `${snippet.heading}, line ${snippet.line}`).join('; ')})`,
    skipped.length > 0 ? `skipped as fragments: ${skipped.map((snippet) => `line ${snippet.line}`).join(', ')}` : 'no fragments',
    'compile under moduleResolution bundler, node16 and nodenext, with the ESM and CommonJS probes',
    'the probes also compile under node16 with skipLibCheck off (the declarations checked in full)',
  ].join('\n')
})

/** A file that fails to compile if the package's public types resolve to `any` or lose their shape. */
function probe(format) {
  const importLine =
    "import { ampersand, ConnectButton, ConnectError, connectKeys, describeError, useConnect, type AmpersandProviderName, type ConnectBackend } from '@plugboard/react'"
  return `${importLine}
${hasTesting ? "import type * as Testing from '@plugboard/react/testing'\n" : ''}
// Probe (${format}): every import is typed, never \`any\`.
type IsAny<T> = 0 extends 1 & T ? true : false
const notAny: [IsAny<typeof ampersand>, IsAny<typeof ConnectButton>, IsAny<typeof ConnectError>, IsAny<typeof connectKeys>, IsAny<typeof describeError>, IsAny<typeof useConnect>] = [false, false, false, false, false, false]
const backend: ConnectBackend = ampersand({ project: 'my-project', apiKey: 'key' })
const name: AmpersandProviderName = 'salesforce'
// @ts-expect-error not a provider in the bundled catalog
const unknown: AmpersandProviderName = 'notAProvider'
const kindOf = (error: unknown): string | undefined => (error instanceof ConnectError ? error.kind : undefined)
${hasTesting ? 'export type TestingExports = keyof typeof Testing\n' : ''}export { backend, kindOf, name, notAny, unknown }
`
}

console.log(`test:package ${failures.length > 0 ? `failed: ${failures.join(', ')}` : 'passed'} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
process.exit(failures.length > 0 ? 1 : 0)
