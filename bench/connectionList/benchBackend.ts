import type { Connection, ConnectBackend, ProviderSpec } from '../../src/index'

/** Twelve providers of the three kinds a list holds: API key and basic forms, and OAuth windows. */
export const benchProviders: ProviderSpec[] = Array.from({ length: 12 }, (_, index) => {
  const id = `acme-${index}`
  const displayName = `Acme ${['CRM', 'Mail', 'Books', 'Chat', 'Docs', 'Drive', 'Ads', 'Pay', 'Desk', 'Ship', 'HR', 'Wiki'][index]}`
  const kind = index % 3
  return {
    id,
    displayName,
    methods:
      kind === 0
        ? [{ id: 'apiKey', flow: 'form' as const, parts: [{ scheme: 'apiKey' as const }] }]
        : kind === 1
          ? [{ id: 'basic', flow: 'form' as const, parts: [{ scheme: 'basic' as const }] }]
          : [{ id: 'oauth', flow: 'popup' as const, parts: [{ scheme: 'oauth2/authorizationCode' as const, pkce: true }] }],
    connectionFields: [],
  }
})

const schemes = ['apiKey', 'basic', 'oauth2/authorizationCode'] as const
const statuses = ['working', 'created', 'bad_credentials'] as const

/** `count` connections spread over the providers, with names, workspaces and times like a real list. */
export function benchConnections(count: number): Connection[] {
  const start = Date.UTC(2026, 0, 1)
  return Array.from({ length: count }, (_, index) => {
    const provider = index % benchProviders.length
    return {
      id: `conn-${index}`,
      provider: benchProviders[provider]!.id,
      authScheme: schemes[provider % 3]!,
      status: statuses[index % 3]!,
      createTime: new Date(start + index * 3_600_000).toISOString(),
      ...(index % 2 === 0 ? { updateTime: new Date(start + index * 3_600_000 + 86_400_000).toISOString() } : {}),
      ...(index % 4 === 0 ? { name: `Workspace ${index}` } : {}),
      ...(index % 5 === 0 ? { providerWorkspaceRef: `team-${index}` } : {}),
      groupRef: 'group-1',
      consumerRef: 'consumer-1',
    }
  })
}

/**
 * A `ConnectBackend` answering from memory at once, so the benchmark times the kit's rendering and
 * not a network. Writes are never called by a first paint; they answer so the type is complete.
 */
export function benchBackend(connections: Connection[]): ConnectBackend {
  const provider = (id: string) => {
    const spec = benchProviders.find((candidate) => candidate.id === id)
    if (!spec) throw new Error(`No provider ${id}.`)
    return spec
  }
  return {
    id: 'bench',
    getProvider: async (id) => provider(id),
    listConnections: async (_scope, filter) => connections.filter((c) => !filter?.provider || c.provider === filter.provider),
    getConnection: async (id) => connections.find((c) => c.id === id)!,
    createConnection: async () => connections[0]!,
    updateConnection: async (_scope, id) => connections.find((c) => c.id === id)!,
    deleteConnection: async () => undefined,
    startOAuth: async () => ({ kind: 'redirect', url: 'about:blank', protocol: { origin: location.origin, read: () => undefined } }),
  }
}
