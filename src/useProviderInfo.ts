'use client'
import { useQuery } from '@tanstack/react-query'
import type { UseQueryResult } from '@tanstack/react-query'
import type { ConnectError } from './ConnectError'
import { useConnectContext } from './ConnectProvider'
import type { ProviderInfo } from './providerInfo'
import { connectKeys } from './queryKeys'

/**
 * Loads a provider's catalog entry (auth type, grant, inputs, metadata). Cached for the session.
 *
 * @example
 * const { data: info } = useProviderInfo('salesforce')
 */
export function useProviderInfo(provider: string): UseQueryResult<ProviderInfo, ConnectError> {
  const { backend, queryClient } = useConnectContext('useProviderInfo')
  return useQuery<ProviderInfo, ConnectError>(
    {
      queryKey: connectKeys.provider(backend.id, provider),
      queryFn: ({ signal }) => backend.getProvider(provider, signal),
      staleTime: 60 * 60_000,
    },
    queryClient,
  )
}
