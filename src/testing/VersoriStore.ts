import { ulid } from './ulid'
import type { VersoriTemplate } from './versoriTemplates'

/** One credential of a connection, as the mock answers it (secrets blanked, as Versori does). */
export interface VersoriConnectionCredential {
  id: string
  /** The template's config it was made with, as the kit echoed it. */
  authSchemeConfig: { type: string } & Record<string, unknown>
  /** `errors` empty: checked and working; absent: not checked yet. */
  credential: { id: string; organisationId: string; type: string; data: Record<string, unknown>; errors?: string[] }
}

/** A connection in Versori's `Connection` shape, as the mock answers it. */
export interface VersoriConnection {
  id: string
  /** Unique among the template's connections. */
  name: string
  /** One per part of the sign-in method. */
  credentials: VersoriConnectionCredential[]
  /** The person's override of the template's base URL, if any. */
  baseUrl?: string
  /** ISO 8601. */
  createdAt: string
  /** ISO 8601; later than before on every update. */
  updatedAt: string
  /** The template's `id`. */
  systemId: string
  connectionTemplateId: string
}

/** A connection to start with; credentials for the template's first config are made up. */
export interface VersoriSeed {
  /** The template, by `connectionTemplateId` or name. */
  template: string
  /** The end user it belongs to. @default none (organisation-wide) */
  externalId?: string
  /** @default "<template name> – <externalId>" */
  name?: string
  /** Each credential's `errors`: `[]` working, some refused. @default undefined (not checked yet) */
  errors?: string[]
  /** @default now */
  createdAt?: string
  /** @default `createdAt` */
  updatedAt?: string
}

/** What a stored credential of each config is, for seeds: the credential type a sign-in of that config leaves. */
const SEED_TYPES: Record<string, string> = { none: 'none', 'api-key': 'string', secret: 'string', hmac: 'string', 'basic-auth': 'basic-auth', 'jwt-bearer': 'binary', certificate: 'certificate' }
const OAUTH2_SEED_TYPES: Record<string, string> = { clientCredentials: 'oauth2-client', password: 'oauth2-password', authorizationCode: 'oauth2-token' }

/** The credential type a sign-in with `config` leaves stored (a code becomes a token). */
function storedType(config: VersoriConnectionCredential['authSchemeConfig']): string {
  if (config.type === 'oauth2') return OAUTH2_SEED_TYPES[(config.oauth2 as { grant?: { type?: string } } | undefined)?.grant?.type ?? ''] ?? 'oauth2-token'
  if (config.type === 'oauth1') return (config.oauth1 as { tokenAuth?: boolean } | undefined)?.tokenAuth === true ? 'oauth1-token' : 'oauth1'
  return SEED_TYPES[config.type] ?? 'none'
}

/** The mock Versori platform's connections, in creation order, each with the end user it belongs to. */
export class VersoriStore {
  private readonly entries: { connection: VersoriConnection; externalId?: string }[] = []

  constructor(
    private readonly templates: VersoriTemplate[],
    private readonly organisationId: string,
  ) {}

  /** Adds a connection for an end user (`undefined`: organisation-wide). */
  add(connection: VersoriConnection, externalId?: string): VersoriConnection {
    this.entries.push({ connection, ...(externalId !== undefined ? { externalId } : {}) })
    return connection
  }

  /** Adds a seeded connection, with stand-in credentials for its template's first config. */
  seed(seed: VersoriSeed): VersoriConnection {
    const template = this.templates.find((candidate) => candidate.connectionTemplateId === seed.template || candidate.name === seed.template)
    if (!template) throw new Error(`Plugboard testing: no Versori template "${seed.template}" to seed.`)
    const config = template.authSchemeConfigs[0] ?? { type: 'none' }
    const credential = { id: ulid(), organisationId: this.organisationId, type: storedType(config), data: {}, ...(seed.errors ? { errors: [...seed.errors] } : {}) }
    const createdAt = seed.createdAt ?? new Date().toISOString()
    return this.add(
      {
        id: ulid(),
        name: seed.name ?? `${template.name} – ${seed.externalId ?? 'static'}`,
        credentials: [{ id: ulid(), authSchemeConfig: config, credential }],
        createdAt,
        updatedAt: seed.updatedAt ?? createdAt,
        systemId: template.id,
        connectionTemplateId: template.connectionTemplateId,
      },
      seed.externalId,
    )
  }

  get(id: string): VersoriConnection | undefined {
    return this.entries.find((entry) => entry.connection.id === id)?.connection
  }

  /** The connections of an end user (all, when `endUserId` is undefined), of one system if given. */
  list(filter: { endUserId?: string; systemId?: string } = {}): VersoriConnection[] {
    return this.entries
      .filter((entry) => (filter.endUserId === undefined || entry.externalId === filter.endUserId) && (!filter.systemId || entry.connection.systemId === filter.systemId))
      .map((entry) => entry.connection)
  }

  /** Whether another connection of the template has this name. */
  nameTaken(connectionTemplateId: string, name: string, exceptId?: string): boolean {
    return this.entries.some(({ connection }) => connection.connectionTemplateId === connectionTemplateId && connection.name === name && connection.id !== exceptId)
  }

  clear(): void {
    this.entries.length = 0
  }
}
