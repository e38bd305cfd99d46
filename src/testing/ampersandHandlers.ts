import { http, HttpResponse } from 'msw'
import type { ProviderInfo } from '../backends/ampersand/catalog'
import { ampersandCatalog } from './ampersandCatalog'
import { answerSignIn, waitUntil } from './answerSignIn'
import { ampersandSchemas } from './ampersandSchemas'
import { ampersandProblem, contractIssues, refusedValues } from './ampersandProblem'
import type { AmpersandConnection, AmpersandSeed } from './AmpersandStore'
import { AmpersandStore } from './AmpersandStore'
import type { RecordedRequest } from './recordedRequest'
import { dottedIssues, recordRequest, underBase } from './recordedRequest'
import { validateJson } from './validateJson'

/** Options of {@link ampersandHandlers}. */
export interface AmpersandHandlersOptions {
  /** The API base URL, as given to `ampersand()`. @default 'https://api.withampersand.com/v1' */
  baseUrl?: string
  /** The project the API serves; any other is not found. @default any project */
  project?: string
  /** The catalog, by provider name. @default {@link ampersandCatalog} */
  providers?: Record<string, ProviderInfo>
  /** Connections in the store from the start (and after `reset()`). @default [] */
  seed?: AmpersandSeed[]
  /** The origin Ampersand's callback pages post from, as `ampersand()`'s `callbackOrigin`. @default the origin of `baseUrl` */
  callbackOrigin?: string
}

/** A sign-in waiting for the test: OAuth (by `state`) or a multi-step custom sign-in (by session). */
interface PendingSignIn {
  kind: 'oauth' | 'custom'
  key: string
  url: string
  provider: string
  body: Record<string, unknown>
  connectionId?: string
  /** A multi-step sign-in the test answered, waiting for the kit to resume it. */
  answered?: boolean
}

type Body = Record<string, unknown>
const schema = (name: string) => ({ $ref: `#/$defs/${name}` })
/** Where sign-in pages of providers without a usable authorize URL live: an `https:` host that never resolves. */
const STAND_IN = 'https://sign-in.ampersand.invalid'

const isObject = (value: unknown): value is Body => value !== null && typeof value === 'object' && !Array.isArray(value)
const random = () => Math.random().toString(36).slice(2, 12)

/**
 * MSW handlers that play Ampersand's API for the kit (catalog, connections, OAuth and multi-step
 * sign-ins), with an in-memory store. Every request body is checked against Ampersand's OpenAPI
 * contract: one that breaks it gets Ampersand's 400 `application/problem+json` with an issue per
 * field, and is recorded with its issues (`violations`). A credential value of `wrong` is refused
 * (422) under its field. `completeOAuth` plays the provider's page (with {@link mockSignInWindows}).
 *
 * @example
 * const ampersandMock = ampersandHandlers({ seed: [{ provider: 'hubspot', groupRef: 'acme', consumerRef: 'ada' }] })
 * server.use(...ampersandMock.handlers)
 * // … the test clicks through the kit …
 * expect(ampersandMock.violations).toEqual([])
 */
export function ampersandHandlers(options: AmpersandHandlersOptions = {}) {
  const baseUrl = (options.baseUrl ?? 'https://api.withampersand.com/v1').replace(/\/+$/, '')
  const base = new URL(baseUrl)
  const callbackOrigin = options.callbackOrigin ?? base.origin
  const catalog: Record<string, ProviderInfo | undefined> = options.providers ?? ampersandCatalog
  const projectId = options.project ?? 'test-project'
  const requests: RecordedRequest[] = []
  const store = new AmpersandStore(catalog, projectId)
  const pending: PendingSignIn[] = []
  let counter = 0

  /** The page a sign-in window goes to: the provider's own authorize URL when the catalog has one, else a stand-in. */
  function authorizeUrl(provider: string, body: Body, state: string): string {
    const values: Record<string, unknown> = { workspace: body.providerWorkspaceRef }
    for (const [name, info] of Object.entries(isObject(body.providerMetadata) ? body.providerMetadata : {})) values[name] = isObject(info) ? info.value : undefined
    const template = String((catalog[provider]?.oauth2Opts as { authURL?: string } | undefined)?.authURL ?? '')
    const filled = template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_, name: string) => (typeof values[name] === 'string' ? String(values[name]) : '{{?}}'))
    let url: URL
    try {
      url = new URL(filled.startsWith('https://') && !filled.includes('{{') ? filled : `${STAND_IN}/${encodeURIComponent(provider)}/authorize`)
    } catch {
      url = new URL(`${STAND_IN}/${encodeURIComponent(provider)}/authorize`)
    }
    for (const [key, value] of Object.entries({ response_type: 'code', client_id: 'plugboard-test-client', redirect_uri: `${callbackOrigin}/callbacks/v1/oauth`, state })) {
      url.searchParams.set(key, value)
    }
    return url.href
  }

  function startOAuth(provider: string, body: Body, connectionId?: string) {
    const state = `state-${++counter}-${random()}`
    const url = authorizeUrl(provider, body, state)
    pending.push({ kind: 'oauth', key: state, url, provider, body, ...(connectionId ? { connectionId } : {}) })
    return new HttpResponse(url, { status: 200, headers: { 'Content-Type': 'text/plain' } })
  }

  /** `POST /custom-auth/connect`: a multi-step sign-in starts (inputs exchanged at once, or a consent page) or resumes. */
  function customAuth(body: Body) {
    if (typeof body.sessionId === 'string') {
      const session = pending.find((entry) => entry.kind === 'custom' && entry.key === body.sessionId)
      const params = (isObject(body.callbackParams) ? body.callbackParams : {}) as Record<string, string>
      if (!session) return ampersandProblem(400, 'Bad Request', 'This sign-in has expired or was already finished. Please start again.')
      pending.splice(pending.indexOf(session), 1)
      if (params.error) return ampersandProblem(400, 'Bad Request', params.error_description || params.error)
      return HttpResponse.json({ connection: store.create({ ...session.body, provider: session.provider, authScheme: 'custom' }) })
    }
    const provider = String(body.provider ?? '')
    const entry = catalog[provider]
    const custom = entry?.customOpts as { multiStep?: boolean; inputs?: unknown[] } | undefined
    if (!custom?.multiStep) return ampersandProblem(400, 'Bad Request', 'The request body is not valid.', [{ name: 'provider', detail: `${provider} does not use a multi-step custom sign-in.` }])
    if (typeof body.groupRef !== 'string' || typeof body.consumerRef !== 'string') {
      return ampersandProblem(400, 'Bad Request', 'The request body is not valid.', [{ name: 'groupRef', detail: 'groupRef and consumerRef are required to start a sign-in.' }])
    }
    const refused = refusedValues(body)
    if (refused.length) return ampersandProblem(422, 'Unprocessable Entity', 'The provider refused these credentials.', refused)
    if ((custom.inputs ?? []).length > 0) {
      return HttpResponse.json({ connection: store.create({ ...body, provider, authScheme: 'custom' }) })
    }
    const sessionId = `session-${++counter}-${random()}`
    const url = `${STAND_IN}/${encodeURIComponent(provider)}/consent?${new URLSearchParams({ state: sessionId })}`
    pending.push({ kind: 'custom', key: sessionId, url, provider, body })
    return HttpResponse.json({ redirect: { url, sessionId } })
  }

  /** Validates a body against the contract; the error to answer when it breaks it (and records why). */
  function invalid(record: RecordedRequest, body: unknown, name: string, detail = 'The request body is not valid.') {
    if (!isObject(body)) record.issues = [{ path: '(body)', message: 'must be a JSON object' }]
    else record.issues = dottedIssues(validateJson(schema(name), body, ampersandSchemas))
    return record.issues.length ? ampersandProblem(400, 'Bad Request', detail, contractIssues(record.issues)) : undefined
  }

  async function route(request: Request, record: RecordedRequest): Promise<Response> {
    const { method, path } = record
    const body = record.body as Body
    // The catalog needs no credentials, as Ampersand's.
    if (method === 'GET' && path === '/providers') return HttpResponse.json(catalog)
    const provider = /^\/providers\/([^/]+)$/.exec(path)
    if (method === 'GET' && provider) {
      const entry = catalog[decodeURIComponent(provider[1]!)]
      return entry ? HttpResponse.json(entry) : ampersandProblem(404, 'Not Found', `No provider named ${decodeURIComponent(provider[1]!)}.`)
    }
    if (!request.headers.get('x-api-key') && !/^Bearer \S+/.test(request.headers.get('authorization') ?? '')) {
      return ampersandProblem(401, 'Unauthorized', 'Send an API key (X-Api-Key) or a token (Authorization: Bearer).')
    }
    const wrongProject = (name: unknown) => options.project !== undefined && name !== options.project
    if (method === 'POST' && path === '/oauth-connect') {
      const refusal = invalid(record, body, 'OAuthConnectRequest')
      if (refusal) return refusal
      if (wrongProject(body.projectIdOrName)) return ampersandProblem(404, 'Not Found', 'No such project.')
      const name = String(body.provider)
      if (!store.schemeOf(name).startsWith('oauth2/authorizationCode')) {
        return ampersandProblem(400, 'Bad Request', 'The request body is not valid.', [{ name: 'provider', detail: `${name} does not sign in with OAuth authorization code.` }])
      }
      return startOAuth(name, body)
    }
    if (method === 'POST' && path === '/custom-auth/connect') {
      const refusal = invalid(record, body, 'CustomAuthConnectRequest')
      if (refusal) return refusal
      if (wrongProject(body.projectIdOrName)) return ampersandProblem(404, 'Not Found', 'No such project.')
      return customAuth(body)
    }
    const project = /^\/projects\/([^/]+)\/connections(?::generate|\/([^/]+?)(:oauth-update)?)?$/.exec(path)
    if (!project || wrongProject(decodeURIComponent(project[1]!))) return ampersandProblem(404, 'Not Found', `No route for ${method} ${path}.`)
    const id = project[2] === undefined ? undefined : decodeURIComponent(project[2])
    const connection = id === undefined ? undefined : store.get(id)
    if (id === undefined && path.endsWith(':generate') && method === 'POST') {
      const refusal = invalid(record, body, 'GenerateConnectionRequest')
      if (refusal) return refusal
      if (!catalog[String(body.provider)]) return ampersandProblem(400, 'Bad Request', 'The request body is not valid.', [{ name: 'provider', detail: `No provider named ${String(body.provider)}.` }])
      const refused = refusedValues(body)
      if (refused.length) return ampersandProblem(422, 'Unprocessable Entity', 'The provider refused these credentials.', refused)
      return HttpResponse.json(store.create({ ...body, authScheme: body.customAuth ? 'custom' : store.schemeOf(String(body.provider)) }), { status: 201 })
    }
    if (id === undefined && method === 'GET') {
      const { groupRef, consumerRef, provider: only } = record.query
      const found = store.list({ groupRef, consumerRef, provider: only })
      return HttpResponse.json(found)
    }
    if (id === undefined || !connection) return ampersandProblem(404, 'Not Found', 'No such connection.')
    if (project[3] && method === 'PATCH') {
      const { providerWorkspaceRef, providerMetadata } = connection
      return startOAuth(connection.provider, { providerWorkspaceRef, providerMetadata }, connection.id)
    }
    if (method === 'GET') return HttpResponse.json(connection)
    if (method === 'DELETE') {
      store.delete(connection.id)
      return new HttpResponse(null, { status: 204 })
    }
    if (method === 'PATCH') {
      const refusal = invalid(record, body, 'UpdateConnectionRequest', 'Invalid update mask or body.')
      if (refusal) return refusal
      const patch = (body.connection ?? {}) as Body
      const mask = body.updateMask as string[]
      const missing = mask.filter((key) => patch[key] === undefined)
      if (missing.length) return ampersandProblem(400, 'Bad Request', 'Invalid update mask or body.', missing.map((key) => ({ name: `connection.${key}`, detail: `${key} is in updateMask but has no value.` })))
      const refused = refusedValues(patch, 'connection.')
      if (refused.length) return ampersandProblem(422, 'Unprocessable Entity', 'The provider refused these credentials.', refused)
      const changes: Partial<AmpersandConnection> = {}
      if (mask.includes('providerWorkspaceRef')) changes.providerWorkspaceRef = String(patch.providerWorkspaceRef)
      if (mask.includes('providerMetadata')) changes.providerMetadata = patch.providerMetadata as AmpersandConnection['providerMetadata']
      return HttpResponse.json(store.refresh(connection, changes))
    }
    return ampersandProblem(404, 'Not Found', `No route for ${method} ${path}.`)
  }

  const reset = () => {
    store.clear()
    pending.length = 0
    requests.length = 0
    for (const seed of options.seed ?? []) store.create({ ...seed })
  }
  reset()

  return {
    /** The handlers, for `setupServer(...)`, `setupWorker(...)` or `server.use(...)`. */
    handlers: [
      http.all(underBase(baseUrl), async ({ request }) => {
        const record = await recordRequest(request, base.pathname.replace(/\/$/, ''))
        requests.push(record)
        const response = await route(request, record)
        record.status = response.status
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
    get connections(): AmpersandConnection[] {
      return store.list().map((connection) => structuredClone(connection))
    },
    /** Back to the seeded store: no pending sign-ins, no recorded requests. */
    reset,
    /**
     * Answers the newest pending sign-in (of `provider`, if given) as the provider's page and
     * Ampersand's callback would: approved, an OAuth sign-in makes (or refreshes) the connection,
     * and a multi-step one hands the kit the consent's parameters; refused, the kit shows `reason`.
     * Waits for the kit to open the page; needs {@link mockSignInWindows}. Resolves to the OAuth
     * connection made, if any.
     */
    async completeOAuth(answer: { approve?: boolean; provider?: string; reason?: string } = {}): Promise<AmpersandConnection | undefined> {
      const signIn = await waitUntil(
        () => pending.findLast((entry) => !entry.answered && (!answer.provider || entry.provider === answer.provider)),
        () => `no Ampersand sign-in${answer.provider ? ` to ${answer.provider}` : ''} is waiting to be completed.`,
      )
      const approved = answer.approve ?? true
      const reason = answer.reason ?? 'The user denied access.'
      const isPage = (page: URL) => page.searchParams.get('state') === signIn.key
      if (signIn.kind === 'custom') {
        signIn.answered = true
        const params = approved ? { admin_consent: 'True', tenant: 'tenant-test', state: signIn.key } : { error: 'access_denied', error_description: reason, state: signIn.key }
        await answerSignIn(isPage, callbackOrigin, { source: 'ampersand-custom-auth', params })
        return undefined
      }
      pending.splice(pending.indexOf(signIn), 1)
      if (!approved) {
        await answerSignIn(isPage, callbackOrigin, { eventType: 'AUTHORIZATION_FAILED', data: { error: 'access_denied', message: reason } })
        return undefined
      }
      const existing = signIn.connectionId ? store.get(signIn.connectionId) : undefined
      const connection = existing ? store.refresh(existing) : store.create({ ...signIn.body, provider: signIn.provider })
      await answerSignIn(isPage, callbackOrigin, { eventType: 'AUTHORIZATION_SUCCEEDED', data: { connection: { id: connection.id, provider: connection.provider } } })
      return structuredClone(connection)
    },
  }
}

/** What {@link ampersandHandlers} returns: the handlers, and the test's handles on the mock platform. */
export type AmpersandMock = ReturnType<typeof ampersandHandlers>
