// Versori's errors as the mock platform answers them, and what it blanks or refuses in credentials.

import { HttpResponse } from 'msw'
import type { ContractIssue } from './recordedRequest'

type Body = Record<string, unknown>
const isObject = (value: unknown): value is Body => value !== null && typeof value === 'object' && !Array.isArray(value)

/** Data fields a platform never answers with: blanked in every connection the mock returns. */
const SECRET_FIELDS = new Set(['value', 'valueBase64', 'password', 'clientSecret', 'tokenSecret', 'key', 'code', 'accessToken', 'refreshToken'])

/** Versori's error: `{code, message, fields?}`, always JSON; the code starts with the status. */
export function versoriError(status: number, message: string, fields: ContractIssue[] = []) {
  const body = { code: `${status}001`, message, ...(fields.length ? { fields: fields.map((issue) => ({ field: issue.path, message: issue.message })) } : {}) }
  return HttpResponse.json(body, { status })
}

/** Credential data with its secrets blanked, as Versori answers it. */
export function blankSecrets(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(blankSecrets)
  if (!isObject(data)) return data
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, SECRET_FIELDS.has(key) && typeof value === 'string' ? '' : blankSecrets(value)]))
}

/** Values the mock's providers refuse, as a real one might: any credential data value that is exactly `wrong`. */
export function refusedValues(credentials: { credential: { data: Record<string, unknown> } }[], root: string): ContractIssue[] {
  const issues: ContractIssue[] = []
  const scan = (value: unknown, path: string) => {
    if (value === 'wrong') issues.push({ path, message: 'The provider refused this value.' })
    else if (isObject(value)) for (const [key, inner] of Object.entries(value)) scan(inner, `${path}.${key}`)
  }
  credentials.forEach((entry, i) => scan(entry.credential.data, `${root}[${i}].credential.data`))
  return issues
}
