import { Hono } from 'hono'
import type { Context } from 'hono'
import { cors } from 'hono/cors'
import type { Fault, FaultEndpoint } from './faults'
import { Faults } from './faults'
import { requestBodyPointer, specIssues } from './openapi'
import type { SpecIssue } from './openapi'
import { catalog, ConnectionStore, publicConnection, schemeOf, seedDemoConnections } from './store'
import type { StoredConnection } from './store'
import { CALLBACK_PATH, createSignIn } from './signIn'
import { createCustomAuth, CUSTOM_AUTH_CALLBACK_PATH, CUSTOM_AUTH_CONSENT_PATH } from './customAuth'
import type { FakeAuthorization, OAuthAuthorization } from './signIn'

export { CALLBACK_PATH } from './signIn'
export { CUSTOM_AUTH_CALLBACK_PATH, CUSTOM_AUTH_CONSENT_PATH } from './customAuth'

/** Options of {@link createPlatform}. */
export interface PlatformOptions {
  /** This server's own origin, e.g. `http://localhost:4010`. */
  origin: string
  /** The demo app's origin: the only one CORS allows and the only target of callback messages. */
  appOrigin: string
  /** Where the API lives. @default '/v1' */
  basePath?: string
  /** How OAuth sign-in happens. */
  authorization: OAuthAuthorization | FakeAuthorization
  /** The project id, and the API key accepted for it. */
  project: string
  apiKey: string
  /** Also accept any `Authorization: Bearer` token (tests of `getToken`). @default false */
  acceptBearer?: boolean
  /** Seeds the demo user's connections. @default { groupRef: 'acme', consumerRef: 'ada' } */
  seed?: { groupRef: string; consumerRef: string } | false
}

const problem = (c: Context, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  c.body(JSON.stringify({ type: 'about:blank', status, time: new Date().toISOString(), ...body }), status as 400, {
    'Content-Type': 'application/problem+json',
    ...headers,
  })

const invalid = (c: Context, issues: SpecIssue[], detail = 'The request body is not valid.') =>
  problem(c, 400, { title: 'Bad Request', detail, issues: issues.map((issue) => ({ type: 'about:blank', in: 'body', ...issue })) })

/** 422: the provider refused these credentials, with an issue under each field it named. */
const refused = (c: Context, issues: SpecIssue[]) =>
  problem(c, 422, { title: 'Unprocessable Entity', detail: 'The provider rejected the credentials.', issues: issues.map((issue) => ({ in: 'body', ...issue })) })

/**
 * Credentials the demo's make-believe providers refuse, so a person (and the e2e suite) can see a
 * server field error: any secret that is exactly `wrong`.
 */
function rejectedCredentials(body: Record<string, unknown>, prefix = ''): SpecIssue[] {
  const issues: SpecIssue[] = []
  const check = (path: string, value: unknown, what: string) => {
    if (value === 'wrong') issues.push({ name: `${prefix}${path}`, detail: `The provider rejected this ${what}.` })
  }
  check('apiKey', body.apiKey, 'API key')
  const basic = body.basicAuth as Record<string, unknown> | undefined
  check('basicAuth.password', basic?.password, 'password')
  for (const key of ['oauth2ClientCredentials', 'oauth2PasswordCredentials']) {
    const creds = body[key] as Record<string, unknown> | undefined
    check(`${key}.clientSecret`, creds?.clientSecret, 'client secret')
    check(`${key}.password`, creds?.password, 'password')
  }
  for (const [name, value] of Object.entries((body.customAuth as Record<string, unknown> | undefined) ?? {})) {
    check(`customAuth.${name}`, value, name)
  }
  return issues
}

const credentialKeys = ['apiKey', 'basicAuth', 'oauth2ClientCredentials', 'oauth2PasswordCredentials', 'customAuth'] as const

/**
 * The reference platform: every Ampersand endpoint the kit calls, validated against the OpenAPI
 * spec, over an in-memory store, with a real OAuth 2 authorization-code + PKCE client behind
 * `/oauth-connect` and the callback.
 */
export function createPlatform(options: PlatformOptions) {
  const store = new ConnectionStore(options.project)
  const signIn = createSignIn({ origin: options.origin, appOrigin: options.appOrigin, authorization: options.authorization, store })
  const customAuth = createCustomAuth({
    origin: options.origin,
    appOrigin: options.appOrigin,
    authorization: options.authorization,
    store,
    rejected: (body) => rejectedCredentials(body),
  })
  const faults = new Faults()
  /** Back to the starting point: seeded connections, no pending sign-ins, no faults. */
  const reset = () => {
    store.clear()
    signIn.clear()
    customAuth.clear()
    faults.clear()
    if (options.seed !== false) {
      const who = options.seed ?? { groupRef: 'acme', consumerRef: 'ada' }
      seedDemoConnections(store, who.groupRef, who.consumerRef)
    }
  }
  reset()
  const base = options.basePath ?? '/v1'
  const app = new Hono()

  app.use(
    '*',
    cors({
      origin: (origin) => (origin === options.appOrigin ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowHeaders: ['Content-Type', 'X-Api-Key', 'Authorization'],
      maxAge: 600,
    }),
  )

  const faulted = async (c: Context, endpoint: FaultEndpoint) => faults.apply(c, endpoint)

  const authorized = (c: Context) =>
    c.req.header('x-api-key') === options.apiKey || (options.acceptBearer === true && /^Bearer \S+$/.test(c.req.header('authorization') ?? ''))
  const unauthorized = (c: Context) => problem(c, 401, { title: 'Unauthorized', detail: 'The API key is not valid for this project.' })
  const projectMatches = (c: Context) => c.req.param('project') === options.project

  async function readJson(c: Context): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; response: Response }> {
    try {
      const body = (await c.req.json()) as unknown
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object')
      return { ok: true, body: body as Record<string, unknown> }
    } catch {
      return { ok: false, response: invalid(c, [{ name: '(body)', detail: 'The body must be a JSON object.' }]) }
    }
  }

  // Test-only switches: faults per endpoint (delay, status, 429 with Retry-After, malformed JSON, HTML).
  app.post('/__faults', async (c) => {
    if (!authorized(c)) return unauthorized(c)
    const { endpoint, ...fault } = (await c.req.json()) as { endpoint: FaultEndpoint } & Fault
    faults.set(endpoint, fault)
    return c.body(null, 204)
  })
  app.delete('/__faults', (c) => {
    if (!authorized(c)) return unauthorized(c)
    faults.clear()
    return c.body(null, 204)
  })

  app.get(`${base}/providers/:provider`, async (c) => {
    const response = await faulted(c, 'provider')
    if (response) return response
    const entry = catalog[c.req.param('provider')]
    return entry ? c.json(entry) : problem(c, 404, { title: 'Not Found', detail: `No provider named ${c.req.param('provider')}.` })
  })

  // The whole catalog, keyed by provider name (`CatalogType`); like one entry, it needs no credentials.
  app.get(`${base}/providers`, async (c) => {
    const response = await faulted(c, 'listProviders')
    if (response) return response
    return c.json(catalog)
  })

  app.use(`${base}/*`, async (c, next) => {
    if (c.req.path === `${base}/providers` || c.req.path.startsWith(`${base}/providers/`)) return next()
    if (!authorized(c)) return unauthorized(c)
    return next()
  })

  app.get(CALLBACK_PATH, (c) => signIn.callback(c))
  app.get(CUSTOM_AUTH_CALLBACK_PATH, (c) => customAuth.callback(c))
  app.get(CUSTOM_AUTH_CONSENT_PATH, (c) => customAuth.consentPage(c))

  app.post(`${base}/custom-auth/connect`, async (c) => {
    const response = await faulted(c, 'customAuthConnect')
    if (response) return response
    const read = await readJson(c)
    if (!read.ok) return read.response
    const issues = specIssues(requestBodyPointer('/custom-auth/connect', 'post'), read.body)
    if (issues.length) return invalid(c, issues)
    if (read.body.projectIdOrName !== options.project) return problem(c, 404, { title: 'Not Found', detail: 'No such project.' })
    const answer = customAuth.connect(read.body)
    if (answer.kind === 'ok') return c.json(answer.body)
    if (answer.kind === 'invalid') return invalid(c, answer.issues)
    if (answer.kind === 'rejected') return refused(c, answer.issues)
    return problem(c, 400, { title: 'Bad Request', detail: answer.detail })
  })

  app.post(`${base}/oauth-connect`, async (c) => {
    const response = await faulted(c, 'oauthConnect')
    if (response) return response
    const read = await readJson(c)
    if (!read.ok) return read.response
    const body = read.body
    const issues = specIssues(requestBodyPointer('/oauth-connect', 'post'), body)
    if (issues.length) return invalid(c, issues)
    if (body.projectIdOrName !== options.project) return problem(c, 404, { title: 'Not Found', detail: 'No such project.' })
    const provider = String(body.provider)
    if (!schemeOf(provider).startsWith('oauth2/authorizationCode')) {
      return invalid(c, [{ name: 'provider', detail: `${provider} does not sign in with OAuth authorization code.` }])
    }
    return signIn.start(c, {
      provider,
      groupRef: String(body.groupRef),
      groupName: body.groupName as string | undefined,
      consumerRef: String(body.consumerRef),
      consumerName: body.consumerName as string | undefined,
      providerWorkspaceRef: body.providerWorkspaceRef as string | undefined,
      providerMetadata: body.providerMetadata as StoredConnection['providerMetadata'],
    })
  })

  app.patch(`${base}/projects/:project/connections/:idAction{[^/]+:oauth-update}`, async (c) => {
    const response = await faulted(c, 'oauthUpdate')
    if (response) return response
    if (!projectMatches(c)) return problem(c, 404, { title: 'Not Found', detail: 'No such project.' })
    const id = c.req.param('idAction').replace(/:oauth-update$/, '')
    const connection = store.get(id)
    if (!connection) return problem(c, 404, { title: 'Not Found', detail: 'No such connection.' })
    return signIn.start(c, {
      provider: connection.provider,
      groupRef: connection.group.groupRef,
      consumerRef: connection.consumer.consumerRef,
      connectionId: connection.id,
    })
  })

  app.get(`${base}/projects/:project/connections`, async (c) => {
    const response = await faulted(c, 'listConnections')
    if (response) return response
    if (!projectMatches(c)) return problem(c, 404, { title: 'Not Found', detail: 'No such project.' })
    const { groupRef, consumerRef, provider } = c.req.query()
    return c.json(store.list({ groupRef, consumerRef, provider }).map(publicConnection))
  })

  app.post(`${base}/projects/:project/connections:generate`, async (c) => {
    const response = await faulted(c, 'generate')
    if (response) return response
    if (!projectMatches(c)) return problem(c, 404, { title: 'Not Found', detail: 'No such project.' })
    const read = await readJson(c)
    if (!read.ok) return read.response
    const body = read.body
    const issues = specIssues('#/components/schemas/GenerateConnectionRequest', body)
    if (issues.length) return invalid(c, issues)
    const provider = String(body.provider)
    if (!catalog[provider]) return invalid(c, [{ name: 'provider', detail: `No provider named ${provider}.` }])
    const rejected = rejectedCredentials(body)
    if (rejected.length) return refused(c, rejected)
    const secrets = Object.fromEntries(credentialKeys.filter((key) => body[key] !== undefined).map((key) => [key, body[key]]))
    const connection = store.create({
      provider,
      groupRef: String(body.groupRef),
      groupName: body.groupName as string | undefined,
      consumerRef: String(body.consumerRef),
      consumerName: body.consumerName as string | undefined,
      authScheme: body.customAuth ? 'custom' : schemeOf(provider),
      providerWorkspaceRef: body.providerWorkspaceRef as string | undefined,
      providerMetadata: body.providerMetadata as StoredConnection['providerMetadata'],
      secrets,
    })
    return c.json(publicConnection(connection), 201)
  })

  app.get(`${base}/projects/:project/connections/:id`, async (c) => {
    const response = await faulted(c, 'getConnection')
    if (response) return response
    const connection = projectMatches(c) ? store.get(c.req.param('id')) : undefined
    return connection ? c.json(publicConnection(connection)) : problem(c, 404, { title: 'Not Found', detail: 'No such connection.' })
  })

  app.patch(`${base}/projects/:project/connections/:id`, async (c) => {
    const response = await faulted(c, 'updateConnection')
    if (response) return response
    const connection = projectMatches(c) ? store.get(c.req.param('id')) : undefined
    if (!connection) return problem(c, 404, { title: 'Not Found', detail: 'No such connection.' })
    const read = await readJson(c)
    if (!read.ok) return read.response
    const body = read.body as { updateMask?: string[]; connection?: Record<string, unknown> }
    const issues = specIssues('#/components/schemas/UpdateConnectionRequest', body)
    if (issues.length) return invalid(c, issues, 'Invalid update mask or body.')
    const patch = body.connection ?? {}
    const missing = (body.updateMask ?? []).filter((key) => patch[key] === undefined)
    if (missing.length) return invalid(c, missing.map((key) => ({ name: `connection.${key}`, detail: `${key} is in updateMask but has no value.` })))
    const rejected = rejectedCredentials(patch, 'connection.')
    if (rejected.length) return refused(c, rejected)
    const changes: Partial<StoredConnection> = { status: 'created' }
    const secrets = { ...connection.secrets }
    for (const key of body.updateMask ?? []) {
      if (key === 'providerWorkspaceRef') changes.providerWorkspaceRef = patch.providerWorkspaceRef as string
      else if (key === 'providerMetadata') changes.providerMetadata = patch.providerMetadata as StoredConnection['providerMetadata']
      else secrets[key] = patch[key]
    }
    changes.secrets = secrets
    return c.json(publicConnection(store.update(connection.id, changes)!))
  })

  app.delete(`${base}/projects/:project/connections/:id`, async (c) => {
    const response = await faulted(c, 'deleteConnection')
    if (response) return response
    if (!projectMatches(c) || !store.delete(c.req.param('id'))) return problem(c, 404, { title: 'Not Found', detail: 'No such connection.' })
    return c.body(null, 204)
  })

  app.notFound((c) => problem(c, 404, { title: 'Not Found', detail: `No route for ${c.req.method} ${c.req.path}.` }))

  return { app, store, faults, reset, completeAuthorization: signIn.completeAuthorization }
}
