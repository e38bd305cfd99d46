'use client'
import { useQuery } from '@tanstack/react-query'
import type { UseQueryResult } from '@tanstack/react-query'
import type { ConnectError } from '../model/ConnectError'
import type { ProviderSpec } from '../model/ProviderSpec'
import { useConnectContext } from './ConnectContext'
import { connectKeys, readRetry } from './queryKeys'

/**
 * Loads a provider as the platform describes it: name, logo, sign-in methods and connection
 * fields. Cached for the session.
 *
 * @example
 * const { data: spec } = useProviderSpec('salesforce')
 */
export function useProviderSpec(provider: string): UseQueryResult<ProviderSpec, ConnectError> {
  const { backend, queryClient } = useConnectContext('useProviderSpec')
  return useQuery<ProviderSpec, ConnectError>(
    {
      queryKey: connectKeys.provider(backend.id, provider),
      // The kit's read retries, unless the host's QueryClient sets its own.
      ...(queryClient.getDefaultOptions().queries?.retry === undefined ? readRetry : {}),
      queryFn: ({ signal }) => backend.getProvider(provider, signal),
      staleTime: 60 * 60_000,
    },
    queryClient,
  )
}
