// The README's ```ts and ```tsx blocks, as files a consumer project can type-check against the
// packed package. A block that is deliberately a fragment is marked with `<!-- snippet: fragment -->`
// on the line before its fence and left out.
import { readFileSync } from 'node:fs'

/**
 * Every TypeScript block of a Markdown file, each with the heading it sits under and its line.
 * @param {string} path
 * @returns {{ name: string, heading: string, line: number, extension: 'ts' | 'tsx', code: string, fragment: boolean }[]}
 */
export function readSnippets(path) {
  const lines = readFileSync(path, 'utf8').split('\n')
  const snippets = []
  let heading = ''
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    if (/^#{1,6} /.test(line)) heading = line.replace(/^#+ /, '')
    const fence = /^```(tsx?)\s*$/.exec(line)
    if (!fence) {
      // Skip over other fenced blocks whole, so a `#` inside them is not taken for a heading.
      if (/^```/.test(line)) while (index + 1 < lines.length && !/^```\s*$/.test(lines[++index]));
      continue
    }
    const start = index
    const body = []
    while (index + 1 < lines.length && !/^```\s*$/.test(lines[++index])) body.push(lines[index])
    const fragment = /^<!--\s*snippet:\s*fragment\s*-->$/.test(lines[start - 1]?.trim() ?? '')
    const slug = heading.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'top'
    snippets.push({
      name: `readme-${String(snippets.length + 1).padStart(2, '0')}-${slug}`,
      heading,
      line: start + 1,
      extension: /** @type {'ts' | 'tsx'} */ (fence[1]),
      code: `${body.join('\n')}\n`,
      fragment,
    })
  }
  return snippets
}
