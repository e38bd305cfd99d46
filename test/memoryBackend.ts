import type { Connection, ConnectBackend, ConnectionInput, ConnectScope, Credentials, ProviderSpec } from '../src/index'
import { ConnectError } from '../src/index'

/** A call the memory backend received. */
export interface MemoryCall {
  method: 'createConnection' | 'updateConnection' | 'deleteConnection' | 'startOAuth' | 'listConnections' | 'getProvider'
  scope?: ConnectScope
  input?: ConnectionInput
  connectionId?: string
}

/** The value a credential carries in each of its fields, for the "type `wrong`" rule. */
function fieldsOf(credentials: Credentials): Record<string, string> {
  const { scheme: _, ...rest } = credentials
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'string') values[key] = value
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, text] of Object.entries(value)) if (typeof text === 'string') values[`${key === 'values' ? '' : `${key}.`}${inner}`] = text
    }
  }
  return values
}

/**
 * A `ConnectBackend` in memory, for the credential kinds no platform adapter speaks yet (secret,
 * HMAC, JWT bearer, certificate, OAuth 1 token) and for providers with several sign-in methods.
 * Like the demo platform, a credential value of `wrong` is refused with an error under its field,
 * and a connection `name` already taken is refused under that field. It records every call.
 */
export function createMemoryBackend(options: { id?: string; providers: ProviderSpec[] }) {
  const calls: MemoryCall[] = []
  const connections: Connection[] = []
  let delayMs = 0
  let nextFailure: ConnectError | undefined
  let counter = 0
  const wait = () => new Promise((resolve) => setTimeout(resolve, delayMs))

  function refusal(input: ConnectionInput): ConnectError | undefined {
    const fieldErrors: Record<string, string> = {}
    input.credentials.forEach((credentials, index) => {
      for (const [field, value] of Object.entries(fieldsOf(credentials))) {
        if (value === 'wrong') fieldErrors[`credentials.${index}.${field}`] = 'The provider refused this value.'
      }
    })
    const name = input.connection?.name
    if (name && connections.some((connection) => connection.provider === input.provider && (connection as { name?: string }).name === name)) {
      fieldErrors['connection.name'] = 'A connection with this name already exists.'
    }
    if (Object.keys(fieldErrors).length === 0) return undefined
    return new ConnectError('http', 'The provider refused these credentials.', { status: 422, fieldErrors, detail: 'The provider refused these credentials.', requestId: 'mem-req-1' })
  }

  async function save(scope: ConnectScope, input: ConnectionInput, existing?: Connection): Promise<Connection> {
    await wait()
    const failure = nextFailure ?? refusal(input)
    nextFailure = undefined
    if (failure) throw failure
    const now = new Date().toISOString()
    if (existing) {
      existing.updateTime = now
      existing.status = 'working'
      return { ...existing }
    }
    const connection = {
      id: `mem-${++counter}`,
      provider: input.provider,
      authScheme: input.credentials[0]?.scheme ?? 'none',
      ...(input.methodId ? { methodId: input.methodId } : {}),
      status: 'created',
      createTime: now,
      groupRef: scope.groupRef,
      consumerRef: scope.consumerRef,
      name: input.connection?.name,
    }
    connections.push(connection)
    return { ...connection }
  }

  const provider = (id: string) => {
    const spec = options.providers.find((candidate) => candidate.id === id)
    if (!spec) throw new ConnectError('http', `No provider ${id}.`, { status: 404 })
    return spec
  }

  const backend: ConnectBackend = {
    id: options.id ?? 'memory',
    async getProvider(id) {
      calls.push({ method: 'getProvider' })
      return provider(id)
    },
    async listConnections(scope, filter) {
      calls.push({ method: 'listConnections', scope })
      return connections.filter((connection) => !filter?.provider || connection.provider === filter.provider).map((connection) => ({ ...connection }))
    },
    async getConnection(connectionId) {
      const found = connections.find((connection) => connection.id === connectionId)
      if (!found) throw new ConnectError('http', 'No such connection.', { status: 404 })
      return { ...found }
    },
    async createConnection(scope, input) {
      calls.push({ method: 'createConnection', scope, input })
      return save(scope, input)
    },
    async updateConnection(scope, connectionId, input) {
      calls.push({ method: 'updateConnection', scope, input, connectionId })
      return save(scope, input, connections.find((connection) => connection.id === connectionId))
    },
    async deleteConnection(connectionId) {
      calls.push({ method: 'deleteConnection', connectionId })
      const index = connections.findIndex((connection) => connection.id === connectionId)
      if (index >= 0) connections.splice(index, 1)
    },
    async startOAuth(scope, input, connectionId) {
      calls.push({ method: 'startOAuth', scope, input, connectionId })
      await wait()
      const page = new URL('/fake-authorize.html', location.origin)
      page.searchParams.set('provider', provider(input.provider).displayName)
      return { kind: 'redirect', url: page.href, protocol: { origin: location.origin, read: () => undefined } }
    },
  }

  return {
    backend,
    calls,
    connections,
    /** Requests that save wait this long (pending states). */
    setDelay(ms: number) {
      delayMs = ms
    },
    /** The next save fails with this error. */
    failNext(error: ConnectError) {
      nextFailure = error
    },
    /** The inputs of every create or update call, oldest first. */
    get saved(): ConnectionInput[] {
      return calls.filter((call) => call.method === 'createConnection' || call.method === 'updateConnection').map((call) => call.input!)
    },
  }
}

/** The memory backend's type. */
export type MemoryBackend = ReturnType<typeof createMemoryBackend>

/** Providers for each credential kind Ampersand lacks, and providers with several sign-in methods. */
export const memoryProviders: ProviderSpec[] = [
  {
    id: 'vaultly',
    displayName: 'Vaultly',
    methods: [{ id: 'secret', flow: 'form', parts: [{ scheme: 'secret' }] }],
    connectionFields: [],
  },
  {
    id: 'hookrelay',
    displayName: 'HookRelay',
    methods: [
      {
        id: 'hmac',
        flow: 'form',
        parts: [{ scheme: 'hmac', algorithm: 'sha256', encoding: 'hex', digestInputs: ['body', 'url'], placement: { in: 'header', name: 'X-Signature' } }],
      },
    ],
    connectionFields: [],
  },
  {
    id: 'tokenforge',
    displayName: 'TokenForge',
    methods: [{ id: 'jwt', flow: 'form', parts: [{ scheme: 'jwtBearer' }] }],
    connectionFields: [],
  },
  {
    id: 'ledgerbank',
    displayName: 'Ledger Bank',
    methods: [{ id: 'mtls', label: 'Client certificate (mTLS)', flow: 'form', parts: [{ scheme: 'certificate', caRequired: true }] }],
    connectionFields: [],
  },
  {
    id: 'quillpress',
    displayName: 'QuillPress',
    methods: [
      {
        id: 'oauth1',
        flow: 'form',
        parts: [
          {
            scheme: 'oauth1/token',
            params: [{ name: 'realm', label: 'Realm', required: false, help: 'Your account ID, as in `1234567_SB1`.' }],
          },
        ],
      },
    ],
    connectionFields: [],
  },
  {
    id: 'paystream',
    displayName: 'PayStream',
    methods: [
      { id: 'prod-key', label: 'Production key', flow: 'form', parts: [{ scheme: 'apiKey', placement: { in: 'header', name: 'X-API-Key' } }] },
      { id: 'sandbox-key', label: 'Sandbox key', flow: 'form', parts: [{ scheme: 'apiKey', placement: { in: 'header', name: 'X-API-Key' } }] },
      { id: 'basic', flow: 'form', parts: [{ scheme: 'basic' }] },
    ],
    connectionFields: [
      { name: 'name', label: 'Connection name', role: 'connectionName', defaultValue: 'PayStream – Ada Lovelace' },
      { name: 'baseUrl', label: 'Base URL', role: 'baseUrl', required: false, help: 'Leave empty for `https://api.paystream.test`.' },
    ],
  },
]
