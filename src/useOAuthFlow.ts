'use client'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Connection, OAuthStartInput } from './ConnectBackend'
import { ConnectError, toConnectError } from './ConnectError'
import { useConnectContext } from './ConnectProvider'
import type { OAuthPopup, OAuthResultMessage } from './oauthPopup'
import { openOAuthPopup } from './oauthPopup'
import { useInvalidateConnections } from './useInvalidateConnections'

/** Where an OAuth popup flow is. */
export type OAuthFlowStatus =
  /** Nothing started yet, or reset. */
  | 'idle'
  /** The window is open and the authorize URL is being fetched. */
  | 'starting'
  /** The person is signing in in the window. */
  | 'waiting'
  /** The browser blocked the window; `openBlockedPopup()` from a click continues. */
  | 'blocked'
  /** Authorized; the connection is being loaded. */
  | 'finishing'
  /** Connected. */
  | 'succeeded'
  /** Failed; see `error`. */
  | 'failed'
  /** The person closed the window. */
  | 'cancelled'

/** Options of {@link useOAuthFlow}. */
export interface UseOAuthFlowOptions {
  /** The provider's catalog name. */
  provider: string
  /** The provider's display name, for messages. @default provider */
  displayName?: string
  /** Re-authorize this connection (`oauth-update`) instead of creating one. */
  connectionId?: string
  /** Give up after this many milliseconds. @default 300000 (5 minutes) */
  timeoutMs?: number
  /** Called with the new or updated connection. */
  onSuccess?: (connection: Connection) => void
  /** Called with every failure, including a blocked popup and a timeout. */
  onError?: (error: ConnectError) => void
  /** Called when the person closes the window or cancels. */
  onCancel?: () => void
}

/** What {@link useOAuthFlow} returns. */
export interface OAuthFlow {
  /** Where the flow is. */
  status: OAuthFlowStatus
  /** The last failure. */
  error: ConnectError | undefined
  /** The connection once `succeeded`. */
  connection: Connection | undefined
  /** True from `start()` until an outcome: the button should not start another flow. */
  isActive: boolean
  /** Opens the sign-in window. Call it synchronously in a click or submit handler. */
  start(input?: Omit<OAuthStartInput, 'provider'>): void
  /** After `blocked`: opens the window again from a fresh click. */
  openBlockedPopup(): void
  /** Brings the open window to the front. */
  focus(): void
  /** Stops the flow and closes the window; counts as cancelled. */
  cancel(): void
  /** Back to `idle`. */
  reset(): void
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000

function connectionIdFrom(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object') return undefined
  const record = data as { connection?: { id?: unknown }; connectionId?: unknown }
  const id = record.connection?.id ?? record.connectionId
  return typeof id === 'string' && id ? id : undefined
}

function failureReason(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object') return undefined
  const record = data as { message?: unknown; error_description?: unknown; error?: unknown }
  const reason = [record.message, record.error_description, record.error].find((value) => typeof value === 'string')
  return typeof reason === 'string' ? reason.slice(0, 200) : undefined
}

/**
 * Runs the OAuth authorization popup: opens the window inside the click, fetches the authorize
 * URL (`oauth-connect`, or `oauth-update` for a reconnect), then waits for the platform callback's
 * `postMessage`. Handles blocked popups, closed windows, timeouts and double clicks.
 *
 * @example
 * const oauth = useOAuthFlow({ provider: 'hubspot', onSuccess: (c) => toast(`Connected ${c.provider}`) })
 * return <button onClick={() => oauth.start()} disabled={oauth.isActive}>Connect HubSpot</button>
 */
export function useOAuthFlow(options: UseOAuthFlowOptions): OAuthFlow {
  const { backend, scope, messages } = useConnectContext('useOAuthFlow')
  const invalidate = useInvalidateConnections()
  const [status, setStatus] = useState<OAuthFlowStatus>('idle')
  const [error, setError] = useState<ConnectError>()
  const [connection, setConnection] = useState<Connection>()
  const popupRef = useRef<OAuthPopup | undefined>(undefined)
  const urlRef = useRef<string | undefined>(undefined)
  const activeRef = useRef(false)
  const runRef = useRef(0)
  const latest = useRef(options)
  latest.current = options
  const displayName = options.displayName ?? options.provider

  useEffect(
    () => () => {
      runRef.current += 1
      popupRef.current?.destroy()
    },
    [],
  )

  const fail = useCallback((run: number, failure: ConnectError) => {
    if (run !== runRef.current) return
    activeRef.current = false
    popupRef.current?.destroy()
    setError(failure)
    setStatus('failed')
    latest.current.onError?.(failure)
  }, [])

  const handleResult = useCallback(
    async (run: number, message: OAuthResultMessage) => {
      if (message.eventType === 'AUTHORIZATION_FAILED') {
        const reason = failureReason(message.data)
        fail(run, new ConnectError('authorization_failed', messages.authorizationFailed(displayName, reason), { detail: reason }))
        return
      }
      setStatus('finishing')
      try {
        const id = connectionIdFrom(message.data) ?? latest.current.connectionId
        let result: Connection | undefined
        if (id) {
          result = await backend.getConnection(id)
        } else {
          const list = await backend.listConnections(scope, { provider: latest.current.provider })
          result = list.sort((a, b) => (b.updateTime ?? b.createTime).localeCompare(a.updateTime ?? a.createTime))[0]
        }
        if (!result) throw new ConnectError('invalid_response', messages.invalidResponse)
        if (run !== runRef.current) return
        void invalidate()
        activeRef.current = false
        setConnection(result)
        setStatus('succeeded')
        latest.current.onSuccess?.(result)
      } catch (caught) {
        fail(run, toConnectError(caught, messages.networkError))
      }
    },
    [backend, scope, messages, displayName, fail, invalidate],
  )

  const watch = useCallback(
    (run: number, url?: string) =>
      openOAuthPopup(
        {
          callbackOrigin: backend.callbackOrigin,
          timeoutMs: latest.current.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          onResult: (message) => void handleResult(run, message),
          onClosed: () => {
            if (run !== runRef.current) return
            activeRef.current = false
            setStatus('cancelled')
            latest.current.onCancel?.()
          },
          onTimeout: () => fail(run, new ConnectError('timeout', messages.popupTimeout)),
        },
        url,
      ),
    [backend, handleResult, fail, messages],
  )

  const openBlockedPopup = useCallback(() => {
    const url = urlRef.current
    if (!url) return
    const run = runRef.current
    const popup = watch(run, url)
    if (popup.blocked) return
    popupRef.current = popup
    setError(undefined)
    setStatus('waiting')
  }, [watch])

  const start = useCallback(
    (input: Omit<OAuthStartInput, 'provider'> = {}) => {
      if (activeRef.current) {
        // A second click never opens a second window: it raises the open one, or retries a blocked one.
        if (popupRef.current?.blocked) openBlockedPopup()
        else popupRef.current?.focus()
        return
      }
      activeRef.current = true
      const run = ++runRef.current
      urlRef.current = undefined
      setError(undefined)
      setConnection(undefined)
      // Opened before any await: browsers only allow popups inside the click.
      const popup = watch(run)
      popupRef.current = popup
      if (popup.blocked) {
        const blocked = new ConnectError('popup_blocked', messages.popupBlocked(displayName))
        setError(blocked)
        setStatus('blocked')
        latest.current.onError?.(blocked)
      } else {
        setStatus('starting')
      }
      const connectionId = latest.current.connectionId
      const request = connectionId
        ? backend.startOAuthUpdate(connectionId)
        : backend.startOAuth(scope, { ...input, provider: latest.current.provider })
      request.then(
        (url) => {
          if (run !== runRef.current) return
          urlRef.current = url
          if (!popup.blocked) {
            popup.navigate(url)
            setStatus('waiting')
          }
        },
        (caught: unknown) =>
          fail(run, toConnectError(caught, messages.networkError)),
      )
    },
    [backend, scope, messages, displayName, watch, fail, openBlockedPopup],
  )

  const cancel = useCallback(() => {
    runRef.current += 1
    activeRef.current = false
    popupRef.current?.destroy()
    setStatus('cancelled')
    latest.current.onCancel?.()
  }, [])

  const reset = useCallback(() => {
    runRef.current += 1
    activeRef.current = false
    popupRef.current?.destroy()
    setStatus('idle')
    setError(undefined)
  }, [])

  const focus = useCallback(() => popupRef.current?.focus(), [])

  return {
    status,
    error,
    connection,
    isActive: status === 'starting' || status === 'waiting' || status === 'finishing' || status === 'blocked',
    start,
    openBlockedPopup,
    focus,
    cancel,
    reset,
  }
}
