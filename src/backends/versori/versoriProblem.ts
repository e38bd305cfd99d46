import { ConnectError } from '../../model/ConnectError'
import { statusMessage } from '../../model/describeError'
import { defaultMessages } from '../../model/messages'
import type { FieldNamer } from '../shared/http'
import { array, number, object, optional, string, union, unknown } from '../shared/shape'

// Versori's errors: `{code, message, fields: [{field, message}], details}`. Each `field` is a path
// into the request body (`connection.credentials[1].credential.data.certificate.key`; also seen as
// `/a/b/0/c` and `a.b.0.c`). Paths become form paths: exactly when the kit sent that field, else by
// the longest prefix it sent (a credential's path lands on that part's first field). The rest keep
// their path, which matches no field, so the form shows them in its summary: nothing is dropped.

const MAX_TEXT = 500

const errorSchema = object({
  code: optional(union(string(), number())),
  message: optional(string()),
  fields: optional(array(object({ field: optional(string()), message: optional(string()) }))),
  details: optional(unknown()),
})

/** A body path in one dotted form: `a.b[0].c`, `/a/b/0/c` and `$.a.b.0.c` all become `a.b.0.c`. */
export function normalisePath(path: string): string {
  return path
    .trim()
    .replace(/^\$/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.|\.$/g, '')
}

/** The form path of a body path: exact, else the longest sent prefix, else the path itself. */
export function formPathOf(path: string, sent: ReadonlyMap<string, string>): string {
  const normal = normalisePath(path)
  const exact = sent.get(normal)
  if (exact) return exact
  let best: string | undefined
  for (const key of sent.keys()) {
    if (normal.startsWith(`${key}.`) && (!best || key.length > best.length)) best = key
  }
  return best ? sent.get(best)! : normal
}

/** Platform text, bounded, as plain text: control characters dropped. */
const plain = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, MAX_TEXT)

/**
 * Turns a failed Versori response into a `ConnectError`. JSON errors give their message and field
 * errors (placed by `fieldName`, from the body paths of the request); a 409 naming no field is the
 * connection name's conflict. Anything else (an HTML 502 page, an empty body) gets the kit's
 * message for the status and is never shown raw.
 */
export async function versoriError(response: Response, fieldName: FieldNamer = normalisePath): Promise<ConnectError> {
  const status = response.status
  const requestId = response.headers.get('x-request-id') ?? undefined
  const generic = () => new ConnectError('http', statusMessage(status, defaultMessages), { status, requestId })
  if (!/json/i.test(response.headers.get('content-type') ?? '')) return generic()
  let body: unknown
  try {
    body = await response.json()
  } catch {
    return generic()
  }
  const parsed = errorSchema.safeParse(body)
  if (!parsed.success) return generic()
  const error = parsed.data
  const fieldErrors: Record<string, string> = {}
  for (const item of error.fields ?? []) {
    if (!item.field || !item.message) continue
    const path = fieldName(item.field)
    const message = plain(item.message)
    fieldErrors[path] = fieldErrors[path] && fieldErrors[path] !== message ? `${fieldErrors[path]} ${message}` : message
  }
  const message = error.message ? plain(error.message) : ''
  // A conflict that names no field is the connection name's: the one value that must be unique.
  if (status === 409 && Object.keys(fieldErrors).length === 0 && message && fieldName !== normalisePath) {
    fieldErrors[fieldName('connection.name')] = message
  }
  return new ConnectError('http', message || statusMessage(status, defaultMessages), {
    status,
    code: error.code === undefined ? undefined : String(error.code),
    fieldErrors,
    requestId,
    detail: message || undefined,
  })
}
