import type { Connection, ConnectBackend, ConnectionInput, ConnectScope, Credentials, SignInStep } from '../../model/ConnectBackend'
import { httpClient, readJson, readText, webUrl } from '../shared/http'
import type { Infer } from '../shared/shape'
import { array, object, optional, refine, string, union } from '../shared/shape'
import { ampersandFieldName, problemToError, workspaceFieldOf } from './ampersandProblem'
import { METADATA_PREFIX, providerInfoSchema, toProviderSpec, WORKSPACE_FIELD } from './catalog'
import { customAuthProtocol, oauthResultProtocol } from './protocols'

/** Options for {@link ampersand}: exactly one of `apiKey` or `getToken`. */
export type AmpersandOptions = {
  /** The Ampersand project id or name. */
  project: string
  /**
   * The API base URL.
   * @default 'https://api.withampersand.com/v1'
   */
  baseUrl?: string
  /**
   * The origin of the page that posts the OAuth result to the popup's opener.
   * @default the origin of `baseUrl`
   */
  callbackOrigin?: string
  /** A fetch implementation, for tests or instrumentation. @default globalThis.fetch */
  fetch?: typeof fetch
  /** How long one request may take, body included, before it fails with a retryable error. @default 30000 */
  timeoutMs?: number
} & (
  | {
      /** A publishable Ampersand API key, sent as `X-Api-Key`. */
      apiKey: string
      getToken?: never
    }
  | {
      apiKey?: never
      /** Returns a bearer token for each request, sent as `Authorization: Bearer …`. */
      getToken: () => Promise<string> | string
    }
)

const DEFAULT_BASE_URL = 'https://api.withampersand.com/v1'

const connectionSchema = object({
  id: string(),
  provider: string(),
  authScheme: string(),
  status: string(),
  createTime: string(),
  updateTime: optional(string()),
  providerWorkspaceRef: optional(string()),
  group: object({ groupRef: string() }),
  consumer: object({ consumerRef: string() }),
})

const connectionListSchema = array(connectionSchema)

const customAuthStepSchema = union(
  object({ redirect: object({ url: string(), sessionId: refine(string(), (id) => id !== '', 'a session id') }) }),
  object({ connection: connectionSchema }),
)

function toConnection(raw: Infer<typeof connectionSchema>): Connection {
  const { group, consumer, ...rest } = raw
  return { ...rest, groupRef: group.groupRef, consumerRef: consumer.consumerRef }
}

/** The credential part of Ampersand's `ConnectionRequest` for each scheme. */
function credentialBody(credentials: Credentials | undefined): { mask?: string; body: Record<string, unknown> } {
  if (!credentials) return { body: {} }
  switch (credentials.scheme) {
    case 'none':
    case 'oauth2/authorizationCode':
      return { body: {} }
    case 'apiKey':
      return { mask: 'apiKey', body: { apiKey: credentials.apiKey } }
    case 'basic':
      return {
        mask: 'basicAuth',
        body: { basicAuth: { username: credentials.username, password: credentials.password } },
      }
    case 'oauth2/clientCredentials': {
      const { scheme: _, ...rest } = credentials
      return { mask: 'oauth2ClientCredentials', body: { oauth2ClientCredentials: rest } }
    }
    case 'oauth2/password': {
      const { scheme: _, ...rest } = credentials
      return { mask: 'oauth2PasswordCredentials', body: { oauth2PasswordCredentials: rest } }
    }
    case 'custom':
      return { body: { customAuth: credentials.values } }
    case 'secret':
    case 'hmac':
    case 'jwtBearer':
    case 'certificate':
    case 'oauth1/token':
      // The catalog mapping never offers these: Ampersand's API has no field for them.
      throw new Error(`Plugboard: Ampersand's API has no credential of scheme ${credentials.scheme}.`)
  }
}

/** Workspace and provider metadata from the connection fields (`metadata.*`, and the workspace the kit adds). */
function contextBody(connection: Record<string, string> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  const metadata = Object.entries(connection)
    .filter(([key]) => key.startsWith(METADATA_PREFIX))
    .map(([key, value]) => [key.slice(METADATA_PREFIX.length), { value, source: 'input' }] as const)
  const workspace = connection[WORKSPACE_FIELD] || connection[`${METADATA_PREFIX}workspace`]
  if (workspace) body.providerWorkspaceRef = workspace
  if (metadata.length > 0) body.providerMetadata = Object.fromEntries(metadata)
  return body
}

/** Ampersand files every connection under a group: a scope without one is a setup mistake, said plainly. */
function requireGroup(scope: ConnectScope): string {
  if (!scope.groupRef) {
    throw new Error('Plugboard: Ampersand needs `groupRef` on <ConnectProvider> (your id for the customer organisation the connections belong to).')
  }
  return scope.groupRef
}

function scopeBody(scope: ConnectScope): Record<string, string> {
  const body: Record<string, string> = { groupRef: requireGroup(scope), consumerRef: scope.consumerRef }
  if (scope.groupName) body.groupName = scope.groupName
  if (scope.consumerName) body.consumerName = scope.consumerName
  return body
}

/**
 * Creates the backend adapter for Ampersand's platform API (or any server speaking its shape).
 * Pass the result to `ConnectProvider`'s `backend` prop.
 *
 * @example
 * const backend = ampersand({ project: 'my-project', apiKey: import.meta.env.VITE_AMPERSAND_KEY })
 */
export function ampersand(options: AmpersandOptions): ConnectBackend {
  const hasKey = typeof options.apiKey === 'string' && options.apiKey !== ''
  const hasToken = typeof options.getToken === 'function'
  if (hasKey === hasToken) {
    throw new Error(
      hasKey
        ? 'Plugboard: ampersand() got both `apiKey` and `getToken`. Pass exactly one: `apiKey` for a publishable key, or `getToken` for a bearer token from your server.'
        : 'Plugboard: ampersand() needs credentials. Pass `apiKey` (a publishable Ampersand API key) or `getToken` (an async function returning a bearer token).',
    )
  }
  if (!options.project) {
    throw new Error('Plugboard: ampersand() needs `project`, the Ampersand project id or name.')
  }
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
  const callbackOrigin = options.callbackOrigin ?? new URL(baseUrl, globalThis.location?.href).origin
  const project = encodeURIComponent(options.project)
  const request = httpClient({
    baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    accept: 'application/json, application/problem+json, text/plain',
    authorize: async (): Promise<Record<string, string>> =>
      hasKey ? { 'X-Api-Key': options.apiKey as string } : { Authorization: `Bearer ${await (options.getToken as () => Promise<string> | string)()}` },
    failure: problemToError,
  })
  const json = readJson

  async function authorizeUrl(response: Response): Promise<string> {
    return webUrl((await readText(response)).trim().replace(/^"|"$/g, ''), response.status)
  }

  /** Maps the platform's body paths to the form paths of a request made from `connection` values. */
  const fieldsOf = (connection?: Record<string, string>) => {
    const workspaceField = workspaceFieldOf(connection)
    return (path: string) => ampersandFieldName(path, workspaceField)
  }

  async function createConnection(scope: ConnectScope, input: ConnectionInput, signal?: AbortSignal): Promise<Connection> {
    const body = {
      ...scopeBody(scope),
      provider: input.provider,
      ...contextBody(input.connection),
      ...credentialBody(input.credentials[0]).body,
    }
    const response = await request('POST', `/projects/${project}/connections:generate`, { body, fieldName: fieldsOf(input.connection), signal })
    return toConnection(await json(response, connectionSchema))
  }

  async function customAuthConnect(body: Record<string, unknown>, signal?: AbortSignal, fieldName?: (path: string) => string): Promise<SignInStep> {
    const response = await request('POST', '/custom-auth/connect', { body: { projectIdOrName: options.project, ...body }, fieldName, signal })
    const step = await json(response, customAuthStepSchema)
    if ('connection' in step) return { kind: 'connection', connection: toConnection(step.connection) }
    const { sessionId } = step.redirect
    return {
      kind: 'redirect',
      url: webUrl(step.redirect.url, response.status),
      protocol: customAuthProtocol(callbackOrigin, (callbackParams, next) => customAuthConnect({ sessionId, callbackParams }, next)),
    }
  }

  return {
    id: `ampersand:${baseUrl}:${options.project}`,
    async getProvider(provider, signal) {
      const response = await request('GET', `/providers/${encodeURIComponent(provider)}`, { signal })
      return toProviderSpec(await json(response, providerInfoSchema))
    },
    async listProviders(signal) {
      const response = await request('GET', '/providers', { signal })
      // Its own module, loaded on first use: a page without a gallery never downloads it.
      const { catalogListSchema, toProviderListings } = await import('./providerList')
      return toProviderListings(await json(response, catalogListSchema))
    },
    async listConnections(scope, filter, signal) {
      const response = await request('GET', `/projects/${project}/connections`, {
        query: { groupRef: requireGroup(scope), consumerRef: scope.consumerRef, provider: filter?.provider },
        signal,
      })
      return (await json(response, connectionListSchema)).map(toConnection)
    },
    async getConnection(connectionId, signal) {
      const response = await request('GET', `/projects/${project}/connections/${encodeURIComponent(connectionId)}`, {
        signal,
      })
      return toConnection(await json(response, connectionSchema))
    },
    createConnection,
    async updateConnection(scope, connectionId, input, signal) {
      const credentials = credentialBody(input.credentials[0])
      // Ampersand's update mask has no entry for custom or no-auth credentials: those are
      // replaced by generating the connection again for the same group, consumer and provider.
      // Not `this.createConnection`: the method must work when detached from the backend object.
      if (!credentials.mask) return createConnection(scope, input, signal)
      const context = contextBody(input.connection)
      const updateMask = [credentials.mask, ...Object.keys(context)]
      const response = await request('PATCH', `/projects/${project}/connections/${encodeURIComponent(connectionId)}`, {
        body: { updateMask, connection: { ...context, ...credentials.body } },
        fieldName: fieldsOf(input.connection),
        signal,
      })
      return toConnection(await json(response, connectionSchema))
    },
    async deleteConnection(connectionId, signal) {
      await request('DELETE', `/projects/${project}/connections/${encodeURIComponent(connectionId)}`, { signal })
    },
    async startOAuth(scope, input, connectionId, signal) {
      const response = connectionId
        ? await request('PATCH', `/projects/${project}/connections/${encodeURIComponent(connectionId)}:oauth-update`, { signal })
        : await request('POST', '/oauth-connect', {
            body: { projectIdOrName: options.project, provider: input.provider, ...scopeBody(scope), ...contextBody(input.connection) },
            fieldName: fieldsOf(input.connection),
            signal,
          })
      return { kind: 'redirect', url: await authorizeUrl(response), protocol: oauthResultProtocol(callbackOrigin, connectionId) }
    },
    startSteps(scope, input, signal) {
      // The endpoint takes no workspace: a multi-step provider's inputs and metadata carry everything.
      const { providerMetadata } = contextBody(input.connection)
      const first = input.credentials[0]
      const values = first?.scheme === 'custom' ? first.values : {}
      return customAuthConnect(
        {
          provider: input.provider,
          ...scopeBody(scope),
          ...(providerMetadata ? { providerMetadata } : {}),
          ...(Object.keys(values).length > 0 ? { customAuth: values } : {}),
        },
        signal,
        fieldsOf(input.connection),
      )
    },
  }
}
