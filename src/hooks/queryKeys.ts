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
