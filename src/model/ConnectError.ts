/** What went wrong, in a form code can branch on. */
export type ConnectErrorKind =
  /** The request never got an answer (offline, DNS, CORS). */
  | 'network'
  /** The request, or its body, did not finish within the adapter's `timeoutMs`. */
  | 'request_timeout'
  /** The server answered with an error status. */
  | 'http'
  /** The server answered, but with a body the kit could not read or that failed its schema. */
  | 'invalid_response'
  /** The browser blocked the OAuth sign-in window. */
  | 'popup_blocked'
  /** The person closed the OAuth sign-in window before it finished. */
  | 'popup_closed'
  /** The OAuth sign-in did not finish within the configured time. */
  | 'timeout'
  /** The provider or platform reported that authorization failed. */
  | 'authorization_failed'
  /** The sign-in window reported success (or closed), but the platform shows no new or refreshed connection. */
  | 'unconfirmed'

/** Options for {@link ConnectError}. */
export interface ConnectErrorOptions {
  /** HTTP status, when the error came from a response. */
  status?: number
  /** Messages keyed by form field name (e.g. `apiKey`, `customAuth.token`, `metadata.workspace`). */
  fieldErrors?: Record<string, string>
  /** The platform's request id, for support. */
  requestId?: string
  /** The platform's machine-readable error code (Versori's `code`), passed through unread. */
  code?: string
  /** Whether the platform said the request can be retried. */
  retryable?: boolean
  /** How long the platform asked to wait before retrying (a 429's `Retry-After`), in milliseconds. */
  retryAfterMs?: number
  /** The platform's own explanation for people (a problem's `detail`), when it sent one. */
  detail?: string
  /** The underlying error. */
  cause?: unknown
}

/**
 * The one error type the kit throws or reports: every failed request, unreadable response and
 * popup problem becomes a `ConnectError`. Check it with `instanceof`. Its `message` is written
 * for people and never carries credentials or raw response bodies.
 */
export class ConnectError extends Error {
  override readonly name = 'ConnectError'
  /** What kind of failure this is. */
  readonly kind: ConnectErrorKind
  /** HTTP status, when the error came from a response. */
  readonly status: number | undefined
  /** Messages keyed by form field name; empty when the error concerns no single field. */
  readonly fieldErrors: Readonly<Record<string, string>>
  /** The platform's request id, for support. */
  readonly requestId: string | undefined
  /** The platform's machine-readable error code, when it sent one. */
  readonly code: string | undefined
  /** Whether the request can be retried as it is. */
  readonly retryable: boolean
  /** How long the platform asked to wait before a retry, in milliseconds, when it said. */
  readonly retryAfterMs: number | undefined
  /** The platform's own explanation for people, when it sent one; otherwise the kit's wording applies. */
  readonly detail: string | undefined

  constructor(kind: ConnectErrorKind, message: string, options: ConnectErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.kind = kind
    this.status = options.status
    this.fieldErrors = options.fieldErrors ?? {}
    this.requestId = options.requestId
    this.code = options.code
    this.retryAfterMs = options.retryAfterMs
    this.detail = options.detail
    this.retryable =
      options.retryable ??
      (kind === 'network' || kind === 'request_timeout' || (options.status !== undefined && (options.status >= 500 || options.status === 429)))
  }
}

/** Whether `value` is a {@link ConnectError}. */
export function isConnectError(value: unknown): value is ConnectError {
  return value instanceof ConnectError
}

/** `caught` as a ConnectError: itself if it is one, else a network error with `message` that keeps it as the cause. */
export function toConnectError(caught: unknown, message: string): ConnectError {
  return caught instanceof ConnectError ? caught : new ConnectError('network', message, { cause: caught })
}

/**
 * `ConnectError.code` of a response that tried to redirect a request (the kit never follows one
 * with credentials): `describeError` says so in the host's language.
 */
export const REDIRECT_REFUSED = 'redirect_refused'
