import { describe, expect, test } from 'vitest'
import { ampersand } from './ampersand'
import { customAuthProtocol, oauthResultProtocol } from './protocols'
import { ConnectError } from '../../model/ConnectError'
import type { ConnectionInput, SignInStep } from '../../model/ConnectBackend'

const scope = { groupRef: 'g', consumerRef: 'c' }

function backendAnswering(respond: (url: string, init: RequestInit) => Response | Promise<Response>, auth: { apiKey: string } | { getToken: () => Promise<string> } = { apiKey: 'key-1' }) {
  const seen: { url: string; init: RequestInit }[] = []
  const backend = ampersand({
    project: 'my project',
    baseUrl: 'https://api.test/v1/',
    ...auth,
    fetch: async (input, init = {}) => {
      seen.push({ url: String(input), init })
      return respond(String(input), init)
    },
  } as Parameters<typeof ampersand>[0])
  return { backend, seen }
}

const connection = {
  id: 'c1', projectId: 'p', provider: 'adobe', authScheme: 'oauth2/clientCredentials', status: 'created', createTime: '2026-01-01T00:00:00Z',
  group: { groupRef: 'g' }, consumer: { consumerRef: 'c' },
}

const headersOf = (init: RequestInit) => new Headers(init.headers)
const failure = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error) {
    return error as ConnectError
  }
  throw new Error('expected a rejection')
}

describe('ampersand()', () => {
  test('refuses both or neither credential with a message that says what to pass', () => {
    expect(() => ampersand({ project: 'p' } as never)).toThrow('Pass `apiKey` (a publishable Ampersand API key) or `getToken`')
    expect(() => ampersand({ project: 'p', apiKey: 'k', getToken: () => 't' } as never)).toThrow('Pass exactly one')
    expect(() => ampersand({ project: '', apiKey: 'k' })).toThrow('needs `project`')
  })

  test('says plainly that it needs groupRef, before sending anything, when the scope has none', async () => {
    const { backend, seen } = backendAnswering(() => Response.json([]))
    await expect(backend.listConnections({ consumerRef: 'c' })).rejects.toThrow('Ampersand needs `groupRef` on <ConnectProvider>')
    await expect(backend.createConnection({ consumerRef: 'c' }, { provider: 'openAI', credentials: [{ scheme: 'apiKey', apiKey: 'k' }] })).rejects.toThrow('Ampersand needs `groupRef`')
    expect(seen).toHaveLength(0)
  })

  test('sends X-Api-Key, encodes the project, and filters connections by group, consumer and provider', async () => {
    const { backend, seen } = backendAnswering(() => Response.json([]))
    await backend.listConnections(scope, { provider: 'hubspot' })
    expect(seen[0]!.url).toBe('https://api.test/v1/projects/my%20project/connections?groupRef=g&consumerRef=c&provider=hubspot')
    expect(headersOf(seen[0]!.init).get('X-Api-Key')).toBe('key-1')
    expect(headersOf(seen[0]!.init).get('Authorization')).toBeNull()
    expect(seen[0]!.init.credentials).toBe('omit')
  })

  test('awaits getToken for each request and sends it as a bearer token', async () => {
    let n = 0
    const { backend, seen } = backendAnswering(() => Response.json([]), { getToken: async () => `tok-${++n}` })
    await backend.listConnections(scope)
    await backend.listConnections(scope)
    expect(seen.map((s) => headersOf(s.init).get('Authorization'))).toEqual(['Bearer tok-1', 'Bearer tok-2'])
    expect(headersOf(seen[0]!.init).get('X-Api-Key')).toBeNull()
  })

  test('a getToken failure becomes a ConnectError', async () => {
    const { backend } = backendAnswering(() => Response.json([]), { getToken: async () => Promise.reject(new Error('session expired')) })
    const error = await failure(backend.listConnections(scope))
    expect(error).toBeInstanceOf(ConnectError)
    expect(error.status).toBe(401)
  })

  test('a network failure is kind network', async () => {
    const { backend } = backendAnswering(() => {
      throw new TypeError('Failed to fetch')
    })
    const error = await failure(backend.getProvider('hubspot'))
    expect(error).toBeInstanceOf(ConnectError)
    expect(error.kind).toBe('network')
    expect(error.message).toBe('Could not reach the server. Check your connection and try again.')
  })

  test('an HTML 502 page and an empty 500 become http errors whose message shows no markup', async () => {
    const html = backendAnswering(() => new Response('<!doctype html><h1>502 Bad Gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } }))
    const gateway = await failure(html.backend.listConnections(scope))
    expect([gateway.kind, gateway.status, gateway.retryable]).toEqual(['http', 502, true])
    expect(gateway.message).not.toMatch(/[<>]|Bad Gateway/)
    const empty = backendAnswering(() => new Response(null, { status: 500 }))
    const server = await failure(empty.backend.createConnection(scope, { provider: 'mock', credentials: [{ scheme: 'none' }] }))
    expect([server.kind, server.status]).toEqual(['http', 500])
    expect(server.message).toContain('error 500')
  })

  test('a field problem from the platform arrives keyed by form path', async () => {
    const { backend } = backendAnswering(() =>
      Response.json(
        { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Invalid input.', issues: [{ name: 'basicAuth.password', in: 'body', detail: 'Wrong password.' }] },
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    )
    const error = await failure(backend.createConnection(scope, { provider: 'mailgun', credentials: [{ scheme: 'basic', username: 'u', password: 'p' }] }))
    expect(error.fieldErrors).toEqual({ 'credentials.0.password': 'Wrong password.' })
  })

  test('methods work detached from the backend object (custom credentials are generated again)', async () => {
    const { backend, seen } = backendAnswering(() => Response.json(connection))
    const { updateConnection } = backend
    await updateConnection(scope, 'c1', { provider: 'redtail', credentials: [{ scheme: 'custom', values: { apiKey: 'k' } }] })
    expect(seen[0]!.url).toBe('https://api.test/v1/projects/my%20project/connections:generate')
  })

  test('malformed JSON on 200, and a connection missing required fields, are invalid_response', async () => {
    const broken = backendAnswering(() => new Response('{"id": ', { headers: { 'Content-Type': 'application/json' } }))
    expect((await failure(broken.backend.listConnections(scope))).kind).toBe('invalid_response')
    const partial = backendAnswering(() => Response.json([{ id: 'c1', provider: 'x' }]))
    const error = await failure(partial.backend.listConnections(scope))
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toBe('The server sent an answer that could not be read. Please try again later.')
    // What was wrong is kept for whoever debugs it: the first missing field, by JSON path.
    expect((error.cause as Error).message).toBe('$[0].authScheme: expected a string, got undefined')
  })

  test('oauth-connect answers the authorize URL as text; anything else is refused', async () => {
    const ok = backendAnswering(() => new Response('https://login.test/authorize?state=abc\n', { headers: { 'Content-Type': 'text/plain' } }))
    const step = await ok.backend.startOAuth(scope, { provider: 'salesforce', credentials: [] })
    expect(step.url).toBe('https://login.test/authorize?state=abc')
    const bad = backendAnswering(() => new Response('javascript:alert(1)', { headers: { 'Content-Type': 'text/plain' } }))
    expect((await failure(bad.backend.startOAuth(scope, { provider: 'salesforce', credentials: [] }))).kind).toBe('invalid_response')
  })

  test("a reconnect goes to oauth-update, and the window's answers are read from the base URL's origin unless told otherwise", async () => {
    const answer = () => new Response('https://login.test/authorize', { headers: { 'Content-Type': 'text/plain' } })
    const { backend, seen } = backendAnswering(answer)
    const step = await backend.startOAuth(scope, { provider: 'hubspot', credentials: [] }, 'c 1')
    expect([seen[0]!.url, seen[0]!.init.method]).toEqual(['https://api.test/v1/projects/my%20project/connections/c%201:oauth-update', 'PATCH'])
    expect(step.protocol.origin).toBe('https://api.test')
    // A success without an id is the connection being re-authorized.
    expect(step.protocol.read({ eventType: 'AUTHORIZATION_SUCCEEDED', data: {} })).toEqual({ kind: 'authorized', connectionId: 'c 1' })
    const elsewhere = ampersand({ project: 'p', apiKey: 'k', callbackOrigin: 'https://cb.test', fetch: async () => answer() })
    expect((await elsewhere.startOAuth(scope, { provider: 'hubspot', credentials: [] })).protocol.origin).toBe('https://cb.test')
  })

  test('scopes are omitted when empty, and update uses a mask matching the body', async () => {
    const { backend, seen } = backendAnswering(() => Response.json(connection))
    const input: ConnectionInput = {
      provider: 'zuora',
      connection: { providerWorkspaceRef: 'acme' },
      credentials: [{ scheme: 'oauth2/clientCredentials', clientId: 'id', clientSecret: 's' }],
    }
    await backend.updateConnection(scope, 'c1', input)
    expect(seen[0]!.init.method).toBe('PATCH')
    expect(JSON.parse(String(seen[0]!.init.body))).toEqual({
      updateMask: ['oauth2ClientCredentials', 'providerWorkspaceRef'],
      connection: { providerWorkspaceRef: 'acme', oauth2ClientCredentials: { clientId: 'id', clientSecret: 's' } },
    })
  })
  test('custom-auth/connect answers a redirect or a connection; a redirect to a non-web URL is refused', async () => {
    const answers = [
      { redirect: { url: 'https://login.example.com/adminconsent?client_id=x', sessionId: 's-1' } },
      { connection },
      { redirect: { url: 'javascript:alert(1)', sessionId: 's-2' } },
      { redirect: { url: 'https://login.example.com/', sessionId: '' } },
    ]
    const { backend, seen } = backendAnswering(() => Response.json(answers.shift()))
    const step = (await backend.startSteps!(scope, { provider: 'microsoftAdminConsent', credentials: [{ scheme: 'custom', values: {} }] })) as Extract<SignInStep, { kind: 'redirect' }>
    expect([step.kind, step.url, step.protocol.origin]).toEqual(['redirect', 'https://login.example.com/adminconsent?client_id=x', 'https://api.test'])
    // The callback page's parameters continue the same session.
    const answer = step.protocol.read({ source: 'ampersand-custom-auth', params: { tenant: 't' } })
    expect(answer?.kind).toBe('continue')
    expect(await (answer as { next(): Promise<SignInStep> }).next()).toEqual({
      kind: 'connection',
      connection: { id: 'c1', provider: 'adobe', authScheme: 'oauth2/clientCredentials', status: 'created', createTime: '2026-01-01T00:00:00Z', groupRef: 'g', consumerRef: 'c' },
    })
    expect(seen.map(({ url, init }) => [url, init.method, JSON.parse(String(init.body))])).toEqual([
      ['https://api.test/v1/custom-auth/connect', 'POST', { projectIdOrName: 'my project', provider: 'microsoftAdminConsent', groupRef: 'g', consumerRef: 'c' }],
      ['https://api.test/v1/custom-auth/connect', 'POST', { projectIdOrName: 'my project', sessionId: 's-1', callbackParams: { tenant: 't' } }],
    ])
    const input = { provider: 'microsoftAdminConsent', credentials: [] }
    expect((await failure(backend.startSteps!(scope, input))).kind).toBe('invalid_response')
    expect((await failure(backend.startSteps!(scope, input))).kind).toBe('invalid_response')
  })

  test("the callback pages' messages: only well-formed ones are answers", () => {
    const oauth = oauthResultProtocol('https://api.test')
    expect(oauth.read({ eventType: 'AUTHORIZATION_SUCCEEDED', data: { connection: 'conn-7' } })).toEqual({ kind: 'authorized', connectionId: 'conn-7' })
    expect(oauth.read({ eventType: 'AUTHORIZATION_SUCCEEDED', data: { connection: { id: 'conn-8' } } })).toEqual({ kind: 'authorized', connectionId: 'conn-8' })
    expect(oauth.read({ eventType: 'AUTHORIZATION_SUCCEEDED', data: { connection: { id: 42 } } })).toEqual({ kind: 'authorized', connectionId: undefined })
    expect(oauth.read({ eventType: 'AUTHORIZATION_FAILED', data: { message: `${'x'.repeat(300)}` } })).toEqual({ kind: 'refused', reason: 'x'.repeat(200) })
    for (const noise of [null, 'AUTHORIZATION_SUCCEEDED', { eventType: 'other' }, { type: 'hello' }]) expect(oauth.read(noise)).toBeUndefined()
    const custom = customAuthProtocol('https://api.test', async () => ({ kind: 'connection', connection: connection as never }))
    expect(custom.read({ source: 'ampersand-custom-auth', params: { code: 1 } })).toBeUndefined()
    expect(custom.read({ source: 'other', params: {} })).toBeUndefined()
    expect(custom.read({ source: 'ampersand-custom-auth', params: { code: 'c' } })?.kind).toBe('continue')
  })
})
