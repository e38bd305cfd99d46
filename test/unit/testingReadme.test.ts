import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'

// The README's "Testing" example is real code: test/components/readmeTesting.test.tsx runs it in
// Chromium. This keeps the two the same: the code after the imports is identical, and every name
// the README imports is imported there too, from the sources instead of the package.

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const test_ = readFileSync(new URL('../components/readmeTesting.test.tsx', import.meta.url), 'utf8')
const MARKER = '// README: from here on\n'

/** Where each imported name comes from: `name` → `module` (`type name` for type imports). */
function importsOf(code: string): Map<string, string> {
  const names = new Map<string, string>()
  for (const [, type, list, single, from] of code.matchAll(/^import (type )?(?:\{([^}]*)\}|(\w+)) from '([^']+)'$/gm)) {
    for (const name of list ? list.split(',').map((entry) => entry.trim()).filter(Boolean) : [single!]) names.set(`${type ?? ''}${name}`, from!)
  }
  return names
}

const section = readme.slice(readme.indexOf('\n## Testing\n'), readme.indexOf('\n## ', readme.indexOf('\n## Testing\n') + 1))
const block = /```tsx\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
const readmeBody = block.replace(/^(import .*\n)+\n?/, '')
const testBody = test_.slice(test_.indexOf(MARKER) + MARKER.length)

test('the README has a Testing section, before Security, with a test in it', () => {
  expect(readme.indexOf('\n## Testing\n')).toBeGreaterThan(0)
  expect(readme.indexOf('\n## Testing\n')).toBeLessThan(readme.indexOf('\n## Security\n'))
  expect(block).toContain("from '@plugboard/react/testing'")
  expect(test_).toContain(MARKER)
})

test('the README example is the code test/components/readmeTesting.test.tsx runs, after the imports', () => {
  expect(readmeBody).toBe(testBody)
})

test('every name the README imports, the test imports from the matching source', () => {
  const sources: Record<string, string> = { '@plugboard/react': '../../src/index', '@plugboard/react/testing': '../../src/testing' }
  const inTest = importsOf(test_)
  for (const [name, from] of importsOf(block)) {
    // msw/node's setupServer runs only in Node; the test defines a stand-in with its API.
    if (from === 'msw/node') expect(test_).toMatch(new RegExp(`function ${name}\\(`))
    else expect([name, inTest.get(name)]).toEqual([name, sources[from] ?? from])
  }
})
