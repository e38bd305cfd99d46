import { configId, configObject, CREDENTIAL_DATA_KEY, credentialTypesFor, echoedConfig, publicConfig, redactCredential } from './credentialRules'
import type { CredentialType } from './credentialRules'
import type { ConnectionTemplate, StoredConnection, StoredCredential, VersoriSeedConnection } from './model'
import type { WireAuthSchemeConfig } from './types'
import { newUlid } from './ulid'

/** The contract's `Connection`, as the API returns it: secrets redacted, owner left out. */
export function publicConnection(connection: StoredConnection) {
  return {
    id: connection.id,
    name: connection.name,
    credentials: connection.credentials.map((entry) => ({ id: entry.id, authSchemeConfig: publicConfig(entry.authSchemeConfig), credential: redactCredential(entry.credential) })),
    ...(connection.baseUrl ? { baseUrl: connection.baseUrl } : {}),
    createdAt: connection.createdAt,
    updatedAt: connection.updatedAt,
    systemId: connection.systemId,
    connectionTemplateId: connection.connectionTemplateId,
  }
}

/** A connection in the API's shape. */
export type PublicConnection = ReturnType<typeof publicConnection>

/** Whether a config is the one a credential names: by id, or by type for `secret`/`jwt-bearer` (no id). */
export function sameConfig(a: WireAuthSchemeConfig, b: WireAuthSchemeConfig): boolean {
  return a.type === b.type && configId(a) === configId(b)
}

/**
 * The configs of a template's default method: its first config, joined by its first certificate
 * config when that is an `oauth2` config with `mtlsEnabled` (a two-part method).
 */
export function defaultMethod(template: ConnectionTemplate): WireAuthSchemeConfig[] {
  const [first] = template.authSchemeConfigs
  if (!first) return []
  if (first.type === 'oauth2' && configObject(first)?.mtlsEnabled === true) {
    const certificate = template.authSchemeConfigs.find((config) => config.type === 'certificate')
    return certificate ? [first, certificate] : [first]
  }
  return [first]
}

const PEM = (label: string) => `-----BEGIN ${label}-----\nc2VlZGVk\n-----END ${label}-----\n`

/** Stand-in data of the type a config stores (a code is stored as a token). */
function seededData(config: WireAuthSchemeConfig, type: CredentialType): Record<string, unknown> {
  const body = configObject(config) ?? {}
  const defaultScopes = Array.isArray(body.defaultScopes) ? (body.defaultScopes as string[]) : []
  switch (type) {
    case 'none':
      return {}
    case 'string':
      return { value: 'seeded' }
    case 'binary':
      return { valueBase64: btoa('seeded') }
    case 'basic-auth':
    case 'oauth2-password':
      return { username: 'ada', password: 'seeded' }
    case 'oauth2-client':
      return { clientId: 'seeded-client', clientSecret: 'seeded', tokenUrl: String(body.tokenUrl), scopes: defaultScopes }
    case 'oauth2-code':
    case 'oauth2-token':
      return { scopes: defaultScopes, accessToken: 'seeded', refreshToken: 'seeded', tokenType: 'Bearer' }
    case 'oauth1':
      return { oauthToken: 'seeded', oauthVerifier: 'seeded', state: 'seeded' }
    case 'oauth1-token':
      return { token: 'seeded', tokenSecret: 'seeded', additionalParams: [] }
    case 'certificate':
      return { certificate: PEM('CERTIFICATE'), key: PEM('PRIVATE KEY'), ca: PEM('CERTIFICATE') }
  }
}

/** The platform's in-memory connections, in creation order. */
export class VersoriStore {
  private connections = new Map<string, StoredConnection>()

  /** Connections matching the filters (`externalId: null` = organisation-wide ones only). */
  list(filter: { externalId?: string | null; systemId?: string } = {}): StoredConnection[] {
    return [...this.connections.values()].filter(
      (c) =>
        (filter.externalId === undefined || (filter.externalId === null ? c.externalId === undefined : c.externalId === filter.externalId)) &&
        (filter.systemId === undefined || c.systemId === filter.systemId),
    )
  }

  /** One connection, or undefined. */
  get(id: string): StoredConnection | undefined {
    return this.connections.get(id)
  }

  /** Stores a connection (new or changed). */
  put(connection: StoredConnection): StoredConnection {
    this.connections.set(connection.id, connection)
    return connection
  }

  /** Removes a connection; false when there was none. */
  delete(id: string): boolean {
    return this.connections.delete(id)
  }

  /** Removes every connection. */
  clear() {
    this.connections.clear()
  }

  /** Whether another connection of the template already has this name. */
  nameTaken(connectionTemplateId: string, name: string, exceptId?: string): boolean {
    return [...this.connections.values()].some((c) => c.connectionTemplateId === connectionTemplateId && c.name === name && c.id !== exceptId)
  }

  /** Adds seeded connections with stand-in credentials; unknown templates throw. */
  seed(seeds: VersoriSeedConnection[], templates: ConnectionTemplate[], organisationId: string): StoredConnection[] {
    return seeds.map((seed) => {
      const template = templates.find((t) => t.connectionTemplateId === seed.template || t.name === seed.template)
      if (!template) throw new Error(`Plugboard Versori platform: no template "${seed.template}" to seed.`)
      const configs = seed.configs
        ? seed.configs.map((id) => {
            const found = template.authSchemeConfigs.find((config) => configId(config) === id || (!configId(config) && config.type === id))
            if (!found) throw new Error(`Plugboard Versori platform: template "${template.name}" has no config "${id}".`)
            return found
          })
        : defaultMethod(template)
      const credentials: StoredCredential[] = configs.map((config) => {
        const type = credentialTypesFor(config).at(-1)!
        return {
          id: newUlid(),
          authSchemeConfig: echoedConfig(config),
          credential: {
            id: newUlid(),
            organisationId,
            type,
            data: { [CREDENTIAL_DATA_KEY[type]]: seededData(config, type) },
            ...(seed.errors ? { errors: [...seed.errors] } : {}),
          },
        }
      })
      const createdAt = seed.createdAt ?? new Date().toISOString()
      return this.put({
        id: newUlid(Date.parse(createdAt)),
        name: seed.name ?? `${template.name} – ${seed.externalId ?? 'static'}`,
        baseUrl: seed.baseUrl ?? '',
        createdAt,
        updatedAt: seed.updatedAt ?? createdAt,
        systemId: template.id,
        connectionTemplateId: template.connectionTemplateId,
        ...(seed.externalId !== undefined ? { externalId: seed.externalId } : {}),
        credentials,
      })
    })
  }
}

/** One page of a list, by cursor: the cursor is the id of the item before (`after`) or after (`before`). */
export function paginate<T extends { id: string }>(
  items: T[],
  query: { first: number; after?: string; before?: string },
): { ok: true; page: { totalCount: number; items: T[]; next?: string; prev?: string } } | { ok: false; field: 'after' | 'before' } {
  let start = 0
  let end = items.length
  if (query.after !== undefined) {
    const index = items.findIndex((item) => item.id === query.after)
    if (index < 0) return { ok: false, field: 'after' }
    start = index + 1
  }
  if (query.before !== undefined) {
    const index = items.findIndex((item) => item.id === query.before)
    if (index < 0) return { ok: false, field: 'before' }
    end = index
    if (query.after === undefined) start = Math.max(0, end - query.first)
  }
  const slice = items.slice(start, Math.min(end, start + query.first))
  const last = start + slice.length
  return {
    ok: true,
    page: {
      totalCount: items.length,
      items: slice,
      ...(last < items.length && slice.length ? { next: slice.at(-1)!.id } : {}),
      ...(start > 0 && slice.length ? { prev: slice[0]!.id } : {}),
    },
  }
}
