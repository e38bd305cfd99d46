'use client'
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { QueryClient, UseQueryResult } from '@tanstack/react-query'
import type { ConnectBackend } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'
import type { ProviderSpec } from '../model/ProviderSpec'
import { useConnectContext } from './ConnectContext'
import { connectKeys, readRetry } from './queryKeys'

/**
 * The query of one provider's catalog entry, shared by `useProviderSpec` and the connection list's
 * summaries: one key, one freshness (an hour), and the kit's read retries unless the host's
 * QueryClient sets its own.
 */
export function providerSpecQuery(backend: ConnectBackend, queryClient: QueryClient, provider: string) {
  return queryOptions<ProviderSpec, ConnectError>({
    queryKey: connectKeys.provider(backend.id, provider),
    ...(queryClient.getDefaultOptions().queries?.retry === undefined ? readRetry : {}),
    queryFn: ({ signal }) => backend.getProvider(provider, signal),
    staleTime: 60 * 60_000,
  })
}

/**
 * Loads a provider as the platform describes it: name, logo, sign-in methods and connection
 * fields. Cached for the session.
 *
 * @example
 * const { data: spec } = useProviderSpec('salesforce')
 */
export function useProviderSpec(provider: string): UseQueryResult<ProviderSpec, ConnectError> {
  const { backend, queryClient } = useConnectContext('useProviderSpec')
  return useQuery(providerSpecQuery(backend, queryClient, provider), queryClient)
}
