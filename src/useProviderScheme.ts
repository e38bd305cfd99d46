'use client'
import { useMemo } from 'react'
import type { ConnectError } from './ConnectError'
import { useConnectContext } from './ConnectProvider'
import type { ProviderInfo } from './providerInfo'
import { providerDisplayName } from './providerInfo'
import type { ResolvedScheme } from './schemes/resolveScheme'
import { resolveScheme } from './schemes/resolveScheme'
import { useProviderInfo } from './useProviderInfo'

/** What {@link useProviderScheme} returns. */
export interface ProviderSchemeState {
  /** `loading` the catalog entry, `error` loading it, `unsupported` sign-in method, or `ready`. */
  status: 'loading' | 'error' | 'unsupported' | 'ready'
  /** The provider's catalog entry once loaded. */
  providerInfo: ProviderInfo | undefined
  /** The provider's name for people (its catalog name until the entry loads). */
  displayName: string
  /** The resolved sign-in method once ready. */
  scheme: ResolvedScheme | undefined
  /** The error loading the entry. */
  error: ConnectError | null
  /** Reloads the catalog entry. */
  retry(): void
}

/**
 * Loads a provider's catalog entry and resolves the sign-in method the kit renders for it.
 *
 * @example
 * const { status, scheme } = useProviderScheme('netsuite')
 */
export function useProviderScheme(provider: string): ProviderSchemeState {
  const { messages } = useConnectContext('useProviderScheme')
  const query = useProviderInfo(provider)
  const providerInfo = query.data
  const scheme = useMemo(() => (providerInfo ? resolveScheme(providerInfo, messages) : undefined), [providerInfo, messages])
  return {
    status: query.isPending ? 'loading' : query.isError ? 'error' : scheme ? 'ready' : 'unsupported',
    providerInfo,
    displayName: providerInfo ? providerDisplayName(providerInfo) : provider,
    scheme,
    error: query.error,
    retry: () => void query.refetch(),
  }
}
