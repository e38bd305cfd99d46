import type { ProviderSpec, SchemeId } from './ProviderSpec'

/**
 * How a connection authenticates, as lists show it: a credential scheme, or a platform's finer name
 * such as Ampersand's `oauth2/authorizationCodePKCE`. Unknown values pass through.
 */
export type ConnectionScheme = SchemeId | 'oauth2/authorizationCodePKCE' | (string & {})

/** A connection's health as the platform reports it; unknown future values pass through. */
export type ConnectionStatus = 'created' | 'working' | 'bad_credentials' | (string & {})

/** A consumer's connection to one provider, as the kit shows it. */
export interface Connection {
  /** The platform's connection id. */
  id: string
  /** The provider's id, e.g. `salesforce`. */
  provider: string
  /** How this connection authenticates. */
  authScheme: ConnectionScheme
  /** Its health. */
  status: ConnectionStatus
  /** When it was created (ISO 8601). */
  createTime: string
  /** When it was last updated (ISO 8601), if ever. */
  updateTime?: string
  /** The provider workspace it belongs to, if any. */
  providerWorkspaceRef?: string
  /** The group it belongs to, on platforms with groups. */
  groupRef?: string
  /** The consumer whose credentials it holds, when the platform says. */
  consumerRef?: string
  /** The connection's own name, on platforms that name connections (Versori). */
  name?: string
  /** The provider's sign-in method it was made with, when the platform tells; a reconnect starts there. */
  methodId?: string
}

/** Who is connecting: the host's organisation (group) and user (consumer). */
export interface ConnectScope {
  /**
   * The host's id for the organisation or team. Platforms without groups (Versori) ignore it;
   * Ampersand requires it.
   */
  groupRef?: string
  /** Display name for the group. */
  groupName?: string
  /** The host's id for the person whose account is connected. */
  consumerRef: string
  /** Display name for the consumer. */
  consumerName?: string
}

/** What a person entered for one credential part, by scheme; the adapter turns it into its wire format. */
export type Credentials =
  | { scheme: 'none' }
  | { scheme: 'apiKey'; apiKey: string }
  | { scheme: 'basic'; username: string; password: string }
  | { scheme: 'oauth2/authorizationCode'; scopes?: string[] }
  | { scheme: 'oauth2/clientCredentials'; clientId: string; clientSecret: string; scopes?: string[] }
  | {
      scheme: 'oauth2/password'
      username: string
      password: string
      /** Present when the part asks for the client (`askClient`). */
      clientId?: string
      clientSecret?: string
      scopes?: string[]
    }
  | { scheme: 'custom'; values: Record<string, string> }
  | { scheme: 'secret'; secret: string }
  | { scheme: 'hmac'; secret: string }
  /** `key` is a PEM private key or a shared secret. */
  | { scheme: 'jwtBearer'; key: string }
  /** PEM texts; `ca` is absent when the person gave none and the part does not require it. */
  | { scheme: 'certificate'; certificate: string; privateKey: string; ca?: string }
  | { scheme: 'oauth1/token'; token: string; tokenSecret: string; params: Record<string, string> }

/** Everything needed to create or update a connection, or to start signing in for one. */
export interface ConnectionInput {
  /** The provider's id. */
  provider: string
  /** The chosen sign-in method's id; the provider's first method when absent. */
  methodId?: string
  /** One entry per part of the method, in its order. */
  credentials: Credentials[]
  /** Connection field values by field name (empty ones left out). */
  connection?: Record<string, string>
}

/**
 * What a sign-in window may say, as a popup protocol reads it: the provider authorized (with the
 * connection's id when the platform names it), refused, or handed back parameters, in which case
 * `next` continues the flow with the platform.
 */
export type PopupAnswer =
  | { kind: 'authorized'; connectionId?: string }
  | { kind: 'refused'; reason?: string }
  | { kind: 'continue'; next: (signal?: AbortSignal) => Promise<SignInStep> }

/**
 * How one platform's sign-in pages talk to the opener. The flow engine only passes a protocol
 * messages that come from the flow's own window and from `origin`, and only until the first answer.
 */
export interface PopupProtocol {
  /** The only origin whose messages are read, and the only one `attach` may post to. */
  readonly origin: string
  /**
   * Starts talking to the page once the window is sent to it (e.g. a hello carrying `state`,
   * repeated until the page answers). `post` targets `origin` only. Returns a stop function.
   */
  attach?(post: (message: unknown) => void): () => void
  /** Reads one message: an answer, or `undefined` to ignore it. */
  read(data: unknown): PopupAnswer | undefined
}

/** One answer of the platform in a sign-in: a page to show in the window, or the finished connection. */
export type SignInStep =
  | {
      kind: 'redirect'
      /** The page to open in the sign-in window (an absolute http(s) URL). */
      url: string
      /** How that page reports back. */
      protocol: PopupProtocol
    }
  | {
      kind: 'connection'
      /** The connection the flow created or refreshed. */
      connection: Connection
    }

/** A step that sends the person to a page. */
export type RedirectStep = Extract<SignInStep, { kind: 'redirect' }>

/**
 * One provider as a gallery lists it: enough for a tile and a search, before anyone chooses it.
 * Platform data is untrusted: adapters bound every text and drop unsafe URLs before it gets here.
 */
export interface ProviderListing {
  /** The provider's id, as `getProvider` and `ConnectButton`'s `provider` take it. */
  id: string
  /** The provider's name for people: one line of plain text, at most 120 characters. */
  displayName: string
  /** The provider's icon: only an `https:` URL (or `http:` on loopback) gets here. */
  iconUrl?: string
  /** A sentence about the provider, when the platform gives one (at most 300 characters). */
  description?: string
  /** The category the platform files the provider under (`CRM`, say), when it gives one. */
  category?: string
  /**
   * The provider in full, when the list already holds it (both built-in adapters do): choosing it
   * then needs no second request, so a sign-in window can open inside the click.
   */
  spec?: ProviderSpec
}

/** Filters for listing connections; group and consumer come from the scope. */
export interface ConnectionFilter {
  /** Only this provider's connections. */
  provider?: string
}

/**
 * The platform API as the kit's components use it. Each platform is an adapter implementing this
 * (see `ampersand()`); every method parses its response and rejects with a `ConnectError` on any
 * failure, with `fieldErrors` keyed by form path (`credentials.0.apiKey`, `connection.<field>`).
 * Every method takes an optional `signal`: the kit aborts it when the component that needs the
 * answer unmounts, or the sign-in it belongs to ends; pass it on to `fetch`.
 */
export interface ConnectBackend {
  /** Stable id of this backend instance (platform + base URL + project), used in query keys. */
  readonly id: string
  /** One provider, mapped onto the neutral model. */
  getProvider(provider: string, signal?: AbortSignal): Promise<ProviderSpec>
  /**
   * Every provider a person may connect (Ampersand's catalog, Versori's connection templates), light
   * enough for a searchable gallery. Optional: `ProviderGallery` then needs its `providers` list.
   */
  listProviders?(signal?: AbortSignal): Promise<ProviderListing[]>
  /** Every connection of the scope's group and consumer, optionally for one provider. */
  listConnections(scope: ConnectScope, filter?: ConnectionFilter, signal?: AbortSignal): Promise<Connection[]>
  /** One connection by id. */
  getConnection(connectionId: string, signal?: AbortSignal): Promise<Connection>
  /** Creates a connection from what the person entered (`form` methods). */
  createConnection(scope: ConnectScope, input: ConnectionInput, signal?: AbortSignal): Promise<Connection>
  /** Replaces an existing connection's credentials and connection fields. */
  updateConnection(scope: ConnectScope, connectionId: string, input: ConnectionInput, signal?: AbortSignal): Promise<Connection>
  /** Deletes a connection. Absent when the platform cannot delete: lists then offer no Delete. */
  deleteConnection?(connectionId: string, signal?: AbortSignal): Promise<void>
  /**
   * Starts a `popup` method: the page to open and how it reports back. With `connectionId`,
   * re-authorizes that connection instead of creating one.
   */
  startOAuth(scope: ConnectScope, input: ConnectionInput, connectionId?: string, signal?: AbortSignal): Promise<RedirectStep>
  /**
   * Starts a `steps` method with what the person entered; the platform answers with the connection
   * or a page to visit. Running it again for a connected provider refreshes that connection.
   * Backends without such methods leave it out.
   */
  startSteps?(scope: ConnectScope, input: ConnectionInput, signal?: AbortSignal): Promise<SignInStep>
}
