import type { ProviderInfo } from '../backends/ampersand/catalog'

/** A connection in Ampersand's `Connection` shape, as the mock answers it. */
export interface AmpersandConnection {
  id: string
  projectId: string
  /** The catalog entry's name. */
  provider: string
  /** The host's organisation (`groupRef`), as the kit sent it. */
  group: { groupRef: string; groupName: string; projectId: string; createTime: string }
  /** The host's user (`consumerRef`), as the kit sent it. */
  consumer: { consumerRef: string; consumerName: string; projectId: string; createTime: string }
  providerWorkspaceRef?: string
  providerMetadata?: Record<string, { value: string; source: string }>
  /** `oauth2/authorizationCode`, `apiKey`, `basic`, `custom`… */
  authScheme: string
  status: 'created' | 'working' | 'bad_credentials'
  /** ISO 8601. */
  createTime: string
  /** ISO 8601, once updated or re-authorized. */
  updateTime?: string
}

/** A connection to start with; the rest of its `Connection` gets defaults. */
export interface AmpersandSeed {
  /** The catalog entry's name. */
  provider: string
  /** The organisation it belongs to: the `groupRef` your page gives `ConnectProvider`. */
  groupRef: string
  /** The person it belongs to: the `consumerRef` your page gives `ConnectProvider`. */
  consumerRef: string
  /** @default 'working' */
  status?: AmpersandConnection['status']
  /** @default the catalog entry's scheme */
  authScheme?: string
  providerWorkspaceRef?: string
  createTime?: string
  updateTime?: string
}

type Body = Record<string, unknown>

const isObject = (value: unknown): value is Body => value !== null && typeof value === 'object' && !Array.isArray(value)
const stamp = () => new Date().toISOString()

/** The mock Ampersand platform's connections: one per group, consumer and provider, as Ampersand keeps them. */
export class AmpersandStore {
  private readonly connections = new Map<string, AmpersandConnection>()
  private counter = 0

  constructor(
    private readonly catalog: Record<string, ProviderInfo | undefined>,
    private readonly projectId: string,
  ) {}

  /** The scheme a provider's catalog entry implies, as `Connection.authScheme` names it. */
  schemeOf(provider: string): string {
    const entry = this.catalog[provider]
    if (!entry) return 'none'
    if (entry.authType === 'oauth2') return `oauth2/${entry.oauth2Opts?.grantType ?? 'authorizationCode'}`
    return entry.authType
  }

  /** Makes a connection from a request body (or a seed) that names its provider, group and consumer; it replaces theirs. */
  create(input: Body): AmpersandConnection {
    const provider = String(input.provider)
    const groupRef = String(input.groupRef)
    const consumerRef = String(input.consumerRef)
    for (const [id, existing] of this.connections) {
      if (existing.provider === provider && existing.group.groupRef === groupRef && existing.consumer.consumerRef === consumerRef) this.connections.delete(id)
    }
    const now = typeof input.createTime === 'string' ? input.createTime : stamp()
    const { projectId } = this
    const connection: AmpersandConnection = {
      id: `conn-${++this.counter}-${Math.random().toString(36).slice(2, 10)}`,
      projectId,
      provider,
      group: { groupRef, groupName: typeof input.groupName === 'string' ? input.groupName : groupRef, projectId, createTime: now },
      consumer: { consumerRef, consumerName: typeof input.consumerName === 'string' ? input.consumerName : consumerRef, projectId, createTime: now },
      ...(typeof input.providerWorkspaceRef === 'string' ? { providerWorkspaceRef: input.providerWorkspaceRef } : {}),
      ...(isObject(input.providerMetadata) ? { providerMetadata: input.providerMetadata as AmpersandConnection['providerMetadata'] } : {}),
      authScheme: typeof input.authScheme === 'string' ? input.authScheme : this.schemeOf(provider),
      status: (input.status as AmpersandConnection['status'] | undefined) ?? 'working',
      createTime: now,
      ...(typeof input.updateTime === 'string' ? { updateTime: input.updateTime } : {}),
    }
    this.connections.set(connection.id, connection)
    return connection
  }

  /** Marks a connection working again (credentials replaced, or re-authorized), with any changes. */
  refresh(connection: AmpersandConnection, changes: Partial<AmpersandConnection> = {}): AmpersandConnection {
    return Object.assign(connection, changes, { status: 'working', updateTime: stamp() } as const)
  }

  get(id: string): AmpersandConnection | undefined {
    return this.connections.get(id)
  }

  /** The connections matching every filter given. */
  list(filter: { groupRef?: string; consumerRef?: string; provider?: string } = {}): AmpersandConnection[] {
    return [...this.connections.values()].filter(
      (c) => (!filter.groupRef || c.group.groupRef === filter.groupRef) && (!filter.consumerRef || c.consumer.consumerRef === filter.consumerRef) && (!filter.provider || c.provider === filter.provider),
    )
  }

  delete(id: string): void {
    this.connections.delete(id)
  }

  clear(): void {
    this.connections.clear()
  }
}
