'use client'
import type { QueryClient } from '@tanstack/react-query'
import { createContext, useContext } from 'react'
import type { ConnectBackend, ConnectScope } from '../model/ConnectBackend'
import type { ConnectEventHandler } from '../model/ConnectEvent'
import type { ContextMessages } from '../model/messages'

/** What every kit hook reads from `ConnectProvider`. */
export interface ConnectContextValue {
  /** The platform adapter. */
  backend: ConnectBackend
  /** The group and consumer connections belong to. */
  scope: ConnectScope
  /** The QueryClient every kit hook passes explicitly (never the host's context). */
  queryClient: QueryClient
  /** The strings the kit shows. */
  messages: ContextMessages
  /** The BCP 47 locale dates and numbers are formatted in (the provider's `locale`, else `'en'`). */
  locale: string
  /**
   * The colour theme every component root carries as `data-theme`; undefined renders no attribute,
   * so the kit follows a `data-theme` on an ancestor of the host's, else looks light.
   */
  theme?: 'light' | 'dark' | 'system'
  /** The host's analytics handler: every event of every flow below the provider. */
  onEvent?: ConnectEventHandler
}

/** The kit's context; `ConnectProvider` supplies it. */
export const ConnectContext = createContext<ConnectContextValue | undefined>(undefined)
ConnectContext.displayName = 'ConnectContext'

/**
 * The kit's context. Throws a clear error outside `ConnectProvider`.
 * @param consumer the hook or component asking, named in the error
 */
export function useConnectContext(consumer = 'useConnectContext'): ConnectContextValue {
  const value = useContext(ConnectContext)
  if (value === undefined) {
    throw new Error(
      `Plugboard: \`${consumer}\` must be used within <ConnectProvider>. Wrap your settings page in <ConnectProvider backend={…} groupRef={…} consumerRef={…}>.`,
    )
  }
  return value
}
