'use client'
import { useMutation } from '@tanstack/react-query'
import type { UseMutationResult } from '@tanstack/react-query'
import type { ConnectError } from '../model/ConnectError'
import { useAbortOnUnmount } from './useAbortOnUnmount'
import { useConnectContext } from './ConnectContext'
import { useInvalidateConnections } from './useInvalidateConnections'

/**
 * Deletes a connection; connection lists refresh afterwards, whether it succeeded or not. Check
 * `canDelete` first: a backend without `deleteConnection` (Versori's API has no delete) rejects.
 *
 * @example
 * const remove = useDeleteConnection()
 * remove.mutate(connection.id)
 */
export function useDeleteConnection(): UseMutationResult<void, ConnectError, string> {
  const { backend, queryClient } = useConnectContext('useDeleteConnection')
  const invalidate = useInvalidateConnections()
  const untilUnmount = useAbortOnUnmount()
  return useMutation<void, ConnectError, string>(
    {
      mutationFn: async (connectionId) => {
        if (!backend.deleteConnection) throw new Error(`Plugboard: the ${backend.id} backend cannot delete connections.`)
        const remove = backend.deleteConnection.bind(backend)
        await untilUnmount((signal) => remove(connectionId, signal))
      },
      onSettled: invalidate,
    },
    queryClient,
  )
}
