'use client'
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { QueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import type { Connection, ConnectBackend, ProviderListing } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'
import type { SearchKey } from '../model/providerSearch'
import { searchItems, searchKey, searchQuery, typeAheadIndex } from '../model/providerSearch'
import { useConnectContext } from './ConnectContext'
import { connectKeys, readRetry } from './queryKeys'
import { useConnections } from './useConnections'
import { providerSpecQuery } from './useProviderSpec'

/** Options of {@link useProviderGallery}. */
export interface UseProviderGalleryOptions {
  /**
   * The search as typed: every word must appear in a provider's name, id, category or description,
   * ignoring case and accents, folded in the provider's `locale`. Names starting with it come first.
   * @default '' (every provider)
   */
  query?: string
  /** Only providers of this category (one of `categories`); empty or absent means all. @default all */
  category?: string
  /**
   * Only these provider ids. Required when the backend has no `listProviders`: each is then loaded
   * with `getProvider`.
   * @default every provider the platform lists
   */
  providers?: readonly string[]
}

/** What {@link useProviderGallery} returns. */
export interface ProviderGalleryState {
  /**
   * `loading` the providers or the consumer's connections (so no tile is chosen before its button
   * knows whether to connect or reconnect), `error` loading the providers (with `retry`), or `ready`.
   */
  status: 'loading' | 'error' | 'ready'
  /** Every provider on offer (restricted to `providers`), by name in the provider's locale. */
  providers: readonly ProviderListing[]
  /** The providers matching `query` and `category`, best match first. Each keeps its identity between searches. */
  results: readonly ProviderListing[]
  /** The categories the providers are filed under, sorted; empty when the platform gives none. */
  categories: readonly string[]
  /** The consumer's connection to each provider that has one (the healthiest), by provider id. */
  connections: ReadonlyMap<string, Connection>
  /** Why the providers could not be loaded. */
  error: ConnectError | null
  /** Whether the providers are being (re)loaded. */
  isFetching: boolean
  /** Loads the providers again after an error. */
  retry(): void
  /**
   * Type-ahead over `results`: the index of the next provider (after `from`) whose name starts with
   * `typed`, ignoring case and accents; `-1` when none does.
   */
  typeAhead(typed: string, from: number): number
  /**
   * Readies one provider for its `ConnectButton`: its spec goes into the cache from the listing when
   * the listing carries it (so the button is ready at once, and a sign-in window can open inside
   * the click), else it is fetched.
   */
  preload(provider: string): void
}

const noListings: ProviderListing[] = []
const healthRank: Record<string, number> = { working: 0, created: 1, bad_credentials: 2 }

/**
 * The query of a gallery's providers: the platform's list, or, for a backend without
 * `listProviders`, the given providers one by one. Fresh for an hour, with the kit's read retries
 * unless the host's QueryClient sets its own.
 */
export function providerListQuery(backend: ConnectBackend, queryClient: QueryClient, only: readonly string[] | null) {
  const listed = typeof backend.listProviders === 'function'
  return queryOptions<ProviderListing[], ConnectError>({
    queryKey: connectKeys.providerList(backend.id, listed ? null : only),
    ...(queryClient.getDefaultOptions().queries?.retry === undefined ? readRetry : {}),
    queryFn: async ({ signal }) => {
      if (listed) return backend.listProviders!(signal)
      if (!only) {
        throw new Error('Plugboard: this backend cannot list its providers (it has no `listProviders`). Pass `providers` to ProviderGallery or useProviderGallery.')
      }
      const specs = await Promise.all(only.map((provider) => queryClient.fetchQuery(providerSpecQuery(backend, queryClient, provider))))
      return specs.map((spec) => ({ id: spec.id, displayName: spec.displayName, ...(spec.iconUrl ? { iconUrl: spec.iconUrl } : {}), spec }))
    },
    staleTime: 60 * 60_000,
  })
}

/**
 * The headless provider gallery: the platform's providers (one request for all of them), the
 * consumer's connections to mark the connected ones, search and category filtering, and
 * type-ahead. Nothing is loaded per provider until one is chosen (`preload`).
 *
 * @example
 * const gallery = useProviderGallery({ query })
 * return gallery.results.map((provider) => <ConnectButton key={provider.id} provider={provider.id} />)
 */
export function useProviderGallery(options: UseProviderGalleryOptions = {}): ProviderGalleryState {
  const { backend, queryClient, locale } = useConnectContext('useProviderGallery')
  // A new array of the same ids each render must not mean a new query or a new list.
  const onlyKey = options.providers ? JSON.stringify([...new Set(options.providers)]) : null
  const only = useMemo(() => (onlyKey ? (JSON.parse(onlyKey) as string[]) : null), [onlyKey])
  const list = useQuery(providerListQuery(backend, queryClient, only), queryClient)
  // The same scope-wide list every ConnectButton reads: no request of its own.
  const connectionList = useConnections()
  const listings = list.data ?? noListings

  const providers = useMemo(() => {
    const wanted = only ? new Set(only) : null
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
    return listings.filter((listing) => !wanted || wanted.has(listing.id)).sort((a, b) => collator.compare(a.displayName, b.displayName))
  }, [listings, only, locale])

  // Folded once per provider, not once per keystroke.
  const keys = useMemo(() => new Map<ProviderListing, SearchKey>(providers.map((listing) => [listing, searchKey(listing, locale)])), [providers, locale])

  const categories = useMemo(() => {
    const collator = new Intl.Collator(locale, { sensitivity: 'base' })
    return [...new Set(providers.flatMap((listing) => (listing.category ? [listing.category] : [])))].sort(collator.compare)
  }, [providers, locale])

  const { query = '', category } = options
  const results = useMemo(() => {
    const inCategory = category ? providers.filter((listing) => listing.category === category) : providers
    return searchItems(inCategory, (listing) => keys.get(listing)!, searchQuery(query, locale))
  }, [providers, keys, query, category, locale])

  const connections = useMemo(() => {
    const best = new Map<string, Connection>()
    for (const connection of connectionList.data ?? []) {
      const known = best.get(connection.provider)
      if (!known || (healthRank[connection.status] ?? 3) < (healthRank[known.status] ?? 3)) best.set(connection.provider, connection)
    }
    return best
  }, [connectionList.data])

  const names = useMemo(() => results.map((listing) => keys.get(listing)!.name), [results, keys])
  const typeAhead = useCallback((typed: string, from: number) => typeAheadIndex(names, typed, from, locale), [names, locale])

  const preload = useCallback(
    (provider: string) => {
      const query = providerSpecQuery(backend, queryClient, provider)
      const spec = listings.find((listing) => listing.id === provider)?.spec
      if (queryClient.getQueryData(query.queryKey) !== undefined) return
      if (spec) queryClient.setQueryData(query.queryKey, spec)
      else void queryClient.prefetchQuery(query)
    },
    [backend, queryClient, listings],
  )

  return {
    status: list.isPending || connectionList.isPending ? 'loading' : list.isError && list.data === undefined ? 'error' : 'ready',
    providers,
    results,
    categories,
    connections,
    error: list.error,
    isFetching: list.isFetching,
    retry: () => void list.refetch(),
    typeAhead,
    preload,
  }
}
