import type { WireAuthSchemeConfig, WireCredential } from './types'

// The rules the contract leaves unwritten: which credential goes with which auth scheme, where its
// data lives, and which of its fields are secret. Shared by the contract's semantic checks and the
// platform. Web APIs only (the platform also runs inside MSW in a browser).

/** The contract's `CredentialType` values. */
export type CredentialType =
  | 'none'
  | 'string'
  | 'binary'
  | 'basic-auth'
  | 'oauth2-client'
  | 'oauth1'
  | 'oauth1-token'
  | 'oauth2-code'
  | 'oauth2-password'
  | 'oauth2-token'
  | 'certificate'

/** Where each credential type keeps its data: `Credential.data[key]`. */
export const CREDENTIAL_DATA_KEY = {
  none: 'none',
  string: 'string',
  binary: 'binary',
  'basic-auth': 'basicAuth',
  'oauth2-client': 'oauth2Client',
  oauth1: 'oauth1',
  'oauth1-token': 'oauth1Token',
  'oauth2-code': 'oauth2Code',
  'oauth2-password': 'oauth2Password',
  'oauth2-token': 'oauth2Token',
  certificate: 'certificate',
} as const satisfies Record<CredentialType, string>

/** A key of `Credential.data`. */
export type CredentialDataKey = (typeof CREDENTIAL_DATA_KEY)[CredentialType]

/** The contract's `AuthSchemeType` values. */
export type AuthSchemeType = 'none' | 'api-key' | 'basic-auth' | 'oauth2' | 'hmac' | 'jwt-bearer' | 'certificate' | 'oauth1' | 'secret'

/** Where each scheme keeps its config object inside `AuthSchemeConfig`; `secret` and `jwt-bearer` have none. */
export const CONFIG_KEY = {
  none: 'none',
  'api-key': 'apiKey',
  'basic-auth': 'basicAuth',
  oauth2: 'oauth2',
  oauth1: 'oauth1',
  hmac: 'hmac',
  certificate: 'certificate',
  secret: undefined,
  'jwt-bearer': undefined,
} as const satisfies Record<AuthSchemeType, string | undefined>

const configKeys = Object.values(CONFIG_KEY).filter((key): key is NonNullable<typeof key> => key !== undefined)

/**
 * Fields of each data object that are secret: answered as `""` (they are required, so absent would
 * not validate), except an access token, which is left out. `oauth2Code.code` is not listed: a code
 * is never stored, it becomes an `oauth2-token`.
 */
export const SECRET_FIELDS = {
  none: [],
  string: ['value'],
  binary: ['valueBase64'],
  basicAuth: ['password'],
  oauth2Client: ['clientSecret'],
  oauth2Password: ['password'],
  oauth2Token: ['accessToken', 'refreshToken'],
  oauth2Code: [],
  oauth1: [],
  oauth1Token: ['tokenSecret'],
  certificate: ['key'],
} as const satisfies Record<CredentialDataKey, readonly string[]>

/** What each secret is called in "The provider rejected this …". */
const SECRET_NAMES: Record<string, string> = {
  'string.value': 'secret',
  'binary.valueBase64': 'key',
  'basicAuth.password': 'password',
  'oauth2Client.clientSecret': 'client secret',
  'oauth2Password.password': 'password',
  'oauth1Token.tokenSecret': 'token secret',
  'certificate.key': 'private key',
}

/** What a `string` credential is called, by its config's type. */
const STRING_NAMES: Record<string, string> = { 'api-key': 'API key', hmac: 'shared secret', secret: 'secret' }

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)

/** A problem at a path relative to the object checked (`data.string.value`, `oauth2.grant`). */
export interface RelativeIssue {
  field: string
  message: string
}

/** Whether a string is one of the contract's credential types. */
export function isCredentialType(type: unknown): type is CredentialType {
  return typeof type === 'string' && Object.hasOwn(CREDENTIAL_DATA_KEY, type)
}

/** The config object of an auth scheme config (`config.apiKey` for `api-key`), if its scheme has one. */
export function configObject(config: WireAuthSchemeConfig): Json | undefined {
  const key = CONFIG_KEY[config.type as AuthSchemeType]
  const value = key ? config[key] : undefined
  return isObject(value) ? value : undefined
}

/** The id of an auth scheme config: its object's `id`; `secret` and `jwt-bearer` have none. */
export function configId(config: WireAuthSchemeConfig): string | undefined {
  const id = configObject(config)?.id
  return typeof id === 'string' ? id : undefined
}

/** The OAuth 2 grant of an `oauth2` config. */
export function oauth2Grant(config: WireAuthSchemeConfig): string | undefined {
  if (config.type !== 'oauth2') return undefined
  const grant = configObject(config)?.grant
  return isObject(grant) && typeof grant.type === 'string' ? grant.type : undefined
}

/**
 * The credential types a scheme takes (Plugboard's reading where the contract has none: `secret`
 * and `hmac` → `string`, `jwt-bearer` → `binary`). Authorization code lists `oauth2-token` too: the
 * code the kit sends is stored, and returned, as a token.
 */
export function credentialTypesFor(config: WireAuthSchemeConfig): CredentialType[] {
  switch (config.type) {
    case 'none':
      return ['none']
    case 'api-key':
    case 'secret':
    case 'hmac':
      return ['string']
    case 'basic-auth':
      return ['basic-auth']
    case 'jwt-bearer':
      return ['binary']
    case 'certificate':
      return ['certificate']
    case 'oauth1':
      return configObject(config)?.tokenAuth === true ? ['oauth1-token'] : ['oauth1']
    case 'oauth2': {
      const grant = oauth2Grant(config)
      if (grant === 'clientCredentials') return ['oauth2-client']
      if (grant === 'password') return ['oauth2-password']
      if (grant === 'authorizationCode') return ['oauth2-code', 'oauth2-token']
      return []
    }
    default:
      return []
  }
}

/**
 * Patch `credential-type-data`: the contract leaves a credential's `type` and `data` optional, so a
 * validator alone accepts a credential with no data. `type` must be given (and, with a config,
 * be one the scheme takes) and `data` must hold exactly that type's object.
 */
export function credentialIssues(credential: unknown, config?: WireAuthSchemeConfig): RelativeIssue[] {
  if (!isObject(credential)) return []
  const issues: RelativeIssue[] = []
  const { type, data } = credential
  if (type === undefined) issues.push({ field: 'type', message: 'is required' })
  if (data === undefined) issues.push({ field: 'data', message: 'is required' })
  if (!isCredentialType(type)) return issues // an unknown type is ajv's enum error
  if (config) {
    const allowed = credentialTypesFor(config)
    if (!allowed.includes(type)) {
      issues.push({ field: 'type', message: `must be ${allowed.map((t) => `"${t}"`).join(' or ') || 'nothing'} for the ${config.type} auth scheme` })
    }
  }
  if (!isObject(data)) return issues
  const expected = CREDENTIAL_DATA_KEY[type]
  if (data[expected] === undefined) issues.push({ field: `data.${expected}`, message: `is required for a ${type} credential` })
  for (const key of Object.keys(data)) {
    if (key !== expected) issues.push({ field: `data.${key}`, message: `is not allowed for a ${type} credential` })
  }
  return issues
}

/**
 * Patch `config-discriminator`: `AuthSchemeConfig.type` names which object is populated, but the
 * contract does not require it; nor does it require what a grant or OAuth 1 flow cannot work
 * without (an authorize URL and client for authorization code, a client for password, endpoints
 * for 3-legged OAuth 1).
 */
export function configIssues(config: unknown): RelativeIssue[] {
  if (!isObject(config) || typeof config.type !== 'string' || !Object.hasOwn(CONFIG_KEY, config.type)) return []
  const type = config.type as AuthSchemeType
  const key = CONFIG_KEY[type]
  const issues: RelativeIssue[] = []
  if (key && !isObject(config[key])) issues.push({ field: key, message: `is required when type is "${type}"` })
  for (const other of configKeys) {
    if (other !== key && config[other] !== undefined) issues.push({ field: other, message: `is not allowed when type is "${type}"` })
  }
  const body = key && isObject(config[key]) ? (config[key] as Json) : undefined
  if (!body) return issues
  if (type === 'oauth2' && isObject(body.grant)) {
    const grant = body.grant
    if (grant.type === 'authorizationCode') {
      if (body.authorizeUrl === undefined) issues.push({ field: 'oauth2.authorizeUrl', message: 'is required for the authorizationCode grant' })
      if (!isObject(grant.authorizationCode)) issues.push({ field: 'oauth2.grant.authorizationCode', message: 'is required for the authorizationCode grant' })
    }
    if (grant.type === 'password' && !isObject(grant.password)) {
      issues.push({ field: 'oauth2.grant.password', message: 'is required for the password grant' })
    }
  }
  if (type === 'oauth1' && body.tokenAuth !== true) {
    for (const endpoint of ['tempCredentialEndpoint', 'resourceOwnerAuthorizationEndpoint', 'tokenEndpoint']) {
      if (!isObject(body[endpoint])) issues.push({ field: `oauth1.${endpoint}`, message: 'is required unless tokenAuth is true' })
    }
  }
  return issues
}

/** The data object of a credential (`data.string` for a `string` credential). */
export function credentialData(credential: WireCredential): Json | undefined {
  if (!isCredentialType(credential.type)) return undefined
  const data = credential.data[CREDENTIAL_DATA_KEY[credential.type]]
  return isObject(data) ? data : undefined
}

/** Decodes base64 to UTF-8 text; undefined when it is not base64. */
export function decodeBase64Text(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value.replace(/\s+/g, '')) || value.replace(/\s+/g, '').length % 4 === 1) return undefined
  try {
    const binary = atob(value.replace(/\s+/g, ''))
    return new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)))
  } catch {
    return undefined
  }
}

/**
 * The demo's refusal rule: any secret that is exactly `wrong` (a binary's decoded text too), so
 * every form can show a provider's field error. Paths are relative to `data`.
 */
export function wrongSecrets(credential: WireCredential, configType?: string): RelativeIssue[] {
  if (!isCredentialType(credential.type)) return []
  const key = CREDENTIAL_DATA_KEY[credential.type]
  const data = credentialData(credential)
  if (!data) return []
  const issues: RelativeIssue[] = []
  for (const field of SECRET_FIELDS[key]) {
    const value = data[field]
    const text = key === 'binary' && typeof value === 'string' ? decodeBase64Text(value) : value
    const path = `${key}.${field}`
    // A string is an API key, a shared secret or a secret, by its config.
    const name = path === 'string.value' ? (STRING_NAMES[configType ?? ''] ?? SECRET_NAMES[path]) : SECRET_NAMES[path]
    if (text === 'wrong' && name) issues.push({ field: path, message: `The provider rejected this ${name}.` })
  }
  return issues
}

/** A credential as the API returns it: every secret `""`, an access token left out. */
export function redactCredential(credential: WireCredential): WireCredential {
  if (!isCredentialType(credential.type)) return { ...credential, data: {} }
  const key = CREDENTIAL_DATA_KEY[credential.type]
  const data = { ...credentialData(credential) }
  for (const field of SECRET_FIELDS[key]) {
    if (field === 'accessToken') delete data[field]
    else if (data[field] !== undefined) data[field] = ''
  }
  return { ...credential, data: { [key]: data } }
}

/** The config as the kit echoes it: without `validationMessages`, which the API ignores. */
export function echoedConfig(config: WireAuthSchemeConfig): WireAuthSchemeConfig {
  const body = configObject(config)
  const key = CONFIG_KEY[config.type as AuthSchemeType]
  if (!body || !key) return { type: config.type }
  const { validationMessages: _ignored, ...rest } = body
  return { type: config.type, [key]: rest }
}

/**
 * A config as the API shows it: OAuth 1 `consumerSecret` as `""` (required, so not left out) and
 * any OAuth 2 grant `clientSecret` left out. The platform keeps the full config for itself.
 */
export function publicConfig(config: WireAuthSchemeConfig): WireAuthSchemeConfig {
  const key = CONFIG_KEY[config.type as AuthSchemeType]
  const body = configObject(config)
  if (!key || !body) return { ...config }
  const copy: Json = structuredClone(body)
  if (config.type === 'oauth1' && typeof copy.consumerSecret === 'string') copy.consumerSecret = ''
  const grant = copy.grant
  if (isObject(grant)) {
    for (const part of Object.values(grant)) if (isObject(part)) delete part.clientSecret
  }
  return { ...config, [key]: copy }
}
