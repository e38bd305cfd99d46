import type { Decorator } from '@storybook/react-vite'
import { useMemo } from 'react'
import type { ReactNode } from 'react'
import type { ConnectBackend, ProviderInfo } from '../src/index'
import { ConnectProvider, useConnectContext } from '../src/index'

function CatalogEntryProvider({ entry, children }: { entry: ProviderInfo; children: ReactNode }) {
  const outer = useConnectContext('withCatalogEntry')
  const backend = useMemo<ConnectBackend>(
    () => ({
      ...outer.backend,
      // Its own id keeps its cached catalog entries apart from the outer backend's.
      id: `${outer.backend.id}+${entry.name}`,
      getProvider: (provider, signal) =>
        provider === entry.name ? Promise.resolve(entry) : outer.backend.getProvider(provider, signal),
    }),
    [outer.backend, entry],
  )
  return (
    <ConnectProvider backend={backend} {...outer.scope} queryClient={outer.queryClient} messages={outer.messages}>
      {children}
    </ConnectProvider>
  )
}

/**
 * A story decorator (inside `KitDecorator`) that adds one catalog entry the real catalog lacks,
 * e.g. a provider with an auth type the kit cannot render.
 */
export const withCatalogEntry =
  (entry: ProviderInfo): Decorator =>
  (Story) => (
    <CatalogEntryProvider entry={entry}>
      <Story />
    </CatalogEntryProvider>
  )
