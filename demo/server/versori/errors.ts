import type { Context } from 'hono'
import type { ErrorField } from './contract'

/**
 * The machine-readable codes this platform answers with (Versori's `Error.code` is a string; its
 * SDK knows `500000`, its embed `599999`). The first three digits are the HTTP status.
 */
export const VERSORI_ERROR_CODES = {
  400: '400001',
  401: '401001',
  403: '403001',
  404: '404001',
  409: '409001',
  422: '422001',
  429: '429001',
  500: '500000',
  502: '502001',
  503: '503001',
} as const

/** A status this platform answers errors with. */
export type VersoriErrorStatus = keyof typeof VERSORI_ERROR_CODES

/** The contract's `Error` body. */
export interface VersoriErrorBody {
  code: string
  message: string
  fields?: ErrorField[]
  details?: string
}

/** The body of an error: `{code, message, fields?, details?}`, the code taken from the status when not given. */
export function errorBody(status: number, message: string, extra: { fields?: ErrorField[]; details?: string; code?: string } = {}): VersoriErrorBody {
  return {
    code: extra.code ?? VERSORI_ERROR_CODES[status as VersoriErrorStatus] ?? `${status}000`,
    message,
    ...(extra.fields?.length ? { fields: extra.fields } : {}),
    ...(extra.details ? { details: extra.details } : {}),
  }
}

/** Answers an error in Versori's shape, always JSON. */
export function versoriError(c: Context, status: number, message: string, extra: Parameters<typeof errorBody>[2] = {}, headers: Record<string, string> = {}) {
  return c.body(JSON.stringify(errorBody(status, message, extra)), status as 400, { 'Content-Type': 'application/json', ...headers })
}

/** A failed check: the status, message and fields to answer with. */
export interface Refusal {
  status: 400 | 403 | 409 | 422 | 502
  message: string
  fields?: ErrorField[]
}
