import providers from '../../contracts/ampersand/providers.json' with { type: 'json' }

/** A provider's catalog entry (only what the platform reads; the rest is served as is). */
export interface CatalogEntry {
  name: string
  displayName?: string
  authType: string
  oauth2Opts?: { grantType?: string }
}

/**
 * A provider of the demo's own, since no real catalog entry uses a `fieldTypeSelect` input: the
 * demo shows a custom form with a select through it.
 */
const acmeErp = {
  name: 'acmeErp',
  displayName: 'Acme ERP',
  authType: 'custom',
  baseURL: 'https://{{.environment}}.erp.acme.example',
  defaultModule: '',
  customOpts: {
    headers: [{ name: 'Authorization', valueTemplate: 'Token {{ .apiToken }}' }],
    inputs: [
      {
        name: 'environment',
        displayName: 'Environment',
        fieldType: 'fieldTypeSelect',
        options: [
          { value: 'prod', label: 'Production' },
          { value: 'sandbox', label: 'Sandbox' },
        ],
        prompt: 'Which Acme ERP environment to connect.',
      },
      { name: 'apiToken', displayName: 'API token', fieldType: 'fieldTypePassword', prompt: 'Settings → API → Tokens in Acme ERP.' },
    ],
  },
  support: { bulkWrite: { delete: false, insert: false, update: false, upsert: false }, delete: false, proxy: true, read: true, search: { operators: { equals: false } }, subscribe: false, write: false },
}

/**
 * Another of the demo's own: a multi-step custom sign-in that takes an input and then sends the
 * person to a consent page (no real catalog entry does both), so the form-then-window path runs.
 */
const acmeSso = {
  name: 'acmeSso',
  displayName: 'Acme SSO',
  authType: 'custom',
  baseURL: 'https://{{.domain}}.sso.acme.example',
  defaultModule: '',
  customOpts: {
    multiStep: true,
    inputs: [{ name: 'domain', displayName: 'Company domain', fieldType: 'fieldTypeText', prompt: 'The domain your team signs in with, e.g. acme.com.' }],
  },
  support: acmeErp.support,
}

/** The real catalog fixtures, keyed by provider name, plus the demo's own `acmeErp` and `acmeSso`. */
export const catalog = { ...(providers as unknown as Record<string, CatalogEntry>), acmeErp, acmeSso } as Record<string, CatalogEntry>

/** OAuth tokens kept for a connection; never sent to the browser. */
export interface StoredTokens {
  accessToken: { token: string; issuedAt: string; expiresAt?: string }
  refreshToken?: { token: string; issuedAt: string }
  scopes: string[]
}

/** A connection as the platform stores it (Ampersand's `Connection` shape plus secrets). */
export interface StoredConnection {
  id: string
  projectId: string
  provider: string
  group: { groupRef: string; groupName: string; projectId: string; createTime: string }
  consumer: { consumerRef: string; consumerName: string; projectId: string; createTime: string }
  providerWorkspaceRef?: string
  providerMetadata?: Record<string, { value: string; source: 'input' | 'token' | 'provider' }>
  createTime: string
  updateTime?: string
  authScheme: string
  status: 'created' | 'working' | 'bad_credentials'
  /** Credentials as received; kept server-side only. */
  secrets?: Record<string, unknown>
  tokens?: StoredTokens
}

/** The scheme a provider's catalog entry implies, as `Connection.authScheme` names it. */
export function schemeOf(provider: string): string {
  const entry = catalog[provider]
  if (!entry) return 'none'
  if (entry.authType === 'oauth2') return `oauth2/${entry.oauth2Opts?.grantType ?? 'authorizationCode'}`
  return entry.authType
}

/** What the API returns for a connection: its public fields, never secrets or tokens. */
export function publicConnection(connection: StoredConnection) {
  const { secrets: _secrets, tokens: _tokens, ...rest } = connection
  return rest
}

/** Input for {@link ConnectionStore.create}. */
export interface NewConnection {
  provider: string
  groupRef: string
  groupName?: string
  consumerRef: string
  consumerName?: string
  authScheme?: string
  status?: StoredConnection['status']
  providerWorkspaceRef?: string
  providerMetadata?: StoredConnection['providerMetadata']
  secrets?: Record<string, unknown>
  tokens?: StoredTokens
  createTime?: string
  updateTime?: string
}

/** The platform's in-memory connections for one project. */
export class ConnectionStore {
  private connections = new Map<string, StoredConnection>()

  constructor(readonly projectId: string) {}

  /** Every connection matching the filters. */
  list(filter: { groupRef?: string; consumerRef?: string; provider?: string } = {}): StoredConnection[] {
    return [...this.connections.values()].filter(
      (c) =>
        (!filter.groupRef || c.group.groupRef === filter.groupRef) &&
        (!filter.consumerRef || c.consumer.consumerRef === filter.consumerRef) &&
        (!filter.provider || c.provider === filter.provider),
    )
  }

  /** One connection, or undefined. */
  get(id: string): StoredConnection | undefined {
    return this.connections.get(id)
  }

  /** Creates a connection, replacing the consumer's existing one for the same provider. */
  create(input: NewConnection): StoredConnection {
    for (const existing of this.list({ groupRef: input.groupRef, consumerRef: input.consumerRef, provider: input.provider })) {
      this.connections.delete(existing.id)
    }
    const now = input.createTime ?? new Date().toISOString()
    const connection: StoredConnection = {
      id: globalThis.crypto.randomUUID(),
      projectId: this.projectId,
      provider: input.provider,
      group: { groupRef: input.groupRef, groupName: input.groupName ?? input.groupRef, projectId: this.projectId, createTime: now },
      consumer: { consumerRef: input.consumerRef, consumerName: input.consumerName ?? input.consumerRef, projectId: this.projectId, createTime: now },
      ...(input.providerWorkspaceRef ? { providerWorkspaceRef: input.providerWorkspaceRef } : {}),
      ...(input.providerMetadata ? { providerMetadata: input.providerMetadata } : {}),
      createTime: now,
      ...(input.updateTime ? { updateTime: input.updateTime } : {}),
      authScheme: input.authScheme ?? schemeOf(input.provider),
      status: input.status ?? 'created',
      secrets: input.secrets,
      tokens: input.tokens,
    }
    this.connections.set(connection.id, connection)
    return connection
  }

  /** Applies changes and stamps `updateTime`. */
  update(id: string, changes: Partial<StoredConnection>): StoredConnection | undefined {
    const connection = this.connections.get(id)
    if (!connection) return undefined
    Object.assign(connection, changes, { updateTime: new Date().toISOString() })
    return connection
  }

  /** Removes every connection. */
  clear() {
    this.connections.clear()
  }

  /** Removes a connection; false when there was none. */
  delete(id: string): boolean {
    return this.connections.delete(id)
  }
}

/** The demo's starting point: a handful of connections in mixed statuses for the demo user. */
export function seedDemoConnections(store: ConnectionStore, groupRef: string, consumerRef: string) {
  const who = { groupRef, groupName: 'Acme Inc.', consumerRef, consumerName: 'Ada Lovelace' }
  store.create({ ...who, provider: 'salesforce', status: 'working', providerWorkspaceRef: 'acme', createTime: '2026-09-02T14:12:00Z', updateTime: '2026-11-20T08:30:00Z' })
  store.create({ ...who, provider: 'mailgun', status: 'working', secrets: { basicAuth: { username: 'api', password: 'seeded' } }, createTime: '2026-03-30T12:00:00Z' })
  store.create({ ...who, provider: 'openAI', status: 'bad_credentials', secrets: { apiKey: 'seeded' }, createTime: '2026-06-11T09:00:00Z', updateTime: '2026-11-18T16:45:00Z' })
}
