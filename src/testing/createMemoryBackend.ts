import type { Connection, ConnectBackend, ConnectionInput, ConnectScope, Credentials } from '../model/ConnectBackend'
import { ConnectError } from '../model/ConnectError'
import type { ProviderSpec } from '../model/ProviderSpec'
import { MemorySignIns } from './MemorySignIns'

/** The backend methods a memory backend records and can fail. */
export type MemoryMethod =
  | 'getProvider'
  | 'listProviders'
  | 'listConnections'
  | 'getConnection'
  | 'createConnection'
  | 'updateConnection'
  | 'deleteConnection'
  | 'startOAuth'
  | 'startSteps'

/** A call the memory backend received. */
export interface MemoryCall {
  /** The backend method called. */
  method: MemoryMethod
  /** The provider asked for (`getProvider`), or the input's. */
  provider?: string
  /** Who connects, for the methods that take a scope. */
  scope?: ConnectScope
  /** What the person entered, for saves and sign-ins. */
  input?: ConnectionInput
  /** The connection read, updated, deleted or re-authorized. */
  connectionId?: string
}

/** A fault switch: what the next calls of one method meet. */
export interface MemoryFault {
  /** Fail with this error (after any delay). */
  error?: ConnectError
  /** Wait this long first. */
  delayMs?: number
  /** Only the next N calls. @default every call until `clearFaults()` */
  times?: number
}

/** A connection to start with: a provider, and whatever else it should say (the rest gets defaults). */
export type MemorySeed = Partial<Connection> & { provider: string }

/** Options of {@link createMemoryBackend}. */
export interface MemoryBackendOptions {
  /** The providers it knows, as the kit's neutral model. */
  providers: ProviderSpec[]
  /** Connections in it from the start: `working`, made now, with the provider's first scheme, unless they say otherwise. @default [] */
  connections?: MemorySeed[]
  /**
   * How many pages a multi-step (`steps`) sign-in shows before the connection exists, by provider.
   * @default 1 when the person typed nothing (an admin consent), 0 when they did (inputs exchanged at once)
   */
  stepPages?: Record<string, number>
  /** The backend's id (query keys). @default a new `memory-<n>` per backend */
  id?: string
  /** The category each provider is listed under (`listProviders`), by provider id. @default none */
  categories?: Record<string, string>
}

let backends = 0

/** The value a credential carries in each of its fields, keyed as the form names them (`password`, `params.realm`). */
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

const aborted = (signal?: AbortSignal) => signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError')

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(aborted(signal))
  if (ms <= 0) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(aborted(signal))), { once: true })
  })
}

/**
 * A `ConnectBackend` in memory, for tests and stories of a settings page. Like a platform, it
 * refuses a credential value of `wrong` with an error under its field, and a connection `name`
 * already taken under that field. It records every call, has fault switches per method and a
 * delay for saves, and completes OAuth and multi-step sign-ins on the test's word (`completeOAuth`,
 * with {@link mockSignInWindows}).
 *
 * @example
 * const memory = createMemoryBackend({ providers: [toProviderSpec(ampersandCatalog.openAI)] })
 * render(<ConnectProvider backend={memory.backend} groupRef="acme" consumerRef="ada"><ConnectButton provider="openAI" /></ConnectProvider>)
 * // … type a key, click Connect …
 * expect(memory.saved[0]?.credentials).toEqual([{ scheme: 'apiKey', apiKey: 'sk-test' }])
 */
export function createMemoryBackend(options: MemoryBackendOptions) {
  const calls: MemoryCall[] = []
  const connections: Connection[] = []
  const faults = new Map<MemoryMethod, MemoryFault>()
  const signIns = new MemorySignIns()
  let delayMs = 0
  let nextFailure: ConnectError | undefined
  let connectionCount = 0
  const stamp = () => new Date().toISOString()

  const specOf = (id: string) => {
    const spec = options.providers.find((candidate) => candidate.id === id)
    if (!spec) throw new ConnectError('http', `No provider ${id}.`, { status: 404 })
    return spec
  }
  const methodOf = (input: ConnectionInput) => {
    const spec = specOf(input.provider)
    return (input.methodId ? spec.methods.find((method) => method.id === input.methodId) : undefined) ?? spec.methods[0]
  }

  function add(seed: MemorySeed): Connection {
    const spec = options.providers.find((candidate) => candidate.id === seed.provider)
    const connection: Connection = {
      id: `mem-${++connectionCount}`,
      authScheme: spec?.methods[0]?.parts[0]?.scheme ?? 'none',
      status: 'working',
      createTime: stamp(),
      ...seed,
    }
    connections.push(connection)
    return connection
  }
  for (const seed of options.connections ?? []) add(seed)

  /** Records a call, then applies its fault switch (delay, then error). */
  async function enter(call: MemoryCall, signal?: AbortSignal): Promise<void> {
    calls.push(call)
    const fault = faults.get(call.method)
    if (!fault) return
    if (fault.times !== undefined && --fault.times <= 0) faults.delete(call.method)
    await wait(fault.delayMs ?? 0, signal)
    if (fault.error) throw fault.error
  }

  function refusal(input: ConnectionInput, except?: Connection): ConnectError | undefined {
    const fieldErrors: Record<string, string> = {}
    input.credentials.forEach((credentials, index) => {
      for (const [field, value] of Object.entries(fieldsOf(credentials))) {
        if (value === 'wrong') fieldErrors[`credentials.${index}.${field}`] = 'The provider refused this value.'
      }
    })
    const name = input.connection?.name
    if (name && connections.some((connection) => connection !== except && connection.provider === input.provider && connection.name === name)) {
      fieldErrors['connection.name'] = 'A connection with this name already exists.'
    }
    if (Object.keys(fieldErrors).length === 0) return undefined
    return new ConnectError('http', 'The provider refused these credentials.', { status: 422, fieldErrors, detail: 'The provider refused these credentials.', requestId: 'mem-req-1' })
  }

  /** Makes or refreshes the connection an input describes. */
  function keep(scope: ConnectScope, input: ConnectionInput, existing?: Connection): Connection {
    const authScheme = input.credentials[0]?.scheme ?? methodOf(input)?.parts[0]?.scheme ?? 'none'
    const methodId = input.methodId ?? existing?.methodId
    if (existing) {
      Object.assign(existing, { updateTime: stamp(), status: 'working', authScheme }, input.connection?.name ? { name: input.connection.name } : {}, methodId ? { methodId } : {})
      return { ...existing }
    }
    return {
      ...add({
        provider: input.provider,
        authScheme,
        status: 'created',
        ...(methodId ? { methodId } : {}),
        ...(scope.groupRef ? { groupRef: scope.groupRef } : {}),
        consumerRef: scope.consumerRef,
        ...(input.connection?.name ? { name: input.connection.name } : {}),
      }),
    }
  }

  async function save(scope: ConnectScope, input: ConnectionInput, existing: Connection | undefined, signal?: AbortSignal): Promise<Connection> {
    await wait(delayMs, signal)
    const failure = nextFailure ?? refusal(input, existing)
    nextFailure = undefined
    if (failure) throw failure
    return keep(scope, input, existing)
  }

  const find = (connectionId: string) => connections.find((connection) => connection.id === connectionId)
  const visible = (connection: Connection, scope: ConnectScope) =>
    (!connection.groupRef || !scope.groupRef || connection.groupRef === scope.groupRef) && (!connection.consumerRef || connection.consumerRef === scope.consumerRef)

  /** The connection a `steps` sign-in refreshes: the consumer's existing one to the provider. */
  const stepsTarget = (scope: ConnectScope, provider: string) => connections.find((connection) => connection.provider === provider && visible(connection, scope))

  const backend: ConnectBackend = {
    id: options.id ?? `memory-${++backends}`,
    async getProvider(id, signal) {
      await enter({ method: 'getProvider', provider: id }, signal)
      return specOf(id)
    },
    async listProviders(signal) {
      await enter({ method: 'listProviders' }, signal)
      return options.providers.map((spec) => {
        const category = options.categories?.[spec.id]
        return { id: spec.id, displayName: spec.displayName, ...(spec.iconUrl ? { iconUrl: spec.iconUrl } : {}), ...(category ? { category } : {}), spec }
      })
    },
    async listConnections(scope, filter, signal) {
      await enter({ method: 'listConnections', scope }, signal)
      return connections.filter((connection) => visible(connection, scope) && (!filter?.provider || connection.provider === filter.provider)).map((connection) => ({ ...connection }))
    },
    async getConnection(connectionId, signal) {
      await enter({ method: 'getConnection', connectionId }, signal)
      const found = find(connectionId)
      if (!found) throw new ConnectError('http', 'No such connection.', { status: 404 })
      return { ...found }
    },
    async createConnection(scope, input, signal?: AbortSignal) {
      await enter({ method: 'createConnection', provider: input.provider, scope, input }, signal)
      return save(scope, input, undefined, signal)
    },
    async updateConnection(scope, connectionId, input, signal?: AbortSignal) {
      await enter({ method: 'updateConnection', provider: input.provider, scope, input, connectionId }, signal)
      const existing = find(connectionId)
      if (!existing) throw new ConnectError('http', 'No such connection.', { status: 404 })
      return save(scope, input, existing, signal)
    },
    async deleteConnection(connectionId, signal?: AbortSignal) {
      await enter({ method: 'deleteConnection', connectionId }, signal)
      await wait(delayMs, signal)
      const index = connections.findIndex((connection) => connection.id === connectionId)
      if (index >= 0) connections.splice(index, 1)
    },
    async startOAuth(scope, input, connectionId, signal?: AbortSignal) {
      await enter({ method: 'startOAuth', provider: input.provider, scope, input, ...(connectionId ? { connectionId } : {}) }, signal)
      await wait(delayMs, signal)
      specOf(input.provider)
      return signIns.begin('oauth', scope, input, 1, connectionId)
    },
    async startSteps(scope, input, signal?: AbortSignal) {
      await enter({ method: 'startSteps', provider: input.provider, scope, input }, signal)
      await wait(delayMs, signal)
      specOf(input.provider)
      const failure = refusal(input)
      if (failure) throw failure
      const typed = input.credentials.some((credentials) => Object.keys(fieldsOf(credentials)).length > 0)
      const pages = options.stepPages?.[input.provider] ?? (typed ? 0 : 1)
      if (pages <= 0) return { kind: 'connection', connection: keep(scope, input, stepsTarget(scope, input.provider)) }
      return signIns.begin('steps', scope, input, pages)
    },
  }

  return {
    /** The backend to pass to `ConnectProvider`. */
    backend,
    /** Every call received, oldest first. */
    calls,
    /** The connections it holds, live. */
    connections,
    /** The inputs of every create or update call, oldest first. */
    get saved(): ConnectionInput[] {
      return calls.filter((call) => call.method === 'createConnection' || call.method === 'updateConnection').map((call) => call.input!)
    },
    /** Sign-ins waiting for the test's `completeOAuth`, oldest first: their provider and the page their window shows (empty between pages). */
    get pendingSignIns(): { provider: string; url: string }[] {
      return signIns.pending
    },
    /** Makes saves, deletes and sign-in starts wait this long (pending states). */
    setDelay(ms: number) {
      delayMs = ms
    },
    /** The next create or update fails with this error. */
    failNext(error: ConnectError) {
      nextFailure = error
    },
    /** Switches a fault on for one method: an error, a delay, or both, for every call or the next `times`. */
    fail(method: MemoryMethod, fault: ConnectError | MemoryFault) {
      faults.set(method, fault instanceof ConnectError ? { error: fault } : { ...fault })
    },
    /** Switches every fault off (and forgets `failNext`). */
    clearFaults() {
      faults.clear()
      nextFailure = undefined
    },
    /**
     * Answers the newest pending sign-in (of `provider`, if given) as the provider's page would:
     * approved, it makes (or, on a reconnect, refreshes) the connection; refused, the kit shows
     * `reason`. A multi-step sign-in moves to its next page, or finishes on its last. Waits for the
     * kit to open the page; needs {@link mockSignInWindows}. Resolves to the connection the
     * sign-in finished with, if it did.
     */
    completeOAuth(answer: { approve?: boolean; provider?: string; reason?: string } = {}): Promise<Connection | undefined> {
      return signIns.complete(answer, {
        // The connection an approved sign-in leaves: a reconnect's, the consumer's existing one for a `steps` sign-in, or a new one.
        finish: (signIn) => keep(signIn.scope, signIn.input, signIn.connectionId ? find(signIn.connectionId) : signIn.kind === 'steps' ? stepsTarget(signIn.scope, signIn.provider) : undefined),
        describe: () => `calls: ${calls.map((call) => call.method).join(', ') || 'none'}`,
      })
    },
  }
}

/** What {@link createMemoryBackend} returns: the backend, and the test's handles on it. */
export type MemoryBackend = ReturnType<typeof createMemoryBackend>
