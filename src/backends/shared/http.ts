import type * as z from 'zod/mini'
import { ConnectError } from '../../model/ConnectError'
import { defaultMessages } from '../../model/messages'

// What every platform adapter does the same way: authorised JSON requests that never send cookies
// or a referrer, network failures as `ConnectError`s, bodies parsed against a schema, and page URLs
// checked before a sign-in window opens them.

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
}

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
    let response: Response
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      })
    } catch (cause) {
      if (init.signal?.aborted) throw cause
      throw new ConnectError('network', defaultMessages.networkError, { cause })
    }
    if (!response.ok) throw await options.failure(response, init.fieldName)
    return response
  }
}

/** The response body parsed against `schema`; anything else is an `invalid_response` error. */
export async function readJson<T>(response: Response, schema: z.ZodMiniType<T>): Promise<T> {
  let body: unknown
  try {
    body = await response.json()
  } catch (cause) {
    throw new ConnectError('invalid_response', defaultMessages.invalidResponse, { status: response.status, cause })
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    throw new ConnectError('invalid_response', defaultMessages.invalidResponse, { status: response.status, cause: parsed.error })
  }
  return parsed.data
}

/** A page a sign-in window may open: an absolute http(s) URL, never `javascript:` or `data:`. */
export function webUrl(text: string, status: number): string {
  try {
    const url = new URL(text)
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href
  } catch {
    // fall through to the error below
  }
  throw new ConnectError('invalid_response', defaultMessages.invalidResponse, { status })
}
