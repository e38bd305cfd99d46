import type { Connection } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'

/** Where a sign-in flow is. */
export type SignInStatus =
  /** Nothing started yet, or reset. */
  | 'idle'
  /** The window is open; the platform is asked for the page to show in it. */
  | 'starting'
  /** The person is signing in in the window. */
  | 'waiting'
  /** The browser blocked the window; `openBlockedWindow()` from a click continues. */
  | 'blocked'
  /** The window answered (or closed); the connection is being loaded or confirmed. */
  | 'finishing'
  /** Connected. */
  | 'succeeded'
  /** Failed; see `error`. */
  | 'failed'
  /** The person closed the window or cancelled. */
  | 'cancelled'

/** Whether a flow in `status` is under way (from the start of an attempt until its outcome). */
export function isActiveStatus(status: SignInStatus): boolean {
  return status === 'starting' || status === 'waiting' || status === 'blocked' || status === 'finishing'
}

/** What a flow shows: a new object on every change. */
export interface SignInSnapshot {
  status: SignInStatus
  /** The last failure (also set while `blocked`). */
  error?: ConnectError
  /** The connection once `succeeded`. */
  connection?: Connection
  /**
   * Set in an attempt's last minute: when (epoch milliseconds) it gives up unless the person asks
   * to keep waiting (`keepWaiting()`).
   */
  expiresAt?: number
}

/** What a flow reports as it happens. */
export type SignInEvent =
  | { type: 'succeeded'; connection: Connection }
  | { type: 'failed'; error: ConnectError }
  | { type: 'blocked'; error: ConnectError }
  | { type: 'cancelled' }
