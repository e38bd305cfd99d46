import type { Context } from 'hono'

/** Endpoints a fault can be switched on for. */
export type FaultEndpoint =
  | 'provider'
  | 'listProviders'
  | 'listConnections'
  | 'getConnection'
  | 'generate'
  | 'updateConnection'
  | 'deleteConnection'
  | 'oauthConnect'
  | 'oauthUpdate'
  | 'customAuthConnect'

/** What every fault can do: wait, fail at the network level, or answer a broken body, an HTML page or a status. */
export interface BaseFault {
  /** Wait this long first. */
  delayMs?: number
  /** Answer with this status (the platform's error body unless `html` or `empty`); 429 carries `Retry-After`. */
  status?: number
  /** Answer 200 with a body that is not valid JSON. */
  malformedJson?: boolean
  /** Answer an HTML error page (with `status`, default 502), as a proxy in front would. */
  html?: boolean
  /** Answer `status` with no body. */
  empty?: boolean
  /** Fail at the network level: answered with the {@link NETWORK_FAULT_HEADER} marker, which the MSW fake turns into a network error. */
  network?: boolean
  /** Only the next N requests. @default every request until cleared */
  times?: number
}

/** An Ampersand fault: the problem+json body to answer with `status`. */
export interface Fault extends BaseFault {
  /** The problem+json body to answer with `status`. @default a problem naming the switch */
  problem?: Record<string, unknown>
}

/** Marks a response that stands for a network failure (MSW answers `HttpResponse.error()` for it). */
export const NETWORK_FAULT_HEADER = 'x-plugboard-fault'

/**
 * A reference platform's fault switches, all off until a test turns one on. `errorResponse` writes
 * the platform's own error body for a fault's status.
 */
export class FaultSwitches<Endpoint extends string, F extends BaseFault> {
  private faults = new Map<Endpoint, F>()

  constructor(private readonly errorResponse: (c: Context, fault: F & { status: number }, endpoint: Endpoint, headers: Record<string, string>) => Response) {}

  /** Switches a fault on for an endpoint (replacing its previous one). */
  set(endpoint: Endpoint, fault: F) {
    this.faults.set(endpoint, { ...fault })
  }

  /** Switches every fault off. */
  clear() {
    this.faults.clear()
  }

  /** Applies the endpoint's fault; returns the response to send, or undefined to go on. */
  async apply(c: Context, endpoint: Endpoint): Promise<Response | undefined> {
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
    const headers: Record<string, string> = fault.status === 429 ? { 'Retry-After': '5' } : {}
    return this.errorResponse(c, fault as F & { status: number }, endpoint, headers)
  }
}

const titles: Record<number, string> = { 401: 'Unauthorized', 429: 'Too Many Requests', 500: 'Internal Server Error' }

/** The Ampersand platform's fault switches: errors are problem+json. */
export class Faults extends FaultSwitches<FaultEndpoint, Fault> {
  constructor() {
    super((c, fault, endpoint, headers) =>
      c.body(
        JSON.stringify({
          type: 'about:blank',
          status: fault.status,
          title: titles[fault.status] ?? 'Error',
          detail: `Fault switch: ${fault.status} on ${endpoint}.`,
          retryable: fault.status >= 500 || fault.status === 429,
          ...fault.problem,
        }),
        fault.status as 500,
        { 'Content-Type': 'application/problem+json', ...headers },
      ),
    )
  }
}
