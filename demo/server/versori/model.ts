import type { WireAuthSchemeConfig, WireCredential } from './types'

/** A connection template as ListProjectConnectionTemplates returns it (contract `ConnectionTemplate`). */
export interface ConnectionTemplate {
  /** The system's id (what InitialiseOAuth2Connection's `system_id` names). */
  id: string
  /** The template's own id (what CreateConnection's `connectionTemplateId` names). */
  connectionTemplateId: string
  name: string
  domain: string
  dynamic: boolean
  templateBaseUrl: string
  authSchemeConfigs: WireAuthSchemeConfig[]
}

/** One credential of a stored connection: secrets and tokens kept, redacted only on the way out. */
export interface StoredCredential {
  id: string
  authSchemeConfig: WireAuthSchemeConfig
  credential: WireCredential
}

/** A connection as the platform stores it (contract `Connection` plus its owner). */
export interface StoredConnection {
  id: string
  name: string
  baseUrl: string
  createdAt: string
  updatedAt: string
  /** The template's system id. */
  systemId: string
  connectionTemplateId: string
  /** The end user it belongs to; undefined for an organisation-wide (static) connection. */
  externalId?: string
  credentials: StoredCredential[]
}

/** A connection to put in the store from the start (demo, tests, stories). */
export interface VersoriSeedConnection {
  /** The template, by `connectionTemplateId` or by name. */
  template: string
  /** The end user it belongs to. @default none (organisation-wide) */
  externalId?: string
  /** @default "<template name> – <externalId or 'static'>" */
  name?: string
  /** @default '' */
  baseUrl?: string
  /** `credential.errors` of each credential: `[]` working, non-empty refused. @default undefined (never checked) */
  errors?: string[]
  /** Which auth scheme configs it uses, by id (`secret`/`jwt-bearer` by type). @default the template's first method */
  configs?: string[]
  createdAt?: string
  updatedAt?: string
}
