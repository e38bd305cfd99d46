import type { Connection, ConnectBackend, ConnectionInput, ConnectScope, SignInStep } from '../../model/ConnectBackend'
import { absoluteBaseUrl, defaultConnectionName } from '../../model/connectionName'
import { ConnectError } from '../../model/ConnectError'
import { defaultMessages } from '../../model/messages'
import type { SchemeId } from '../../model/ProviderSpec'
import type { FieldNamer } from '../shared/http'
import { httpClient, readJson, webUrl } from '../shared/http'
import type { Infer } from '../shared/shape'
import { array, object, optional, string, unknown } from '../shared/shape'
import { helloResponseProtocol } from './protocol'
import type { AuthSchemeConfig, MappedTemplate, VersoriMethod } from './templates'
import { authSchemeConfigSchema, connectionTemplateSchema, toProviderSpec } from './templates'
import { formPathOf, versoriError } from './versoriProblem'
import type { AuthorizationCode } from './wire'
import { credentialsBody } from './wire'

/** Options for {@link versori}: exactly one of `token` or `getToken`. */
export type VersoriOptions = {
  /** The Versori organisation id. */
  organisationId: string
  /** The project whose connection templates are the providers. */
  projectId: string
  /** The project environment (`env_id`) the templates belong to. */
  environmentId: string
  /**
   * The API base URL.
   * @default 'https://platform.versori.com/api/v2'
   */
  baseUrl?: string
  /**
   * How the token is sent: `Bearer` for an organisation API key, `JWT` for an end user's token
   * (whose `sub` is the `consumerRef`).
   * @default 'Bearer'
   */
  tokenType?: 'Bearer' | 'JWT'
  /**
   * The origin of Versori's hosted OAuth callback page, which answers the sign-in window's hello.
   * @default the origin of `baseUrl`
   */
  callbackOrigin?: string
  /**
   * Deletes a connection. Versori's v2 API has none, so lists offer Delete only when the host
   * supplies this (for instance a call to its own server). `signal` aborts when the list that
   * asked unmounts; pass it to `fetch`.
   */
  deleteConnection?: (connectionId: string, signal?: AbortSignal) => Promise<void>
  /** A fetch implementation, for tests or instrumentation. @default globalThis.fetch */
  fetch?: typeof fetch
  /** How long one request may take, body included, before it fails with a retryable error. @default 30000 */
  timeoutMs?: number
} & (
  | {
      /** A fixed token (an organisation API key or an end-user JWT). */
      token: string
      getToken?: never
    }
  | {
      token?: never
      /** Returns the token for each request. */
      getToken: () => Promise<string> | string
    }
)

const DEFAULT_BASE_URL = 'https://platform.versori.com/api/v2'
const TEMPLATES_TTL_MS = 60_000
const PAGE_SIZE = 100
const MAX_PAGES = 50

const credentialSchema = object({
  id: optional(string()),
  authSchemeConfig: optional(unknown()),
  credential: optional(
    object({
      id: optional(string()),
      type: optional(string()),
      errors: optional(array(string())),
    }),
  ),
})

const connectionSchema = object({
  id: string(),
  name: string(),
  credentials: optional(array(credentialSchema)),
  baseUrl: optional(string()),
  createdAt: string(),
  updatedAt: optional(string()),
  systemId: optional(string()),
  connectionTemplateId: optional(string()),
})

type VersoriConnection = Infer<typeof connectionSchema>

const connectionPageSchema = object({ items: array(connectionSchema), next: optional(string()) })
const templatePageSchema = object({ items: array(unknown()) })
const initialiseSchema = object({ url: string() })

/**
 * A connection's status, which Versori does not store: from each credential's `errors`. Any
 * credential with errors → `bad_credentials`; every credential checked without errors → `working`;
 * otherwise (not validated yet) → `created`.
 */
export function versoriStatus(connection: Pick<VersoriConnection, 'credentials'>): Connection['status'] {
  const errors = (connection.credentials ?? []).map((entry) => entry.credential?.errors)
  if (errors.some((list) => list !== undefined && list.length > 0)) return 'bad_credentials'
  if (errors.length > 0 && errors.every((list) => list !== undefined)) return 'working'
  return 'created'
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object'

/** A raw config's `type`. */
const configTypeOf = (config: unknown) => (isRecord(config) ? config.type : undefined)

/** A raw config's own id: the `id` of its scheme object (`apiKey.id`), if any. */
function configIdOf(config: unknown): string | undefined {
  if (!isRecord(config)) return undefined
  for (const [key, value] of Object.entries(config)) {
    if (key !== 'type' && isRecord(value) && typeof value.id === 'string') return value.id
  }
  return undefined
}

/** The scheme of a config, as lists name it. */
function schemeOf(config: AuthSchemeConfig | undefined): SchemeId | string {
  if (!config) return 'none'
  switch (config.type) {
    case 'api-key':
      return 'apiKey'
    case 'basic-auth':
      return 'basic'
    case 'jwt-bearer':
      return 'jwtBearer'
    case 'oauth2':
      return `oauth2/${config.oauth2?.grant.type ?? 'authorizationCode'}`
    case 'oauth1':
      return config.oauth1?.tokenAuth ? 'oauth1/token' : 'oauth1/authorize'
    default:
      return config.type
  }
}

/**
 * Creates the backend adapter for Versori's platform API (v2): providers are the project's
 * connection templates, each auth scheme config a sign-in method. Pass the result to
 * `ConnectProvider`'s `backend` prop; `groupRef` is not used, `consumerRef` is the end user's
 * external id.
 *
 * @example
 * const backend = versori({ organisationId, projectId, environmentId, getToken: () => fetchUserJwt(), tokenType: 'JWT' })
 */
export function versori(options: VersoriOptions): ConnectBackend {
  const hasToken = typeof options.token === 'string' && options.token !== ''
  const hasGetter = typeof options.getToken === 'function'
  if (hasToken === hasGetter) {
    throw new Error(
      hasToken
        ? 'Plugboard: versori() got both `token` and `getToken`. Pass exactly one.'
        : 'Plugboard: versori() needs credentials. Pass `token` (an organisation API key or an end-user JWT) or `getToken` (a function returning one).',
    )
  }
  for (const key of ['organisationId', 'projectId', 'environmentId'] as const) {
    if (!options[key]) throw new Error(`Plugboard: versori() needs \`${key}\`.`)
  }
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
  const callbackOrigin = options.callbackOrigin ?? new URL(baseUrl, globalThis.location?.href).origin
  const org = `/o/${encodeURIComponent(options.organisationId)}`
  const tokenType = options.tokenType ?? 'Bearer'
  const request = httpClient({
    baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    accept: 'application/json',
    authorize: async () => ({ Authorization: `${tokenType} ${hasToken ? options.token : await (options.getToken as () => Promise<string> | string)()}` }),
    failure: versoriError,
  })
  const namerFor = (paths: ReadonlyMap<string, string>): FieldNamer => (path) => formPathOf(path, paths)

  // One template list per minute for every button on the page; a failure is not kept.
  let templates: { at: number; promise: Promise<Map<string, MappedTemplate>> } | undefined
  function loadTemplates(): Promise<Map<string, MappedTemplate>> {
    if (templates && Date.now() - templates.at < TEMPLATES_TTL_MS) return templates.promise
    const promise = (async () => {
      const response = await request('GET', `${org}/projects/${encodeURIComponent(options.projectId)}/connection-templates`, {
        query: { env_id: options.environmentId },
      })
      const page = await readJson(response, templatePageSchema)
      const mapped = new Map<string, MappedTemplate>()
      for (const item of page.items) {
        const parsed = connectionTemplateSchema.safeParse(item)
        if (parsed.success) mapped.set(parsed.data.connectionTemplateId, toProviderSpec(parsed.data))
      }
      return mapped
    })()
    templates = { at: Date.now(), promise }
    promise.catch(() => {
      if (templates?.promise === promise) templates = undefined
    })
    return promise
  }

  async function templateOf(provider: string): Promise<MappedTemplate> {
    const template = (await loadTemplates()).get(provider)
    if (!template) throw new ConnectError('http', defaultMessages.unexpectedResponse(404), { status: 404 })
    return template
  }

  function methodOf(template: MappedTemplate, methodId: string | undefined): VersoriMethod {
    const method = methodId === undefined ? template.methods[0] : template.methods.find((entry) => entry.method.id === methodId)
    if (!method) throw new Error(`Plugboard: ${template.spec.displayName} has no sign-in method ${methodId ?? ''} the kit can run.`)
    return method
  }

  async function toConnection(raw: VersoriConnection, consumerRef?: string): Promise<Connection> {
    const byTemplate = await loadTemplates().catch(() => new Map<string, MappedTemplate>())
    const provider =
      raw.connectionTemplateId ?? [...byTemplate.values()].find((entry) => entry.template.id === raw.systemId)?.spec.id ?? ''
    const config = authSchemeConfigSchema.safeParse(raw.credentials?.[0]?.authSchemeConfig)
    // The method whose configs the credentials were made with, so a reconnect starts on it.
    const configIds = (raw.credentials ?? []).map((entry) => configIdOf(entry.authSchemeConfig)).join('+')
    const methods = byTemplate.get(provider)?.methods ?? []
    const methodId = methods.find((entry) => entry.method.id === configIds)?.method.id ?? (methods.length === 1 ? methods[0]!.method.id : undefined)
    return {
      id: raw.id,
      provider,
      name: raw.name,
      ...(methodId ? { methodId } : {}),
      authScheme: schemeOf(config.success ? config.data : undefined),
      status: versoriStatus(raw),
      createTime: raw.createdAt,
      ...(raw.updatedAt ? { updateTime: raw.updatedAt } : {}),
      ...(consumerRef ? { consumerRef } : {}),
    }
  }

  async function fetchConnection(connectionId: string, signal?: AbortSignal): Promise<VersoriConnection> {
    const response = await request('GET', `${org}/connections/${encodeURIComponent(connectionId)}`, { signal })
    return readJson(response, connectionSchema)
  }

  /** The connection's name and base URL from the form, else generated (a new one) or kept (an update). */
  function connectionFields(template: MappedTemplate, scope: ConnectScope, input: ConnectionInput, existing?: VersoriConnection) {
    const name = input.connection?.name?.trim() || existing?.name || defaultConnectionName(template.spec.displayName, scope)
    const typed = input.connection?.baseUrl
    const baseUrl = typed ? (absoluteBaseUrl(typed) ?? typed) : existing?.baseUrl
    return { name, baseUrl }
  }

  /** Saves a connection: CreateConnection, or UpdateConnection of `connectionId`, keeping its credential ids. */
  async function save(
    scope: ConnectScope,
    input: ConnectionInput,
    connectionId?: string,
    code?: AuthorizationCode,
    signal?: AbortSignal,
  ): Promise<Connection> {
    const template = await templateOf(input.provider)
    const method = methodOf(template, input.methodId)
    const existing = connectionId ? await fetchConnection(connectionId, signal) : undefined
    const { credentials, paths } = credentialsBody(method.configs, input.credentials, {
      organisationId: options.organisationId,
      code,
      // An update keeps the ids of the credentials it replaces (same config type and id).
      keepIds: (entry) => {
        const match = existing?.credentials?.find(
          (old) => configTypeOf(old.authSchemeConfig) === entry.config.type && configIdOf(old.authSchemeConfig) === configIdOf(entry.raw),
        )
        return match?.id && match.credential?.id ? { id: match.id, credentialId: match.credential.id } : undefined
      },
    })
    const { name, baseUrl } = connectionFields(template, scope, input, existing)
    const sent = new Map(paths)
    sent.set('connection.name', 'connection.name')
    sent.set('connection.baseUrl', 'connection.baseUrl')
    if (connectionId) {
      // UpdateConnection names the connection's fields at the top level.
      for (const [key, value] of [...sent]) sent.set(key.replace(/^connection\./, ''), value)
      const response = await request('PUT', `${org}/connections/${encodeURIComponent(connectionId)}`, {
        body: { name, credentials, baseUrl: baseUrl ?? '' },
        fieldName: namerFor(sent),
        signal,
      })
      return toConnection(await readJson(response, connectionSchema), scope.consumerRef)
    }
    const response = await request('POST', `${org}/connections`, {
      body: {
        connectionTemplateId: template.template.connectionTemplateId,
        connection: { name, credentials, ...(baseUrl ? { baseUrl } : {}) },
        externalId: scope.consumerRef,
      },
      fieldName: namerFor(sent),
      signal,
    })
    return toConnection(await readJson(response, connectionSchema), scope.consumerRef)
  }

  return {
    id: `versori:${baseUrl}:${options.organisationId}:${options.projectId}:${options.environmentId}`,
    async getProvider(provider) {
      return (await templateOf(provider)).spec
    },
    async listProviders() {
      // The templates every button reads already: no request of its own within the minute.
      const mapped = await loadTemplates()
      // Its own module, loaded on first use: a page without a gallery never downloads it.
      const { toListings } = await import('../shared/listing')
      return toListings([...mapped.values()].map(({ template, spec }) => ({ id: spec.id, displayName: template.name, iconUrl: template.iconUrl, spec })))
    },
    async listConnections(scope, filter, signal) {
      const known = await loadTemplates()
      const wanted = filter?.provider ? known.get(filter.provider) : undefined
      if (filter?.provider && !wanted) return []
      const items: VersoriConnection[] = []
      const seen = new Set<string>()
      let after: string | undefined
      for (let page = 0; page < MAX_PAGES; page++) {
        const response = await request('GET', `${org}/connections`, {
          query: { end_user_id: scope.consumerRef, first: String(PAGE_SIZE), after, system_id: wanted?.template.id },
          signal,
        })
        const body = await readJson(response, connectionPageSchema)
        items.push(...body.items)
        if (!body.next || seen.has(body.next)) break
        seen.add(body.next)
        after = body.next
      }
      const connections = await Promise.all(items.map((item) => toConnection(item, scope.consumerRef)))
      // Only the project's templates are providers here; connections of other projects stay out.
      return connections.filter((connection) => (filter?.provider ? connection.provider === filter.provider : known.has(connection.provider)))
    },
    async getConnection(connectionId, signal) {
      return toConnection(await fetchConnection(connectionId, signal))
    },
    createConnection: (scope, input, signal) => save(scope, input, undefined, undefined, signal),
    updateConnection: (scope, connectionId, input, signal) => save(scope, input, connectionId, undefined, signal),
    ...(options.deleteConnection ? { deleteConnection: options.deleteConnection } : {}),
    async startOAuth(scope, input, connectionId, signal) {
      const template = await templateOf(input.provider)
      const method = methodOf(template, input.methodId)
      const index = method.method.parts.findIndex((part) => part.scheme === 'oauth2/authorizationCode')
      const oauth2 = method.configs[index]?.config.oauth2
      const grant = oauth2?.grant.authorizationCode
      if (!oauth2?.authorizeUrl || !grant?.clientId || !grant.credentialId || !grant.organisationId) {
        throw new Error(`Plugboard: ${template.spec.displayName}'s method ${method.method.id} is not an OAuth 2 sign-in Versori can start.`)
      }
      const chosen = input.credentials[index]
      const scopes = (chosen?.scheme === 'oauth2/authorizationCode' ? chosen.scopes : undefined) ?? oauth2.defaultScopes ?? []
      const extra = oauth2.additionalAuthorizeParams?.trim()
      const response = await request('POST', `${org}/systems/${encodeURIComponent(template.template.id)}/oauth2/initialise`, {
        body: {
          credential: { id: grant.credentialId, organisationId: grant.organisationId },
          authorizeUrl: oauth2.authorizeUrl,
          clientId: grant.clientId,
          scopes,
          prompt: 'consent',
          ...(extra ? { additionalParams: extra } : {}),
        },
        signal,
      })
      const url = webUrl((await readJson(response, initialiseSchema)).url, response.status)
      const state = new URL(url).searchParams.get('state')
      if (!state) throw new ConnectError('invalid_response', defaultMessages.invalidResponse, { status: response.status })
      const finish = async (callback: URLSearchParams, next?: AbortSignal): Promise<SignInStep> => {
        const rest = new URLSearchParams(callback)
        for (const key of ['code', 'state']) rest.delete(key)
        const code: AuthorizationCode = { code: callback.get('code') ?? '', state, additionalParams: rest.toString() || undefined }
        const replaced = input.credentials.map((part, at) => (at === index ? { scheme: 'oauth2/authorizationCode' as const } : part))
        return { kind: 'connection', connection: await save(scope, { ...input, credentials: replaced }, connectionId, code, next) }
      }
      return { kind: 'redirect', url, protocol: helloResponseProtocol(callbackOrigin, state, finish) }
    },
  }
}
