'use client'
import { useQuery } from '@tanstack/react-query'
import type { UseQueryResult } from '@tanstack/react-query'
import type { Connection, ConnectionFilter } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'
import { useConnectContext } from './ConnectContext'
import { connectKeys, readRetry } from './queryKeys'

/**
 * Lists every connection of the provider's group and consumer, optionally for one provider.
 * Refreshes after any connect, reconnect or delete made through the kit. Pass
 * `{ enabled: false }` to skip the request.
 *
 * @example
 * const { data: connections = [], isPending } = useConnections({ provider: 'hubspot' })
 */
export function useConnections(
  filter: ConnectionFilter = {},
  options: { enabled?: boolean } = {},
): UseQueryResult<Connection[], ConnectError> {
  const { backend, scope, queryClient } = useConnectContext('useConnections')
  return useQuery<Connection[], ConnectError>(
    {
      queryKey: connectKeys.connections(backend.id, scope, filter),
      // The kit's read retries, unless the host's QueryClient sets its own.
      ...(queryClient.getDefaultOptions().queries?.retry === undefined ? readRetry : {}),
      queryFn: ({ signal }) => backend.listConnections(scope, filter, signal),
      enabled: options.enabled ?? true,
    },
    queryClient,
  )
}
