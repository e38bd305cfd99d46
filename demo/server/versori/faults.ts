import type { Context } from 'hono'
import { NETWORK_FAULT_HEADER } from '../faults'
import { errorBody } from './errors'

export { NETWORK_FAULT_HEADER } from '../faults'

/** Endpoints of the Versori platform a fault can be switched on for. */
export type VersoriFaultEndpoint =
  | 'listTemplates'
  | 'listConnections'
  | 'getConnection'
  | 'createConnection'
  | 'updateConnection'
  | 'deleteConnection'
  | 'initialiseOAuth2'

/** A fault: wait, then answer with a status, a broken body or an HTML page instead of the real answer. */
export interface VersoriFault {
  /** Wait this long first. */
  delayMs?: number
  /** Answer with this status (a Versori `Error` unless `html` or `empty`); 429 carries `Retry-After`. */
  status?: number
  /** Answer 200 with a body that is not valid JSON. */
  malformedJson?: boolean
  /** Answer an HTML error page (with `status`, default 502), as a proxy in front would. */
  html?: boolean
  /** Answer `status` with no body. */
  empty?: boolean
  /** Fields of the `Error` body to answer with `status` (merged over the default). */
  error?: { code?: string; message?: string; fields?: { field: string; message: string }[]; details?: string }
  /** Fail at the network level: answered with the {@link NETWORK_FAULT_HEADER} marker, which the MSW fake turns into a network error. */
  network?: boolean
  /** Only the next N requests. @default every request until cleared */
  times?: number
}

/** The Versori platform's fault switches; all off until a test turns one on. */
export class VersoriFaults {
  private faults = new Map<VersoriFaultEndpoint, VersoriFault>()

  /** Switches a fault on for an endpoint (replacing its previous one). */
  set(endpoint: VersoriFaultEndpoint, fault: VersoriFault) {
    this.faults.set(endpoint, { ...fault })
  }

  /** Switches every fault off. */
  clear() {
    this.faults.clear()
  }

  /** Applies the endpoint's fault; returns the response to send, or undefined to go on. */
  async apply(c: Context, endpoint: VersoriFaultEndpoint): Promise<Response | undefined> {
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
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (fault.status === 429) headers['Retry-After'] = '5'
    const { message, ...extra } = fault.error ?? {}
    const body = errorBody(fault.status, message ?? `Fault switch: ${fault.status} on ${endpoint}.`, extra)
    return c.body(JSON.stringify(body), fault.status as 500, headers)
  }
}
