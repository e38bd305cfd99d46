'use client'
import { useMutation } from '@tanstack/react-query'
import type { UseMutationResult } from '@tanstack/react-query'
import type { ConnectError } from './ConnectError'
import { useConnectContext } from './ConnectProvider'
import { useInvalidateConnections } from './useInvalidateConnections'

/**
 * Deletes a connection; connection lists refresh afterwards, whether it succeeded or not.
 *
 * @example
 * const remove = useDeleteConnection()
 * remove.mutate(connection.id)
 */
export function useDeleteConnection(): UseMutationResult<void, ConnectError, string> {
  const { backend, queryClient } = useConnectContext('useDeleteConnection')
  const invalidate = useInvalidateConnections()
  return useMutation<void, ConnectError, string>(
    { mutationFn: (connectionId) => backend.deleteConnection(connectionId), onSettled: invalidate },
    queryClient,
  )
}
