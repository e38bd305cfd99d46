import { ConnectError } from '../model/ConnectError'
import type { ConnectionFilter, ConnectScope } from '../model/ConnectBackend'

const root = ['@plugboard/react'] as const

/**
 * Every query key the kit uses, from one factory. All start with `'@plugboard/react'` and the
 * backend id, so they never collide with the host's keys or another kit instance's.
 */
export const connectKeys = {
  /** Everything the kit caches. */
  all: root,
  /** Everything cached for one backend. */
  backend: (backendId: string) => [...root, backendId] as const,
  /** One provider's catalog entry. */
  provider: (backendId: string, provider: string) => [...root, backendId, 'provider', provider] as const,
  /**
   * The providers a gallery lists: the platform's whole list, or (for a backend without
   * `listProviders`) the given ones.
   */
  providerList: (backendId: string, only: readonly string[] | null = null) => [...root, backendId, 'providers', only] as const,
  /** Every connection list of a backend (any scope, any filter): invalidate this after a change. */
  connectionLists: (backendId: string) => [...root, backendId, 'connections'] as const,
  /** One scope's connections, optionally filtered. */
  connections: (backendId: string, scope: ConnectScope, filter: ConnectionFilter = {}) =>
    [
      ...root,
      backendId,
      'connections',
      { groupRef: scope.groupRef, consumerRef: scope.consumerRef, provider: filter.provider ?? null },
    ] as const,
}

/** The longest `Retry-After` the kit waits out by itself; a longer one is shown with a Retry button. */
const MAX_RETRY_AFTER_MS = 30_000

/**
 * How the kit's reads retry, whatever QueryClient the host gives: up to twice, only what can succeed
 * on a second try (network, timeouts, 5xx, 429), after the platform's `Retry-After` when it sent one.
 * Writes are never retried by themselves.
 */
export const readRetry = {
  retry: (failureCount: number, error: unknown) => {
    if (!(error instanceof ConnectError) || !error.retryable || failureCount >= 2) return false
    return error.retryAfterMs === undefined || error.retryAfterMs <= MAX_RETRY_AFTER_MS
  },
  retryDelay: (failureCount: number, error: unknown) =>
    error instanceof ConnectError && error.retryAfterMs !== undefined ? error.retryAfterMs : Math.min(1000 * 2 ** failureCount, 8000),
}
