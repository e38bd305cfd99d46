/** A module loaded on demand, once: what a view needs to render it, fetch it early, or try again. */
export interface LazyModule<T> {
  /** The module once loaded. */
  current(): T | undefined
  /** Starts loading (at most one request at a time); resolves with the module. */
  load(): Promise<T>
}

/**
 * Wraps a dynamic `import()` so it runs once, is shared by every caller, and can be tried again
 * after a failure (a dropped connection must not leave the form unloadable until a reload).
 */
export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loaded: T | undefined
  let loading: Promise<T> | undefined
  return {
    current: () => loaded,
    load() {
      loading ??= importer().then(
        (module) => (loaded = module),
        (error: unknown) => {
          loading = undefined
          throw error
        },
      )
      return loading
    },
  }
}
