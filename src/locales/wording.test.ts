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

// Every message is read by the person connecting an account, never by the host's developers: no
// word about the kit, the platform behind it or the protocol it speaks. Each entry names the idea
// and matches it in every catalog's own words.
const jargon: [idea: string, pattern: RegExp][] = [
  ['the kit', /\bkit\b|キット/i],
  ['Bearer', /bearer/i],
  ['header', /\bheaders?\b|en-têtes?|encabezados?|ヘッダー|الترويسة/i],
  ['payload', /payload|Nutzlast|charge utile|carga útil|ペイロード|الحمولة/i],
  ['endpoint', /endpoints?|Endpunkt|point de terminaison|エンドポイント|نقطة النهاية/i],
  ['API', /\bAPI\b/],
  ['platform', /platform|Plattform|plateforme|plataforma|プラットフォーム|المنصة/i],
  ['HTTP', /\bHTTP\b/],
  ['OAuth', /OAuth|PKCE|\bJWT\b/],
  ['embedded', /embedded|eingebettet|intégrée?|integrad[oa]|埋め込み|المضم/i],
  ['redirect', /redirect|Weiterleitung|redirection|redirección|リダイレクト|إعادة (?:ال)?توجيه/i],
  ['base64', /base64/i],
]

/**
 * Where a technical word is the thing itself: the key is called an API key by every provider, and
 * an HMAC signature's header and encoding are named as the other side's settings name them.
 */
const allowed: Record<string, string[]> = {
  API: ['apiKey', 'scheme.apiKey'],
  header: ['placement.header'],
  base64: ['hmacEncodings.base64', 'hmacEncodings.base64url'],
}

/** The ideas of `jargon` that `text` mentions. */
function jargonIn(text: string): string[] {
  return jargon.filter(([, pattern]) => pattern.test(text)).map(([idea]) => idea)
}

/** Every leaf of a messages object, by dotted path. */
function leaves(value: object, prefix = ''): [path: string, leaf: unknown][] {
  return Object.entries(value).flatMap(([key, leaf]): [string, unknown][] =>
    leaf && typeof leaf === 'object' ? leaves(leaf, `${prefix}${key}.`) : [[`${prefix}${key}`, leaf]],
  )
}

/**
 * What a message can read: a string as is; a function with neutral sample arguments, and without
 * its last one (an optional reason), and `popupTimeoutSoon` on both sides of its threshold.
 */
function readings(path: string, leaf: unknown): string[] {
  if (typeof leaf === 'string') return [leaf]
  const fn = leaf as (...args: unknown[]) => string
  if (path === 'unexpectedResponse') return [fn(503)]
  if (path === 'popupTimeoutSoon') return [fn('Acme', 50), fn('Acme', 10)]
  const args = ['Acme', 'Beta', 'Gamma'].slice(0, fn.length)
  const texts = args.length > 1 ? [fn(...args), fn(...args.slice(0, -1))] : [fn(...args)]
  return texts.filter((text) => !text.includes('undefined'))
}

const catalogs = { en: defaultMessages, ar, de, es, fr, ja }

test('the check catches the developer wording it was written against', () => {
  expect(jargonIn('Paste the key alone; the kit adds “Bearer” for you.')).toEqual(['the kit', 'Bearer'])
  expect(jargonIn('The kit is not allowed to call the platform API. Check the API key or token.')).toEqual(['the kit', 'API', 'platform'])
  expect(jargonIn('Legacy needs OAuth 1 browser sign-in, which is not available for embedded sign-in.')).toEqual(['OAuth', 'embedded'])
  expect(jargonIn('Der Zugriff auf die Plattform-API ist nicht erlaubt.')).toEqual(['API', 'platform'])
  expect(jargonIn('Connect an app and it will show up here.')).toEqual([])
})

describe.each(Object.entries(catalogs))('the %s messages', (_name, catalog) => {
  test('speak to the person connecting, with no developer or protocol jargon', () => {
    const found: string[] = []
    for (const [path, leaf] of leaves(catalog)) {
      for (const text of readings(path, leaf)) {
        for (const idea of jargonIn(text)) if (!allowed[idea]?.includes(path)) found.push(`${path} (${idea}): ${text}`)
      }
    }
    expect(found).toEqual([])
  })

  test('have no key that English lacks', () => {
    const english = new Set(leaves(defaultMessages).map(([path]) => path))
    expect(leaves(catalog).map(([path]) => path).filter((path) => !english.has(path))).toEqual([])
  })
})
