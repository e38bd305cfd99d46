/**
 * A function that puts `defaults` (messages kept out of the core set, for bundle size) under a
 * context's messages: a catalog's or the host's win, English fills the rest, and an `undefined`
 * override erases nothing. The same context messages always give the same object, so memoised
 * views do not render again.
 */
export function underMessages<D extends object>(defaults: D): <M extends object>(messages: M) => M & D {
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
