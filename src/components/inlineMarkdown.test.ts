import { expect, test } from 'vitest'
import { parseInlineMarkdown } from './inlineMarkdown'

test("NetSuite's prompt: inline code stays code", () => {
  expect(parseInlineMarkdown('If your Netsuite URL is `https://1234567-sb.app.netsuite.com`, then the prefix is `1234567-sb`.')).toEqual([
    { kind: 'text', text: 'If your Netsuite URL is ' },
    { kind: 'code', text: 'https://1234567-sb.app.netsuite.com' },
    { kind: 'text', text: ', then the prefix is ' },
    { kind: 'code', text: '1234567-sb' },
    { kind: 'text', text: '.' },
  ])
})

test('https links become links: Markdown, angle brackets and bare URLs (without the sentence’s full stop)', () => {
  expect(parseInlineMarkdown('See [the guide](https://docs.test/a?b=1) or <http://localhost:4000/b>, or https://docs.test/c.')).toEqual([
    { kind: 'text', text: 'See ' },
    { kind: 'link', text: 'the guide', href: 'https://docs.test/a?b=1' },
    { kind: 'text', text: ' or ' },
    // Plain http only on a loopback host (development).
    { kind: 'link', text: 'http://localhost:4000/b', href: 'http://localhost:4000/b' },
    { kind: 'text', text: ', or ' },
    { kind: 'link', text: 'https://docs.test/c', href: 'https://docs.test/c' },
    { kind: 'text', text: '.' },
  ])
})

test('a plain http link from the platform stays text: nothing is linked that could be read or changed on the way', () => {
  const parts = parseInlineMarkdown('See <http://docs.test/b> or [guide](http://docs.test/c).')
  expect(parts.filter((part) => part.kind === 'link')).toEqual([])
  expect(parts.map((part) => part.text).join('')).toContain('http://docs.test/b')
})

test('anything else stays text: other schemes, relative links and HTML', () => {
  expect(parseInlineMarkdown('[click](javascript:alert(1)) [here](/relative) <img src=x onerror=alert(1)> **bold**')).toEqual([
    { kind: 'text', text: 'click here <img src=x onerror=alert(1)> **bold**' },
  ])
})

test('parentheses: balanced ones belong to the URL, the sentence keeps its own', () => {
  expect(parseInlineMarkdown('See [the guide](https://docs.test/wiki/Realm_(NetSuite)).')).toEqual([
    { kind: 'text', text: 'See ' },
    { kind: 'link', text: 'the guide', href: 'https://docs.test/wiki/Realm_(NetSuite)' },
    { kind: 'text', text: '.' },
  ])
  expect(parseInlineMarkdown('(see https://docs.test/wiki/Realm_(NetSuite)).')).toEqual([
    { kind: 'text', text: '(see ' },
    { kind: 'link', text: 'https://docs.test/wiki/Realm_(NetSuite)', href: 'https://docs.test/wiki/Realm_(NetSuite)' },
    { kind: 'text', text: ').' },
  ])
})
