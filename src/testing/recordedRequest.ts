import type { JsonSchemaIssue } from './validateJson'

/** One place where a request body breaks the platform's contract, named as the platform names it. */
export interface ContractIssue {
  /** The body path: `basicAuth.password` (Ampersand), `connection.credentials[0].credential.type` (Versori); `(body)` for the body itself. */
  path: string
  /** What is wrong there: `is required`, `must be string`, `must be one of: …`. */
  message: string
}

/** A request a mock platform received, as a test asserts on it. */
export interface RecordedRequest {
  /** `GET`, `POST`, `PATCH`, `PUT` or `DELETE`. */
  method: string
  /** The path below the mock's base URL, e.g. `/oauth-connect`. */
  path: string
  /** The query parameters. */
  query: Record<string, string>
  /** Header names in lower case. */
  headers: Record<string, string>
  /** The parsed JSON body (its text when it is not JSON; `undefined` when there is none). */
  body: unknown
  /** Where the body breaks the contract; empty when it does not, or when the endpoint takes no body. */
  issues: ContractIssue[]
  /** The status the mock answered. */
  status?: number
}

/** Reads a request for the record (its body from a clone), with the path below `basePath`. */
export async function recordRequest(request: Request, basePath: string): Promise<RecordedRequest> {
  const url = new URL(request.url)
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text()
  let body: unknown = text || undefined
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    // kept as text
  }
  const headers: Record<string, string> = {}
  request.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value
  })
  return { method: request.method, path: url.pathname.slice(basePath.length) || '/', query: Object.fromEntries(url.searchParams), headers, body, issues: [] }
}

/** A validator's issues with their paths as Ampersand names them: `providerMetadata.region.value`. */
export const dottedIssues = (issues: JsonSchemaIssue[]): ContractIssue[] =>
  issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }))

/** A validator's issues with their paths as Versori names them: `connection.credentials[0].credential.type`. */
export const bracketIssues = (issues: JsonSchemaIssue[]): ContractIssue[] =>
  issues.map((issue) => ({
    path: issue.path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('') || '(body)',
    message: issue.message,
  }))

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** A pattern for every URL under `baseUrl` (MSW's `http.all`), without matching a longer path that starts alike. */
export const underBase = (baseUrl: string): RegExp => new RegExp(`^${escape(baseUrl)}(?=[/?#]|$)`)
