import type { CredentialPart, InputSpec, ProviderSpec, ScopeChoice, SignInMethod, UnavailableMethod } from '../../model/ProviderSpec'
import type { Infer } from '../shared/shape'
import { array, boolean, literal, object, optional, string, unknown } from '../shared/shape'

// Versori's connection templates (`ListProjectConnectionTemplates`) mapped onto the neutral model:
// every auth scheme config becomes a sign-in method, labelled with its `description`. The template
// is platform data, so every field is checked and a config the kit cannot read is left out rather
// than breaking the whole template.

const optionalString = optional(string())
const optionalBoolean = optional(boolean())
const placementIn = literal('query', 'header', 'cookie')
const configBase = { id: optionalString, description: optionalString }

const scopeSchema = object({ name: string(), description: optionalString })
const paramConfigSchema = object({
  parameterName: string(),
  required: optionalBoolean,
  modifiable: optionalBoolean,
})
const endpointSchema = object({ url: optionalString, additionalParamConfigs: optional(array(paramConfigSchema)) })

/** The fields of an auth scheme config the kit reads. */
export const authSchemeConfigSchema = object({
  type: string(),
  none: optional(object(configBase)),
  apiKey: optional(object({ ...configBase, name: string(), in: placementIn })),
  basicAuth: optional(object(configBase)),
  certificate: optional(object(configBase)),
  hmac: optional(
    object({
      ...configBase,
      name: string(),
      in: placementIn,
      algorithm: literal('sha1', 'sha256', 'sha512'),
      digestInputs: array(literal('body', 'url')),
      encoding: optional(literal('hex', 'base64', 'base64url')),
    }),
  ),
  oauth2: optional(
    object({
      ...configBase,
      authorizeUrl: optionalString,
      tokenUrl: optionalString,
      scopes: optional(array(scopeSchema)),
      defaultScopes: optional(array(string())),
      additionalAuthorizeParams: optionalString,
      additionalTokenParams: optionalString,
      mtlsEnabled: optionalBoolean,
      pkce: optionalBoolean,
      grant: object({
        type: literal('authorizationCode', 'clientCredentials', 'password'),
        authorizationCode: optional(object({ clientId: optionalString, credentialId: optionalString, organisationId: optionalString })),
      }),
    }),
  ),
  oauth1: optional(
    object({
      ...configBase,
      tokenAuth: optionalBoolean,
      tempCredentialEndpoint: optional(endpointSchema),
      tokenEndpoint: optional(endpointSchema),
    }),
  ),
})

/** An auth scheme config as the kit reads it. */
export type AuthSchemeConfig = Infer<typeof authSchemeConfigSchema>

/** The fields of a connection template the kit reads; its configs stay raw until mapped one by one. */
export const connectionTemplateSchema = object({
  id: string(),
  connectionTemplateId: string(),
  name: string(),
  domain: optionalString,
  dynamic: optionalBoolean,
  templateBaseUrl: optionalString,
  /** Not in Versori's contract: read when a platform adds it. */
  iconUrl: optionalString,
  authSchemeConfigs: array(unknown()),
})

/** A connection template as the kit reads it. */
export type ConnectionTemplate = Infer<typeof connectionTemplateSchema>

/** One config of a template: as sent by the platform (echoed back on save), and as read. */
export interface TemplateConfig {
  raw: Record<string, unknown>
  config: AuthSchemeConfig
}

/** The method and its configs, for building requests. */
export interface VersoriMethod {
  method: SignInMethod
  configs: TemplateConfig[]
}

/** A template mapped for the kit: the neutral provider, and each method's configs. */
export interface MappedTemplate {
  template: ConnectionTemplate
  spec: ProviderSpec<ConnectionTemplate>
  methods: VersoriMethod[]
}

/** The config's own object (`config.apiKey` for `api-key`), which holds its id and description. */
function ownObject(config: AuthSchemeConfig): { id?: string; description?: string } | undefined {
  switch (config.type) {
    case 'none':
      return config.none
    case 'api-key':
      return config.apiKey
    case 'basic-auth':
      return config.basicAuth
    case 'certificate':
      return config.certificate
    case 'hmac':
      return config.hmac
    case 'oauth2':
      return config.oauth2
    case 'oauth1':
      return config.oauth1
    default:
      return undefined
  }
}

function scopeChoice(scopes: { name: string; description?: string }[] | undefined, defaults: string[] | undefined): ScopeChoice | undefined {
  if (!scopes?.length) return undefined
  const names = new Set(scopes.map((scope) => scope.name))
  return { options: scopes, defaults: (defaults ?? []).filter((name) => names.has(name)), required: false }
}

/** A web address from platform data, or `undefined`. */
function httpUrl(text: string | undefined): string | undefined {
  if (!text) return undefined
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** The part a config asks for, or why the kit cannot run it embedded. */
function partFor(config: AuthSchemeConfig): CredentialPart | { unavailable: string } | undefined {
  switch (config.type) {
    case 'none':
      return { scheme: 'none' }
    case 'api-key':
      return config.apiKey ? { scheme: 'apiKey', placement: { in: config.apiKey.in, name: config.apiKey.name } } : undefined
    case 'basic-auth':
      return { scheme: 'basic' }
    case 'secret':
      return { scheme: 'secret' }
    case 'jwt-bearer':
      return { scheme: 'jwtBearer' }
    case 'certificate':
      // Versori's certificate credential requires all three blocks.
      return { scheme: 'certificate', caRequired: true }
    case 'hmac': {
      const hmac = config.hmac
      if (!hmac) return undefined
      return {
        scheme: 'hmac',
        algorithm: hmac.algorithm,
        // The seed contract requires an encoding; SDK-era configs may lack it, and hex was their only one.
        encoding: hmac.encoding ?? 'hex',
        digestInputs: hmac.digestInputs,
        placement: { in: hmac.in, name: hmac.name },
      }
    }
    case 'oauth2': {
      const oauth2 = config.oauth2
      if (!oauth2) return undefined
      const scopes = scopeChoice(oauth2.scopes, oauth2.defaultScopes)
      switch (oauth2.grant.type) {
        case 'clientCredentials':
          return httpUrl(oauth2.tokenUrl) ? { scheme: 'oauth2/clientCredentials', scopes } : { unavailable: 'oauth2/clientCredentials' }
        case 'password':
          // The platform holds the client; the person gives only their own username and password.
          return { scheme: 'oauth2/password', askClient: false }
        case 'authorizationCode': {
          const grant = oauth2.grant.authorizationCode
          const startable = httpUrl(oauth2.authorizeUrl) && grant?.clientId && grant.credentialId && grant.organisationId
          return startable ? { scheme: 'oauth2/authorizationCode', pkce: oauth2.pkce ?? false, scopes } : { unavailable: 'oauth2/authorizationCode' }
        }
      }
      return undefined
    }
    case 'oauth1': {
      const oauth1 = config.oauth1
      if (!oauth1?.tokenAuth) return { unavailable: 'oauth1/authorize' }
      const params: InputSpec[] = (oauth1.tokenEndpoint?.additionalParamConfigs ?? [])
        .filter((param) => param.modifiable)
        .map((param) => ({ name: param.parameterName, label: param.parameterName, required: param.required ?? false }))
      return { scheme: 'oauth1/token', params }
    }
    default:
      return { unavailable: config.type }
  }
}

/** The configs of a template that the kit can read, with their raw objects. */
function readConfigs(template: ConnectionTemplate): TemplateConfig[] {
  return template.authSchemeConfigs.flatMap((raw) => {
    const parsed = authSchemeConfigSchema.safeParse(raw)
    return parsed.success ? [{ raw: raw as Record<string, unknown>, config: parsed.data }] : []
  })
}

/** A method's id: its configs' own ids joined with `+` (position and type for configs without one). */
const configId = (entry: TemplateConfig, index: number) => ownObject(entry.config)?.id || `${entry.config.type}-${index}`

/**
 * Maps a connection template onto a `ProviderSpec`. Each config is a method; an OAuth 2 config with
 * `mtlsEnabled` and the template's certificate config form one two-part method, in template order.
 * OAuth 1 without `tokenAuth` (a browser flow Versori's API cannot start) and OAuth 2 configs missing
 * what a start needs are listed as unavailable. Connection fields: a required, unique `name` and an
 * optional `baseUrl` override.
 */
export function toProviderSpec(template: ConnectionTemplate): MappedTemplate {
  const configs = readConfigs(template)
  const mtls = configs.find((entry) => entry.config.type === 'oauth2' && entry.config.oauth2?.mtlsEnabled)
  const joinedCertificate = mtls ? configs.find((entry) => entry.config.type === 'certificate') : undefined
  const methods: VersoriMethod[] = []
  const unavailable: UnavailableMethod[] = []
  for (const entry of configs) {
    if (entry === joinedCertificate) continue
    const group = entry === mtls && joinedCertificate ? [entry, joinedCertificate].sort((a, b) => configs.indexOf(a) - configs.indexOf(b)) : [entry]
    const parts = group.map((member) => partFor(member.config))
    const id = group.map((member) => configId(member, configs.indexOf(member))).join('+')
    const label = ownObject(entry.config)?.description?.trim() || undefined
    const blocked = parts.find((part): part is { unavailable: string } => part !== undefined && 'unavailable' in part)
    if (blocked) {
      unavailable.push({ id, label, scheme: blocked.unavailable })
      continue
    }
    if (parts.some((part) => part === undefined)) continue
    const ready = parts as CredentialPart[]
    const flow = ready.some((part) => part.scheme === 'oauth2/authorizationCode') ? 'popup' : 'form'
    methods.push({ method: { id, label, flow, parts: ready }, configs: group })
  }
  const spec: ProviderSpec<ConnectionTemplate> = {
    id: template.connectionTemplateId,
    displayName: template.name.trim() || template.connectionTemplateId,
    iconUrl: httpUrl(template.iconUrl),
    methods: methods.map((entry) => entry.method),
    connectionFields: [
      { name: 'name', role: 'connectionName', required: true },
      { name: 'baseUrl', role: 'baseUrl', required: false },
    ],
    ...(unavailable.length > 0 ? { unavailableMethods: unavailable } : {}),
    native: template,
  }
  return { template, spec, methods }
}
