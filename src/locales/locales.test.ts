import { describe, expect, test } from 'vitest'
import { galleryMessages } from '../model/galleryMessages'
import { defaultMessages as coreMessages } from '../model/messages'

// Every English message: the core ones and the gallery's (kept apart for bundle size).
const defaultMessages = { ...coreMessages, ...galleryMessages }
import { ar } from './ar'
import { de } from './de'
import { es } from './es'
import { fr } from './fr'
import { ja } from './ja'

const catalogs = { ar, de, es, fr, ja }

/** Every leaf of a messages object, by dotted path: strings and functions. */
function leaves(value: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, leaf] of Object.entries(value)) {
    const path = prefix + key
    if (leaf && typeof leaf === 'object') for (const [p, v] of leaves(leaf, `${path}.`)) out.set(p, v)
    else out.set(path, leaf)
  }
  return out
}

/** Sample arguments for a message function, by arity. */
const sampleArgs = ['Acme', 'Beta', 'Gamma']

describe.each(Object.entries(catalogs))('the %s catalog', (_name, catalog) => {
  const english = leaves(defaultMessages)
  const translated = leaves(catalog)

  test('translates exactly the keys of the English messages, nested ones included', () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort())
  })

  test('keeps every message function’s arity and every string’s type', () => {
    for (const [path, value] of english) {
      const other = translated.get(path)
      expect(typeof other, path).toBe(typeof value)
      if (typeof value === 'function') expect((other as (...args: unknown[]) => unknown).length, path).toBe(value.length)
    }
  })

  test('has no empty string and every function returns a non-empty sentence using its arguments', () => {
    for (const [path, value] of translated) {
      if (typeof value === 'string') {
        expect(value.trim(), path).not.toBe('')
        continue
      }
      const fn = value as (...args: unknown[]) => unknown
      // Counts come as the number (for the plural form) and as it is formatted in the locale.
      const counted = path === 'galleryCount' || path === 'gallerySearchResults'
      const args =
        path === 'unexpectedResponse' ? [503] : path === 'popupTimeoutSoon' ? ['Acme', 50] : counted ? [3, '3', 'Acme'].slice(0, fn.length) : sampleArgs.slice(0, fn.length)
      const text = fn(...args)
      expect(typeof text, path).toBe('string')
      expect((text as string).trim(), path).not.toBe('')
      // A translation must not drop what it is given (the provider, the field, the status…).
      for (const arg of args.slice(0, path === 'popupTimeoutSoon' ? 1 : undefined)) expect(text, path).toContain(String(arg))
    }
  })

  test('differs from English where English is a sentence', () => {
    expect(catalog.genericError).not.toBe(defaultMessages.genericError)
    expect(catalog.connect?.('Acme')).not.toBe(defaultMessages.connect('Acme'))
  })
})
