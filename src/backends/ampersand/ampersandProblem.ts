import { ConnectError } from '../../model/ConnectError'
import { statusMessage } from '../../model/describeError'
import { defaultMessages } from '../../model/messages'
import { array, boolean, object, optional, string } from '../shared/shape'
import { METADATA_PREFIX, WORKSPACE_FIELD } from './catalog'

const optionalString = optional(string())

const problemSchema = object({
  title: optionalString,
  detail: optionalString,
  remedy: optionalString,
  requestId: optionalString,
  retryable: optional(boolean()),
  issues: optional(array(object({ name: optionalString, in: optionalString, title: optionalString, detail: optionalString }))),
})

const credentialPrefixes = ['basicAuth.', 'oauth2ClientCredentials.', 'oauth2PasswordCredentials.', 'customAuth.']

/**
 * Maps a request-body path named by the platform (`basicAuth.password`, `/customAuth/token`,
 * `providerMetadata.region.value`, `connection.apiKey`) to the kit's form path
 * (`credentials.0.password`, `connection.metadata.region`). `providerWorkspaceRef` goes to
 * `workspaceField`: the form field the workspace was taken from.
 */
export function ampersandFieldName(path: string, workspaceField = `connection.${METADATA_PREFIX}workspace`): string {
  let name = path.replace(/^\$?\.?\/?/, '').replace(/\//g, '.').replace(/\[(\d+)\]/g, '.$1')
  if (name.startsWith('connection.')) name = name.slice('connection.'.length)
  // An Ampersand method has one credential part: index 0.
  for (const prefix of credentialPrefixes) {
    if (name.startsWith(prefix)) return `credentials.0.${name.slice(prefix.length).replace(/\.\d+$/, '')}`
  }
  if (name === 'apiKey') return 'credentials.0.apiKey'
  if (name === 'providerWorkspaceRef') return workspaceField
  const metadata = /^providerMetadata\.([^.]+)/.exec(name)
  if (metadata) return `connection.${METADATA_PREFIX}${metadata[1]}`
  return name
}

/** The form path the workspace of `connection` values came from. */
export function workspaceFieldOf(connection: Record<string, string> = {}): string {
  return WORKSPACE_FIELD in connection ? `connection.${WORKSPACE_FIELD}` : `connection.${METADATA_PREFIX}workspace`
}

const genericMessage = (status: number) => statusMessage(status, defaultMessages)

/**
 * Turns a failed response into a `ConnectError`. `application/problem+json` bodies give their
 * `detail` and per-field issues; anything else (an HTML 502 page, an empty body) gives a generic
 * message for the status and is never shown raw. `fieldName` maps an issue's body path to a form path.
 */
export async function problemToError(response: Response, fieldName: (path: string) => string = ampersandFieldName): Promise<ConnectError> {
  const status = response.status
  const type = response.headers.get('content-type') ?? ''
  const requestId = response.headers.get('x-request-id') ?? undefined
  if (!/json/i.test(type)) {
    return new ConnectError('http', genericMessage(status), { status, requestId })
  }
  let body: unknown
  try {
    body = await response.json()
  } catch (cause) {
    return new ConnectError('http', genericMessage(status), { status, requestId, cause })
  }
  const parsed = problemSchema.safeParse(body)
  if (!parsed.success) return new ConnectError('http', genericMessage(status), { status, requestId })
  const problem = parsed.data
  const fieldErrors: Record<string, string> = {}
  for (const issue of problem.issues ?? []) {
    const text = issue.detail ?? issue.title
    if (!issue.name || !text || (issue.in && issue.in !== 'body')) continue
    const field = fieldName(issue.name)
    fieldErrors[field] ??= text
  }
  const summary = [problem.detail ?? problem.title, problem.remedy].filter(Boolean).join(' ')
  return new ConnectError('http', summary || genericMessage(status), {
    status,
    fieldErrors,
    requestId: problem.requestId ?? requestId,
    retryable: problem.retryable,
    detail: summary || undefined,
  })
}
