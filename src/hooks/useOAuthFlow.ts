'use client'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { Connection, ConnectBackend, ConnectionInput, ConnectScope, RedirectStep, SignInStep } from '../model/ConnectBackend'
import { ConnectError, toConnectError } from '../model/ConnectError'
import type { ConnectEventDetail, ConnectEventHandler } from '../model/ConnectEvent'
import { emitConnectEvent, errorDetail, newFlowId } from '../model/ConnectEvent'
import type { SignInFlowOptions } from '../flows/SignInFlow'
import type { SignInStatus } from '../flows/SignInStatus'
import { SignInFlow } from '../flows/SignInFlow'
import { isActiveStatus } from '../flows/SignInStatus'
import { useConnectContext } from './ConnectContext'
import { useInvalidateConnections } from './useInvalidateConnections'

/** Where a sign-in window flow is (see `SignInStatus`). */
export type OAuthFlowStatus = SignInStatus

/** Options of {@link useOAuthFlow}. */
export interface UseOAuthFlowOptions {
  /** The provider's id. */
  provider: string
  /** The provider's display name, for messages. @default provider */
  displayName?: string
  /** Re-authorize this connection instead of creating one. */
  connectionId?: string
  /** Give up after this many milliseconds. @default 300000 (5 minutes) */
  timeoutMs?: number
  /** Called with the new or updated connection. */
  onSuccess?: (connection: Connection) => void
  /** Called with every failure, including a blocked window and a timeout. */
  onError?: (error: ConnectError) => void
  /** Called when the person closes the window or cancels. */
  onCancel?: () => void
  /**
   * Receives the flow's events (window opened, blocked or closed, error, succeeded, cancelled),
   * before the provider's `onEvent`.
   */
  onEvent?: ConnectEventHandler
  /**
   * Gives the id of the attempt starting now, so a surrounding button or form reports all its
   * events under one id. @default a new id for every start
   */
  flowId?: () => string
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
  /**
   * Set in the flow's last minute before its timeout: when (epoch milliseconds) it gives up. Offer
   * `keepWaiting()`.
   */
  expiresAt: number | undefined
  /** After the timeout warning: gives the person the whole timeout again. */
  keepWaiting(): void
  /**
   * Opens the sign-in window of a `popup` method and sends it to the provider. Call it
   * synchronously in a click or submit handler. `input` holds the method and any fields typed first.
   */
  start(input?: Omit<ConnectionInput, 'provider'>): void
  /**
   * Runs a `steps` method that needs no typed inputs (an admin consent, say): opens the window (call
   * it synchronously in a click), starts the flow, and follows its pages until a connection.
   */
  startCustomAuth(input: ConnectionInput): void
  /**
   * Continues a `steps` method whose first step a form already sent: opens the page the platform
   * named and follows the flow. Without a fresh click the browser may block the window; the flow
   * is then `blocked` and `openBlockedPopup()` continues.
   */
  followRedirect(step: RedirectStep): void
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

/** Starts a `steps` method, or says clearly that the backend has none. */
export function startSteps(backend: ConnectBackend, scope: ConnectScope, input: ConnectionInput, signal?: AbortSignal): Promise<SignInStep> {
  if (!backend.startSteps) throw new Error(`Plugboard: this backend has no multi-step sign-in (startSteps) for ${input.provider}.`)
  return backend.startSteps(scope, input, signal)
}

/**
 * Runs a sign-in in a window (OAuth authorization, a platform's multi-step sign-in): a thin
 * binding of the framework-free `SignInFlow` engine to React. The window opens inside the click,
 * answers are accepted only from it and the platform's origin, and blocked windows, closed windows,
 * timeouts and double clicks are handled.
 *
 * @example
 * const oauth = useOAuthFlow({ provider: 'hubspot', onSuccess: (c) => toast(`Connected ${c.provider}`) })
 * return <button onClick={() => oauth.start()} disabled={oauth.isActive}>Connect HubSpot</button>
 */
export function useOAuthFlow(options: UseOAuthFlowOptions): OAuthFlow {
  const { backend, scope, messages, onEvent } = useConnectContext('useOAuthFlow')
  const invalidate = useInvalidateConnections()
  const { provider, connectionId } = options
  const displayName = options.displayName ?? provider
  // The attempt under way: every event of one attempt carries its id.
  const attempt = useRef<string>(undefined)
  const report = (detail: ConnectEventDetail) =>
    emitConnectEvent([options.onEvent, onEvent], detail, { flowId: attempt.current ?? newFlowId(), provider })
  const flowOptions: SignInFlowOptions = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    getConnection: (id, signal) => backend.getConnection(id, signal),
    listConnections: (signal) => backend.listConnections(scope, { provider }, signal),
    errors: {
      blocked: () => new ConnectError('popup_blocked', messages.popupBlocked(displayName)),
      timeout: () => new ConnectError('timeout', messages.popupTimeout),
      refused: (reason) => new ConnectError('authorization_failed', messages.authorizationFailed(displayName, reason), { detail: reason }),
      unconfirmed: () => new ConnectError('unconfirmed', messages.signInUnconfirmed(displayName)),
      unsafeUrl: () => new ConnectError('invalid_response', messages.unsafeSignInUrl(displayName), { detail: messages.unsafeSignInUrl(displayName) }),
      from: (caught) => toConnectError(caught, messages.networkError),
    },
    onEvent(event) {
      if (event.type === 'succeeded') {
        void invalidate()
        report({ type: 'succeeded', connectionId: event.connection.id })
        options.onSuccess?.(event.connection)
      } else if (event.type === 'cancelled') {
        report({ type: 'cancelled' })
        options.onCancel?.()
      } else {
        report(event.type === 'blocked' ? { type: 'window_blocked' } : errorDetail(event.error))
        options.onError?.(event.error)
      }
    },
    onWindow: (change) => report({ type: change === 'opened' ? 'window_opened' : 'window_closed' }),
  }
  const [flow] = useState(() => new SignInFlow(flowOptions))
  // The engine reads the newest callbacks, backend and words when something happens.
  useEffect(() => flow.configure(flowOptions))
  useEffect(() => () => flow.dispose(), [flow])
  const snapshot = useSyncExternalStore(flow.subscribe, flow.getSnapshot, flow.getSnapshot)
  // A call while an attempt is under way only raises its window: same attempt, same id.
  const beginAttempt = () => {
    if (!flow.isActive) attempt.current = options.flowId?.() ?? newFlowId()
  }

  return {
    status: snapshot.status,
    error: snapshot.error,
    connection: snapshot.connection,
    isActive: isActiveStatus(snapshot.status),
    expiresAt: snapshot.expiresAt,
    keepWaiting: () => flow.keepWaiting(),
    start: (input = { credentials: [] }) => {
      beginAttempt()
      flow.start((signal) => backend.startOAuth(scope, { ...input, provider }, connectionId, signal))
    },
    startCustomAuth: (input) => {
      beginAttempt()
      flow.start((signal) => startSteps(backend, scope, input, signal))
    },
    followRedirect: (step) => {
      beginAttempt()
      flow.follow(step)
    },
    openBlockedPopup: () => flow.openBlockedWindow(),
    focus: () => flow.focus(),
    cancel: () => flow.cancel(),
    reset: () => flow.reset(),
  }
}
