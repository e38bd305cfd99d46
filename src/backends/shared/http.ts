import { safeUrl } from '../../model/connectionName'
import { ConnectError, REDIRECT_REFUSED } from '../../model/ConnectError'
import { defaultMessages } from '../../model/messages'

// What every platform adapter does the same way: authorised JSON requests that never send cookies
// or a referrer, network failures as `ConnectError`s, bodies checked by a parser (a shape from
// `./shape`), and page URLs checked before a sign-in window opens them.

/** Maps a request-body path the platform names in an error to the form path it came from. */
export type FieldNamer = (path: string) => string

/** Options of {@link httpClient}. */
export interface HttpClientOptions {
  /** The API's base URL, without a trailing slash. */
  baseUrl: string
  /** The `Accept` header. */
  accept: string
  /** A fetch implementation. @default globalThis.fetch */
  fetch?: typeof fetch
  /** The authorisation headers of one request; a rejection becomes a 401 `ConnectError`. */
  authorize(): Promise<Record<string, string>> | Record<string, string>
  /** Turns a failed response into the platform's `ConnectError`. */
  failure(response: Response, fieldName?: FieldNamer): Promise<ConnectError>
  /** How long one request may take, body included, before it fails with a retryable error. @default 30000 */
  timeoutMs?: number
}

/** The default time one request may take, body included. */
export const DEFAULT_TIMEOUT_MS = 30_000

/** `Retry-After` (seconds, or an HTTP date) in milliseconds; `undefined` when absent or unreadable. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}

/** `error` carrying the platform's `Retry-After`. */
const withRetryAfter = (error: ConnectError, retryAfterMs: number) =>
  new ConnectError(error.kind, error.message, { ...error, fieldErrors: { ...error.fieldErrors }, retryAfterMs, cause: error.cause })

/** A signal that aborts when `signal` does or when `ms` have passed; `timedOut()` tells which. */
function deadline(ms: number, signal?: AbortSignal) {
  const timeout = AbortSignal.timeout(ms)
  return { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, timedOut: () => timeout.aborted && !signal?.aborted }
}

/** The error of a request that ran out of time. */
const timedOut = (cause?: unknown) => new ConnectError('request_timeout', defaultMessages.requestTimedOut, { cause })

/** Whether each response's request ran out of time (a body read fails then, as a TypeError in Chromium). */
const deadlines = new WeakMap<Response, () => boolean>()

/** Whether a failure while reading `response`'s body was its request's deadline (the body stalled). */
const isTimeout = (caught: unknown, response?: Response) =>
  (caught instanceof DOMException && caught.name === 'TimeoutError') || (response !== undefined && deadlines.get(response)?.() === true)

/** One request: a JSON body, query parameters, an abort signal, and where body fields sit in the form. */
export interface RequestInit {
  body?: unknown
  query?: Record<string, string | undefined>
  signal?: AbortSignal
  fieldName?: FieldNamer
}

/** A small fetch wrapper shared by the adapters. */
export function httpClient(options: HttpClientOptions) {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args))
  return async function request(method: string, path: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(`${options.baseUrl}${path}`, globalThis.location?.href)
    for (const [key, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value)
    }
    let auth: Record<string, string>
    try {
      auth = await options.authorize()
    } catch (cause) {
      throw new ConnectError('http', defaultMessages.unauthorized, { status: 401, cause })
    }
    const headers: Record<string, string> = { Accept: options.accept, ...auth }
    if (init.body !== undefined) headers['Content-Type'] = 'application/json'
    const limit = deadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, init.signal)
    let response: Response
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: limit.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        // Credentials never follow a redirect: another origin would receive them.
        redirect: 'manual',
      })
    } catch (cause) {
      if (limit.timedOut()) throw timedOut(cause)
      if (init.signal?.aborted) throw cause
      throw new ConnectError('network', defaultMessages.networkError, { cause })
    }
    deadlines.set(response, limit.timedOut)
    // A browser hides a refused redirect as an opaque response; other runtimes show the 3xx.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      throw new ConnectError('http', defaultMessages.redirectRefused, { status: response.status || undefined, retryable: false, code: REDIRECT_REFUSED })
    }
    if (!response.ok) {
      let error: ConnectError
      try {
        error = await options.failure(response, init.fieldName)
      } catch (caught) {
        throw isTimeout(caught, response) ? timedOut(caught) : caught
      }
      const retryAfterMs = retryAfter(response.headers.get('retry-after'))
      throw retryAfterMs === undefined ? error : withRetryAfter(error, retryAfterMs)
    }
    return response
  }
}

/**
 * What {@link readJson} checks a body with: a function or an object with `parse` (a shape from
 * `./shape`, or any schema with a throwing `parse`), answering the typed body or throwing.
 */
export type BodyParser<T> = ((body: unknown) => T) | { parse(body: unknown): T }

/** The response body checked by `parser`; anything else is an `invalid_response` error, caused by what the parser threw. */
export async function readJson<T>(response: Response, parser: BodyParser<T>): Promise<T> {
  let body: unknown
  try {
    body = await response.json()
  } catch (cause) {
    // A platform that sends headers and then stalls runs into the request's deadline here.
    if (isTimeout(cause, response)) throw timedOut(cause)
    throw new ConnectError('invalid_response', defaultMessages.invalidResponse, { status: response.status, cause })
  }
  try {
    return typeof parser === 'function' ? parser(body) : parser.parse(body)
  } catch (cause) {
    throw new ConnectError('invalid_response', defaultMessages.invalidResponse, { status: response.status, cause })
  }
}

/** A text body (an authorize URL), with a stalled body failing as a timeout. */
export async function readText(response: Response): Promise<string> {
  try {
    return await response.text()
  } catch (cause) {
    throw isTimeout(cause, response) ? timedOut(cause) : new ConnectError('invalid_response', defaultMessages.invalidResponse, { status: response.status, cause })
  }
}

/** A page a sign-in window may open: `https:`, or `http:` on a loopback host; never `javascript:`, `data:` or plain `http:`. */
export function webUrl(text: string, status: number): string {
  const url = safeUrl(text)
  if (url) return url
  throw new ConnectError('invalid_response', defaultMessages.invalidResponse, { status })
}
