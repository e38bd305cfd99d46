import type { ProviderListing } from './ConnectBackend'

// Searching a provider gallery, framework-free: text folded once per provider, so each keystroke
// is a few substring checks per provider; matches ranked so a name that starts with the query
// comes first; and the type-ahead of a listbox.

/**
 * `text` folded for matching in `locale`: compatibility forms unified (full-width letters, ligatures),
 * accents and other marks dropped, case folded the locale's way (`ß` matches `ss`). "Zürich",
 * "zurich" and "ZÜRICH" fold alike.
 */
export function foldText(text: string, locale: string): string {
  // Case first (Turkish İ lowers to i, not to I and a dot), then forms and marks, then case again
  // for what decomposition made (ℌ is H).
  const folded = text.toLocaleUpperCase(locale).toLocaleLowerCase(locale)
  return folded.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase(locale)
}

/** A provider ready to be searched: its folded name, the words of that name, and all its text. */
export interface SearchKey {
  /** The folded display name. */
  name: string
  /** The folded name's words (split at anything that is not a letter or digit). */
  words: string[]
  /** The folded name, id, category and description, each on its own line. */
  text: string
}

/** A listing's {@link SearchKey} in `locale`. */
export function searchKey(listing: Pick<ProviderListing, 'id' | 'displayName' | 'category' | 'description'>, locale: string): SearchKey {
  const name = foldText(listing.displayName, locale)
  const text = [name, foldText(listing.id, locale), listing.category, listing.description]
    .filter((part): part is string => Boolean(part))
    .map((part) => foldText(part, locale))
    .join('\n')
  return { name, words: name.split(/[^\p{L}\p{N}]+/u).filter(Boolean), text }
}

/** A search as typed, folded once: the whole query and its words. */
export interface SearchQuery {
  /** The folded query, trimmed. */
  whole: string
  /** Its words; every one must be found. */
  terms: string[]
}

/** The query as typed, folded in `locale`. An empty `whole` matches everything. */
export function searchQuery(query: string, locale: string): SearchQuery {
  const whole = foldText(query, locale).trim().replace(/\s+/g, ' ')
  return { whole, terms: whole ? whole.split(' ') : [] }
}

/**
 * How well a provider matches: `undefined` when some word of the query is missing, else `0` when the
 * name starts with the query, `1` when one of the name's words starts with the query's first word,
 * `2` when it matches elsewhere (inside a word, the id, the category or the description).
 */
export function matchRank(key: SearchKey, query: SearchQuery): 0 | 1 | 2 | undefined {
  if (query.terms.length === 0) return 0
  if (!query.terms.every((term) => key.text.includes(term))) return undefined
  if (key.name.startsWith(query.whole)) return 0
  const first = query.terms[0]!
  return key.words.some((word) => word.startsWith(first)) ? 1 : 2
}

/**
 * The items that match `query`, best first and otherwise in their given order. `keyOf` gives each
 * item's {@link SearchKey} (computed once per item, not per keystroke).
 */
export function searchItems<T>(items: readonly T[], keyOf: (item: T) => SearchKey, query: SearchQuery): T[] {
  if (query.terms.length === 0) return items as T[]
  const ranked: { item: T; rank: number; index: number }[] = []
  items.forEach((item, index) => {
    const rank = matchRank(keyOf(item), query)
    if (rank !== undefined) ranked.push({ item, rank, index })
  })
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((entry) => entry.item)
}

/**
 * Type-ahead, as a listbox does it: the index of the next name (after `from`, wrapping) that starts
 * with `typed`. Typing one letter again and again steps through the names starting with it; typing
 * a longer prefix stays on the current name while it still matches. `names` are folded, `typed` is
 * as typed. `-1` when none matches.
 */
export function typeAheadIndex(names: readonly string[], typed: string, from: number, locale: string): number {
  const prefix = foldText(typed, locale)
  if (!prefix || names.length === 0) return -1
  // "sss" is the letter "s" typed three times: step through the names that start with "s".
  const characters = Array.from(prefix)
  const repeated = characters.every((character) => character === characters[0])
  const wanted = repeated ? characters[0]! : prefix
  const start = repeated ? from + 1 : from
  for (let step = 0; step < names.length; step++) {
    const index = (((start + step) % names.length) + names.length) % names.length
    if (names[index]!.startsWith(wanted)) return index
  }
  return -1
}
