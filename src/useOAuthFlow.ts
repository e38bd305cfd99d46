'use client'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Connection, ConnectionInput, CustomAuthStep, OAuthStartInput } from './ConnectBackend'
import { ConnectError, toConnectError } from './ConnectError'
import { useConnectContext } from './ConnectProvider'
import type { OAuthPopup, PopupMessage } from './oauthPopup'
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
  /**
   * Runs a multi-step custom sign-in that needs no typed inputs: opens the window (call it
   * synchronously in a click), starts the flow, and follows its redirects until a connection.
   */
  startCustomAuth(input: ConnectionInput): void
  /**
   * Continues a multi-step custom sign-in whose first step a form already sent: opens the page the
   * platform named and follows the flow. Without a fresh click the browser may block the window;
   * the flow is then `blocked` and `openBlockedPopup()` continues.
   */
  followRedirect(step: Extract<CustomAuthStep, { kind: 'redirect' }>): void
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
  const sessionRef = useRef<string | undefined>(undefined)
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

  const succeed = useCallback(
    (run: number, result: Connection) => {
      if (run !== runRef.current) return
      void invalidate()
      activeRef.current = false
      setConnection(result)
      setStatus('succeeded')
      latest.current.onSuccess?.(result)
    },
    [invalidate],
  )

  // Declared before `watch`, which it needs, and filled in below: a step may open a new window.
  const applyStepRef = useRef<(run: number, step: CustomAuthStep) => void>(() => undefined)

  const handleResult = useCallback(
    async (run: number, message: PopupMessage) => {
      if ('source' in message) {
        // A custom sign-in's callback: hand the provider's parameters back to the platform.
        const sessionId = sessionRef.current
        if (!sessionId) return fail(run, new ConnectError('invalid_response', messages.invalidResponse))
        setStatus('finishing')
        try {
          applyStepRef.current(run, await backend.continueCustomAuth(sessionId, message.params))
        } catch (caught) {
          fail(run, toConnectError(caught, messages.networkError))
        }
        return
      }
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
        succeed(run, result)
      } catch (caught) {
        fail(run, toConnectError(caught, messages.networkError))
      }
    },
    [backend, scope, messages, displayName, fail, succeed],
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

  /** Makes `popup` the flow's window: `waiting` in it, or `blocked` (reported) when the browser refused it. */
  const adoptPopup = useCallback(
    (popup: OAuthPopup) => {
      popupRef.current = popup
      if (!popup.blocked) return setStatus('waiting')
      const blocked = new ConnectError('popup_blocked', messages.popupBlocked(displayName))
      setError(blocked)
      setStatus('blocked')
      latest.current.onError?.(blocked)
    },
    [messages, displayName],
  )

  applyStepRef.current = (run, step) => {
    if (run !== runRef.current) return
    const popup = popupRef.current
    if (step.kind === 'connection') {
      popup?.destroy()
      return succeed(run, step.connection)
    }
    urlRef.current = step.url
    sessionRef.current = step.sessionId
    // Blocked: the person's next click opens the page. Open: send it on. Gone (the callback page
    // closes itself, or a form sent the first step): open one now.
    if (popup?.blocked) return
    if (popup?.isOpen()) {
      popup.navigate(step.url)
      return setStatus('waiting')
    }
    adoptPopup(watch(run, step.url))
  }

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

  /** Begins a run: a second call while one is active only raises (or unblocks) its window. */
  const begin = useCallback((): number | undefined => {
    if (activeRef.current) {
      if (popupRef.current?.blocked) openBlockedPopup()
      else popupRef.current?.focus()
      return undefined
    }
    activeRef.current = true
    popupRef.current = undefined
    urlRef.current = undefined
    sessionRef.current = undefined
    setError(undefined)
    setConnection(undefined)
    return ++runRef.current
  }, [openBlockedPopup])

  /** Opens an empty window inside the click, before any await: browsers only allow popups there. */
  const openWindowNow = useCallback(
    (run: number) => {
      const popup = watch(run)
      adoptPopup(popup)
      if (!popup.blocked) setStatus('starting')
    },
    [watch, adoptPopup],
  )

  const start = useCallback(
    (input: Omit<OAuthStartInput, 'provider'> = {}) => {
      const run = begin()
      if (run === undefined) return
      openWindowNow(run)
      const connectionId = latest.current.connectionId
      const request = connectionId
        ? backend.startOAuthUpdate(connectionId)
        : backend.startOAuth(scope, { ...input, provider: latest.current.provider })
      request.then(
        // An OAuth authorize URL is a redirect with no session to resume: its callback posts the result.
        (url) => applyStepRef.current(run, { kind: 'redirect', url, sessionId: '' }),
        (caught: unknown) => fail(run, toConnectError(caught, messages.networkError)),
      )
    },
    [backend, scope, messages, begin, openWindowNow, fail],
  )

  const startCustomAuth = useCallback(
    (input: ConnectionInput) => {
      const run = begin()
      if (run === undefined) return
      openWindowNow(run)
      backend.startCustomAuth(scope, input).then(
        (step) => applyStepRef.current(run, step),
        (caught: unknown) => fail(run, toConnectError(caught, messages.networkError)),
      )
    },
    [backend, scope, messages, begin, openWindowNow, fail],
  )

  const followRedirect = useCallback(
    (step: Extract<CustomAuthStep, { kind: 'redirect' }>) => {
      const run = begin()
      if (run === undefined) return
      applyStepRef.current(run, step)
    },
    [begin],
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
    startCustomAuth,
    followRedirect,
    openBlockedPopup,
    focus,
    cancel,
    reset,
  }
}
