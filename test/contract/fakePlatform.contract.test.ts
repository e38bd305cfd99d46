import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { errorsAgainst } from './openapi'

// The fake platform lives on the page's origin; give node one.
Object.defineProperty(globalThis, 'location', { value: new URL('http://localhost:6006/'), configurable: true })
const { createFakePlatform, FAKE_API_KEY, fakeBaseUrl, mixedConnections } = await import('../fakePlatform')

const platform = createFakePlatform()
const server = setupServer(...platform.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => platform.reset())
afterAll(() => server.close())

const call = (method: string, path: string, body?: unknown, key = FAKE_API_KEY) =>
  fetch(`${fakeBaseUrl()}${path}`, {
    method,
    headers: { 'X-Api-Key': key, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })

const schema = (name: string) => `#/components/schemas/${name}`

describe('every JSON answer of the fake platform is valid against the spec', () => {
  test('GET /providers/{provider}', async () => {
    const response = await call('GET', '/providers/salesforce')
    expect(errorsAgainst(schema('ProviderInfo'), await response.json())).toEqual([])
    const missing = await call('GET', '/providers/nope')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toContain('application/problem+json')
    expect(errorsAgainst(schema('ApiProblem'), await missing.json())).toEqual([])
  })

  test('GET /providers: the whole catalog, keyed by provider name, without credentials', async () => {
    const response = await fetch(`${fakeBaseUrl()}/providers`)
    expect(response.status).toBe(200)
    const catalog = (await response.json()) as Record<string, { name: string }>
    expect(errorsAgainst(schema('CatalogType'), catalog)).toEqual([])
    expect(Object.keys(catalog)).toContain('salesforce')
    for (const [key, entry] of Object.entries(catalog)) expect(entry.name).toBe(key)
  })

  test('GET /projects/{p}/connections with every seeded connection', async () => {
    platform.seedConnections(mixedConnections)
    const list = (await (await call('GET', '/projects/proj-1/connections?groupRef=group-1&consumerRef=consumer-1')).json()) as unknown[]
    expect(list).toHaveLength(mixedConnections.length)
    for (const connection of list) expect(errorsAgainst(schema('Connection'), connection)).toEqual([])
  })

  test('POST connections:generate for every credential kind, and its 400', async () => {
    const base = { groupRef: 'group-1', consumerRef: 'consumer-1' }
    const bodies = [
      { ...base, provider: 'openAI', apiKey: 'k' },
      { ...base, provider: 'mailgun', basicAuth: { username: 'u', password: 'p' } },
      { ...base, provider: 'adobe', oauth2ClientCredentials: { clientId: 'c', clientSecret: 's', scopes: ['a'] } },
      { ...base, provider: 'sugarCRM', providerWorkspaceRef: 'w', oauth2PasswordCredentials: { username: 'u', password: 'p', clientId: 'c', clientSecret: 's' } },
      { ...base, provider: 'redtail', customAuth: { apiKey: 'a' }, providerMetadata: { region: { value: 'crm', source: 'input' } } },
      { ...base, provider: 'mock' },
    ]
    for (const body of bodies) {
      expect(errorsAgainst(schema('GenerateConnectionRequest'), body)).toEqual([])
      const response = await call('POST', '/projects/proj-1/connections:generate', body)
      expect(response.status).toBe(201)
      expect(errorsAgainst(schema('Connection'), await response.json())).toEqual([])
    }
    const bad = await call('POST', '/projects/proj-1/connections:generate', { provider: 'openAI' })
    expect(bad.status).toBe(400)
    expect(errorsAgainst(schema('InputValidationProblem'), await bad.json())).toEqual([])
  })

  test('GET, PATCH and DELETE one connection; oauth-connect and oauth-update answer a URL', async () => {
    const [connection] = platform.seedConnections([{ provider: 'openAI', status: 'working' }])
    const got = await call('GET', `/projects/proj-1/connections/${connection!.id}`)
    expect(errorsAgainst(schema('Connection'), await got.json())).toEqual([])
    const patched = await call('PATCH', `/projects/proj-1/connections/${connection!.id}`, { updateMask: ['apiKey'], connection: { apiKey: 'new' } })
    expect(errorsAgainst(schema('Connection'), await patched.json())).toEqual([])
    const badMask = await call('PATCH', `/projects/proj-1/connections/${connection!.id}`, { updateMask: ['apiKey'], connection: {} })
    expect(badMask.status).toBe(400)
    expect(errorsAgainst(schema('InputValidationProblem'), await badMask.json())).toEqual([])
    const url = await (await call('POST', '/oauth-connect', { projectIdOrName: 'proj-1', provider: 'hubspot', groupRef: 'g', consumerRef: 'c' })).text()
    expect(new URL(url).searchParams.get('state')).toBeTruthy()
    const reauth = await call('PATCH', `/projects/proj-1/connections/${connection!.id}:oauth-update`)
    expect(new URL(await reauth.text()).pathname).toBe('/fake-authorize.html')
    expect((await call('DELETE', `/projects/proj-1/connections/${connection!.id}`)).status).toBe(204)
    const gone = await call('GET', `/projects/proj-1/connections/${connection!.id}`)
    expect(gone.status).toBe(404)
  })

  test('oauth-connect remembers who signs in; authorize() creates the connection with the provider grant, or reports a denial', async () => {
    const start = async (provider: string) => {
      const url = new URL(await (await call('POST', '/oauth-connect', { projectIdOrName: 'proj-1', provider, groupRef: 'group-1', consumerRef: 'consumer-1', providerWorkspaceRef: 'acme' })).text())
      expect(url.origin + url.pathname).toBe(`${location.origin}/fake-authorize.html`)
      return url.searchParams.get('state')!
    }
    expect(platform.authorize(await start('hubspot'), false)).toEqual({ eventType: 'AUTHORIZATION_FAILED', data: { error: 'access_denied', message: 'The user denied access.' } })
    expect(platform.connections).toEqual([])
    const approved = platform.authorize(await start('salesforce'), true)
    expect(approved).toMatchObject({ eventType: 'AUTHORIZATION_SUCCEEDED', data: { connection: { provider: 'salesforce' } } })
    const list = (await (await call('GET', '/projects/proj-1/connections?provider=salesforce')).json()) as Record<string, unknown>[]
    expect(list).toMatchObject([{ id: (approved.data.connection as { id: string }).id, authScheme: 'oauth2/authorizationCodePKCE', status: 'working', providerWorkspaceRef: 'acme' }])
    for (const connection of list) expect(errorsAgainst(schema('Connection'), connection)).toEqual([])
    // Signing in again refreshes the same connection instead of adding another.
    platform.authorize(await start('salesforce'), true)
    expect(platform.connections).toHaveLength(1)
    expect(platform.authorize('stale-state', true)).toMatchObject({ eventType: 'AUTHORIZATION_FAILED' })
  })

  test('options: autoAuthorize goes on the authorize URL, seed fills the store, and reset() returns to both', async () => {
    const seeded = createFakePlatform({ autoAuthorize: 'deny', seed: mixedConnections })
    server.use(...seeded.handlers)
    expect(seeded.connections).toHaveLength(mixedConnections.length)
    const authorizeUrl = async () =>
      new URL(await (await call('POST', '/oauth-connect', { projectIdOrName: 'proj-1', provider: 'hubspot', groupRef: 'g', consumerRef: 'c' })).text())
    expect((await authorizeUrl()).searchParams.get('auto')).toBe('deny')
    seeded.configure({ autoAuthorize: 'none' })
    expect((await authorizeUrl()).searchParams.get('auto')).toBe('none')
    expect(seeded.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v1/oauth-connect', 'POST /api/v1/oauth-connect'])
    expect(seeded.requests[0]).toMatchObject({ headers: { 'x-api-key': FAKE_API_KEY, 'content-type': 'application/json' }, body: { provider: 'hubspot' } })
    seeded.reset()
    expect(seeded.requests).toEqual([])
    expect(seeded.connections).toHaveLength(mixedConnections.length)
    expect((await authorizeUrl()).searchParams.get('auto')).toBe('deny')
    server.resetHandlers()
    expect((await authorizeUrl()).searchParams.has('auto')).toBe(false)
  })

  test('a wrong API key gets a 401 problem', async () => {
    const response = await call('GET', '/projects/proj-1/connections', undefined, 'wrong')
    expect(response.status).toBe(401)
    expect(errorsAgainst(schema('ApiProblem'), await response.json())).toEqual([])
  })

  test('fault switches answer problem JSON, HTML, empty or broken bodies', async () => {
    platform.fail('listConnections', { status: 429, times: 1 })
    const limited = await call('GET', '/projects/proj-1/connections')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('5')
    expect(errorsAgainst(schema('ApiProblem'), await limited.json())).toEqual([])
    platform.fail('listConnections', { status: 502, html: true, times: 1 })
    expect((await call('GET', '/projects/proj-1/connections')).headers.get('content-type')).toContain('text/html')
    expect((await call('GET', '/projects/proj-1/connections')).status).toBe(200)
    platform.fail('generate', { status: 500, empty: true })
    const empty = await call('POST', '/projects/proj-1/connections:generate', { groupRef: 'g', consumerRef: 'c', provider: 'openAI', apiKey: 'k' })
    expect([empty.status, await empty.text()]).toEqual([500, ''])
    platform.fail('getConnection', { malformedJson: true })
    await expect((await call('GET', '/projects/proj-1/connections/x')).json()).rejects.toThrow()
    platform.fail('provider', { network: true })
    await expect(call('GET', '/providers/hubspot')).rejects.toThrow()
    platform.fail('deleteConnection', { delayMs: 50, times: 1 })
    const started = Date.now()
    expect((await call('DELETE', '/projects/proj-1/connections/x')).status).toBe(404)
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
    platform.fail('generate', { status: 400, problem: { title: 'Bad Request', detail: 'Bad key.', issues: [{ name: 'apiKey', in: 'body', detail: 'The key was revoked.' }] } })
    const rejected = await call('POST', '/projects/proj-1/connections:generate', { groupRef: 'g', consumerRef: 'c', provider: 'openAI', apiKey: 'k' })
    expect(errorsAgainst(schema('InputValidationProblem'), await rejected.json())).toEqual([])
  })
})
