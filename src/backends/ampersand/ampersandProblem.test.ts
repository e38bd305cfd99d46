import { describe, expect, test } from 'vitest'
import { ampersandFieldName, problemToError, workspaceFieldOf } from './ampersandProblem'

const problem = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json', 'X-Request-Id': 'req-9' } })

describe('problemToError', () => {
  test('an InputValidationProblem puts each issue on the kit form field it names', async () => {
    const error = await problemToError(
      problem(400, {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'The input is invalid.',
        remedy: 'Fix the fields.',
        requestId: 'req-1',
        issues: [
          { name: 'basicAuth.password', in: 'body', detail: 'too short' },
          { name: 'customAuth.token', in: 'body', detail: 'unknown token' },
          { name: 'providerMetadata.region.value', in: 'body', detail: 'unknown region' },
          { name: 'connection.apiKey', in: 'body', title: 'bad key' },
          { name: 'projectIdOrName', in: 'path', detail: 'not a body field' },
        ],
      }),
    )
    expect(error.kind).toBe('http')
    expect(error.status).toBe(400)
    expect(error.requestId).toBe('req-1')
    expect(error.message).toBe('The input is invalid. Fix the fields.')
    expect(error.fieldErrors).toEqual({
      'credentials.0.password': 'too short',
      'credentials.0.token': 'unknown token',
      'connection.metadata.region': 'unknown region',
      'credentials.0.apiKey': 'bad key',
    })
  })

  test('an HTML error page gives a generic message for its status, never the HTML', async () => {
    const error = await problemToError(new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }))
    expect(error.status).toBe(502)
    expect(error.message).toBe('The server sent an unexpected answer (error 502). Please try again in a moment.')
    expect(error.message).not.toContain('<')
    expect(error.detail).toBeUndefined()
  })

  test('an empty body and unparseable JSON are handled', async () => {
    expect((await problemToError(new Response(null, { status: 500 }))).message).toContain('error 500')
    expect((await problemToError(new Response('{', { status: 503, headers: { 'Content-Type': 'application/json' } }))).message).toContain('error 503')
    expect((await problemToError(new Response(null, { status: 401 }))).message).toContain('You are not allowed to manage connections here')
    expect((await problemToError(new Response(null, { status: 429 }))).message).toContain('Too many attempts')
  })

  test('field names: JSON pointers and credential wrappers map to form paths', () => {
    expect(ampersandFieldName('/oauth2ClientCredentials/clientSecret')).toBe('credentials.0.clientSecret')
    expect(ampersandFieldName('oauth2PasswordCredentials.scopes[0]')).toBe('credentials.0.scopes')
    expect(ampersandFieldName('providerMetadata.region')).toBe('connection.metadata.region')
    expect(ampersandFieldName('basicAuth.password')).toBe('credentials.0.password')
    expect(ampersandFieldName('customAuth.token')).toBe('credentials.0.token')
    expect(ampersandFieldName('groupRef')).toBe('groupRef')
  })

  test('the workspace error goes to the field the workspace came from', () => {
    expect(ampersandFieldName('providerWorkspaceRef')).toBe('connection.metadata.workspace')
    expect(ampersandFieldName('providerWorkspaceRef', workspaceFieldOf({ providerWorkspaceRef: 'acme' }))).toBe('connection.providerWorkspaceRef')
    expect(ampersandFieldName('providerWorkspaceRef', workspaceFieldOf({ 'metadata.workspace': 'acme' }))).toBe('connection.metadata.workspace')
  })
})
