'use client'
import { useMutation } from '@tanstack/react-query'
import type { UseMutationResult } from '@tanstack/react-query'
import type { Connection, ConnectionInput } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'
import { useConnectContext } from './ConnectContext'
import { useInvalidateConnections } from './useInvalidateConnections'

/**
 * Creates a connection from credentials; connection lists refresh on success. Credentials leave
 * the mutation cache once the mutation is reset or unmounted (`gcTime: 0`).
 *
 * @example
 * const create = useCreateConnection()
 * create.mutate({ provider: 'openAI', credentials: [{ scheme: 'apiKey', apiKey }] })
 */
export function useCreateConnection(): UseMutationResult<Connection, ConnectError, ConnectionInput> {
  const { backend, scope, queryClient } = useConnectContext('useCreateConnection')
  const invalidate = useInvalidateConnections()
  return useMutation<Connection, ConnectError, ConnectionInput>(
    {
      mutationFn: (input) => backend.createConnection(scope, input),
      onSuccess: invalidate,
      // The variables hold credentials: drop them from the cache as soon as nothing observes them.
      gcTime: 0,
    },
    queryClient,
  )
}
