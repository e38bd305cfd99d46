'use client'
import { useMutation } from '@tanstack/react-query'
import type { UseMutationResult } from '@tanstack/react-query'
import type { ConnectError } from '../model/ConnectError'
import { useConnectContext } from './ConnectContext'
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
