'use client'
import { useQueries } from '@tanstack/react-query'
import type { QueryObserverResult } from '@tanstack/react-query'
import { useCallback, useRef } from 'react'
import { isolate } from '../model/connectionName'
import type { ConnectError } from '../model/ConnectError'
import type { ProviderSpec } from '../model/ProviderSpec'
import { useConnectContext } from './ConnectContext'
import type { ProviderSchemeState } from './useProviderScheme'
import { providerSpecQuery } from './useProviderSpec'

/** What a list needs to know about one provider before anyone acts on it. */
export interface ProviderSummary {
  /** As `useProviderScheme`'s: `loading`, `error`, `unsupported` (no method the kit can run) or `ready`. */
  status: ProviderSchemeState['status']
  /** The provider's name for people (its id until it loads), isolated for use inside sentences. */
  displayName: string
  /** The platform's icon for the provider, when it has one (unchecked: `ProviderLogo` keeps only safe URLs). */
  iconUrl?: string
  /** Whether the provider had loaded before an `error` (a failed refresh). */
  loaded: boolean
  /** Why the provider could not be loaded. */
  error: ConnectError | null
  /** Loads the provider again after an error. */
  retry(): void
}

type Result = QueryObserverResult<ProviderSpec, ConnectError>

function summarize(provider: string, result: Result): ProviderSummary {
  const spec = result.data
  return {
    // useProviderScheme resolves each method of the spec; none means none the kit can run.
    status: result.isPending ? 'loading' : result.isError ? 'error' : spec!.methods.length > 0 ? 'ready' : 'unsupported',
    displayName: isolate(spec?.displayName ?? provider),
    iconUrl: spec?.iconUrl,
    loaded: spec !== undefined,
    error: result.error,
    retry: () => void result.refetch(),
  }
}

const same = (a: ProviderSummary, b: ProviderSummary) =>
  a.status === b.status && a.displayName === b.displayName && a.iconUrl === b.iconUrl && a.loaded === b.loaded && a.error === b.error

/**
 * Loads several providers at once (one query each, the one `useProviderSpec` uses) and sums each
 * up for a list: one hook per list instead of hooks per row, so a thousand rows of a dozen
 * providers observe a dozen queries. A provider's summary keeps its identity until it changes, so
 * memoised rows of the other providers do not render again.
 *
 * @example
 * const providers = useProviderSummaries(['hubspot', 'salesforce'])
 * providers.get('hubspot')?.displayName // "HubSpot"
 */
export function useProviderSummaries(providers: readonly string[]): ReadonlyMap<string, ProviderSummary> {
  const { backend, queryClient } = useConnectContext('useProviderSummaries')
  const previous = useRef(new Map<string, ProviderSummary>())
  const combine = useCallback(
    (results: Result[]) => {
      const summaries = new Map<string, ProviderSummary>()
      results.forEach((result, index) => {
        const provider = providers[index]!
        const summary = summarize(provider, result)
        const before = previous.current.get(provider)
        summaries.set(provider, before && same(before, summary) ? before : summary)
      })
      previous.current = summaries
      return summaries
    },
    [providers],
  )
  return useQueries(
    {
      // The same query as useProviderSpec's: same key, same freshness, same retries.
      queries: providers.map((provider) => providerSpecQuery(backend, queryClient, provider)),
      combine,
    },
    queryClient,
  )
}
