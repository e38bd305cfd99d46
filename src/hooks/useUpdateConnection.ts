'use client'
import { useMutation } from '@tanstack/react-query'
import type { UseMutationResult } from '@tanstack/react-query'
import type { Connection, ConnectionInput } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'
import { isAbort, useAbortOnUnmount } from './useAbortOnUnmount'
import { useConnectContext } from './ConnectContext'
import { useInvalidateConnections } from './useInvalidateConnections'

/** Variables of {@link useUpdateConnection}. */
export interface UpdateConnectionVariables {
  /** The connection to update. */
  connectionId: string
  /** The new credentials, workspace and metadata. */
  input: ConnectionInput
}

/**
 * Replaces an existing connection's credentials; connection lists refresh on success. A request
 * still under way when the component unmounts is aborted.
 *
 * @example
 * const update = useUpdateConnection()
 * update.mutate({ connectionId, input })
 */
export function useUpdateConnection(): UseMutationResult<Connection, ConnectError, UpdateConnectionVariables> {
  const { backend, scope, queryClient } = useConnectContext('useUpdateConnection')
  const invalidate = useInvalidateConnections()
  const untilUnmount = useAbortOnUnmount()
  return useMutation<Connection, ConnectError, UpdateConnectionVariables>(
    {
      mutationFn: ({ connectionId, input }) => untilUnmount((signal) => backend.updateConnection(scope, connectionId, input, signal)),
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
