/**
 * The provider gallery's English messages, apart from `defaultMessages` so that an app without a
 * `ProviderGallery` does not download them. Override any of them through `ConnectProvider`'s
 * `messages`, as any other message; the built-in catalogs (`de`, `fr`, ...) include them.
 */
export const galleryMessages = {
  galleryTitle: 'Add a connection',
  gallerySearch: 'Search providers',
  galleryClearSearch: 'Clear search',
  galleryCategory: 'Category',
  galleryAllCategories: 'All categories',
  /** The grid of tiles, as assistive technology names it. */
  galleryProviders: 'Providers',
  galleryLoading: 'Loading providers…',
  galleryLoadError: 'Could not load the providers.',
  galleryEmpty: 'There are no providers to connect yet.',
  /** A tile's badge: the person has a connection to this provider. */
  galleryConnected: 'Connected',
  /** A tile's badge: the person's connection to this provider has failing credentials. */
  galleryNeedsAttention: 'Needs attention',
  /** How many providers the gallery shows; `count` picks the plural form, `formatted` is it in the provider's locale. */
  galleryCount: (count: number, formatted: string) => (count === 1 ? `${formatted} provider` : `${formatted} providers`),
  /** How many providers match the search; `count` picks the plural form, `formatted` is it in the provider's locale. */
  gallerySearchResults: (count: number, formatted: string, query: string) =>
    count === 1 ? `${formatted} provider matches “${query}”` : `${formatted} providers match “${query}”`,
  galleryNoResults: (query: string) => `No providers match “${query}”.`,
  galleryNoResultsHint: 'Check the spelling or clear the search.',
  /** The hint when a category is chosen too. */
  galleryNoResultsCategoryHint: 'Check the spelling, choose All categories or clear the search.',
}

/** The shape of {@link galleryMessages}. */
export type GalleryMessages = typeof galleryMessages

/** The gallery's messages under the context's: a catalog's or the host's win, English fills the rest. */
export const withGalleryMessages = underMessages(galleryMessages)

/**
 * A function that puts `defaults` (messages kept out of the core set, for bundle size) under a
 * context's messages: a catalog's or the host's win, English fills the rest, and an `undefined`
 * override erases nothing. The same context messages always give the same object, so memoised
 * views do not render again.
 */
function underMessages<D extends object>(defaults: D): <M extends object>(messages: M) => M & D {
  const cache = new WeakMap<object, object>()
  return <M extends object>(messages: M) => {
    let merged = cache.get(messages)
    if (!merged) {
      const defined = Object.entries(messages).filter(([, value]) => value !== undefined)
      merged = { ...defaults, ...Object.fromEntries(defined) }
      cache.set(messages, merged)
    }
    return merged as M & D
  }
}
