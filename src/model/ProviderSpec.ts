// The platform-neutral description of a provider. Adapters map their catalog (Ampersand's
// `ProviderInfo`, Versori's connection templates) onto these types as plain data; the scheme
// descriptors turn the data into fields and words. No English lives here or in an adapter: every
// string below is either the platform's own text or a value.

/** Where a key or signature is sent on each request to the provider. */
export interface Placement {
  /** The part of the request that carries it. */
  in: 'header' | 'query' | 'cookie'
  /** The header, query parameter or cookie name. */
  name: string
  /** What precedes the value, e.g. `Bearer `; a pasted prefix is dropped before sending. */
  prefix?: string
}

/** The scopes a person may grant. */
export interface ScopeChoice {
  /** The scopes to pick from; without them the person types scopes as text. */
  options?: { name: string; description?: string }[]
  /** Scopes chosen before the person changes anything. */
  defaults?: string[]
  /** Whether at least one scope must be given. */
  required: boolean
}

/** One input the platform describes (custom inputs, provider metadata, OAuth 1 parameters, connection fields). */
export interface InputSpec {
  /** The key its value is sent under. Dots nest it in the form values. */
  name: string
  /** The platform's label; the input's `name` when absent. */
  label?: string
  /** How it renders. @default 'text' */
  kind?: 'text' | 'password' | 'select'
  /** Whether an empty value is refused. @default true */
  required?: boolean
  /** The platform's help; may hold Markdown inline code and links. */
  help?: string
  /** A link to where the person finds this value. */
  docsUrl?: string
  /** The platform's default value (an example shown in `help` becomes a placeholder instead). */
  defaultValue?: string
  /** The choices of a `select`. */
  options?: { value: string; label: string }[]
  /**
   * What the value is, when the kit treats it specially: a `workspace` gets the kit's label and
   * help when the platform gives none; a `connectionName` is prefilled from the provider and the
   * consumer; a `baseUrl` is a web address (`https://` assumed), asked under "Advanced".
   */
  role?: 'workspace' | 'connectionName' | 'baseUrl'
}

/** HMAC algorithms a platform may sign with. */
export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512'
/** Encodings of a generated or pasted shared secret. */
export type SecretEncoding = 'hex' | 'base64' | 'base64url'

/**
 * One credential of a sign-in method, as data: the scheme plus what the form needs to ask for it.
 * A method's parts are all sent together, in order.
 */
export type CredentialPart =
  /** Nothing to enter. */
  | { scheme: 'none' }
  /** An API key, optionally sent with a prefix. */
  | { scheme: 'apiKey'; placement?: Placement; docsUrl?: string }
  /**
   * A username and password; with `apiKeyAsBasic`, one API key that the form splits into them
   * (`keyFormat` holds `%s` where the key goes, e.g. `api:%s`).
   */
  | {
      scheme: 'basic'
      docsUrl?: string
      apiKeyAsBasic?: { fieldUsed?: 'username' | 'password'; keyFormat?: string }
    }
  /** OAuth 2 authorization code: the provider's own sign-in page in a window. */
  | { scheme: 'oauth2/authorizationCode'; pkce: boolean; scopes?: ScopeChoice; docsUrl?: string }
  /** OAuth 2 client credentials: the app's client ID and secret. */
  | { scheme: 'oauth2/clientCredentials'; scopes?: ScopeChoice; docsUrl?: string }
  /** OAuth 2 password grant; `askClient` when the person also enters the client ID and secret. */
  | { scheme: 'oauth2/password'; askClient: boolean; scopes?: ScopeChoice; docsUrl?: string }
  /** Inputs the platform defines. */
  | { scheme: 'custom'; inputs: InputSpec[] }
  /** One opaque secret, possibly several lines long. */
  | { scheme: 'secret' }
  /** A shared secret for HMAC signatures, with how they are computed (shown as facts). */
  | {
      scheme: 'hmac'
      algorithm: HmacAlgorithm
      encoding: SecretEncoding
      /** What is signed. */
      digestInputs: ('body' | 'url')[]
      /** Where the signature travels. */
      placement?: Placement
    }
  /** The key that signs JWT bearer assertions: a PEM private key or a shared secret. */
  | { scheme: 'jwtBearer' }
  /** A client certificate, its private key and the CA chain, as PEM. */
  | { scheme: 'certificate'; caRequired: boolean }
  /** An OAuth 1 token and token secret, plus the parameters the platform lets the person edit. */
  | { scheme: 'oauth1/token'; params: InputSpec[] }

/** Every credential scheme the kit knows. */
export type SchemeId = CredentialPart['scheme']

/** The part of one scheme. */
export type PartOf<S extends SchemeId> = Extract<CredentialPart, { scheme: S }>

/** One way to sign in to a provider. */
export interface SignInMethod {
  /** Stable within the provider (Ampersand: the scheme; Versori: the auth scheme config id). */
  id: string
  /** The platform's name for it ("Production key", "Sandbox"), when it gives one. */
  label?: string
  /**
   * `form`: everything is typed into the kit; `popup`: the provider's own sign-in window finishes it
   * (after any fields); `steps`: the fields go to the platform, which may send the person through
   * pages in the window before the connection exists.
   */
  flow: 'form' | 'popup' | 'steps'
  /** The credentials it needs, all sent together, in order. */
  parts: CredentialPart[]
}

/** A sign-in method the platform describes but the kit cannot run inside a host app. */
export interface UnavailableMethod {
  /** The method's id on the platform. */
  id: string
  /** The platform's name for it, when it gives one. */
  label?: string
  /** What it is: the key of its name in `messages.scheme` (e.g. `oauth1/authorize`). */
  scheme: string
}

/** A provider as the kit renders it, whatever the platform. */
export interface ProviderSpec<Native = unknown> {
  /** The id the platform's API takes (Ampersand's catalog `name`). */
  id: string
  /** The provider's name for people. */
  displayName: string
  /** A square icon, when the platform gives one. */
  iconUrl?: string
  /** A wide logo, when the platform gives one. */
  logoUrl?: string
  /** The ways to sign in the kit can render, in the platform's order; empty when it can render none. */
  methods: SignInMethod[]
  /** Asked once whatever the method: workspace and provider metadata, a connection name, a base URL. */
  connectionFields: InputSpec[]
  /**
   * Ways to sign in the platform offers that the kit cannot run embedded (Versori's browser OAuth 1),
   * named so people learn why; absent when there are none.
   */
  unavailableMethods?: UnavailableMethod[]
  /** The platform's own record, for hosts that need it. The kit never reads it. */
  native?: Native
}
