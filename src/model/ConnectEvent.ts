import type { ConnectError, ConnectErrorKind } from './ConnectError'

// What happens in a connect flow, for the host's analytics. Events carry ids and kinds only: never
// a value the person typed, a message or detail a platform wrote (it may echo a secret), or an
// address (a sign-in URL may carry codes).

/** What every event carries. */
export interface ConnectEventBase {
  /** One id per attempt, from opening to outcome, shared by all of its events. */
  flowId: string
  /** The provider's id. */
  provider: string
  /** When it happened (epoch milliseconds). */
  at: number
}

/** One thing that happened in a connect flow; `type` tells which, and which fields it has. */
export type ConnectEvent = ConnectEventBase &
  (
    | {
        /** A button opened its credential form (`form`, a dialog) or a sign-in window (`window`). */
        type: 'opened'
        surface: 'form' | 'window'
        /** Whether the attempt replaces an existing connection's credentials. */
        reconnect: boolean
      }
    /** The person picked another sign-in method. */
    | { type: 'method_chosen'; methodId: string }
    /** A valid form was sent (or, for a window method, its window is about to open). */
    | { type: 'submitted'; methodId: string }
    /** The sign-in window opened. */
    | { type: 'window_opened' }
    /** The browser blocked the sign-in window. */
    | { type: 'window_blocked' }
    /** The sign-in window closed without answering. */
    | { type: 'window_closed' }
    /** A failure, by kind and the platform's ids: never its message. */
    | { type: 'error'; kind: ConnectErrorKind; code?: string; status?: number; requestId?: string }
    /** The connection was created or its credentials replaced. */
    | { type: 'succeeded'; connectionId: string }
    /** The person closed the form or the sign-in window (or pressed Cancel). */
    | { type: 'cancelled' }
    /** A connection was deleted from `ConnectionList`. */
    | { type: 'deleted'; connectionId: string }
  )

/** The event types. */
export type ConnectEventType = ConnectEvent['type']

/** What an event says beyond its base fields: what a hook reports. */
export type ConnectEventDetail = ConnectEvent extends infer E ? (E extends ConnectEvent ? Omit<E, keyof ConnectEventBase> : never) : never

/** Receives the kit's events. */
export type ConnectEventHandler = (event: ConnectEvent) => void

let counter = 0

/** A new flow id: a random UUID where the browser has one, else a counter. */
export function newFlowId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `flow-${Date.now().toString(36)}-${++counter}`
}

/** The `error` event's detail for `error`: its kind and the platform's ids, never its words. */
export function errorDetail(error: ConnectError): ConnectEventDetail {
  const { kind, code, status, requestId } = error
  return {
    type: 'error',
    kind,
    ...(code === undefined ? {} : { code }),
    ...(status === undefined ? {} : { status }),
    ...(requestId === undefined ? {} : { requestId }),
  }
}

/**
 * Builds the event and hands it to every handler in order (a component's, then the provider's). A
 * handler that throws is logged, and never breaks the flow or the next handler.
 */
export function emitConnectEvent(
  handlers: readonly (ConnectEventHandler | undefined)[],
  detail: ConnectEventDetail,
  base: Omit<ConnectEventBase, 'at'>,
): ConnectEvent {
  const event = { ...detail, flowId: base.flowId, provider: base.provider, at: Date.now() } as ConnectEvent
  for (const handler of handlers) {
    if (!handler) continue
    try {
      handler(event)
    } catch (caught) {
      console.error(`Plugboard: an onEvent handler threw on "${event.type}"; the flow goes on.`, caught)
    }
  }
  return event
}
