import { FaultSwitches } from '../faults'
import type { BaseFault } from '../faults'
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

/** A Versori fault: what any fault does, with a Versori `Error` body for its status. */
export interface VersoriFault extends BaseFault {
  /** Fields of the `Error` body to answer with `status` (merged over the default). */
  error?: { code?: string; message?: string; fields?: { field: string; message: string }[]; details?: string }
}

/** The Versori platform's fault switches: errors are Versori's `Error`. */
export class VersoriFaults extends FaultSwitches<VersoriFaultEndpoint, VersoriFault> {
  constructor() {
    super((c, fault, endpoint, headers) => {
      const { message, ...extra } = fault.error ?? {}
      const body = errorBody(fault.status, message ?? `Fault switch: ${fault.status} on ${endpoint}.`, extra)
      return c.body(JSON.stringify(body), fault.status as 500, { 'Content-Type': 'application/json', ...headers })
    })
  }
}
