import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { types as t } from 'storybook/internal/babel'
import { enrichCsf, loadCsf } from 'storybook/internal/csf-tools'
import { describe, expect, test } from 'vitest'

// Storybook's docs addon rewrites every stories file before it runs (in Storybook and in the story
// tests alike): it adds the meta's JSDoc as `parameters.docs.description.component`. It can only add
// it inside a `parameters` written as an object literal; next to anything else (a helper's call) it
// adds a second `parameters` key, which silently replaces the story file's own parameters.

const root = fileURLToPath(new URL('../..', import.meta.url))
const storyFiles = readdirSync(join(root, 'stories'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.stories.tsx'))
  .map((file) => join(root, 'stories', file))

/** Keys that appear twice in one object literal of `node`, by path. */
function duplicateKeys(node: t.Node | null | undefined, path = 'meta'): string[] {
  if (!t.isObjectExpression(node)) return []
  const seen = new Set<string>()
  return node.properties.flatMap((property) => {
    if (!t.isObjectProperty(property) || !t.isIdentifier(property.key)) return []
    const key = property.key.name
    const repeated = seen.has(key) ? [`${path}.${key}`] : []
    seen.add(key)
    return [...repeated, ...duplicateKeys(property.value, `${path}.${key}`)]
  })
}

describe.each(storyFiles.map((file) => [relative(root, file), file]))('%s', (_, file) => {
  test("keeps its meta's parameters once Storybook's docs addon has added its descriptions", async () => {
    const code = readFileSync(file, 'utf8')
    const parse = () => loadCsf(code, { fileName: file, makeTitle: (title) => title ?? file }).parse()
    const csf = parse()
    await enrichCsf(csf, parse())
    expect(duplicateKeys(csf._metaNode)).toEqual([])
  })
})
