'use client'
import { useRef, useState } from 'react'
import type { Connection } from './ConnectBackend'
import type { ConnectError } from './ConnectError'
import type { ProviderInfo } from './providerInfo'
import type { ResolvedScheme } from './schemes/resolveScheme'
import type { UseAuthSchemeFormOptions } from './useAuthSchemeForm'
import { useConnections } from './useConnections'
import type { OAuthFlow } from './useOAuthFlow'
import { useOAuthFlow } from './useOAuthFlow'
import { useProviderScheme } from './useProviderScheme'

/**
 * Options of {@link useConnect}: those of `useAuthSchemeForm`. Without `connection`, the
 * consumer's existing connection to the provider (if any) is the one a click reconnects.
 */
export type UseConnectOptions = UseAuthSchemeFormOptions

/** What {@link useConnect} returns. */
export interface ConnectState {
  /** `loading` the catalog entry, `error` loading it, `unsupported` scheme, or `ready`. */
  status: 'loading' | 'error' | 'unsupported' | 'ready'
  /** The provider's catalog entry. */
  providerInfo: ProviderInfo | undefined
  /** The provider's name for people. */
  displayName: string
  /** The resolved sign-in method. */
  scheme: ResolvedScheme | undefined
  /** The connection a click would reconnect: the given one, or the consumer's existing one. */
  existingConnection: Connection | undefined
  /** `form`: a click opens the credential form; `popup`: a click opens the sign-in window at once (OAuth without inputs or an OAuth reconnect; a multi-step custom sign-in without inputs). */
  mode: 'form' | 'popup' | undefined
  /** Whether the form dialog is open. */
  isFormOpen: boolean
  /** The OAuth popup flow (for popup mode). */
  oauth: OAuthFlow
  /** True while a flow is under way: a click must not start another. */
  isBusy: boolean
  /** The last error loading the provider. */
  error: ConnectError | null
  /** Runs the right flow. Call it synchronously from the click handler. */
  connect(): void
  /** Closes the form dialog (counts as cancel). */
  closeForm(): void
  /** Call when the form succeeded: closes it and reports the connection. */
  completeForm(connection: Connection): void
  /** Reloads the catalog entry after an error. */
  retry(): void
}

const healthRank: Record<string, number> = { working: 0, created: 1, bad_credentials: 2 }

/**
 * The headless connect button: loads the provider's catalog entry and the consumer's existing
 * connection, then on `connect()` opens the OAuth window at once (popup schemes without inputs)
 * or the credential form.
 *
 * @example
 * const c = useConnect({ provider: 'hubspot', onSuccess })
 * return <button onClick={c.connect} aria-disabled={c.isBusy}>{c.existingConnection ? 'Reconnect' : 'Connect'}</button>
 */
export function useConnect(options: UseConnectOptions): ConnectState {
  const { status, providerInfo, displayName, scheme, error, retry } = useProviderScheme(options.provider)
  // One scope-wide list shared with ConnectionList and every other button: no request per provider.
  const connections = useConnections({}, { enabled: !options.connection })
  const existingConnection =
    options.connection ??
    (connections.data ?? [])
      .filter((connection) => connection.provider === options.provider)
      .sort((a, b) => (healthRank[a.status] ?? 3) - (healthRank[b.status] ?? 3))[0]
  const latest = useRef(options)
  latest.current = options
  const [isFormOpen, setFormOpen] = useState(false)

  const oauth = useOAuthFlow({
    provider: options.provider,
    displayName,
    connectionId: existingConnection?.id,
    timeoutMs: options.popupTimeoutMs,
    onSuccess: (connection) => latest.current.onSuccess?.(connection),
    onError: (error) => latest.current.onError?.(error),
    onCancel: () => latest.current.onCancel?.(),
  })

  // Re-authorizing an OAuth connection needs no inputs (oauth-update takes none), so it goes
  // straight to the popup even when a first connect asks for a workspace.
  // A multi-step custom sign-in without inputs (an admin consent, say) also opens the window at once.
  const mode = scheme
    ? (scheme.flow === 'popup' && (scheme.fields.length === 0 || existingConnection !== undefined)) ||
      (scheme.flow === 'steps' && scheme.fields.length === 0)
      ? 'popup'
      : 'form'
    : undefined

  return {
    status,
    providerInfo,
    displayName,
    scheme,
    existingConnection,
    mode,
    isFormOpen,
    oauth,
    isBusy: status !== 'ready' || oauth.isActive,
    error,
    connect() {
      if (status !== 'ready') return
      if (mode !== 'popup') setFormOpen(true)
      else if (scheme?.flow === 'steps') oauth.startCustomAuth(scheme.toInput(scheme.defaultValues))
      else oauth.start()
    },
    closeForm() {
      setFormOpen(false)
      latest.current.onCancel?.()
    },
    completeForm(connection) {
      setFormOpen(false)
      latest.current.onSuccess?.(connection)
    },
    retry,
  }
}
