// Shared between the reference Versori platform (platform.ts, runs in Node and inside MSW in the
// browser) and the Node-only credential checks (checks.ts). Keep this file free of Node imports.

/** The demo's fixed Versori identities (ULIDs where the contract wants ULIDs). Documented in the README. */
export const VERSORI_DEMO = {
  organisationId: '01JD0RG0000000000000000000',
  projectId: '01JD0PR0000000000000000000',
  environmentId: '01JD0EN0000000000000000000',
  /** An organisation API key, sent as `Authorization: Bearer demo-versori-key`. */
  apiKey: 'demo-versori-key',
  /** The end user the demo app connects as (`externalId` / `end_user_id`). */
  externalId: 'ada',
  /** The OAuth 2 authorization-code client the platform holds; its secret never leaves the platform. */
  codeClient: { id: 'versori-demo', secret: 'versori-demo-secret', credentialId: '01JD0CR0DE000000000000000A' },
  /** The OAuth 2 password-grant client the platform holds. */
  passwordClient: { id: 'versori-password', secret: 'versori-password-secret', credentialId: '01JD0CR0DE000000000000000B' },
  /** A client-credentials client people type into the form (id and secret). */
  clientCredentialsClient: { id: 'demo-cc', secret: 'demo-cc-secret' },
} as const

/** A credential as the kit sends it inside `connection.credentials[i].credential` (contract `Credential`). */
export interface WireCredential {
  id: string
  organisationId: string
  type: string
  data: Record<string, unknown>
  errors?: string[]
}

/** The template's auth scheme config the kit echoes with each credential (contract `AuthSchemeConfig`). */
export type WireAuthSchemeConfig = { type: string } & Record<string, unknown>

/** One problem a check found, at a path relative to the credential's `data` (e.g. `certificate.key`, `string.value`). */
export interface CheckProblem {
  field: string
  message: string
}

/** What a check is given: one credential of a CreateConnection/UpdateConnection body, with its config. */
export interface CheckInput {
  config: WireAuthSchemeConfig
  credential: WireCredential
}

/**
 * Checks one credential for real against the stand-in provider (Node only). Resolves to the
 * problems found: empty when the provider accepted it. Never throws for a refused credential.
 */
export type CredentialCheck = (input: CheckInput) => Promise<CheckProblem[]>
