import { describe, expect, test } from 'vitest'
import { createPlatform } from '../../demo/server/platform'
import { errorsAgainst, requestBodyPointer } from './openapi'

const appOrigin = 'http://localhost:4000'
const make = () =>
  createPlatform({
    origin: 'http://localhost:4010',
    appOrigin,
    authorization: { kind: 'oauth', issuer: 'http://localhost:4011', client: { id: 'client', secret: 'secret' } },
    project: 'demo',
    apiKey: 'key',
    seed: { groupRef: 'acme', consumerRef: 'ada' },
  })
const headers = { 'X-Api-Key': 'key', 'Content-Type': 'application/json', Origin: appOrigin }
const schema = (name: string) => `#/components/schemas/${name}`

describe('reference platform (demo/server)', () => {
  test('CORS allows only the demo app origin', async () => {
    const { app } = make()
    const ok = await app.request('/v1/providers/hubspot', { headers: { Origin: appOrigin } })
    expect(ok.headers.get('access-control-allow-origin')).toBe(appOrigin)
    const other = await app.request('/v1/providers/hubspot', { headers: { Origin: 'https://evil.example' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })

  test('a wrong API key gets a 401 problem; the catalog needs none', async () => {
    const { app } = make()
    const denied = await app.request('/v1/projects/demo/connections', { headers: { 'X-Api-Key': 'nope' } })
    expect(denied.status).toBe(401)
    expect(denied.headers.get('content-type')).toContain('application/problem+json')
    expect(errorsAgainst(schema('ApiProblem'), await denied.json())).toEqual([])
    expect((await app.request('/v1/providers/openAI')).status).toBe(200)
  })

  test('seeded connections and created ones are valid Connections without secrets', async () => {
    const { app } = make()
    const list = (await (await app.request('/v1/projects/demo/connections?groupRef=acme&consumerRef=ada', { headers })).json()) as Record<string, unknown>[]
    expect(list.length).toBeGreaterThanOrEqual(3)
    for (const connection of list) expect(errorsAgainst(schema('Connection'), connection)).toEqual([])
    const created = await app.request('/v1/projects/demo/connections:generate', {
      method: 'POST',
      headers,
      body: JSON.stringify({ groupRef: 'acme', consumerRef: 'ada', provider: 'openAI', apiKey: 'sk-secret-value' }),
    })
    expect(created.status).toBe(201)
    const text = await created.text()
    expect(errorsAgainst(schema('Connection'), JSON.parse(text))).toEqual([])
    expect(text).not.toContain('sk-secret-value')
  })

  test('bodies are validated against the spec, with per-field issues', async () => {
    const { app } = make()
    const response = await app.request('/v1/projects/demo/connections:generate', {
      method: 'POST',
      headers,
      body: JSON.stringify({ groupRef: 'acme', provider: 'mailgun', basicAuth: { username: 'u' } }),
    })
    expect(response.status).toBe(400)
    const problem = (await response.json()) as { issues: { name: string }[] }
    expect(errorsAgainst(schema('InputValidationProblem'), problem)).toEqual([])
    expect(problem.issues.map((issue) => issue.name).sort()).toEqual(['basicAuth.password', 'consumerRef'])
    const rejected = await app.request('/v1/projects/demo/connections:generate', {
      method: 'POST',
      headers,
      body: JSON.stringify({ groupRef: 'acme', consumerRef: 'ada', provider: 'mailgun', basicAuth: { username: 'u', password: 'wrong' } }),
    })
    expect(rejected.status).toBe(422)
    expect(((await rejected.json()) as { issues: { name: string }[] }).issues[0]!.name).toBe('basicAuth.password')
  })

  test('oauth-connect answers an authorize URL with state and PKCE S256', async () => {
    const { app } = make()
    const response = await app.request('/v1/oauth-connect', {
      method: 'POST',
      headers,
      body: JSON.stringify({ projectIdOrName: 'demo', provider: 'hubspot', groupRef: 'acme', consumerRef: 'ada' }),
    })
    expect(response.headers.get('content-type')).toContain('text/plain')
    const url = new URL(await response.text())
    expect(url.origin + url.pathname).toBe('http://localhost:4011/auth')
    expect(url.searchParams.get('state')!.length).toBeGreaterThanOrEqual(32)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:4010/callbacks/v1/oauth')
  })

  test('the callback page posts to the exact app origin, leaks nothing and is not cached', async () => {
    const { app } = make()
    const start = await app.request('/v1/oauth-connect', {
      method: 'POST',
      headers,
      body: JSON.stringify({ projectIdOrName: 'demo', provider: 'hubspot', groupRef: 'acme', consumerRef: 'ada' }),
    })
    const state = new URL(await start.text()).searchParams.get('state')!
    const denied = await app.request(`/callbacks/v1/oauth?state=${state}&error=access_denied&code=should-not-appear`)
    expect(denied.headers.get('referrer-policy')).toBe('no-referrer')
    expect(denied.headers.get('cache-control')).toBe('no-store')
    const html = await denied.text()
    expect(html).toContain(`postMessage(message, "${appOrigin}")`)
    expect(html).not.toContain("'*'")
    expect(html).toContain('AUTHORIZATION_FAILED')
    expect(html).toContain('Access was denied on the consent screen.')
    expect(html).not.toContain('should-not-appear')
    // A state is single-use.
    const replay = await (await app.request(`/callbacks/v1/oauth?state=${state}&code=abc`)).text()
    expect(replay).toContain('invalid_state')
  })

  describe('custom-auth/connect', () => {
    const post = (app: ReturnType<typeof make>['app'], body: Record<string, unknown>) =>
      app.request('/v1/custom-auth/connect', { method: 'POST', headers, body: JSON.stringify({ projectIdOrName: 'demo', ...body }) })
    const who = { groupRef: 'acme', consumerRef: 'ada' }

    test('Redtail: inputs exchanged server-side give the connection at once, without its secrets', async () => {
      const { app, store } = make()
      const response = await post(app, { provider: 'redtail', ...who, customAuth: { apiKey: 'rk-secret', username: 'ada', password: 'pw-secret' } })
      expect(response.status).toBe(200)
      const text = await response.text()
      const body = JSON.parse(text) as { connection: Record<string, unknown> }
      expect(errorsAgainst(schema('CustomAuthConnectResponse'), body)).toEqual([])
      expect(body.connection).toMatchObject({ provider: 'redtail', authScheme: 'custom', status: 'working' })
      expect(text).not.toMatch(/rk-secret|pw-secret/)
      expect(store.list({ provider: 'redtail' })).toHaveLength(1)
    })

    test('missing inputs, a refused secret, and a provider without steps are field problems', async () => {
      const { app } = make()
      const missing = await post(app, { provider: 'redtail', ...who, customAuth: { apiKey: 'k' } })
      expect(missing.status).toBe(400)
      const problem = (await missing.json()) as { issues: { name: string }[] }
      expect(errorsAgainst(schema('InputValidationProblem'), problem)).toEqual([])
      expect(problem.issues.map((issue) => issue.name)).toEqual(['customAuth.username', 'customAuth.password'])
      const wrong = await post(app, { provider: 'redtail', ...who, customAuth: { apiKey: 'k', username: 'u', password: 'wrong' } })
      expect(wrong.status).toBe(422)
      expect(((await wrong.json()) as { issues: { name: string }[] }).issues.map((issue) => issue.name)).toEqual(['customAuth.password'])
      const plain = await post(app, { provider: 'gitlab', ...who, customAuth: { token: 't' } })
      expect(((await plain.json()) as { issues: { name: string }[] }).issues[0]!.name).toBe('provider')
    })

    test('admin consent: a redirect to the consent page, a callback that forwards its params, then the connection', async () => {
      const { app, store } = make()
      const started = (await (await post(app, { provider: 'microsoftAdminConsent', ...who })).json()) as { redirect: { url: string; sessionId: string } }
      expect(errorsAgainst(schema('CustomAuthConnectResponse'), started)).toEqual([])
      const consent = new URL(started.redirect.url)
      expect(consent.origin + consent.pathname).toBe('http://localhost:4010/stand-in/admin-consent')
      expect(consent.searchParams.get('state')).toBe(started.redirect.sessionId)
      const page = await (await app.request(consent.pathname + consent.search)).text()
      const accept = new URL(page.match(/class="accept" href="([^"]+)"/)![1]!.replace(/&#38;/g, '&'))
      expect(accept.pathname).toBe('/callbacks/v1/custom-auth')
      const callback = await app.request(accept.pathname + accept.search)
      expect(callback.headers.get('referrer-policy')).toBe('no-referrer')
      expect(callback.headers.get('cache-control')).toBe('no-store')
      const html = await callback.text()
      expect(html).toContain(`postMessage(message, "${appOrigin}")`)
      expect(html).toContain('"source":"ampersand-custom-auth"')
      const params = Object.fromEntries(accept.searchParams)
      expect(params).toMatchObject({ admin_consent: 'True', state: started.redirect.sessionId })
      const resumeBody = { projectIdOrName: 'demo', sessionId: started.redirect.sessionId, callbackParams: params }
      expect(errorsAgainst(requestBodyPointer('/custom-auth/connect', 'post'), resumeBody)).toEqual([])
      const finished = (await (await post(app, resumeBody)).json()) as { connection: { provider: string } }
      expect(finished.connection).toMatchObject({ provider: 'microsoftAdminConsent', authScheme: 'custom', status: 'working' })
      expect(store.list({ provider: 'microsoftAdminConsent' })).toHaveLength(1)
      // A session is single-use.
      const replay = await post(app, resumeBody)
      expect(replay.status).toBe(400)
      expect(((await replay.json()) as { detail: string }).detail).toBe('This sign-in has expired or was already finished. Please start again.')
    })

    test('declined consent is a problem that says so, and nothing is created', async () => {
      const { app, store } = make()
      const started = (await (await post(app, { provider: 'microsoftAdminConsent', ...who })).json()) as { redirect: { sessionId: string } }
      const declined = await post(app, {
        sessionId: started.redirect.sessionId,
        callbackParams: { error: 'access_denied', error_description: 'The admin declined consent.', state: started.redirect.sessionId },
      })
      expect(declined.status).toBe(400)
      const problem = await declined.json()
      expect(errorsAgainst(schema('ApiProblem'), problem)).toEqual([])
      expect(problem).toMatchObject({ detail: 'Consent was declined on the provider’s page.' })
      expect(store.list({ provider: 'microsoftAdminConsent' })).toHaveLength(0)
    })
  })
})
