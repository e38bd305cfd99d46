import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

// The folders under src/ are layers: components → hooks → flows and schemes → model. Platform
// adapters (backends/<platform>/) sit beside them and only the barrel imports them; the test kit
// (testing/) sits apart, entered through its own barrel.

const src = fileURLToPath(new URL('../../src', import.meta.url))
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  )
const all = files(src)
const resolveImport = (from: string, spec: string) => {
  const base = resolve(dirname(from), spec)
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => all.includes(candidate))
}
const imports = new Map(
  all.map((file) => {
    const text = readFileSync(file, 'utf8')
    const specs = [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)].map((match) => match[1]!)
    return [file, specs.map((spec) => resolveImport(file, spec)!).filter(Boolean)]
  }),
)
const layerOf = (file: string) => {
  const path = relative(src, file)
  return path.includes('/') ? (path.startsWith('backends/') ? 'backends' : path.split('/')[0]!) : 'barrel'
}

/** What each layer may import besides itself. */
const allowed: Record<string, string[]> = {
  model: [],
  schemes: ['model'],
  flows: ['model'],
  hooks: ['model', 'schemes', 'flows'],
  components: ['model', 'schemes', 'flows', 'hooks'],
  backends: ['model'],
  // The test kit for host apps (`@plugboard/react/testing`) speaks the model and the adapters' wire shapes.
  testing: ['model', 'backends'],
  // Translated message catalogs: data typed by the model's messages.
  locales: ['model'],
  barrel: ['model', 'schemes', 'flows', 'hooks', 'components', 'backends', 'locales'],
}

test('every file under src/ sits in a known layer', () => {
  expect(all.map(layerOf).filter((layer) => !(layer in allowed))).toEqual([])
  expect(all.length).toBeGreaterThan(40)
})

test('imports run downwards only: components → hooks → flows/schemes → model; adapters stay apart', () => {
  const wrong: string[] = []
  for (const [file, targets] of imports) {
    const from = layerOf(file)
    for (const target of targets) {
      const to = layerOf(target)
      // Within a layer anything goes, except from one platform's adapter into another's; what all
      // adapters share lives in backends/shared/.
      const adapter = (path: string) => relative(src, path).split('/')[1]
      const ok =
        to === from ? from !== 'backends' || adapter(file) === adapter(target) || adapter(target) === 'shared' : allowed[from]!.includes(to)
      if (!ok) wrong.push(`${relative(src, file)} → ${relative(src, target)}`)
    }
  }
  expect(wrong).toEqual([])
})

test('there are no import cycles', () => {
  const cycles: string[] = []
  const state = new Map<string, 'open' | 'done'>()
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].map((step) => relative(src, step)).join(' → '))
      return
    }
    state.set(file, 'open')
    for (const target of imports.get(file) ?? []) visit(target, [...path, file])
    state.set(file, 'done')
  }
  for (const file of all) visit(file, [])
  expect(cycles).toEqual([])
})
