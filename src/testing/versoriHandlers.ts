import { http, HttpResponse } from 'msw'
import { answerSignIn, waitUntil } from './answerSignIn'
import type { RecordedRequest } from './recordedRequest'
import { bracketIssues, recordRequest, underBase } from './recordedRequest'
import { ulid } from './ulid'
import { validateJson } from './validateJson'
import { blankSecrets, refusedValues, versoriError } from './versoriError'
import { versoriSchemas } from './versoriSchemas'
import type { VersoriConnection, VersoriConnectionCredential, VersoriSeed } from './VersoriStore'
import { VersoriStore } from './VersoriStore'
import type { VersoriTemplate } from './versoriTemplates'
import { versoriTemplates, versoriTestIds } from './versoriTemplates'

/** Options of {@link versoriHandlers}. */
export interface VersoriHandlersOptions {
  /** The API base URL, as given to `versori()`. @default 'https://platform.versori.com/api/v2' */
  baseUrl?: string
  /** The organisation, as given to `versori()`; other organisations are not found. @default versoriTestIds.organisationId */
  organisationId?: string
  /** The project whose templates are listed. @default versoriTestIds.projectId */
  projectId?: string
  /** The environment (`env_id`) whose templates are listed. @default versoriTestIds.environmentId */
  environmentId?: string
  /** The environment's connection templates. @default {@link versoriTemplates} */
  templates?: VersoriTemplate[]
  /** Connections in the store from the start (and after `reset()`). @default [] */
  seed?: VersoriSeed[]
  /** The origin of the hosted OAuth callback page, as `versori()`'s `callbackOrigin`. @default the origin of `baseUrl` */
  callbackOrigin?: string
}

/** An `InitialiseOAuth2Connection` waiting for the test, by its `state`. */
interface PendingSignIn {
  state: string
  url: string
  template: VersoriTemplate
  /** Set once the kit sent the code: the connection it made, or `null` when that failed. */
  outcome?: VersoriConnection | null
  code?: string
}

type Body = Record<string, unknown>
const isObject = (value: unknown): value is Body => value !== null && typeof value === 'object' && !Array.isArray(value)
type Credential = { id: string; authSchemeConfig: VersoriConnectionCredential['authSchemeConfig']; credential: { id: string; organisationId: string; type: string; data: Record<string, unknown> } }

/** Whether a CreateConnection or UpdateConnection body carries this authorization code. */
function sentCode(body: unknown, code: string): boolean {
  const credentials = isObject(body) ? ((isObject(body.connection) ? body.connection.credentials : body.credentials) as unknown) : undefined
  return Array.isArray(credentials) && credentials.some((entry) => (entry as { credential?: { data?: { oauth2Code?: { code?: unknown } } } })?.credential?.data?.oauth2Code?.code === code)
}

/**
 * MSW handlers that play Versori's platform API (v2) for the kit: ListProjectConnectionTemplates,
 * ListConnections, GetConnection, CreateConnection, UpdateConnection and InitialiseOAuth2Connection,
 * over an in-memory store. Every request body is checked against Versori's contract (with the
 * project's patches for its defects): one that breaks it gets Versori's 400 `{code, message,
 * fields}` and is recorded with its issues (`violations`). A credential value of `wrong` is refused
 * (422) under its field, a taken name (409) under the name. `completeOAuth` plays the provider and
 * the hosted callback page (with {@link mockSignInWindows}).
 *
 * @example
 * const versoriMock = versoriHandlers({ templates: versoriTemplates })
 * server.use(...versoriMock.handlers)
 * // … the test clicks through the kit …
 * expect(versoriMock.violations).toEqual([])
 */
export function versoriHandlers(options: VersoriHandlersOptions = {}) {
  const baseUrl = (options.baseUrl ?? 'https://platform.versori.com/api/v2').replace(/\/+$/, '')
  const base = new URL(baseUrl)
  const callbackOrigin = options.callbackOrigin ?? base.origin
  const organisationId = options.organisationId ?? versoriTestIds.organisationId
  const projectId = options.projectId ?? versoriTestIds.projectId
  const environmentId = options.environmentId ?? versoriTestIds.environmentId
  const templates = options.templates ?? versoriTemplates
  const requests: RecordedRequest[] = []
  const store = new VersoriStore(templates, organisationId)
  const pending: PendingSignIn[] = []
  let codes = 0
  const answer = (connection: VersoriConnection): VersoriConnection => structuredClone(connection)

  /** Checks what a CreateConnection or UpdateConnection sends; the connection's credentials, or the error to answer. */
  function credentialsOf(credentials: Credential[], root: string): { ok: true; stored: VersoriConnectionCredential[]; signIn?: PendingSignIn } | { ok: false; response: Response } {
    const refused = refusedValues(credentials, root)
    if (refused.length) return { ok: false, response: versoriError(422, 'The provider refused these credentials.', refused) }
    let signIn: PendingSignIn | undefined
    for (const [i, entry] of credentials.entries()) {
      if (entry.credential.organisationId !== organisationId) {
        return { ok: false, response: versoriError(400, 'The request body is not valid.', [{ path: `${root}[${i}].credential.organisationId`, message: "must be the organisation's id" }]) }
      }
      const code = entry.credential.data.oauth2Code as { code?: string; state?: string } | undefined
      if (code) {
        signIn = pending.find((candidate) => candidate.state === code.state && candidate.code === code.code && candidate.outcome === undefined)
        if (!signIn) return { ok: false, response: versoriError(400, 'The request body is not valid.', [{ path: `${root}[${i}].credential.data.oauth2Code`, message: 'is not the code of a sign-in this platform started' }]) }
      }
    }
    const stored = credentials.map((entry) => ({
      id: entry.id,
      authSchemeConfig: entry.authSchemeConfig,
      // An authorization code is exchanged for tokens: stored (and answered) as a token.
      credential: entry.credential.data.oauth2Code
        ? { ...entry.credential, type: 'oauth2-token', data: { oauth2Token: { accessToken: '', refreshToken: '', tokenType: 'Bearer' } }, errors: [] }
        : { ...entry.credential, data: blankSecrets(entry.credential.data) as Record<string, unknown>, errors: [] },
    }))
    return { ok: true, stored, ...(signIn ? { signIn } : {}) }
  }

  function invalid(record: RecordedRequest, body: unknown, name: string) {
    record.issues = isObject(body) ? bracketIssues(validateJson({ $ref: `#/$defs/${name}` }, body, versoriSchemas)) : [{ path: '(body)', message: 'must be a JSON object' }]
    return record.issues.length ? versoriError(400, 'The request body is not valid.', record.issues) : undefined
  }

  function createConnection(record: RecordedRequest) {
    const refusal = invalid(record, record.body, 'CreateConnectionRequest')
    if (refusal) return refusal
    const body = record.body as { connectionTemplateId: string; externalId?: string; connection: { name: string; baseUrl?: string; credentials: Credential[] } }
    const template = templates.find((candidate) => candidate.connectionTemplateId === body.connectionTemplateId)
    if (!template) return versoriError(400, 'The request body is not valid.', [{ path: 'connectionTemplateId', message: 'is not a connection template of this environment' }])
    const name = body.connection.name.trim()
    if (!name) return versoriError(400, 'The request body is not valid.', [{ path: 'connection.name', message: 'is required' }])
    const checked = credentialsOf(body.connection.credentials, 'connection.credentials')
    if (!checked.ok) return checked.response
    if (store.nameTaken(template.connectionTemplateId, name)) {
      if (checked.signIn) checked.signIn.outcome = null
      return versoriError(409, 'A connection with this name already exists.', [{ path: 'connection.name', message: 'A connection with this name already exists.' }])
    }
    const now = new Date().toISOString()
    const connection: VersoriConnection = {
      id: ulid(),
      name,
      credentials: checked.stored,
      ...(body.connection.baseUrl ? { baseUrl: body.connection.baseUrl } : {}),
      createdAt: now,
      updatedAt: now,
      systemId: template.id,
      connectionTemplateId: template.connectionTemplateId,
    }
    store.add(connection, body.externalId)
    if (checked.signIn) checked.signIn.outcome = answer(connection)
    return HttpResponse.json(answer(connection), { status: 201 })
  }

  function updateConnection(record: RecordedRequest, connection: VersoriConnection) {
    const refusal = invalid(record, record.body, 'UpdateConnectionRequest')
    if (refusal) return refusal
    const body = record.body as { name: string; baseUrl: string; credentials: Credential[] }
    const name = body.name.trim()
    if (!name) return versoriError(400, 'The request body is not valid.', [{ path: 'name', message: 'is required' }])
    const checked = credentialsOf(body.credentials, 'credentials')
    if (!checked.ok) return checked.response
    if (store.nameTaken(connection.connectionTemplateId, name, connection.id)) {
      if (checked.signIn) checked.signIn.outcome = null
      return versoriError(409, 'A connection with this name already exists.', [{ path: 'name', message: 'A connection with this name already exists.' }])
    }
    // Strictly later than before, even within the same millisecond: lists tell a refreshed connection by it.
    const updatedAt = new Date(Math.max(Date.now(), Date.parse(connection.updatedAt) + 1)).toISOString()
    Object.assign(connection, { name, credentials: checked.stored, updatedAt })
    if (body.baseUrl) connection.baseUrl = body.baseUrl
    else delete connection.baseUrl
    if (checked.signIn) checked.signIn.outcome = answer(connection)
    return HttpResponse.json(answer(connection))
  }

  function initialise(record: RecordedRequest, systemId: string) {
    const template = templates.find((candidate) => candidate.id === systemId)
    if (!template) return versoriError(404, 'The system was not found.')
    const refusal = invalid(record, record.body, 'InitialiseOAuth2ConnectionRequest')
    if (refusal) return refusal
    const body = record.body as { credential: { id: string }; authorizeUrl: string; clientId: string; scopes?: string[]; prompt?: string; additionalParams?: string }
    const config = template.authSchemeConfigs.find((candidate) => {
      const grant = (candidate.oauth2 as { grant?: { type?: string; authorizationCode?: { credentialId?: string } } } | undefined)?.grant
      return candidate.type === 'oauth2' && grant?.type === 'authorizationCode' && grant.authorizationCode?.credentialId === body.credential.id
    })
    if (!config) return versoriError(400, 'The request body is not valid.', [{ path: 'credential.id', message: 'is not the client of an authorization-code config of this system' }])
    const state = `state-${ulid()}`
    let url: URL
    try {
      url = new URL(body.authorizeUrl)
    } catch {
      return versoriError(400, 'The request body is not valid.', [{ path: 'authorizeUrl', message: 'must be a valid uri' }])
    }
    for (const [key, value] of new URLSearchParams(body.additionalParams ?? '')) url.searchParams.set(key, value)
    const params = { client_id: body.clientId, response_type: 'code', redirect_uri: `${callbackOrigin}/oauth2/callback`, scope: (body.scopes ?? []).join(' '), state, ...(body.prompt ? { prompt: body.prompt } : {}) }
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
    pending.push({ state, url: url.href, template })
    return HttpResponse.json({ url: url.href }, { headers: { 'Cache-Control': 'no-store' } })
  }

  function route(request: Request, record: RecordedRequest): Response {
    const [scheme, token] = (request.headers.get('authorization') ?? '').split(/\s+/, 2)
    if (!token || (scheme !== 'Bearer' && scheme !== 'JWT')) return versoriError(401, 'Send an organisation API key (Authorization: Bearer …) or an end-user token (Authorization: JWT …).')
    const { method, path, query } = record
    const match = /^\/o\/([^/]+)(\/.*)$/.exec(path)
    if (!match) return versoriError(404, `No route for ${method} ${path}.`)
    if (decodeURIComponent(match[1]!) !== organisationId) return versoriError(404, 'The organisation was not found.')
    const rest = match[2]!
    const templatesPath = /^\/projects\/([^/]+)\/connection-templates$/.exec(rest)
    if (templatesPath && method === 'GET') {
      if (decodeURIComponent(templatesPath[1]!) !== projectId) return versoriError(404, 'The project was not found.')
      if (query.env_id !== undefined && query.env_id !== environmentId) return versoriError(404, 'The environment was not found.')
      return HttpResponse.json({ totalCount: templates.length, items: templates })
    }
    const system = /^\/systems\/([^/]+)\/oauth2\/initialise$/.exec(rest)
    if (system && method === 'POST') return initialise(record, decodeURIComponent(system[1]!))
    if (rest === '/connections' && method === 'GET') {
      const first = query.first === undefined ? 20 : Number(query.first)
      if (!Number.isInteger(first) || first < 1 || first > 100) return versoriError(400, 'The query is not valid.', [{ path: 'first', message: 'must be a whole number from 1 to 100' }])
      const found = store.list({ endUserId: query.end_user_id, systemId: query.system_id })
      const start = query.after === undefined ? 0 : found.findIndex((connection) => connection.id === query.after) + 1
      if (start === 0 && query.after !== undefined) return versoriError(400, 'The query is not valid.', [{ path: 'after', message: 'is not a cursor of this list' }])
      const items = found.slice(start, start + first)
      const next = start + items.length < found.length ? items.at(-1)?.id : undefined
      return HttpResponse.json({ totalCount: found.length, items: items.map(answer), ...(next ? { next } : {}) })
    }
    if (rest === '/connections' && method === 'POST') return createConnection(record)
    const one = /^\/connections\/([^/]+)$/.exec(rest)
    const connection = one ? store.get(decodeURIComponent(one[1]!)) : undefined
    if (one && (method === 'GET' || method === 'PUT')) {
      if (!connection) return versoriError(404, 'The connection was not found.')
      return method === 'GET' ? HttpResponse.json(answer(connection)) : updateConnection(record, connection)
    }
    return versoriError(404, `No route for ${method} ${path}.`)
  }

  const reset = () => {
    store.clear()
    pending.length = 0
    requests.length = 0
    for (const entry of options.seed ?? []) store.seed(entry)
  }
  reset()

  return {
    /** The handlers, for `setupServer(...)`, `setupWorker(...)` or `server.use(...)`. */
    handlers: [
      http.all(underBase(baseUrl), async ({ request }) => {
        const record = await recordRequest(request, base.pathname.replace(/\/$/, ''))
        requests.push(record)
        const response = route(request, record)
        record.status = response.status
        // A sign-in whose code the kit sent in a request that failed is over: `completeOAuth` stops waiting.
        if (!response.ok) for (const signIn of pending) if (signIn.outcome === undefined && signIn.code !== undefined && sentCode(record.body, signIn.code)) signIn.outcome = null
        return response
      }),
    ],
    /** Every request received since the last reset, oldest first. */
    requests,
    /** The requests whose body broke the contract (each with its `issues`), oldest first. */
    get violations(): RecordedRequest[] {
      return requests.filter((request) => request.issues.length > 0)
    },
    /** The connections in the store, as the API answers them. */
    get connections(): VersoriConnection[] {
      return store.list().map(answer)
    },
    /** Back to the seeded store: no pending sign-ins, no recorded requests. */
    reset,
    /**
     * Answers the newest pending OAuth sign-in (of the template whose `connectionTemplateId` is
     * `provider`, if given) as the provider and Versori's hosted callback page would: approved, the
     * page hands the kit a code, and the kit creates (or updates) the connection with it; refused,
     * the kit shows `reason`. Waits for the kit to open the page; needs {@link mockSignInWindows}.
     * Resolves to the connection the kit saved, if it did.
     */
    async completeOAuth(reply: { approve?: boolean; provider?: string; reason?: string } = {}): Promise<VersoriConnection | undefined> {
      const signIn = await waitUntil(
        () => pending.findLast((entry) => entry.code === undefined && (!reply.provider || entry.template.connectionTemplateId === reply.provider)),
        () => `no Versori sign-in${reply.provider ? ` to ${reply.provider}` : ''} is waiting to be completed.`,
      )
      const approved = reply.approve ?? true
      signIn.code = `code-${++codes}`
      const search = approved
        ? new URLSearchParams({ code: signIn.code, state: signIn.state })
        : new URLSearchParams({ error: 'access_denied', error_description: reply.reason ?? 'The user denied access.', state: signIn.state })
      await answerSignIn((page) => page.searchParams.get('state') === signIn.state, callbackOrigin, { type: 'response', payload: { search: `?${search}` } })
      if (!approved) return undefined
      const outcome = await waitUntil(
        () => signIn.outcome,
        () => 'the kit did not save the connection after the sign-in.',
      ).catch(() => null)
      return outcome ?? undefined
    },
  }
}

/** What {@link versoriHandlers} returns: the handlers, and the test's handles on the mock platform. */
export type VersoriMock = ReturnType<typeof versoriHandlers>
