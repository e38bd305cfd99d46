import type { ProviderInfo } from './providerInfo'

/** How a connection authenticates, as the platform names it. */
export type AuthScheme =
  | 'none'
  | 'apiKey'
  | 'basic'
  | 'oauth2/authorizationCode'
  | 'oauth2/authorizationCodePKCE'
  | 'oauth2/clientCredentials'
  | 'oauth2/password'
  | 'custom'

/** A connection's health as the platform reports it; unknown future values pass through. */
export type ConnectionStatus = 'created' | 'working' | 'bad_credentials' | (string & {})

/** A consumer's connection to one provider, as the kit shows it. */
export interface Connection {
  /** The platform's connection id. */
  id: string
  /** The provider's catalog name, e.g. `salesforce`. */
  provider: string
  /** How this connection authenticates. */
  authScheme: AuthScheme | (string & {})
  /** Its health. */
  status: ConnectionStatus
  /** When it was created (ISO 8601). */
  createTime: string
  /** When it was last updated (ISO 8601), if ever. */
  updateTime?: string
  /** The provider workspace it belongs to, if any. */
  providerWorkspaceRef?: string
  /** The group it belongs to. */
  groupRef: string
  /** The consumer whose credentials it holds. */
  consumerRef: string
}

/** Who is connecting: the host's organisation (group) and user (consumer). */
export interface ConnectScope {
  /** The host's id for the organisation or team. */
  groupRef: string
  /** Display name for the group. */
  groupName?: string
  /** The host's id for the person whose account is connected. */
  consumerRef: string
  /** Display name for the consumer. */
  consumerName?: string
}

/** The credentials a form collected, by scheme; the adapter turns them into its request body. */
export type Credentials =
  | { scheme: 'none' }
  | { scheme: 'apiKey'; apiKey: string }
  | { scheme: 'basic'; username: string; password: string }
  | { scheme: 'oauth2/clientCredentials'; clientId: string; clientSecret: string; scopes?: string[] }
  | {
      scheme: 'oauth2/password'
      username: string
      password: string
      clientId: string
      clientSecret: string
      scopes?: string[]
    }
  | { scheme: 'custom'; values: Record<string, string> }

/** Workspace and metadata that a provider needs besides credentials. */
export interface ProviderContext {
  /** The provider workspace (subdomain, instance, base URL), when the provider needs one. */
  providerWorkspaceRef?: string
  /** Provider metadata entered by the person, keyed by the catalog's input name. */
  providerMetadata?: Record<string, string>
}

/** Everything needed to create or update a credential connection. */
export interface ConnectionInput extends ProviderContext {
  /** The provider's catalog name. */
  provider: string
  /** What the person entered. */
  credentials: Credentials
}

/** Everything needed to start an OAuth authorization. */
export interface OAuthStartInput extends ProviderContext {
  /** The provider's catalog name. */
  provider: string
}

/**
 * One answer of a multi-step custom sign-in (catalog `customOpts.multiStep`): either a page the
 * person must visit next (in the sign-in window), or the finished connection.
 */
export type CustomAuthStep =
  | {
      kind: 'redirect'
      /** The page to open in the sign-in window. */
      url: string
      /** The flow to continue once that page sends the person back. */
      sessionId: string
    }
  | {
      kind: 'connection'
      /** The connection the flow created or refreshed. */
      connection: Connection
    }

/** Filters for listing connections; group and consumer come from the scope. */
export interface ConnectionFilter {
  /** Only this provider's connections. */
  provider?: string
}

/**
 * The platform API as the kit's components use it. Each backend (Ampersand-shaped, Versori-shaped)
 * is an adapter implementing this; every method parses its response and rejects with a
 * `ConnectError` on any failure.
 */
export interface ConnectBackend {
  /** Stable id of this backend instance (platform + base URL + project), used in query keys. */
  readonly id: string
  /** The origin whose OAuth callback page posts the result message; others are ignored. */
  readonly callbackOrigin: string
  /** The catalog entry for one provider. */
  getProvider(provider: string, signal?: AbortSignal): Promise<ProviderInfo>
  /** Every connection of the scope's group and consumer, optionally for one provider. */
  listConnections(scope: ConnectScope, filter?: ConnectionFilter, signal?: AbortSignal): Promise<Connection[]>
  /** One connection by id. */
  getConnection(connectionId: string, signal?: AbortSignal): Promise<Connection>
  /** Creates a connection from credentials the person entered. */
  createConnection(scope: ConnectScope, input: ConnectionInput): Promise<Connection>
  /** Replaces an existing connection's credentials (and workspace or metadata). */
  updateConnection(scope: ConnectScope, connectionId: string, input: ConnectionInput): Promise<Connection>
  /** Deletes a connection. */
  deleteConnection(connectionId: string): Promise<void>
  /** The provider's authorize URL for a new OAuth connection. */
  startOAuth(scope: ConnectScope, input: OAuthStartInput): Promise<string>
  /** The provider's authorize URL to re-authorize an existing OAuth connection. */
  startOAuthUpdate(connectionId: string): Promise<string>
  /**
   * Starts a multi-step custom sign-in with what the person entered (`credentials.scheme` is
   * `custom`). Running it again for a connected provider refreshes that connection.
   */
  startCustomAuth(scope: ConnectScope, input: ConnectionInput): Promise<CustomAuthStep>
  /** Continues a multi-step sign-in with the parameters its callback page forwarded. */
  continueCustomAuth(sessionId: string, callbackParams: Record<string, string>): Promise<CustomAuthStep>
}
