'use client'
import { useMemo } from 'react'
import { defaultConnectionName, isolate } from '../model/connectionName'
import type { ConnectError } from '../model/ConnectError'
import type { ProviderSpec } from '../model/ProviderSpec'
import type { ResolvedMethod } from '../schemes/resolveMethod'
import { resolveMethods } from '../schemes/resolveMethod'
import { useConnectContext } from './ConnectContext'
import { useProviderSpec } from './useProviderSpec'

/** What {@link useProviderScheme} returns. */
export interface ProviderSchemeState {
  /** `loading` the provider, `error` loading it, `unsupported` (no method the kit can render), or `ready`. */
  status: 'loading' | 'error' | 'unsupported' | 'ready'
  /** The provider once loaded. */
  spec: ProviderSpec | undefined
  /** The provider's name for people (its id until it loads). */
  displayName: string
  /** Every sign-in method, resolved into fields, in the platform's order. */
  methods: ResolvedMethod[]
  /** The first method: the one preselected, and the one a click runs when there is only one. */
  method: ResolvedMethod | undefined
  /** The error loading the provider. */
  error: ConnectError | null
  /** Loads the provider again. */
  retry(): void
}

/**
 * Loads a provider and resolves its sign-in methods into the forms the kit renders.
 *
 * @example
 * const { status, methods } = useProviderScheme('netsuite')
 */
export function useProviderScheme(provider: string): ProviderSchemeState {
  const { messages, scope, locale } = useConnectContext('useProviderScheme')
  const query = useProviderSpec(provider)
  const spec = query.data
  const { consumerRef, consumerName } = scope
  const methods = useMemo(
    () => (spec ? resolveMethods(spec, messages, { connectionName: defaultConnectionName(spec.displayName, { consumerRef, consumerName }), locale }) : []),
    [spec, messages, consumerRef, consumerName, locale],
  )
  return {
    status: query.isPending ? 'loading' : query.isError ? 'error' : methods.length > 0 ? 'ready' : 'unsupported',
    spec,
    // Platform text inside the kit's sentences, isolated so it cannot flip them.
    displayName: isolate(spec?.displayName ?? provider),
    methods,
    method: methods[0],
    error: query.error,
    retry: () => void query.refetch(),
  }
}
