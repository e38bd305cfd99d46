import { describe, expect, test, vi } from 'vitest'
import type { ConnectionInput, Credentials, SignInStep } from '../../model/ConnectBackend'
import type { ConnectError } from '../../model/ConnectError'
import { helloResponseProtocol } from './protocol'
import { connectionTemplateSchema, toProviderSpec } from './templates'
import { versori, versoriStatus } from './versori'
import { formPathOf, normalisePath } from './versoriProblem'

const ORG = '01JD0RG0000000000000000000'
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/
const scope = { consumerRef: 'ada', consumerName: 'Ada Lovelace' }

const apiKeyConfig = (id: string, description: string) => ({
  type: 'api-key',
  apiKey: { id, description, name: 'X-Api-Key', in: 'header', validationMessages: [{ text: 'ok', severity: 'info' }] },
})
const oauthCodeConfig = {
  type: 'oauth2',
  oauth2: {
    id: 'CFGOAUTH',
    description: 'Sign in',
    authorizeUrl: 'https://id.acme.test/auth',
    tokenUrl: 'https://id.acme.test/token',
    scopes: [{ name: 'read', description: 'Read' }, { name: 'write' }],
    defaultScopes: ['read', 'ghost'],
    additionalAuthorizeParams: 'access_type=offline',
    pkce: true,
    grant: { type: 'authorizationCode', authorizationCode: { clientId: 'client-1', credentialId: 'CRED1', organisationId: ORG } },
  },
}
const template = (connectionTemplateId: string, name: string, authSchemeConfigs: unknown[], id = `SYS-${connectionTemplateId}`) => ({
  id,
  connectionTemplateId,
  name,
  domain: 'acme.test',
  dynamic: true,
  templateBaseUrl: 'https://api.acme.test',
  authSchemeConfigs,
})
const templates = [
  template('T-KEYS', 'Acme Regions', [apiKeyConfig('K1', 'Production'), apiKeyConfig('K2', 'Sandbox')]),
  template('T-OAUTH', 'Acme OAuth', [oauthCodeConfig]),
  template('T-SECRET', 'Acme Secret', [{ type: 'secret' }]),
  template('T-JWT', 'Acme JWT', [{ type: 'jwt-bearer' }]),
  template('T-CERT', 'Acme mTLS', [{ type: 'certificate', certificate: { id: 'C1', description: 'mTLS' } }]),
  template('T-CC', 'Acme CC', [
    { type: 'certificate', certificate: { id: 'C2', description: 'Client certificate' } },
    {
      type: 'oauth2',
      oauth2: { id: 'O2', description: 'Machine', tokenUrl: 'https://id.acme.test/token', scopes: [], defaultScopes: [], mtlsEnabled: true, additionalTokenParams: 'audience=api', grant: { type: 'clientCredentials' } },
    },
  ]),
  template('T-OAUTH1', 'Legacy OAuth 1', [{ type: 'oauth1', oauth1: { id: 'L1', description: 'Browser', consumerKey: 'k', consumerSecret: 's', signatureMethod: 'sha1' } }]),
]

const byId = (id: string) => templates.find((entry) => entry.connectionTemplateId === id)

interface Seen {
  method: string
  url: URL
  headers: Headers
  body: any
}

function platform(respond: (request: Seen) => Response | undefined = () => undefined, options: Partial<Parameters<typeof versori>[0]> = {}) {
  const seen: Seen[] = []
  const backend = versori({
    organisationId: ORG,
    projectId: 'PROJ',
    environmentId: 'ENV',
    baseUrl: 'https://versori.test/api/v2/',
    token: 'org-key',
    fetch: async (input, init = {}) => {
      const request: Seen = {
        method: init.method ?? 'GET',
        url: new URL(String(input)),
        headers: new Headers(init.headers),
        body: init.body ? JSON.parse(String(init.body)) : undefined,
      }
      seen.push(request)
      const answer = respond(request)
      if (answer) return answer
      if (request.url.pathname.endsWith('/connection-templates')) return Response.json({ totalCount: templates.length, items: templates })
      if (request.method === 'POST' && request.url.pathname.endsWith('/connections')) {
        return Response.json(
          { id: 'CONN1', name: request.body.connection.name, credentials: request.body.connection.credentials, createdAt: '2026-11-30T10:00:00Z', updatedAt: '2026-11-30T10:00:00Z', connectionTemplateId: request.body.connectionTemplateId },
          { status: 201 },
        )
      }
      return Response.json({ code: '404000', message: 'Not found.' }, { status: 404 })
    },
    ...options,
  } as Parameters<typeof versori>[0])
  return { backend, seen, posts: () => seen.filter((request) => request.method !== 'GET') }
}

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error) {
    return error as ConnectError
  }
  throw new Error('expected a rejection')
}

const input = (provider: string, credentials: Credentials[], extra: Partial<ConnectionInput> = {}): ConnectionInput => ({ provider, credentials, ...extra })

describe('templates → ProviderSpec', () => {
  const mapped = (raw: unknown) => toProviderSpec(connectionTemplateSchema.parse(raw))

  test('each config is a method labelled with its description; the provider id is connectionTemplateId', () => {
    const { spec } = mapped(byId('T-KEYS'))
    expect(spec.id).toBe('T-KEYS')
    expect(spec.displayName).toBe('Acme Regions')
    expect(spec.methods.map((method) => [method.id, method.label, method.flow])).toEqual([
      ['K1', 'Production', 'form'],
      ['K2', 'Sandbox', 'form'],
    ])
    expect(spec.methods[0]!.parts).toEqual([{ scheme: 'apiKey', placement: { in: 'header', name: 'X-Api-Key' } }])
    expect(spec.connectionFields).toEqual([
      { name: 'name', role: 'connectionName', required: true },
      { name: 'baseUrl', role: 'baseUrl', required: false },
    ])
  })

  test('authorization code is a popup with scope choices (unknown defaults dropped); secret has no config object', () => {
    expect(mapped(byId('T-OAUTH')).spec.methods[0]).toEqual({
      id: 'CFGOAUTH',
      label: 'Sign in',
      flow: 'popup',
      parts: [{ scheme: 'oauth2/authorizationCode', pkce: true, scopes: { options: [{ name: 'read', description: 'Read' }, { name: 'write' }], defaults: ['read'], required: false } }],
    })
    expect(mapped(byId('T-SECRET')).spec.methods).toEqual([{ id: 'secret-0', label: undefined, flow: 'form', parts: [{ scheme: 'secret' }] }])
    expect(mapped(byId('T-CERT')).spec.methods[0]!.parts).toEqual([{ scheme: 'certificate', caRequired: true }])
  })

  test('an mTLS OAuth 2 config and the certificate config form one two-part method, in template order', () => {
    const { spec } = mapped(byId('T-CC'))
    expect(spec.methods).toHaveLength(1)
    expect(spec.methods[0]!.id).toBe('C2+O2')
    expect(spec.methods[0]!.parts.map((part) => part.scheme)).toEqual(['certificate', 'oauth2/clientCredentials'])
  })

  test('browser OAuth 1 and an OAuth 2 start without its client are listed as unavailable, never as forms', () => {
    const legacy = mapped(byId('T-OAUTH1')).spec
    expect(legacy.methods).toEqual([])
    expect(legacy.unavailableMethods).toEqual([{ id: 'L1', label: 'Browser', scheme: 'oauth1/authorize' }])
    const broken = mapped(template('T-X', 'X', [{ type: 'oauth2', oauth2: { ...oauthCodeConfig.oauth2, grant: { type: 'authorizationCode' } } }])).spec
    expect(broken.unavailableMethods?.[0]?.scheme).toBe('oauth2/authorizationCode')
  })

  test('a config the kit cannot read is left out; the rest of the template still works', () => {
    const { spec } = mapped(template('T-Y', 'Y', [{ type: 'api-key', apiKey: { id: 'bad' } }, { type: 'basic-auth', basicAuth: { id: 'B', description: 'Basic' } }, 'nonsense']))
    expect(spec.methods.map((method) => method.id)).toEqual(['B'])
  })
})

describe('versori()', () => {
  test('refuses a missing or doubled token and missing ids with a message naming the option', () => {
    expect(() => versori({ organisationId: ORG, projectId: 'P', environmentId: 'E' } as never)).toThrow('Pass `token`')
    expect(() => versori({ organisationId: ORG, projectId: 'P', environmentId: 'E', token: 't', getToken: () => 't' } as never)).toThrow('exactly one')
    expect(() => versori({ organisationId: ORG, projectId: '', environmentId: 'E', token: 't' })).toThrow('`projectId`')
  })

  test('sends the org key as Bearer, an end-user token as JWT, never cookies; lists templates of the environment once', async () => {
    const { backend, seen } = platform()
    await backend.getProvider('T-KEYS')
    await backend.getProvider('T-OAUTH')
    expect(seen).toHaveLength(1)
    expect(seen[0]!.url.href).toBe(`https://versori.test/api/v2/o/${ORG}/projects/PROJ/connection-templates?env_id=ENV`)
    expect(seen[0]!.headers.get('Authorization')).toBe('Bearer org-key')
    let n = 0
    const user = platform(undefined, { token: undefined, getToken: async () => `jwt-${++n}`, tokenType: 'JWT' })
    await user.backend.getProvider('T-KEYS')
    expect(user.seen[0]!.headers.get('Authorization')).toBe('JWT jwt-1')
  })

  test('creates with the contract body: template id, name prefilled from template and consumer, externalId, ULIDs, the echoed config', async () => {
    const { backend, posts } = platform()
    const connection = await backend.createConnection(scope, input('T-KEYS', [{ scheme: 'apiKey', apiKey: 'sk-1' }], { methodId: 'K2', connection: { baseUrl: 'eu.acme.test' } }))
    const body = posts()[0]!.body
    expect(posts()[0]!.url.pathname).toBe(`/api/v2/o/${ORG}/connections`)
    expect(body).toMatchObject({
      connectionTemplateId: 'T-KEYS',
      externalId: 'ada',
      connection: { name: 'Acme Regions – Ada Lovelace', baseUrl: 'https://eu.acme.test' },
    })
    const [credential] = body.connection.credentials
    expect(credential.id).toMatch(ULID)
    expect(credential.credential).toEqual({ id: expect.stringMatching(ULID), organisationId: ORG, type: 'string', data: { string: { value: 'sk-1' } } })
    expect(credential.id).not.toBe(credential.credential.id)
    // The second config ("Sandbox") is echoed, without the messages the API ignores.
    expect(credential.authSchemeConfig).toEqual({ type: 'api-key', apiKey: { id: 'K2', description: 'Sandbox', name: 'X-Api-Key', in: 'header' } })
    expect(connection).toMatchObject({ id: 'CONN1', provider: 'T-KEYS', name: 'Acme Regions – Ada Lovelace', authScheme: 'apiKey', status: 'created', consumerRef: 'ada' })
  })

  test('several configs are sent as several credentials in template order; client credentials carry the config token URL and params', async () => {
    const { backend, posts } = platform()
    await backend.createConnection(
      scope,
      input('T-CC', [
        { scheme: 'certificate', certificate: 'CERT', privateKey: 'KEY', ca: 'CA' },
        { scheme: 'oauth2/clientCredentials', clientId: 'id', clientSecret: 'secret', scopes: ['read'] },
      ]),
    )
    const credentials = posts()[0]!.body.connection.credentials
    expect(credentials.map((entry: any) => entry.credential.type)).toEqual(['certificate', 'oauth2-client'])
    expect(credentials[0].credential.data).toEqual({ certificate: { certificate: 'CERT', key: 'KEY', ca: 'CA' } })
    expect(credentials[1].credential.data).toEqual({
      oauth2Client: { clientId: 'id', clientSecret: 'secret', tokenUrl: 'https://id.acme.test/token', scopes: ['read'], additionalParams: 'audience=api' },
    })
  })

  test('a secret echoes just {type}; a JWT signing key goes as base64 of its UTF-8 text', async () => {
    const { backend, posts } = platform()
    await backend.createConnection(scope, input('T-SECRET', [{ scheme: 'secret', secret: 'multi\nline ✓' }]))
    const [secret] = posts()[0]!.body.connection.credentials
    expect(secret.authSchemeConfig).toEqual({ type: 'secret' })
    expect(secret.credential.data).toEqual({ string: { value: 'multi\nline ✓' } })
    const pem = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIÄ=\n-----END PRIVATE KEY-----\n'
    await backend.createConnection(scope, input('T-JWT', [{ scheme: 'jwtBearer', key: pem }]))
    const [jwt] = posts()[1]!.body.connection.credentials
    expect(jwt.authSchemeConfig).toEqual({ type: 'jwt-bearer' })
    expect(jwt.credential.type).toBe('binary')
    expect(new TextDecoder().decode(Uint8Array.from(atob(jwt.credential.data.binary.valueBase64), (ch) => ch.charCodeAt(0)))).toBe(pem)
  })

  test('field errors land on the input that produced them: exact path, longest prefix, or the summary', async () => {
    const { backend } = platform((request) =>
      request.method === 'POST'
        ? Response.json(
            {
              code: '400001',
              message: 'Invalid request.',
              fields: [
                { field: 'connection.credentials[0].credential.data.certificate.key', message: 'The key does not match.' },
                { field: '/connection/credentials/1/credential/data/oauth2Client/clientSecret', message: 'Refused.' },
                { field: 'connection.credentials.1.credential.authSchemeConfig', message: 'Unknown config.' },
                { field: 'connectionTemplateId', message: 'Unknown template.' },
              ],
            },
            { status: 400 },
          )
        : undefined,
    )
    const error = await failure(
      backend.createConnection(
        scope,
        input('T-CC', [
          { scheme: 'certificate', certificate: 'C', privateKey: 'K', ca: 'A' },
          { scheme: 'oauth2/clientCredentials', clientId: 'i', clientSecret: 's' },
        ]),
      ),
    )
    expect(error.status).toBe(400)
    expect(error.code).toBe('400001')
    expect(error.message).toBe('Invalid request.')
    expect(error.fieldErrors).toEqual({
      'credentials.0.privateKey': 'The key does not match.',
      'credentials.1.clientSecret': 'Refused.',
      'credentials.1': 'Unknown config.',
      connectionTemplateId: 'Unknown template.',
    })
  })

  test('a 409 naming no field is the name conflict; HTML error pages get the kit’s words', async () => {
    const conflict = platform((request) => (request.method === 'POST' ? Response.json({ code: '409001', message: 'Name taken.' }, { status: 409 }) : undefined))
    expect((await failure(conflict.backend.createConnection(scope, input('T-SECRET', [{ scheme: 'secret', secret: 's' }])))).fieldErrors).toEqual({ 'connection.name': 'Name taken.' })
    const html = platform((request) => (request.method === 'POST' ? new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } }) : undefined))
    const error = await failure(html.backend.createConnection(scope, input('T-SECRET', [{ scheme: 'secret', secret: 's' }])))
    expect(error.message).not.toContain('Bad gateway')
    expect(error.message).toContain('502')
  })

  test('lists the end user’s connections page by page, keeps only the project’s templates and derives status', async () => {
    const item = (id: string, connectionTemplateId: string, errors?: string[]) => ({
      id,
      name: id,
      createdAt: '2026-11-01T00:00:00Z',
      updatedAt: '2026-11-02T00:00:00Z',
      connectionTemplateId,
      credentials: [{ id: `cc-${id}`, authSchemeConfig: { type: 'secret' }, credential: { id: `c-${id}`, organisationId: ORG, type: 'string', ...(errors ? { errors } : {}) } }],
    })
    const { backend, seen } = platform((request) => {
      if (!request.url.pathname.endsWith('/connections') || request.method !== 'GET') return undefined
      return request.url.searchParams.get('after') === 'p2'
        ? Response.json({ totalCount: 3, items: [item('c3', 'T-SECRET', ['expired'])] })
        : Response.json({ totalCount: 3, next: 'p2', items: [item('c1', 'T-SECRET', []), item('c2', 'T-OTHER-PROJECT')] })
    })
    const list = await backend.listConnections(scope)
    const listCalls = seen.filter((request) => request.url.pathname.endsWith('/connections'))
    expect(listCalls.map((request) => Object.fromEntries(request.url.searchParams))).toEqual([
      { end_user_id: 'ada', first: '100' },
      { end_user_id: 'ada', first: '100', after: 'p2' },
    ])
    expect(list.map((connection) => [connection.id, connection.status, connection.authScheme])).toEqual([
      ['c1', 'working', 'secret'],
      ['c3', 'bad_credentials', 'secret'],
    ])
    await backend.listConnections(scope, { provider: 'T-SECRET' })
    expect(seen.at(-1)!.url.searchParams.get('system_id')).toBe('SYS-T-SECRET')
  })

  test('status: no errors yet → created; empty on every credential → working; any error → needs attention', () => {
    const c = (...errors: (string[] | undefined)[]) => ({ credentials: errors.map((list) => ({ credential: list ? { errors: list } : {} })) })
    expect(versoriStatus(c(undefined))).toBe('created')
    expect(versoriStatus(c([], undefined))).toBe('created')
    expect(versoriStatus(c([], []))).toBe('working')
    expect(versoriStatus(c([], ['bad']))).toBe('bad_credentials')
  })

  test('an update PUTs name, credentials and base URL, keeping the name and the ids of the credentials it replaces', async () => {
    const existing = {
      id: 'CONN9',
      name: 'Kept name',
      baseUrl: '',
      createdAt: '2026-11-01T00:00:00Z',
      updatedAt: '2026-11-01T00:00:00Z',
      connectionTemplateId: 'T-KEYS',
      credentials: [{ id: 'CC-OLD', authSchemeConfig: apiKeyConfig('K1', 'Production'), credential: { id: 'CRED-OLD', organisationId: ORG } }],
    }
    const { backend, posts } = platform((request) => {
      if (request.url.pathname.endsWith('/connections/CONN9')) return Response.json(request.method === 'PUT' ? { ...existing, ...request.body } : existing)
      return undefined
    })
    // The connection says which method it was made with, so a reconnect form starts there.
    expect((await backend.getConnection('CONN9')).methodId).toBe('K1')
    const updated = await backend.updateConnection(scope, 'CONN9', input('T-KEYS', [{ scheme: 'apiKey', apiKey: 'new' }], { methodId: 'K1' }))
    const put = posts().find((request) => request.method === 'PUT')!
    expect(put.method).toBe('PUT')
    expect(put.body.name).toBe('Kept name')
    expect(put.body.baseUrl).toBe('')
    expect(put.body.credentials[0]).toMatchObject({ id: 'CC-OLD', credential: { id: 'CRED-OLD', data: { string: { value: 'new' } } } })
    expect(updated.name).toBe('Kept name')
  })

  test('lists providers from the same cached template list, with their specs; unreadable templates are left out', async () => {
    const { backend, seen } = platform()
    const listings = await backend.listProviders!()
    await backend.getProvider('T-OAUTH')
    expect(seen).toHaveLength(1)
    expect(listings.map((listing) => [listing.id, listing.displayName])).toEqual(templates.map((entry) => [entry.connectionTemplateId, entry.name]))
    expect(listings[1]!.spec).toMatchObject({ id: 'T-OAUTH', methods: [{ flow: 'popup' }] })
  })

  test('hostile templates: names bounded and stripped of bidi overrides, unsafe icons dropped, one listing per id', async () => {
    const hostile = [
      { ...template('T-LONG', `\u202e${'Evil '.repeat(200)}`, [{ type: 'none' }]), iconUrl: 'javascript:alert(1)' },
      { ...template('T-ICON', 'Good icon', [{ type: 'none' }]), iconUrl: 'https://cdn.acme.test/icon.svg' },
      { ...template('T-HTTP', 'Plain http', [{ type: 'none' }]), iconUrl: 'http://tracker.example/p.gif' },
      template('T-HTTP', 'Plain http, again', [{ type: 'none' }]),
      template('T-BLANK', '   ', [{ type: 'none' }]),
      { id: 'S1', connectionTemplateId: 42, name: 'Broken' },
    ]
    const { backend } = platform((request) => (request.url.pathname.endsWith('/connection-templates') ? Response.json({ items: hostile }) : undefined))
    const listings = await backend.listProviders!()
    expect(listings.map((listing) => listing.id)).toEqual(['T-LONG', 'T-ICON', 'T-HTTP', 'T-BLANK'])
    expect(listings[0]!.displayName.length).toBeLessThanOrEqual(120)
    expect(listings[0]!.displayName).not.toMatch(/\u202e/)
    expect(listings[0]).not.toHaveProperty('iconUrl')
    expect(listings[1]).toMatchObject({ displayName: 'Good icon', iconUrl: 'https://cdn.acme.test/icon.svg' })
    // A duplicate id is listed once, as the template getProvider answers for.
    expect(listings[2]).toEqual(expect.objectContaining({ displayName: 'Plain http, again', spec: await backend.getProvider('T-HTTP') }))
    expect(listings[2]).not.toHaveProperty('iconUrl')
    expect(listings[3]!.displayName).toBe('T-BLANK')
  })

  test('Delete exists only when the host supplies it', async () => {
    expect(platform().backend.deleteConnection).toBeUndefined()
    const remove = vi.fn(async () => undefined)
    await platform(undefined, { deleteConnection: remove }).backend.deleteConnection!('CONN1')
    expect(remove).toHaveBeenCalledWith('CONN1')
  })
})

describe('OAuth 2 through the hosted callback page', () => {
  const initialised = (url: string) => (request: Seen) =>
    request.url.pathname.endsWith('/oauth2/initialise') ? Response.json({ url }) : undefined

  test('initialises for the template’s system with the grant’s client, chosen scopes, consent and the config’s params', async () => {
    const { backend, posts } = platform(initialised('https://id.acme.test/auth?client_id=client-1&state=S1'))
    const step = await backend.startOAuth(scope, input('T-OAUTH', [{ scheme: 'oauth2/authorizationCode', scopes: ['write'] }]))
    const post = posts()[0]!
    expect(post.url.pathname).toBe(`/api/v2/o/${ORG}/systems/SYS-T-OAUTH/oauth2/initialise`)
    expect(post.body).toEqual({
      credential: { id: 'CRED1', organisationId: ORG },
      authorizeUrl: 'https://id.acme.test/auth',
      clientId: 'client-1',
      scopes: ['write'],
      prompt: 'consent',
      additionalParams: 'access_type=offline',
    })
    expect(step.url).toBe('https://id.acme.test/auth?client_id=client-1&state=S1')
    expect(step.protocol.origin).toBe('https://versori.test')
  })

  test('refuses an authorize URL that is not http(s) or carries no state', async () => {
    for (const url of ['javascript:alert(1)', 'https://id.acme.test/auth?client_id=x']) {
      const { backend } = platform(initialised(url))
      expect((await failure(backend.startOAuth(scope, input('T-OAUTH', [{ scheme: 'oauth2/authorizationCode' }])))).kind).toBe('invalid_response')
    }
  })

  test('the code creates the connection with an oauth2-code credential; other callback parameters travel along', async () => {
    const { backend, posts } = platform(initialised('https://id.acme.test/auth?state=S1'))
    const step = await backend.startOAuth(scope, input('T-OAUTH', [{ scheme: 'oauth2/authorizationCode' }]))
    const answer = step.protocol.read({ type: 'response', payload: { search: '?code=C0DE&state=S1&iss=https%3A%2F%2Fid.acme.test' } })
    expect(answer?.kind).toBe('continue')
    const next = (await (answer as { next: () => Promise<SignInStep> }).next()) as Extract<SignInStep, { kind: 'connection' }>
    const body = posts()[1]!.body
    expect(body.connection.name).toBe('Acme OAuth – Ada Lovelace')
    expect(body.connection.credentials[0].credential).toMatchObject({
      type: 'oauth2-code',
      data: { oauth2Code: { code: 'C0DE', state: 'S1', additionalParams: 'iss=https%3A%2F%2Fid.acme.test' } },
    })
    expect(next.connection.id).toBe('CONN1')
  })

  test('a refused code is no field’s error: it goes to the form’s summary, not under the scopes', async () => {
    const { backend } = platform((request) => {
      if (request.url.pathname.endsWith('/oauth2/initialise')) return Response.json({ url: 'https://id.acme.test/auth?state=S1' })
      if (request.method === 'POST') {
        return Response.json({ code: '422001', message: 'Refused.', fields: [{ field: 'connection.credentials[0].credential.data.oauth2Code.code', message: 'The provider refused the authorization code.' }] }, { status: 422 })
      }
      return undefined
    })
    const step = await backend.startOAuth(scope, input('T-OAUTH', [{ scheme: 'oauth2/authorizationCode', scopes: ['read'] }]))
    const answer = step.protocol.read({ type: 'response', payload: { search: '?code=C&state=S1' } }) as { next: () => Promise<SignInStep> }
    const error = await failure(answer.next())
    expect(error.fieldErrors).toEqual({ signIn: 'The provider refused the authorization code.' })
  })

  test('the protocol says hello with the state every 500 ms until stopped, and reads only its own state', () => {
    vi.useFakeTimers()
    try {
      const posted: unknown[] = []
      const protocol = helloResponseProtocol('https://versori.test', 'S1', async () => ({ kind: 'connection' }) as never)
      const stop = protocol.attach!((message) => posted.push(message))
      vi.advanceTimersByTime(1_250)
      stop()
      vi.advanceTimersByTime(2_000)
      expect(posted).toEqual(Array(3).fill({ type: 'hello', payload: { state: 'S1' } }))
      expect(protocol.read({ type: 'response', payload: { search: '?code=x&state=OTHER' } })).toBeUndefined()
      expect(protocol.read({ type: 'hello', payload: { state: 'S1' } })).toBeUndefined()
      expect(protocol.read({ type: 'response', payload: { search: 42 } })).toBeUndefined()
      expect(protocol.read({ type: 'response', payload: { search: `?state=S1&error=access_denied&error_description=${encodeURIComponent('<b>No</b>\n'.repeat(40))}` } })).toEqual({
        kind: 'refused',
        reason: expect.stringMatching(/^<b>No<\/b> <b>No<\/b>/),
      })
      const long = protocol.read({ type: 'response', payload: { search: `?state=S1&error=x&error_description=${'a'.repeat(500)}` } })
      expect((long as { reason: string }).reason).toHaveLength(200)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('error paths', () => {
  test('normalises the three path forms', () => {
    expect(normalisePath('connection.credentials[1].credential.data.certificate.key')).toBe('connection.credentials.1.credential.data.certificate.key')
    expect(normalisePath('/connection/credentials/1/credential')).toBe('connection.credentials.1.credential')
    expect(normalisePath('connection.credentials.1.credential')).toBe('connection.credentials.1.credential')
  })

  test('matches exactly, then by the longest prefix sent, else keeps the path', () => {
    const sent = new Map([
      ['connection.credentials.0', 'credentials.0'],
      ['connection.credentials.0.credential.data.oauth1Token.additionalParams.0', 'credentials.0.params.realm'],
      ['connection.name', 'connection.name'],
    ])
    expect(formPathOf('connection.credentials[0].credential.data.oauth1Token.additionalParams[0].value', sent)).toBe('credentials.0.params.realm')
    expect(formPathOf('connection.credentials[0].credential.type', sent)).toBe('credentials.0')
    expect(formPathOf('connection.name', sent)).toBe('connection.name')
    expect(formPathOf('externalId', sent)).toBe('externalId')
  })
})
