'use client'
import { useMutation } from '@tanstack/react-query'
import type { UseMutationResult } from '@tanstack/react-query'
import type { Connection, ConnectionInput } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'
import { isAbort, useAbortOnUnmount } from './useAbortOnUnmount'
import { useConnectContext } from './ConnectContext'
import { useInvalidateConnections } from './useInvalidateConnections'

/**
 * Creates a connection from credentials; connection lists refresh on success. Credentials leave
 * the mutation cache once the mutation is reset or unmounted (`gcTime: 0`); a request still under
 * way when the component unmounts is aborted.
 *
 * @example
 * const create = useCreateConnection()
 * create.mutate({ provider: 'openAI', credentials: [{ scheme: 'apiKey', apiKey }] })
 */
export function useCreateConnection(): UseMutationResult<Connection, ConnectError, ConnectionInput> {
  const { backend, scope, queryClient } = useConnectContext('useCreateConnection')
  const invalidate = useInvalidateConnections()
  const untilUnmount = useAbortOnUnmount()
  return useMutation<Connection, ConnectError, ConnectionInput>(
    {
      mutationFn: (input) => untilUnmount((signal) => backend.createConnection(scope, input, signal)),
      onSuccess: invalidate,
      // Aborted because its form went away: the platform may have acted on it all the same.
      onError: (error: unknown) => {
        if (isAbort(error)) void invalidate()
      },
      // The variables hold credentials: drop them from the cache as soon as nothing observes them.
      gcTime: 0,
    },
    queryClient,
  )
}
