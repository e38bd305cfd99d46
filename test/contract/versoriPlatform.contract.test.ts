import { afterEach, describe, expect, test, vi } from 'vitest'
import { CALLBACK_SCRIPT } from '../../demo/server/versori/callbackPage'
import { versoriContract } from '../../demo/server/versori/contract.node'
import { createVersoriPlatform, VERSORI_CALLBACK_PATH, VERSORI_PATHS } from '../../demo/server/versori/platform'
import type { VersoriPlatformOptions } from '../../demo/server/versori/platform'
import { demoClients, demoTemplates } from '../../demo/server/versori/templates'
import { VERSORI_DEMO } from '../../demo/server/versori/types'
import { pkceChallenge } from '../../demo/server/webCrypto'
import { callVersori, createBody, credentialEntry, initialiseBody, kitCredentials, SECRET_MARK, typedCredential } from './versoriHarness'
import type { PathVars } from './versoriHarness'

const ORIGIN = 'http://localhost:4012'
const APP = 'http://localhost:4000'
const ISSUER = 'http://localhost:4011'
const templates = demoTemplates({ issuer: ISSUER, apiBaseUrl: 'http://localhost:4013' })
const byName = (name: string) => templates.find((template) => template.name === name)!
const { organisationId, projectId, environmentId } = VERSORI_DEMO

const make = (overrides: Partial<VersoriPlatformOptions> = {}) =>
  createVersoriPlatform({
    contract: versoriContract,
    origin: ORIGIN,
    appOrigin: APP,
    organisationId,
    projectId,
    environmentId,
    apiKey: 'key',
    // Tests' end-user tokens: `user.<externalId>`.
    verifyEndUserToken: async (jwt) => (jwt.startsWith('user.') ? jwt.slice(5) : undefined),
    templates,
    authorization: { kind: 'fake', pageUrl: `${APP}/fake-versori-authorize.html` },
    clients: demoClients(),
    ...overrides,
  })
type Platform = ReturnType<typeof make>

const call = (platform: Platform, method: string, path: string, vars?: PathVars, options?: Parameters<typeof callVersori>[5]) =>
  callVersori((url, init) => Promise.resolve(platform.app.request(`/api/v2${url}`, init)), versoriContract, method, path, vars, options)
const initialise = (platform: Platform, name: string, body: Record<string, unknown> = initialiseBody(byName(name)), auth?: string) =>
  call(platform, 'POST', VERSORI_PATHS.initialise, { system: byName(name).id }, { body, ...(auth ? { auth } : {}) })
const create = (platform: Platform, body: unknown, auth?: string) => call(platform, 'POST', VERSORI_PATHS.connections, {}, { body, ...(auth ? { auth } : {}) })
/** Creates a connection of a template with what the kit would send; returns the answer. */
async function connect(platform: Platform, name: string, options: Parameters<typeof createBody>[3] = {}) {
  const template = byName(name)
  const credentials = await kitCredentials(template, (body) => initialise(platform, name, body))
  return create(platform, createBody(versoriContract, template, credentials, options))
}
const fieldsOf = (answer: { json: { fields?: { field: string }[] } }) => answer.json.fields?.map((f) => f.field)

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('ListProjectConnectionTemplates', () => {
  test('lists every template, consumer secrets redacted; other projects and environments are 404s', async () => {
    const platform = make()
    const listed = await call(platform, 'GET', VERSORI_PATHS.templates, {}, { query: { env_id: environmentId } })
    expect(listed.status).toBe(200)
    expect(listed.json.items.map((t: { name: string }) => t.name)).toEqual(templates.map((t) => t.name))
    expect(listed.json.totalCount).toBe(templates.length)
    expect(listed.text).not.toContain('consumer-secret')
    expect((await call(platform, 'GET', VERSORI_PATHS.templates, { project: '01JD0PR0000000000000000009' })).status).toBe(404)
    expect((await call(platform, 'GET', VERSORI_PATHS.templates, {}, { query: { env_id: 'other' } })).status).toBe(404)
  })
})

describe('CreateConnection', () => {
  const connectable = templates.filter((template) => template.name !== 'Legacy OAuth 1')

  test.each(connectable.map((template) => [template.name]))('%s: the kit’s body creates a checked connection without its secrets', async (name) => {
    const platform = make()
    const created = await connect(platform, name)
    expect(created.status).toBe(201)
    expect(created.text).not.toContain(SECRET_MARK)
    const connection = created.json
    expect(connection).toMatchObject({ name: `${name} – ada`, systemId: byName(name).id, connectionTemplateId: byName(name).connectionTemplateId })
    for (const entry of connection.credentials) expect(entry.credential.errors).toEqual([])
    expect(platform.store.get(connection.id)?.externalId).toBe('ada')
    const fetched = await call(platform, 'GET', VERSORI_PATHS.connection, { id: connection.id })
    expect(fetched.json).toEqual(connection)
  })

  test('an authorization code comes back as an oauth2-token with the granted scopes and no tokens', async () => {
    const platform = make()
    const created = await connect(platform, 'Acme OAuth')
    const credential = created.json.credentials[0].credential
    expect(credential.type).toBe('oauth2-token')
    expect(credential.data).toEqual({ oauth2Token: { scopes: ['api:read', 'offline_access'], refreshToken: '', tokenType: 'Bearer' } })
  })

  test('the two-part method sends its parts in template order; one part alone is a 400', async () => {
    const platform = make()
    const created = await connect(platform, 'Acme Secure OAuth')
    expect(created.json.credentials.map((c: { credential: { type: string } }) => c.credential.type)).toEqual(['oauth2-client', 'certificate'])
    const [oauth2] = byName('Acme Secure OAuth').authSchemeConfigs
    const alone = await create(platform, createBody(versoriContract, byName('Acme Secure OAuth'), [credentialEntry(oauth2!, typedCredential(oauth2!))], { name: 'alone' }))
    expect(alone.status).toBe(400)
    expect(alone.json.fields).toEqual([{ field: 'connection.credentials', message: 'An mTLS OAuth 2.0 config needs a certificate credential in the same connection' }])
  })

  test('3-legged OAuth 1 is not available: a 400 at the credential type', async () => {
    const platform = make()
    const [config] = byName('Legacy OAuth 1').authSchemeConfigs
    const body = createBody(versoriContract, byName('Legacy OAuth 1'), [credentialEntry(config!, { type: 'oauth1', data: { oauth1: { oauthToken: 't', oauthVerifier: 'v', state: 's' } } })])
    const answer = await create(platform, body)
    expect(answer.status).toBe(400)
    expect(fieldsOf(answer)).toEqual(['connection.credentials[0].credential.type'])
  })

  test('schema problems are 400s with one field per issue, in the contract’s path form', async () => {
    const platform = make()
    const [config] = byName('Acme API key').authSchemeConfigs
    const entry = credentialEntry(config!, { type: 'string', data: { string: {} } })
    const answer = await create(platform, { connectionTemplateId: 'nope', connection: { credentials: [{ ...entry, id: 'not-a-ulid' }] } })
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ code: '400001', message: 'The request body is not valid.' })
    expect(answer.json.fields).toEqual([
      { field: 'connectionTemplateId', message: 'must be a ULID' },
      { field: 'connection.name', message: 'is required' },
      { field: 'connection.credentials[0].id', message: 'must be a ULID' },
      { field: 'connection.credentials[0].credential.data.string.value', message: 'is required' },
    ])
    const notJson = await platform.app.request(`/api/v2/o/${organisationId}/connections`, { method: 'POST', headers: { Authorization: 'Bearer key' }, body: '{' })
    expect(notJson.status).toBe(400)
    expect(await notJson.json()).toEqual({ code: '400001', message: 'The body must be a JSON object.' })
  })

  test('what only the template can tell is a 400 at the exact field', async () => {
    const platform = make()
    const apiKey = byName('Acme API key')
    const [config] = apiKey.authSchemeConfigs
    const good = credentialEntry(config!, typedCredential(config!))
    const cases: [unknown, string[]][] = [
      [{ ...createBody(versoriContract, apiKey, [good]), connectionTemplateId: byName('Acme Basic').id }, ['connectionTemplateId']],
      [createBody(versoriContract, apiKey, [credentialEntry(byName('Acme Regions').authSchemeConfigs[0]!, typedCredential(config!))]), ['connection.credentials[0].authSchemeConfig']],
      [createBody(versoriContract, apiKey, [credentialEntry({ type: 'secret' }, typedCredential(config!))]), ['connection.credentials[0].authSchemeConfig']],
      [createBody(versoriContract, apiKey, [{ ...good, credential: { ...good.credential, organisationId: '01JD0RG0000000000000000009' } }]), ['connection.credentials[0].credential.organisationId']],
      [createBody(versoriContract, apiKey, [good, { ...credentialEntry(config!, typedCredential(config!)) }]), ['connection.credentials[1].authSchemeConfig']],
      [createBody(versoriContract, apiKey, []), ['connection.credentials']],
      [createBody(versoriContract, apiKey, [good], { name: '   ' }), ['connection.name']],
    ]
    for (const [body, fields] of cases) {
      const answer = await create(platform, body)
      expect(answer.status, JSON.stringify(fields)).toBe(400)
      expect(fieldsOf(answer)).toEqual(fields)
    }
    const cc = byName('Acme Client Credentials')
    const ccConfig = cc.authSchemeConfigs[0]!
    const typed = typedCredential(ccConfig)
    const otherToken = { ...typed, data: { oauth2Client: { ...(typed.data.oauth2Client as object), tokenUrl: 'https://evil.example/token', scopes: ['admin'] } } }
    const answer = await create(platform, createBody(versoriContract, cc, [credentialEntry(ccConfig, otherToken)]))
    expect(fieldsOf(answer)).toEqual(['connection.credentials[0].credential.data.oauth2Client.tokenUrl', 'connection.credentials[0].credential.data.oauth2Client.scopes[0]'])
    const oauth1 = byName('Acme OAuth 1 token')
    const oauth1Config = oauth1.authSchemeConfigs[0]!
    const fixedParam = { type: 'oauth1-token', data: { oauth1Token: { token: 't', tokenSecret: 's', additionalParams: [{ name: 'api_version', value: '2' }] } } }
    expect(fieldsOf(await create(platform, createBody(versoriContract, oauth1, [credentialEntry(oauth1Config, fixedParam)])))).toEqual([
      'connection.credentials[0].credential.data.oauth1Token.additionalParams[0].name',
    ])
  })

  test('a name already used by the template is a 409 at connection.name', async () => {
    const platform = make()
    expect((await connect(platform, 'Acme API key')).status).toBe(201)
    const again = await connect(platform, 'Acme API key')
    expect(again.status).toBe(409)
    expect(again.json).toEqual({ code: '409001', message: 'A connection with this name already exists.', fields: [{ field: 'connection.name', message: 'A connection with this name already exists.' }] })
    // Unique per template: another template may use the name.
    expect((await connect(platform, 'Acme Basic', { name: 'Acme API key – ada' })).status).toBe(201)
  })

  test.each([
    ['Acme API key', 'string.value', (c: { data: Record<string, any> }) => (c.data.string.value = 'wrong')],
    ['Acme Basic', 'basicAuth.password', (c: { data: Record<string, any> }) => (c.data.basicAuth.password = 'wrong')],
    ['Acme JWT', 'binary.valueBase64', (c: { data: Record<string, any> }) => (c.data.binary.valueBase64 = btoa('wrong'))],
    ['Acme mTLS', 'certificate.key', (c: { data: Record<string, any> }) => (c.data.certificate.key = 'wrong')],
    ['Acme Client Credentials', 'oauth2Client.clientSecret', (c: { data: Record<string, any> }) => (c.data.oauth2Client.clientSecret = 'wrong')],
    ['Acme Password', 'oauth2Password.password', (c: { data: Record<string, any> }) => (c.data.oauth2Password.password = 'wrong')],
    ['Acme OAuth 1 token', 'oauth1Token.tokenSecret', (c: { data: Record<string, any> }) => (c.data.oauth1Token.tokenSecret = 'wrong')],
  ])('%s: the secret `wrong` is a 422 at %s', async (name, field, spoil) => {
    const platform = make()
    const template = byName(name)
    const [config] = template.authSchemeConfigs
    const typed = typedCredential(config!)
    spoil(typed)
    const answer = await create(platform, createBody(versoriContract, template, [credentialEntry(config!, typed)]))
    expect(answer.status).toBe(422)
    expect(answer.json).toEqual({ code: '422001', message: 'The provider rejected the credentials.', fields: [{ field: `connection.credentials[0].credential.data.${field}`, message: expect.stringMatching(/^The provider rejected this /) }] })
    expect(platform.store.list()).toHaveLength(0)
  })

  test('checkCredential problems are 422s under the credential’s data; it sees the full config and never a code', async () => {
    const checkCredential = vi.fn(async ({ credential }: { credential: { type: string } }) =>
      credential.type === 'oauth1-token' ? [{ field: 'oauth1Token.token', message: 'Acme refused this token.' }] : [],
    )
    const platform = make({ checkCredential })
    const refused = await connect(platform, 'Acme OAuth 1 token')
    expect(refused.status).toBe(422)
    expect(refused.json.fields).toEqual([{ field: 'connection.credentials[0].credential.data.oauth1Token.token', message: 'Acme refused this token.' }])
    expect(checkCredential.mock.calls[0]![0]).toMatchObject({ config: { oauth1: { consumerSecret: 'acme-consumer-secret' } } })
    checkCredential.mockClear()
    expect((await connect(platform, 'Acme OAuth')).status).toBe(201)
    expect(checkCredential).not.toHaveBeenCalled()
    expect((await connect(platform, 'Acme Secure OAuth')).status).toBe(201)
    expect(checkCredential.mock.calls.map(([input]) => input.credential.type)).toEqual(['oauth2-client', 'certificate'])
  })
})

describe('authentication', () => {
  test('no key, a wrong key or a bad JWT is a 401 Versori error', async () => {
    const platform = make()
    for (const auth of [null, 'Bearer nope', 'JWT not-a-user', 'Basic a2V5']) {
      const answer = await call(platform, 'GET', VERSORI_PATHS.connections, {}, { auth })
      expect(answer.status).toBe(401)
      expect(answer.json).toMatchObject({ code: '401001' })
    }
    const noVerifier = make({ verifyEndUserToken: undefined })
    expect((await call(noVerifier, 'GET', VERSORI_PATHS.connections, {}, { auth: 'JWT user.ada' })).status).toBe(401)
  })

  test('an end user acts only for themselves: 403 for another externalId, 404 for another’s connection', async () => {
    const platform = make()
    const ada = 'JWT user.ada'
    const body = createBody(versoriContract, byName('Acme API key'), await kitCredentials(byName('Acme API key'), () => Promise.reject(new Error('no sign-in'))), { externalId: 'bob' })
    expect((await create(platform, body, ada)).status).toBe(403)
    expect((await create(platform, { ...body, externalId: undefined }, ada)).status).toBe(403)
    const bobs = await create(platform, body)
    expect(bobs.status).toBe(201)
    expect((await call(platform, 'GET', VERSORI_PATHS.connections, {}, { auth: ada, query: { end_user_id: 'bob' } })).status).toBe(403)
    expect((await call(platform, 'GET', VERSORI_PATHS.connection, { id: bobs.json.id }, { auth: ada })).status).toBe(404)
    expect((await call(platform, 'DELETE', VERSORI_PATHS.connection, { id: bobs.json.id }, { auth: ada })).status).toBe(404)
    expect((await create(platform, { ...body, externalId: 'ada', connection: { ...body.connection, name: 'mine' } }, ada)).status).toBe(201)
    const mine = await call(platform, 'GET', VERSORI_PATHS.connections, {}, { auth: ada })
    expect(mine.json.items.map((c: { name: string }) => c.name)).toEqual(['mine'])
  })

  test('another organisation is a 404; so is an unknown route', async () => {
    const platform = make()
    const other = await call(platform, 'GET', VERSORI_PATHS.connections, { org: '01JD0RG0000000000000000009' })
    expect(other.status).toBe(404)
    expect(other.json.code).toBe('404001')
    const unknown = await call(platform, 'GET', '/o/{organisation_id}/nothing-here')
    expect(unknown.status).toBe(404)
  })

  test('CORS answers only the app origin, without credentials', async () => {
    const platform = make()
    const preflight = await platform.app.request('/api/v2/o/x/connections', { method: 'OPTIONS', headers: { Origin: APP, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,content-type' } })
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP)
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT')
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()
    const other = await platform.app.request('/api/v2/o/x/connections', { headers: { Origin: 'https://evil.example' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('ListConnections, GetConnection, UpdateConnection, DELETE (extension)', () => {
  test('lists by end user and system, a page at a time', async () => {
    const platform = make()
    for (const name of ['Acme API key', 'Acme Basic', 'Acme Secret']) expect((await connect(platform, name)).status).toBe(201)
    expect((await connect(platform, 'Acme API key', { externalId: 'bob' })).status).toBe(201)
    const list = (query: Record<string, string>) => call(platform, 'GET', VERSORI_PATHS.connections, {}, { query })
    const first = await list({ end_user_id: 'ada', first: '2' })
    expect(first.json.items).toHaveLength(2)
    expect(first.json.totalCount).toBe(3)
    expect(first.json.prev).toBeUndefined()
    const second = await list({ end_user_id: 'ada', first: '2', after: first.json.next })
    expect(second.json.items.map((c: { name: string }) => c.name)).toEqual(['Acme Secret – ada'])
    expect(second.json.next).toBeUndefined()
    expect(second.json.prev).toBe(second.json.items[0].id)
    const back = await list({ end_user_id: 'ada', first: '2', before: second.json.prev })
    expect(back.json.items).toEqual(first.json.items)
    expect((await list({ system_id: byName('Acme Basic').id })).json.items.map((c: { name: string }) => c.name)).toEqual(['Acme Basic – ada'])
    expect((await list({ end_user_id: 'nobody' })).json).toEqual({ totalCount: 0, items: [] })
    expect(fieldsOf(await list({ first: '0' }))).toEqual(['first'])
    expect(fieldsOf(await list({ after: '01JD0TEST00000000000000009' }))).toEqual(['after'])
  })

  test('an update keeps id and createdAt, bumps updatedAt, keeps a secret sent back empty, and checks like a create', async () => {
    const platform = make()
    const created = (await connect(platform, 'Acme API key')).json
    const fetched = (await call(platform, 'GET', VERSORI_PATHS.connection, { id: created.id })).json
    expect(fetched.credentials[0].credential.data.string.value).toBe('')
    const update = { name: 'Renamed', credentials: fetched.credentials, baseUrl: 'https://eu.acme.example' }
    const updated = await call(platform, 'PUT', VERSORI_PATHS.connection, { id: created.id }, { body: update })
    expect(updated.status).toBe(200)
    expect(updated.json).toMatchObject({ id: created.id, createdAt: created.createdAt, name: 'Renamed', baseUrl: 'https://eu.acme.example' })
    expect(Date.parse(updated.json.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt))
    expect(platform.store.get(created.id)!.credentials[0]!.credential.data).toEqual({ string: { value: `${SECRET_MARK}-value` } })
    const spoiled = structuredClone(update)
    spoiled.credentials[0].credential.data.string.value = 'wrong'
    const refused = await call(platform, 'PUT', VERSORI_PATHS.connection, { id: created.id }, { body: spoiled })
    expect(refused.status).toBe(422)
    expect(fieldsOf(refused)).toEqual(['credentials[0].credential.data.string.value'])
  })

  test('an update to another connection’s name is a 409 at name; a missing baseUrl a 400', async () => {
    const platform = make()
    const first = (await connect(platform, 'Acme API key')).json
    const [config] = byName('Acme API key').authSchemeConfigs
    const second = await create(platform, createBody(versoriContract, byName('Acme API key'), [credentialEntry(config!, typedCredential(config!))], { name: 'Second' }))
    const clash = await call(platform, 'PUT', VERSORI_PATHS.connection, { id: second.json.id }, { body: { name: first.name, credentials: second.json.credentials, baseUrl: '' } })
    expect(clash.status).toBe(409)
    expect(clash.json.fields).toEqual([{ field: 'name', message: 'A connection with this name already exists.' }])
    const noBaseUrl = await call(platform, 'PUT', VERSORI_PATHS.connection, { id: second.json.id }, { body: { name: 'x', credentials: second.json.credentials } })
    expect(fieldsOf(noBaseUrl)).toEqual(['baseUrl'])
    expect((await call(platform, 'PUT', VERSORI_PATHS.connection, { id: '01JD0TEST00000000000000009' }, { body: {} })).status).toBe(404)
  })

  test('an OAuth connection updated with its token echoed back keeps the token', async () => {
    const platform = make()
    const created = (await connect(platform, 'Acme OAuth')).json
    const stored = structuredClone(platform.store.get(created.id)!.credentials[0]!.credential.data)
    const updated = await call(platform, 'PUT', VERSORI_PATHS.connection, { id: created.id }, { body: { name: 'Renamed', credentials: created.credentials, baseUrl: '' } })
    expect(updated.status).toBe(200)
    expect(platform.store.get(created.id)!.credentials[0]!.credential.data).toEqual(stored)
    // A token for a credential the connection does not have is refused.
    const foreign = structuredClone(created.credentials)
    foreign[0].id = '01JD0TEST00000000000000009'
    expect(fieldsOf(await call(platform, 'PUT', VERSORI_PATHS.connection, { id: created.id }, { body: { name: 'x', credentials: foreign, baseUrl: '' } }))).toEqual(['credentials[0].credential.type'])
  })

  test('DELETE answers 204 once, then 404', async () => {
    const platform = make()
    const created = (await connect(platform, 'Acme Secret')).json
    expect((await call(platform, 'DELETE', VERSORI_PATHS.connection, { id: created.id })).status).toBe(204)
    expect((await call(platform, 'GET', VERSORI_PATHS.connection, { id: created.id })).status).toBe(404)
    expect((await call(platform, 'DELETE', VERSORI_PATHS.connection, { id: created.id })).status).toBe(404)
  })

  test('seeded connections are valid, and reset returns to them', async () => {
    const platform = make({ seed: [{ template: 'Acme OAuth', externalId: 'ada', errors: ['expired'] }, { template: 'Acme Secure OAuth' }, { template: 'Acme (no auth)', externalId: 'ada', errors: [] }] })
    const listed = await call(platform, 'GET', VERSORI_PATHS.connections)
    expect(listed.json.items).toHaveLength(3)
    expect(listed.text).not.toContain('seeded-client-secret')
    await connect(platform, 'Acme Secret')
    platform.reset()
    expect((await call(platform, 'GET', VERSORI_PATHS.connections)).json.totalCount).toBe(3)
  })

  test('a fault switch answers a Versori error, then the endpoint recovers', async () => {
    const platform = make()
    platform.faults.set('listConnections', { status: 503, times: 1 })
    const failed = await call(platform, 'GET', VERSORI_PATHS.connections)
    expect(failed.status).toBe(503)
    expect(failed.json.code).toBe('503001')
    expect((await call(platform, 'GET', VERSORI_PATHS.connections)).status).toBe(200)
    const viaHttp = await platform.app.request('/__faults', { method: 'POST', headers: { Authorization: 'Bearer key' }, body: JSON.stringify({ endpoint: 'getConnection', status: 500 }) })
    expect(viaHttp.status).toBe(204)
    expect((await call(platform, 'GET', VERSORI_PATHS.connection, { id: '01JD0TEST00000000000000009' })).json.code).toBe('500000')
  })
})

describe('InitialiseOAuth2Connection', () => {
  test('answers an authorize URL with a fresh state, PKCE S256, the platform’s callback and the extra params', async () => {
    const platform = make({ authorization: { kind: 'oauth', issuer: ISSUER } })
    const answer = await initialise(platform, 'Acme OAuth')
    expect(answer.status).toBe(200)
    const url = new URL(answer.json.url)
    expect(url.origin + url.pathname).toBe(`${ISSUER}/auth`)
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'versori-demo',
      response_type: 'code',
      redirect_uri: `${ORIGIN}${VERSORI_CALLBACK_PATH}`,
      scope: 'api:read offline_access',
      prompt: 'consent',
      code_challenge_method: 'S256',
      access_type: 'offline',
    })
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{43}$/)
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    const again = new URL((await initialise(platform, 'Acme OAuth')).json.url)
    expect(again.searchParams.get('state')).not.toBe(url.searchParams.get('state'))
    const plain = new URL((await initialise(platform, 'Acme OAuth', initialiseBody(byName('Acme OAuth'), { prompt: undefined, disableOfflineAccess: true, additionalParams: undefined }))).json.url)
    expect(plain.searchParams.get('prompt')).toBe('login')
    expect(plain.searchParams.get('scope')).toBe('api:read')
  })

  test('refuses what does not match the system’s config, at the field', async () => {
    const platform = make()
    const oauth = byName('Acme OAuth')
    const cases: [Record<string, unknown>, string][] = [
      [{ clientId: 'someone-else' }, 'clientId'],
      [{ credential: { id: VERSORI_DEMO.passwordClient.credentialId, organisationId } }, 'credential.id'],
      [{ credential: { id: VERSORI_DEMO.codeClient.credentialId, organisationId: '01JD0RG0000000000000000009' } }, 'credential.organisationId'],
      [{ authorizeUrl: 'https://evil.example/auth' }, 'authorizeUrl'],
      [{ scopes: ['api:read', 'admin'] }, 'scopes[1]'],
      [{ additionalParams: 'redirect_uri=https://evil.example' }, 'additionalParams'],
      [{ clientId: undefined }, 'clientId'],
    ]
    for (const [overrides, field] of cases) {
      const answer = await initialise(platform, 'Acme OAuth', initialiseBody(oauth, overrides))
      expect(answer.status, field).toBe(400)
      expect(fieldsOf(answer)).toEqual([field])
    }
    expect((await initialise(platform, 'Acme OAuth', initialiseBody(oauth), 'JWT user.ada')).status).toBe(200)
    expect((await call(platform, 'POST', VERSORI_PATHS.initialise, { system: oauth.connectionTemplateId }, { body: initialiseBody(oauth) })).status).toBe(404)
  })

  test('a state is single-use, bound to its end user, and must be one the platform issued', async () => {
    const platform = make()
    const template = byName('Acme OAuth')
    const url = new URL((await initialise(platform, 'Acme OAuth', initialiseBody(template), 'JWT user.ada')).json.url)
    expect(url.searchParams.get('redirect_uri')).toBe(`${ORIGIN}${VERSORI_CALLBACK_PATH}`)
    const [config] = template.authSchemeConfigs
    const code = (state: string) => [credentialEntry(config!, { type: 'oauth2-code', data: { oauth2Code: { code: url.searchParams.get('code')!, state } } })]
    const stateField = ['connection.credentials[0].credential.data.oauth2Code.state']
    expect(fieldsOf(await create(platform, createBody(versoriContract, template, code('made-up')), 'JWT user.ada'))).toEqual(stateField)
    expect(fieldsOf(await create(platform, createBody(versoriContract, template, code(url.searchParams.get('state')!), { externalId: 'bob' })))).toEqual(stateField)
    expect((await create(platform, createBody(versoriContract, template, code(url.searchParams.get('state')!)), 'JWT user.ada')).status).toBe(201)
    expect(fieldsOf(await create(platform, createBody(versoriContract, template, code(url.searchParams.get('state')!), { name: 'again' }), 'JWT user.ada'))).toEqual(stateField)
  })

  test('with a real authorization server the code is exchanged with the held client and the PKCE verifier', async () => {
    const platform = make({ authorization: { kind: 'oauth', issuer: ISSUER } })
    const token = vi.fn(async (_url: string, _init: RequestInit) =>
      Response.json({ access_token: 'AT', refresh_token: 'RT', token_type: 'Bearer', expires_in: 3600, scope: 'api:read offline_access' }),
    )
    vi.stubGlobal('fetch', token)
    let challenge = ''
    const credentials = await kitCredentials(
      byName('Acme OAuth'),
      (body) => initialise(platform, 'Acme OAuth', body),
      async (url) => {
        challenge = url.searchParams.get('code_challenge')!
        return { code: 'code-from-provider', state: url.searchParams.get('state')! }
      },
    )
    credentials[0]!.credential.data = { oauth2Code: { ...(credentials[0]!.credential.data.oauth2Code as object), additionalParams: 'iss=http%3A%2F%2Flocalhost%3A4011&extra=1' } }
    const created = await create(platform, createBody(versoriContract, byName('Acme OAuth'), credentials))
    expect(created.status).toBe(201)
    expect(created.text).not.toMatch(/"AT"|"RT"/)
    expect(created.json.credentials[0].credential.data.oauth2Token).toMatchObject({ scopes: ['api:read', 'offline_access'], refreshToken: '' })
    const [url, init] = token.mock.calls[0]!
    expect(url).toBe(`${ISSUER}/token`)
    expect(new Headers(init.headers).get('authorization')).toBe(`Basic ${btoa('versori-demo:versori-demo-secret')}`)
    const form = new URLSearchParams(String(init.body))
    expect(Object.fromEntries(form)).toMatchObject({ grant_type: 'authorization_code', code: 'code-from-provider', redirect_uri: `${ORIGIN}${VERSORI_CALLBACK_PATH}`, extra: '1' })
    expect(form.has('iss')).toBe(false)
    expect(await pkceChallenge(form.get('code_verifier')!)).toBe(challenge)
  })

  test('a refused exchange is a 422 at the code, and uses the state up', async () => {
    const platform = make({ authorization: { kind: 'oauth', issuer: ISSUER } })
    vi.stubGlobal('fetch', async () => Response.json({ error: 'invalid_grant', error_description: 'grant request is invalid' }, { status: 400 }))
    const credentials = await kitCredentials(byName('Acme OAuth'), (body) => initialise(platform, 'Acme OAuth', body), async (url) => ({ code: 'stale', state: url.searchParams.get('state')! }))
    const body = createBody(versoriContract, byName('Acme OAuth'), credentials)
    const refused = await create(platform, body)
    expect(refused.status).toBe(422)
    expect(refused.json.fields).toEqual([{ field: 'connection.credentials[0].credential.data.oauth2Code.code', message: 'The provider refused the authorization code: grant request is invalid' }])
    expect(fieldsOf(await create(platform, body))).toEqual(['connection.credentials[0].credential.data.oauth2Code.state'])
  })
})

describe('the hosted callback page (GET /oauth2/callback)', () => {
  test('is not cached, leaks no referrer, runs only its own script and echoes nothing from the URL', async () => {
    const response = await make().app.request(`${VERSORI_CALLBACK_PATH}?code=CODE-IN-URL&state=s1&error_description=%3Cscript%3E`)
    expect(response.status).toBe(200)
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const csp = response.headers.get('content-security-policy')!
    const nonce = /script-src 'nonce-([\w-]+)'/.exec(csp)![1]
    expect(csp).toContain("default-src 'none'")
    const html = await response.text()
    expect(html).toContain(`<script nonce="${nonce}">\nconst allowedOrigin = "${APP}"\n${CALLBACK_SCRIPT}\n</script>`)
    expect(html).not.toMatch(/CODE-IN-URL|<script>/)
  })

  test('the static copy for MSW runs the same script', async () => {
    const { readFileSync } = await import('node:fs')
    const html = readFileSync(new URL('../../.storybook/public/fake-versori-callback.html', import.meta.url), 'utf8')
    const script = /const allowedOrigin = location\.origin\n([\s\S]*?)\n\s*<\/script>/.exec(html)![1]!
    expect(script.split('\n').map((line) => line.replace(/^ {6}/, '')).join('\n')).toBe(CALLBACK_SCRIPT)
  })

  /** Runs the page's script against a stand-in window: what it posts, shows and schedules. */
  function runPage(search: string, withOpener = true) {
    const posted: unknown[][] = []
    const listeners: ((event: unknown) => void)[] = []
    const timers: (() => void)[] = []
    const text = { textContent: '' }
    const opener = withOpener ? { postMessage: (...args: unknown[]) => posted.push(args) } : null
    const window = { opener, addEventListener: (type: string, listener: (event: unknown) => void) => type === 'message' && listeners.push(listener), close: vi.fn() }
    const history = { replaceState: vi.fn() }
    new Function('window', 'document', 'location', 'history', 'setTimeout', 'allowedOrigin', CALLBACK_SCRIPT)(
      window,
      { getElementById: () => text },
      { search, pathname: VERSORI_CALLBACK_PATH },
      history,
      (callback: () => void, ms: number) => timers.push(() => (expect(ms).toBe(300), callback())),
      APP,
    )
    const message = (event: Record<string, unknown>) => listeners.forEach((listener) => listener({ source: opener, origin: APP, data: { type: 'hello', payload: { state: 's1' } }, ...event }))
    return { posted, text, timers, window, history, message }
  }

  test('answers one hello from its opener at the app origin with its own state, then closes', () => {
    const page = runPage('?code=c1&state=s1')
    expect(page.history.replaceState).toHaveBeenCalledWith(null, '', VERSORI_CALLBACK_PATH)
    expect(page.text.textContent).toBe('Finishing sign-in…')
    expect(page.posted).toEqual([])
    page.message({ origin: 'https://evil.example' })
    page.message({ source: {} })
    page.message({ data: { type: 'hello', payload: { state: 'other' } } })
    page.message({ data: { type: 'response', payload: { state: 's1' } } })
    expect(page.posted).toEqual([])
    page.message({})
    page.message({})
    expect(page.posted).toEqual([[{ type: 'response', payload: { search: '?code=c1&state=s1' } }, APP]])
    expect(page.window.close).not.toHaveBeenCalled()
    page.timers.forEach((run) => run())
    expect(page.window.close).toHaveBeenCalled()
  })

  test('shows the provider’s error, and without an opener asks the person to return to the app', () => {
    const denied = runPage('?error=access_denied&error_description=The+user+denied+access.&state=s1')
    expect(denied.text.textContent).toBe('Sign-in did not complete: The user denied access.')
    denied.message({})
    expect(denied.posted).toHaveLength(1)
    const orphan = runPage('?code=c1&state=s1', false)
    expect(orphan.text.textContent).toContain('Return to the app and try again')
  })
})

test('basePath is configurable; with none, the API is at /o/… and the callback page still needs no key', async () => {
  const platform = make({ basePath: '' })
  expect(platform.baseUrl).toBe(ORIGIN)
  const listed = await callVersori((url, init) => Promise.resolve(platform.app.request(url, init)), versoriContract, 'GET', VERSORI_PATHS.connections)
  expect(listed.status).toBe(200)
  expect((await platform.app.request(`${VERSORI_CALLBACK_PATH}?state=s1&code=c1`)).status).toBe(200)
})
