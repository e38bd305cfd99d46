'use client'
import { useConnectContext } from './ConnectContext'
import { connectKeys } from './queryKeys'

/** Returns a function that refreshes every connection list of the current backend. */
export function useInvalidateConnections(): () => Promise<void> {
  const { backend, queryClient } = useConnectContext('useInvalidateConnections')
  return () => queryClient.invalidateQueries({ queryKey: connectKeys.connectionLists(backend.id) })
}
