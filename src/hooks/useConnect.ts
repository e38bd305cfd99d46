'use client'
import { useRef, useState } from 'react'
import type { Connection } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'
import type { ConnectEventDetail } from '../model/ConnectEvent'
import { emitConnectEvent, newFlowId } from '../model/ConnectEvent'
import type { ProviderSpec } from '../model/ProviderSpec'
import type { ResolvedMethod } from '../schemes/resolveMethod'
import type { UseAuthSchemeFormOptions } from './useAuthSchemeForm'
import { useConnectContext } from './ConnectContext'
import { useConnections } from './useConnections'
import type { OAuthFlow } from './useOAuthFlow'
import { useOAuthFlow } from './useOAuthFlow'
import { useProviderScheme } from './useProviderScheme'

/**
 * Options of {@link useConnect}: those of `useAuthSchemeForm`. Without `connection`, the
 * consumer's existing connection to the provider (if any) is the one a click reconnects.
 */
export type UseConnectOptions = Omit<UseAuthSchemeFormOptions, 'flowId'>

/** What {@link useConnect} returns. */
export interface ConnectState {
  /**
   * `loading` the provider or the consumer's connections, `error` loading either (with `retry`),
   * `unsupported` (no method the kit can render), or `ready`.
   */
  status: 'loading' | 'error' | 'unsupported' | 'ready'
  /** The provider once loaded. */
  spec: ProviderSpec | undefined
  /** The provider's name for people. */
  displayName: string
  /** Every sign-in method the provider offers, resolved. */
  methods: ResolvedMethod[]
  /** The method a click runs when there is only one (with several, the form lets the person pick). */
  method: ResolvedMethod | undefined
  /** The connection a click would reconnect: the given one, or the consumer's existing one. */
  existingConnection: Connection | undefined
  /**
   * `form`: a click opens the credential form (always, when there are several methods to pick from);
   * `popup`: a click opens the sign-in window at once (a `popup` method without fields, or its
   * reconnect; a `steps` method without fields).
   */
  mode: 'form' | 'popup' | undefined
  /** Whether the form dialog is open. */
  isFormOpen: boolean
  /** The id of the attempt the last `connect()` opened: the form reports its events under it. */
  flowId: string | undefined
  /** The sign-in window flow (for popup mode). */
  oauth: OAuthFlow
  /** True while a flow is under way: a click must not start another. */
  isBusy: boolean
  /** The last error loading the provider or the connections. */
  error: ConnectError | null
  /** Runs the right flow. Call it synchronously from the click handler. */
  connect(): void
  /** Closes the form dialog (counts as cancel). */
  closeForm(): void
  /** Call when the form succeeded: closes it and reports the connection. */
  completeForm(connection: Connection): void
  /** Loads the provider again after an error. */
  retry(): void
}

const healthRank: Record<string, number> = { working: 0, created: 1, bad_credentials: 2 }

/**
 * The headless connect button: loads the provider and the consumer's existing connection, then on
 * `connect()` opens the sign-in window at once (a window method with nothing to type) or the
 * credential form.
 *
 * @example
 * const c = useConnect({ provider: 'hubspot', onSuccess })
 * return <button onClick={c.connect} aria-disabled={c.isBusy}>{c.existingConnection ? 'Reconnect' : 'Connect'}</button>
 */
export function useConnect(options: UseConnectOptions): ConnectState {
  const { onEvent } = useConnectContext('useConnect')
  const provider = useProviderScheme(options.provider)
  const { spec, displayName, methods } = provider
  // With several methods the person picks one in the form; a click goes straight on only with one.
  const method = methods.length === 1 ? methods[0] : undefined
  // One scope-wide list shared with ConnectionList and every other button: no request per provider.
  const connections = useConnections({}, { enabled: !options.connection })
  // Not actionable until both the provider and the consumer's connections are known: a click
  // before then would create a duplicate instead of reconnecting. A list that fails offers Retry.
  const needsList = !options.connection
  const listError = needsList && connections.isError ? connections.error : null
  const status: ConnectState['status'] =
    provider.status !== 'ready' ? provider.status : needsList && connections.isPending ? 'loading' : listError ? 'error' : 'ready'
  const error = provider.error ?? listError
  const retry = () => {
    if (provider.error) provider.retry()
    if (listError) void connections.refetch()
  }
  const existingConnection =
    options.connection ??
    (connections.data ?? [])
      .filter((connection) => connection.provider === options.provider)
      .sort((a, b) => (healthRank[a.status] ?? 3) - (healthRank[b.status] ?? 3))[0]
  const latest = useRef(options)
  latest.current = options
  const [isFormOpen, setFormOpen] = useState(false)
  // One id per attempt, from the click that opens it to its outcome.
  const flowRef = useRef<string>(undefined)
  const [flowId, setFlowId] = useState<string>()
  const report = (detail: ConnectEventDetail) =>
    emitConnectEvent([latest.current.onEvent, onEvent], detail, { flowId: flowRef.current ?? newFlowId(), provider: latest.current.provider })

  const oauth = useOAuthFlow({
    provider: options.provider,
    displayName,
    connectionId: existingConnection?.id,
    timeoutMs: options.popupTimeoutMs,
    onSuccess: (connection) => latest.current.onSuccess?.(connection),
    onError: (error) => latest.current.onError?.(error),
    onCancel: () => latest.current.onCancel?.(),
    onEvent: (event) => latest.current.onEvent?.(event),
    flowId: () => flowRef.current ?? newFlowId(),
  })

  // Re-authorizing a window method needs no inputs, so it goes straight to the window even when a
  // first connect asks for a workspace. A `steps` method without inputs (an admin consent, say)
  // also opens the window at once.
  const mode =
    status !== 'ready'
      ? undefined
      : (method?.flow === 'popup' && (method.fields.length === 0 || existingConnection !== undefined)) ||
          (method?.flow === 'steps' && method.fields.length === 0)
        ? 'popup'
        : 'form'

  return {
    status,
    spec,
    displayName,
    methods,
    method,
    existingConnection,
    mode,
    isFormOpen,
    flowId,
    oauth,
    isBusy: status !== 'ready' || oauth.isActive,
    error,
    connect() {
      if (status !== 'ready') return
      const inWindow = mode === 'popup' && method !== undefined
      // A click while the window is open (or blocked) continues the same attempt.
      if (!(inWindow && oauth.isActive)) {
        flowRef.current = newFlowId()
        setFlowId(flowRef.current)
        report({ type: 'opened', surface: inWindow ? 'window' : 'form', reconnect: existingConnection !== undefined })
      }
      if (mode !== 'popup' || !method) setFormOpen(true)
      else if (method.flow === 'steps') oauth.startCustomAuth(method.toInput(method.defaultValues))
      else {
        // A reconnect without a form changes credentials only: the connection keeps its own name
        // and fields rather than taking the defaults a new one would get.
        const input = method.toInput(method.defaultValues)
        oauth.start(existingConnection ? { ...input, connection: undefined } : input)
      }
    },
    closeForm() {
      setFormOpen(false)
      report({ type: 'cancelled' })
      latest.current.onCancel?.()
    },
    completeForm(connection) {
      setFormOpen(false)
      latest.current.onSuccess?.(connection)
    },
    retry,
  }
}
