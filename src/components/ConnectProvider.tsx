'use client'
import { QueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { ConnectContext } from '../hooks/ConnectContext'
import type { ConnectContextValue } from '../hooks/ConnectContext'
import type { ConnectBackend } from '../model/ConnectBackend'
import type { ConnectEvent, ConnectEventHandler } from '../model/ConnectEvent'
import type { ConnectMessages } from '../model/messages'
import { defaultMessages } from '../model/messages'
import { guardSecrets } from '../model/redact'

/** Props of {@link ConnectProvider}. */
export interface ConnectProviderProps {
  /** The platform adapter, e.g. `ampersand({ project, apiKey })`. */
  backend: ConnectBackend
  /**
   * Your id for the customer organisation or team the connections belong to. Required by platforms
   * with groups (Ampersand, whose adapter says so when it is missing); Versori has none.
   */
  groupRef?: string
  /** Display name of the group. @default groupRef */
  groupName?: string
  /** Your id for the signed-in person whose accounts are connected. */
  consumerRef: string
  /** Display name of the consumer. @default consumerRef */
  consumerName?: string
  /**
   * The QueryClient for the kit's requests. The kit never reads the host's
   * `QueryClientProvider`; pass one here to share a cache.
   * @default a client of the kit's own
   */
  queryClient?: QueryClient
  /**
   * Overrides for any of the kit's strings: a built-in catalog (`de`, `fr`, `es`, `ja`, `ar`), your
   * own, or a catalog spread with your changes. A key it lacks falls back to English.
   * @default English `defaultMessages`
   */
  messages?: Partial<ConnectMessages>
  /**
   * The BCP 47 locale the kit formats dates and numbers in, e.g. `'de'` or `'ar'`; never the
   * browser's. Pair it with the matching `messages`: `<ConnectProvider locale="de" messages={de}>`.
   * @default 'en'
   */
  locale?: string
  /**
   * The colour theme: `'light'`, `'dark'`, or `'system'` (follows the person's
   * `prefers-color-scheme`). Unset, the kit renders no `data-theme` of its own: it follows a
   * `data-theme` on one of your ancestors (`<html data-theme="dark">`), else looks light, so a light
   * page never gets a dark kit by surprise. Choose `'system'` only if your page follows it too: the
   * kit paints no page background.
   * @default unset: an ancestor's `data-theme`, else `'light'`
   */
  theme?: 'light' | 'dark' | 'system'
  /**
   * Receives every event of every flow below (opened, method chosen, submitted, window opened,
   * blocked or closed, error, succeeded, cancelled, deleted), after the component's own `onEvent`.
   * Events carry a `flowId` and never a secret; a handler that throws is logged and ignored.
   */
  onEvent?: ConnectEventHandler
  /** The kit's components and your UI built on its hooks. */
  children?: ReactNode
}

/**
 * Supplies the platform backend, the group and consumer, and the kit's query cache to every
 * Plugboard component and hook below it.
 *
 * @example
 * <ConnectProvider backend={backend} groupRef={org.id} consumerRef={user.id}>
 *   <ConnectButton provider="salesforce" />
 * </ConnectProvider>
 */
export function ConnectProvider(props: ConnectProviderProps) {
  const { backend, groupRef, groupName, consumerRef, consumerName, messages, children } = props
  if (!backend || typeof backend.listConnections !== 'function') {
    throw new Error(
      'Plugboard: <ConnectProvider> needs a `backend`, e.g. backend={ampersand({ project, apiKey })}.',
    )
  }
  if (!consumerRef) {
    throw new Error(
      'Plugboard: <ConnectProvider> needs `consumerRef` (your id for the signed-in user), and `groupRef` (your id for the customer organisation) on platforms with groups such as Ampersand.',
    )
  }
  const [ownClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 30_000 },
        },
      }),
  )
  const queryClient = props.queryClient ?? ownClient

  useEffect(() => {
    // QueryClientProvider normally does this; the kit does it for the client it uses.
    queryClient.mount()
    return () => queryClient.unmount()
  }, [queryClient])

  // Every backend, the kit's or a host's own, is guarded once: secrets never leave inside an error.
  const guarded = useMemo(() => guardSecrets(backend), [backend])
  // A new handler each render must not re-render every kit component: hand down one that reads the latest.
  const onEventRef = useRef(props.onEvent)
  onEventRef.current = props.onEvent
  const [onEvent] = useState(() => (event: ConnectEvent) => onEventRef.current?.(event))
  const value = useMemo<ConnectContextValue>(
    () => ({
      backend: guarded,
      scope: { groupRef, groupName, consumerRef, consumerName },
      queryClient,
      messages: messages ? { ...defaultMessages, ...messages } : defaultMessages,
      locale: supportedLocale(props.locale),
      theme: props.theme,
      onEvent,
    }),
    [guarded, groupRef, groupName, consumerRef, consumerName, queryClient, messages, onEvent, props.theme, props.locale],
  )
  return <ConnectContext.Provider value={value}>{children}</ConnectContext.Provider>
}

/** The canonical form of a BCP 47 tag; `'en'` when unset or not a valid tag (Intl would throw). */
function supportedLocale(locale: string | undefined): string {
  if (!locale) return 'en'
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en'
  } catch {
    return 'en'
  }
}
