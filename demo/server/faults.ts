import type { Context } from 'hono'

/** Endpoints a fault can be switched on for. */
export type FaultEndpoint =
  | 'provider'
  | 'listConnections'
  | 'getConnection'
  | 'generate'
  | 'updateConnection'
  | 'deleteConnection'
  | 'oauthConnect'
  | 'oauthUpdate'
  | 'customAuthConnect'

/** A fault: wait, then answer with a status, a broken body or an HTML page instead of the real answer. */
export interface Fault {
  /** Wait this long first. */
  delayMs?: number
  /** Answer with this status (problem+json unless `html`); 429 carries `Retry-After`. */
  status?: number
  /** Answer 200 with a body that is not valid JSON. */
  malformedJson?: boolean
  /** Answer an HTML error page (with `status`, default 502). */
  html?: boolean
  /** Answer `status` with no body. */
  empty?: boolean
  /** The problem+json body to answer with `status`. @default a problem naming the switch */
  problem?: Record<string, unknown>
  /** Fail at the network level: answered with the {@link NETWORK_FAULT_HEADER} marker, which the MSW fake turns into a network error. */
  network?: boolean
  /** Only the next N requests. @default every request until cleared */
  times?: number
}

/** Marks a response that stands for a network failure (MSW answers `HttpResponse.error()` for it). */
export const NETWORK_FAULT_HEADER = 'x-plugboard-fault'

/** The platform's fault switches; all off until a test turns one on. */
export class Faults {
  private faults = new Map<FaultEndpoint, Fault>()

  set(endpoint: FaultEndpoint, fault: Fault) {
    this.faults.set(endpoint, { ...fault })
  }

  clear() {
    this.faults.clear()
  }

  /** Applies the endpoint's fault; returns the response to send, or undefined to go on. */
  async apply(c: Context, endpoint: FaultEndpoint): Promise<Response | undefined> {
    const fault = this.faults.get(endpoint)
    if (!fault) return undefined
    if (fault.times !== undefined && --fault.times <= 0) this.faults.delete(endpoint)
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    if (fault.network) return c.body(null, 503, { [NETWORK_FAULT_HEADER]: 'network' })
    if (fault.malformedJson) return c.body('{"id": "broken", ', 200, { 'Content-Type': 'application/json' })
    if (fault.html) {
      const status = fault.status ?? 502
      return c.body(`<!doctype html><html><head><title>${status}</title></head><body><h1>${status} Bad Gateway</h1><p>nginx</p></body></html>`, status as 502, {
        'Content-Type': 'text/html; charset=utf-8',
      })
    }
    if (fault.status === undefined) return undefined
    if (fault.empty) return c.body(null, fault.status as 500)
    const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' }
    if (fault.status === 429) headers['Retry-After'] = '5'
    const titles: Record<number, string> = { 401: 'Unauthorized', 429: 'Too Many Requests', 500: 'Internal Server Error' }
    return c.body(
      JSON.stringify({
        type: 'about:blank',
        status: fault.status,
        title: titles[fault.status] ?? 'Error',
        detail: `Fault switch: ${fault.status} on ${endpoint}.`,
        retryable: fault.status >= 500 || fault.status === 429,
        ...fault.problem,
      }),
      fault.status as 500,
      headers,
    )
  }
}
