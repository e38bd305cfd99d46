import { Hono } from 'hono'
import type { Context } from 'hono'
import { cors } from 'hono/cors'
import { hostedCallbackPage, VERSORI_CALLBACK_PATH } from './callbackPage'
import { resolveCredentials } from './connectionInput'
import type { BodyCredential } from './connectionInput'
import { requestBodyPointer } from './contract'
import type { ErrorField, VersoriContract } from './contract'
import { publicConfig } from './credentialRules'
import { versoriError } from './errors'
import type { Refusal } from './errors'
import { VersoriFaults } from './faults'
import type { VersoriFault, VersoriFaultEndpoint } from './faults'
import type { ConnectionTemplate, StoredConnection, VersoriSeedConnection } from './model'
import { createOAuth2 } from './oauth2'
import type { InitialiseBody, VersoriClients, VersoriFakeAuthorization, VersoriOAuthAuthorization } from './oauth2'
import { saveCredentials } from './saveCredentials'
import { paginate, publicConnection, VersoriStore } from './store'
import type { CredentialCheck } from './types'
import { newUlid } from './ulid'

export { VERSORI_CALLBACK_PATH } from './callbackPage'
export type { VersoriClients, VersoriFakeAuthorization, VersoriOAuthAuthorization } from './oauth2'

/** The contract's paths this platform serves (relative to its base path). */
export const VERSORI_PATHS = {
  templates: '/o/{organisation_id}/projects/{project_id}/connection-templates',
  connections: '/o/{organisation_id}/connections',
  connection: '/o/{organisation_id}/connections/{connection_id}',
  initialise: '/o/{organisation_id}/systems/{system_id}/oauth2/initialise',
} as const

/** Options of {@link createVersoriPlatform}. */
export interface VersoriPlatformOptions {
  /** The compiled contract: `versoriContract` from `contract.node.ts` (Node) or `contract.browser.ts` (MSW). */
  contract: VersoriContract
  /** This server's own origin, e.g. `http://localhost:4012`; the OAuth callback lives here. */
  origin: string
  /** The app's origin: the only one CORS allows and the only one the callback page answers. */
  appOrigin: string
  /** Where the API lives, at {@link origin}. @default '/api/v2' */
  basePath?: string
  organisationId: string
  projectId: string
  environmentId: string
  /** The organisation API key, sent as `Authorization: Bearer <apiKey>`: may act for any end user. */
  apiKey: string
  /** Verifies an end user's `Authorization: JWT <token>`; resolves to its `sub` (the `externalId`), or undefined. @default JWTs refused */
  verifyEndUserToken?: (jwt: string) => Promise<string | undefined>
  /** The project environment's connection templates. */
  templates: ConnectionTemplate[]
  /** How OAuth 2 sign-in happens. */
  authorization: VersoriOAuthAuthorization | VersoriFakeAuthorization
  /** The OAuth 2 clients the platform holds, by the credential id templates name. */
  clients: VersoriClients
  /** Checks credentials for real before saving (Node's `checks.ts`). @default only the `wrong` rule */
  checkCredential?: CredentialCheck
  /** Connections in the store from the start (and after each reset). @default [] */
  seed?: VersoriSeedConnection[]
}

/** Who is calling: the organisation (API key) or one end user (JWT). */
type Principal = { kind: 'organisation' } | { kind: 'endUser'; externalId: string }
type Env = { Variables: { principal: Principal } }

/**
 * The reference Versori platform: CreateConnection, ListProjectConnectionTemplates, ListConnections,
 * GetConnection, UpdateConnection and InitialiseOAuth2Connection validated against the patched
 * contract, over an in-memory store; a documented DELETE extension; and the hosted OAuth 2 callback
 * page. Every error is a Versori `Error`. Web APIs only, so it runs in Node and inside MSW.
 */
export function createVersoriPlatform(options: VersoriPlatformOptions) {
  const { contract, organisationId } = options
  const base = options.basePath ?? '/api/v2'
  for (const template of options.templates) {
    const issues = contract.specIssues('#/components/schemas/ConnectionTemplate', template)
    if (issues.length) throw new Error(`Plugboard Versori platform: template "${template.name}" is not valid: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`)
  }
  const templates = options.templates
  const store = new VersoriStore()
  const faults = new VersoriFaults()
  const oauth2 = createOAuth2({ authorization: options.authorization, redirectUri: `${options.origin}${VERSORI_CALLBACK_PATH}`, organisationId, clients: options.clients })

  /** Back to the starting point: seeded connections, no pending sign-ins, no faults. */
  const reset = () => {
    store.clear()
    oauth2.clear()
    faults.clear()
    store.seed(options.seed ?? [], templates, organisationId)
  }
  reset()

  const app = new Hono<Env>()
  app.use('*', cors({ origin: (origin) => (origin === options.appOrigin ? origin : null), allowMethods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['Content-Type', 'Authorization'], maxAge: 600 }))

  const refuse = (c: Context, refusal: Refusal) => versoriError(c, refusal.status, refusal.message, { fields: refusal.fields })
  const invalid = (c: Context, fields: ErrorField[]) => versoriError(c, 400, 'The request body is not valid.', { fields })
  const notFound = (c: Context, what: string) => versoriError(c, 404, `${what} was not found.`)
  const endUserOf = (c: Context<Env>) => {
    const principal = c.get('principal')
    return principal.kind === 'endUser' ? principal.externalId : undefined
  }
  /** Whether the caller may see a connection: the organisation sees all, an end user only their own. */
  const visible = (c: Context<Env>, connection: StoredConnection | undefined): connection is StoredConnection => {
    const endUser = endUserOf(c)
    return connection !== undefined && (endUser === undefined || connection.externalId === endUser)
  }

  async function readJson(c: Context): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; response: Response }> {
    try {
      const body = (await c.req.json()) as unknown
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object')
      return { ok: true, body: body as Record<string, unknown> }
    } catch {
      return { ok: false, response: versoriError(c, 400, 'The body must be a JSON object.') }
    }
  }

  // Test switches (not Versori's): faults per endpoint, for the organisation key only.
  app.post('/__faults', async (c) => {
    if (c.req.header('authorization') !== `Bearer ${options.apiKey}`) return versoriError(c, 401, 'A valid API key is required.')
    const { endpoint, ...fault } = (await c.req.json()) as { endpoint: VersoriFaultEndpoint } & VersoriFault
    faults.set(endpoint, fault)
    return c.body(null, 204)
  })
  app.delete('/__faults', (c) => {
    if (c.req.header('authorization') !== `Bearer ${options.apiKey}`) return versoriError(c, 401, 'A valid API key is required.')
    faults.clear()
    return c.body(null, 204)
  })

  app.get(VERSORI_CALLBACK_PATH, (c) => hostedCallbackPage(c, options.appOrigin))

  app.use(`${base}/*`, async (c, next) => {
    const [scheme, token] = (c.req.header('authorization') ?? '').split(/\s+/, 2)
    let principal: Principal | undefined
    if (scheme === 'Bearer' && token === options.apiKey) principal = { kind: 'organisation' }
    if (scheme === 'JWT' && token && options.verifyEndUserToken) {
      const externalId = await options.verifyEndUserToken(token).catch(() => undefined)
      if (externalId) principal = { kind: 'endUser', externalId }
    }
    if (!principal) return versoriError(c, 401, 'Send an organisation API key (Authorization: Bearer …) or an end-user token (Authorization: JWT …).')
    c.set('principal', principal)
    return next()
  })
  app.use(`${base}/o/:org/*`, async (c, next) => (c.req.param('org') === organisationId ? next() : notFound(c, 'The organisation')))

  app.get(`${base}/o/:org/projects/:project/connection-templates`, async (c) => {
    const fault = await faults.apply(c, 'listTemplates')
    if (fault) return fault
    if (c.req.param('project') !== options.projectId) return notFound(c, 'The project')
    const env = c.req.query('env_id')
    if (env !== undefined && env !== options.environmentId) return notFound(c, 'The environment')
    const items = templates.map((template) => ({ ...template, authSchemeConfigs: template.authSchemeConfigs.map(publicConfig) }))
    return c.json({ totalCount: items.length, items })
  })

  app.get(`${base}/o/:org/connections`, async (c) => {
    const fault = await faults.apply(c, 'listConnections')
    if (fault) return fault
    const query = c.req.query()
    const first = query.first === undefined ? 20 : Number(query.first)
    if (!Number.isInteger(first) || first < 1 || first > 100) return versoriError(c, 400, 'The query is not valid.', { fields: [{ field: 'first', message: 'must be a whole number from 1 to 100' }] })
    const endUser = endUserOf(c)
    if (endUser !== undefined && query.end_user_id !== undefined && query.end_user_id !== endUser) return versoriError(c, 403, 'An end user can only list their own connections.')
    const externalId = endUser ?? query.end_user_id
    const found = store.list({ ...(externalId !== undefined ? { externalId } : {}), ...(query.system_id ? { systemId: query.system_id } : {}) })
    const result = paginate(found, { first, after: query.after, before: query.before })
    if (!result.ok) return versoriError(c, 400, 'The query is not valid.', { fields: [{ field: result.field, message: 'is not a cursor of this list' }] })
    return c.json({ ...result.page, items: result.page.items.map(publicConnection) })
  })

  app.post(`${base}/o/:org/connections`, async (c) => {
    const fault = await faults.apply(c, 'createConnection')
    if (fault) return fault
    const read = await readJson(c)
    if (!read.ok) return read.response
    const issues = contract.specIssues(requestBodyPointer(VERSORI_PATHS.connections, 'post'), read.body)
    if (issues.length) return invalid(c, issues)
    const body = read.body as { connectionTemplateId: string; externalId?: string; connection: { name: string; baseUrl?: string; credentials: BodyCredential[] } }
    const endUser = endUserOf(c)
    if (endUser !== undefined && body.externalId !== endUser) return versoriError(c, 403, 'An end user can only create connections for themselves (externalId).')
    const template = templates.find((t) => t.connectionTemplateId === body.connectionTemplateId)
    if (!template) return invalid(c, [{ field: 'connectionTemplateId', message: 'is not a connection template of this environment' }])
    const name = body.connection.name.trim()
    if (!name) return invalid(c, [{ field: 'connection.name', message: 'is required' }])
    const resolved = resolveCredentials(body.connection.credentials, 'connection.credentials', { template, organisationId, oauth2, endUser })
    if (!resolved.ok) return refuse(c, resolved.refusal)
    if (store.nameTaken(template.connectionTemplateId, name)) {
      return versoriError(c, 409, 'A connection with this name already exists.', { fields: [{ field: 'connection.name', message: 'A connection with this name already exists.' }] })
    }
    const saved = await saveCredentials(resolved.credentials, { oauth2, checkCredential: options.checkCredential })
    if (!saved.ok) return refuse(c, saved.refusal)
    const now = new Date().toISOString()
    const connection = store.put({
      id: newUlid(),
      name,
      baseUrl: body.connection.baseUrl ?? '',
      createdAt: now,
      updatedAt: now,
      systemId: template.id,
      connectionTemplateId: template.connectionTemplateId,
      ...(body.externalId !== undefined ? { externalId: body.externalId } : {}),
      credentials: saved.stored,
    })
    return c.json(publicConnection(connection), 201)
  })

  app.get(`${base}/o/:org/connections/:id`, async (c) => {
    const fault = await faults.apply(c, 'getConnection')
    if (fault) return fault
    const connection = store.get(c.req.param('id'))
    return visible(c, connection) ? c.json(publicConnection(connection)) : notFound(c, 'The connection')
  })

  app.put(`${base}/o/:org/connections/:id`, async (c) => {
    const fault = await faults.apply(c, 'updateConnection')
    if (fault) return fault
    const existing = store.get(c.req.param('id'))
    if (!visible(c, existing)) return notFound(c, 'The connection')
    const read = await readJson(c)
    if (!read.ok) return read.response
    const issues = contract.specIssues(requestBodyPointer(VERSORI_PATHS.connection, 'put'), read.body)
    if (issues.length) return invalid(c, issues)
    const body = read.body as { name: string; baseUrl: string; credentials: BodyCredential[] }
    const template = templates.find((t) => t.connectionTemplateId === existing.connectionTemplateId)
    if (!template) return notFound(c, "The connection's template")
    const name = body.name.trim()
    if (!name) return invalid(c, [{ field: 'name', message: 'is required' }])
    const resolved = resolveCredentials(body.credentials, 'credentials', { template, organisationId, oauth2, endUser: endUserOf(c), existing })
    if (!resolved.ok) return refuse(c, resolved.refusal)
    if (store.nameTaken(template.connectionTemplateId, name, existing.id)) {
      return versoriError(c, 409, 'A connection with this name already exists.', { fields: [{ field: 'name', message: 'A connection with this name already exists.' }] })
    }
    const saved = await saveCredentials(resolved.credentials, { oauth2, checkCredential: options.checkCredential })
    if (!saved.ok) return refuse(c, saved.refusal)
    // Strictly later than before, even within the same millisecond.
    const updatedAt = new Date(Math.max(Date.now(), Date.parse(existing.updatedAt) + 1)).toISOString()
    const connection = store.put({ ...existing, name, baseUrl: body.baseUrl, updatedAt, credentials: saved.stored })
    return c.json(publicConnection(connection))
  })

  // EXTENSION, not in Versori's v2 API (which has no connection delete): lets the demo offer Delete
  // through a host-supplied function. See demo/server/versori/README.md.
  app.delete(`${base}/o/:org/connections/:id`, async (c) => {
    const fault = await faults.apply(c, 'deleteConnection')
    if (fault) return fault
    const connection = store.get(c.req.param('id'))
    if (!visible(c, connection)) return notFound(c, 'The connection')
    store.delete(connection.id)
    return c.body(null, 204)
  })

  app.post(`${base}/o/:org/systems/:system/oauth2/initialise`, async (c) => {
    const fault = await faults.apply(c, 'initialiseOAuth2')
    if (fault) return fault
    const template = templates.find((t) => t.id === c.req.param('system'))
    if (!template) return notFound(c, 'The system')
    const read = await readJson(c)
    if (!read.ok) return read.response
    const issues = contract.specIssues(requestBodyPointer(VERSORI_PATHS.initialise, 'post'), read.body)
    if (issues.length) return invalid(c, issues)
    const started = await oauth2.initialise(template, read.body as unknown as InitialiseBody, endUserOf(c))
    if (!started.ok) return refuse(c, started.refusal)
    return c.json({ url: started.url }, 200, { 'Cache-Control': 'no-store' })
  })

  app.notFound((c) => versoriError(c, 404, `No route for ${c.req.method} ${c.req.path}.`))
  app.onError((error, c) => versoriError(c, 500, 'The platform failed.', { details: error.message }))

  return {
    app,
    store,
    faults,
    reset,
    templates,
    /** The redirect URI sign-ins return to (the hosted callback page, or the fake's static copy). */
    redirectUri: oauth2.redirectUri,
    /** The API's base URL. */
    baseUrl: `${options.origin}${base}`,
  }
}

/** A running Versori platform. */
export type VersoriPlatform = ReturnType<typeof createVersoriPlatform>
