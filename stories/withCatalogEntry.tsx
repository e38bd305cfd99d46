import type { Decorator } from '@storybook/react-vite'
import { useMemo } from 'react'
import type { ReactNode } from 'react'
import type { ConnectBackend, ProviderInfo, ProviderSpec } from '../src/index'
import { ConnectProvider, toProviderSpec, useConnectContext } from '../src/index'

function ExtraProvider({ spec, children }: { spec: ProviderSpec; children: ReactNode }) {
  const outer = useConnectContext('withCatalogEntry')
  const backend = useMemo<ConnectBackend>(
    () => ({
      ...outer.backend,
      // Its own id keeps its cached providers apart from the outer backend's.
      id: `${outer.backend.id}+${spec.id}`,
      getProvider: (provider, signal) => (provider === spec.id ? Promise.resolve(spec) : outer.backend.getProvider(provider, signal)),
    }),
    [outer.backend, spec],
  )
  return (
    <ConnectProvider backend={backend} {...outer.scope} queryClient={outer.queryClient} messages={outer.messages} locale={outer.locale}>
      {children}
    </ConnectProvider>
  )
}

/**
 * A story decorator (inside `KitDecorator`) that adds one provider the real catalog lacks: an
 * Ampersand catalog entry (e.g. one with an auth type the kit cannot render), or a neutral spec.
 */
export const withCatalogEntry =
  (entry: ProviderInfo | ProviderSpec): Decorator =>
  (Story) => (
    <ExtraProvider spec={'methods' in entry ? entry : toProviderSpec(entry)}>
      <Story />
    </ExtraProvider>
  )
