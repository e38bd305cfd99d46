import type { ProviderListing } from '../../model/ConnectBackend'
import { safeUrl } from '../../model/connectionName'

// What every adapter's `listProviders` does the same way: platform text made safe to show in a tile,
// icons only from safe URLs, and a list of bounded length without duplicate ids.

/** The longest provider name a listing keeps, in characters. */
export const MAX_NAME_LENGTH = 120
/** The longest description or category a listing keeps, in characters. */
export const MAX_TEXT_LENGTH = 300
/** The longest provider id a listing accepts; a longer one is no id a platform would use. */
export const MAX_ID_LENGTH = 200
/** The most listings one answer yields: a runaway catalog cannot freeze the page. */
export const MAX_LISTINGS = 5000

/** Control characters, bidi embeddings, overrides and isolates, and line or paragraph separators. */
const UNSAFE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu

/**
 * Platform text as one line a person can read: control and bidi-override characters and line
 * breaks become spaces, runs of spaces one, and anything past `max` characters an ellipsis (never
 * half a surrogate pair). `undefined` for anything that is not a string or is blank.
 */
export function plainText(text: unknown, max: number): string | undefined {
  if (typeof text !== 'string') return undefined
  const line = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim()
  if (!line) return undefined
  const characters = Array.from(line)
  return characters.length > max ? `${characters.slice(0, max - 1).join('').trimEnd()}…` : line
}

/** What an adapter read for one provider, before it is made safe. */
export interface RawListing {
  id: unknown
  displayName?: unknown
  iconUrl?: unknown
  description?: unknown
  category?: unknown
  spec?: ProviderListing['spec']
}

/** An id the kit can pass on: a string that is not blank, not too long, with no control characters. */
const isId = (id: unknown): id is string => typeof id === 'string' && id.trim() !== '' && id.length <= MAX_ID_LENGTH && !/\p{Cc}/u.test(id)

/**
 * The listings to show: entries without a usable id left out, names bounded (the id when there is no
 * name), icons only from safe URLs, the first entry of an id kept, at most {@link MAX_LISTINGS}.
 */
export function toListings(entries: Iterable<RawListing>): ProviderListing[] {
  const listings = new Map<string, ProviderListing>()
  for (const entry of entries) {
    if (listings.size >= MAX_LISTINGS) break
    if (!isId(entry.id) || listings.has(entry.id)) continue
    const iconUrl = typeof entry.iconUrl === 'string' ? safeUrl(entry.iconUrl) : undefined
    const description = plainText(entry.description, MAX_TEXT_LENGTH)
    const category = plainText(entry.category, MAX_TEXT_LENGTH)
    listings.set(entry.id, {
      id: entry.id,
      displayName: plainText(entry.displayName, MAX_NAME_LENGTH) ?? plainText(entry.id, MAX_NAME_LENGTH) ?? entry.id,
      ...(iconUrl ? { iconUrl } : {}),
      ...(description ? { description } : {}),
      ...(category ? { category } : {}),
      ...(entry.spec ? { spec: entry.spec } : {}),
    })
  }
  return [...listings.values()]
}
