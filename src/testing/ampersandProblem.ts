// Ampersand's errors as the mock platform answers them, and the refusals it makes up.

import { HttpResponse } from 'msw'
import type { ContractIssue } from './recordedRequest'

type Body = Record<string, unknown>

const isObject = (value: unknown): value is Body => value !== null && typeof value === 'object' && !Array.isArray(value)
const CREDENTIAL_KEYS = ['apiKey', 'basicAuth', 'oauth2ClientCredentials', 'oauth2PasswordCredentials', 'customAuth']

/** One `InputValidationIssue` of a problem: the body path, and the text shown under its field. */
export interface ProblemIssue {
  name: string
  detail: string
}

/** Contract issues as Ampersand words them: `basicAuth.password must be string`. */
export const contractIssues = (issues: ContractIssue[]): ProblemIssue[] => issues.map((issue) => ({ name: issue.path, detail: `${issue.path} ${issue.message}` }))

/** Ampersand's error: `application/problem+json`, with an issue per field when there are any. */
export function ampersandProblem(status: number, title: string, detail: string, issues: ProblemIssue[] = []) {
  const body = { type: 'about:blank', status, title, detail, ...(issues.length ? { issues: issues.map((issue) => ({ type: 'about:blank', in: 'body', ...issue })) } : {}) }
  return new HttpResponse(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } })
}

/** Credentials the mock's providers refuse, as a real provider might: any value that is exactly `wrong`. */
export function refusedValues(body: Body, prefix = ''): ProblemIssue[] {
  const issues: ProblemIssue[] = []
  const scan = (value: unknown, path: string) => {
    if (value === 'wrong') issues.push({ name: path, detail: 'The provider refused this value.' })
    else if (isObject(value)) for (const [key, inner] of Object.entries(value)) scan(inner, `${path}.${key}`)
  }
  for (const key of CREDENTIAL_KEYS) if (body[key] !== undefined) scan(body[key], `${prefix}${key}`)
  return issues
}

