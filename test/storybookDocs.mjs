// After `storybook build`: fails unless the built Storybook has a docs page for every public
// component (an autodocs page, so a props table, whose stories file names the component and
// describes its use) and the hooks reference covers every public hook.
//   node test/storybookDocs.mjs [storybook-static]
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const outputDir = process.argv[2] ?? 'storybook-static'
const read = (path) => readFileSync(resolve(root, path), 'utf8')

/** Names the public entries export from a folder, e.g. `components` or `hooks`. */
function publicExports(folder) {
  const names = new Set()
  for (const entry of ['src/index.ts', 'src/forms.ts']) {
    for (const [, list] of read(entry).matchAll(new RegExp(`export \\{([^}]+)\\} from '\\./${folder}/[^']+'`, 'g'))) {
      for (const item of list.split(',')) names.add(item.trim().split(/\s+as\s+/).pop())
    }
  }
  return [...names].filter(Boolean).sort()
}

const components = publicExports('components').filter((name) => /^[A-Z]/.test(name))
const hooks = publicExports('hooks').filter((name) => /^use[A-Z]/.test(name))
const indexPath = resolve(root, outputDir, 'index.json')
if (!existsSync(indexPath)) {
  console.error(`${indexPath} is missing: run \`npm run build-storybook\` first.`)
  process.exit(1)
}
const entries = Object.values(JSON.parse(readFileSync(indexPath, 'utf8')).entries)
const docs = entries.filter((entry) => entry.type === 'docs')
const problems = []

for (const name of components) {
  const pages = docs.filter((entry) => entry.tags?.includes('autodocs') && (entry.title === `Components/${name}` || entry.title.startsWith(`Components/${name}/`)))
  const page = pages.find((entry) => new RegExp(`\\bcomponent: ${name}\\b`).test(read(entry.importPath)))
  if (!page) {
    problems.push(`${name}: no autodocs page titled Components/${name} whose meta has \`component: ${name}\``)
    continue
  }
  if (!/docs:\s*\{\s*description:\s*\{\s*component:/.test(read(page.importPath))) {
    problems.push(`${name}: ${page.importPath} has no parameters.docs.description.component (what it is and its usage)`)
  }
}

const reference = docs.find((entry) => entry.title === 'Hooks/Reference' && entry.importPath.endsWith('.mdx'))
if (!reference) problems.push('no Hooks/Reference docs page (stories/Hooks.mdx)')
else {
  const headings = read(reference.importPath).split('\n').filter((line) => line.startsWith('## '))
  for (const hook of hooks) {
    if (!headings.some((heading) => new RegExp(`\\b${hook}\\b`).test(heading))) problems.push(`${hook}: no "## ${hook}" section in ${reference.importPath}`)
  }
}

if (problems.length > 0) {
  console.error(`Storybook docs are missing:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
  process.exit(1)
}
console.log(`Storybook docs: ${components.length} components (${components.join(', ')}) and ${hooks.length} hooks documented.`)
