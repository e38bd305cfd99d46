import type { Credentials } from '../../model/ConnectBackend'
import type { TemplateConfig } from './templates'
import { ulid } from './ulid'

// What the kit sends for each credential part, in the shape the seed contract pairs with its scheme
// (`ConnectionCredential {id, authSchemeConfig, credential: {id, organisationId, type, data}}`),
// and where each sent field sits in the form, so the platform's field errors land under the input
// that produced them.

/** An OAuth 2 authorization code from the hosted callback page. */
export interface AuthorizationCode {
  code: string
  state: string
  /** The callback's other parameters, URL-encoded. */
  additionalParams?: string
}

/**
 * A credential's wire type and data, and its form fields by data path (`string.value` → `apiKey`);
 * `null` for what no form field holds (an authorization code), whose errors go to the summary.
 */
interface WireData {
  type: string
  data: Record<string, unknown>
  fields: [string, string | null][]
}

/** The form path of errors about something no field holds: it matches no field, so the form's summary shows them. */
export const NOT_A_FIELD = 'signIn'

/** UTF-8 text as base64 (Versori's `binary.valueBase64`). */
function base64Utf8(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function wireData(credentials: Credentials, entry: TemplateConfig, code?: AuthorizationCode): WireData {
  switch (credentials.scheme) {
    case 'none':
      return { type: 'none', data: { none: {} }, fields: [] }
    case 'apiKey':
      return { type: 'string', data: { string: { value: credentials.apiKey } }, fields: [['string.value', 'apiKey']] }
    case 'secret':
    case 'hmac':
      // The contract has no credential type of its own for either: a shared secret is a string.
      return { type: 'string', data: { string: { value: credentials.secret } }, fields: [['string.value', 'secret']] }
    case 'jwtBearer':
      // Our choice, documented: the signing key (PEM text or shared secret) as a binary credential.
      return { type: 'binary', data: { binary: { valueBase64: base64Utf8(credentials.key) } }, fields: [['binary.valueBase64', 'key']] }
    case 'basic':
      return {
        type: 'basic-auth',
        data: { basicAuth: { username: credentials.username, password: credentials.password } },
        fields: [
          ['basicAuth.username', 'username'],
          ['basicAuth.password', 'password'],
        ],
      }
    case 'certificate':
      return {
        type: 'certificate',
        data: { certificate: { certificate: credentials.certificate, key: credentials.privateKey, ca: credentials.ca ?? '' } },
        fields: [
          ['certificate.certificate', 'certificate'],
          ['certificate.key', 'privateKey'],
          ['certificate.ca', 'ca'],
        ],
      }
    case 'oauth2/clientCredentials': {
      const oauth2 = entry.config.oauth2
      const extra = oauth2?.additionalTokenParams?.trim()
      return {
        type: 'oauth2-client',
        data: {
          oauth2Client: {
            clientId: credentials.clientId,
            clientSecret: credentials.clientSecret,
            tokenUrl: oauth2?.tokenUrl ?? '',
            ...(credentials.scopes ? { scopes: credentials.scopes } : {}),
            ...(extra ? { additionalParams: extra } : {}),
          },
        },
        fields: [
          ['oauth2Client.clientId', 'clientId'],
          ['oauth2Client.clientSecret', 'clientSecret'],
          ['oauth2Client.scopes', 'scopes'],
        ],
      }
    }
    case 'oauth2/password':
      return {
        type: 'oauth2-password',
        data: { oauth2Password: { username: credentials.username, password: credentials.password } },
        fields: [
          ['oauth2Password.username', 'username'],
          ['oauth2Password.password', 'password'],
        ],
      }
    case 'oauth2/authorizationCode':
      if (!code) throw new Error('Plugboard: a Versori authorization-code credential needs the code from the sign-in window.')
      return {
        type: 'oauth2-code',
        data: { oauth2Code: { code: code.code, state: code.state, ...(code.additionalParams ? { additionalParams: code.additionalParams } : {}) } },
        fields: [['oauth2Code', null]],
      }
    case 'oauth1/token': {
      const params = Object.entries(credentials.params)
      return {
        type: 'oauth1-token',
        data: {
          oauth1Token: {
            token: credentials.token,
            tokenSecret: credentials.tokenSecret,
            additionalParams: params.map(([name, value]) => ({ name, value })),
          },
        },
        fields: [
          ['oauth1Token.token', 'token'],
          ['oauth1Token.tokenSecret', 'tokenSecret'],
          ...params.map(([name], index): [string, string] => [`oauth1Token.additionalParams.${index}`, `params.${name}`]),
        ],
      }
    }
    case 'custom':
      throw new Error('Plugboard: Versori has no custom credential inputs.')
  }
}

/** The config as the template sent it, minus `validationMessages`, which the API ignores on input. */
function echo(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(raw).map(([key, value]) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [key, value]
      const { validationMessages: _, ...rest } = value as Record<string, unknown>
      return [key, rest]
    }),
  )
}

/** What to send for a method's credentials, and the form path of every sent field (dotted wire path → form path). */
export interface CredentialsBody {
  credentials: Record<string, unknown>[]
  paths: Map<string, string>
}

/**
 * The `credentials` of a CreateConnection or UpdateConnection body: one per part, in the template's
 * order, with fresh ULIDs (or the connection's own ids, on update) and the organisation.
 */
export function credentialsBody(
  configs: TemplateConfig[],
  credentials: Credentials[],
  context: { organisationId: string; code?: AuthorizationCode; keepIds?: (config: TemplateConfig, index: number) => { id: string; credentialId: string } | undefined },
): CredentialsBody {
  const paths = new Map<string, string>()
  const body = configs.map((entry, index) => {
    const part = credentials[index]
    if (!part) throw new Error(`Plugboard: the Versori method needs ${configs.length} credentials; got ${credentials.length}.`)
    const wire = wireData(part, entry, context.code)
    const root = `connection.credentials.${index}`
    paths.set(root, `credentials.${index}`)
    for (const [dataPath, formField] of wire.fields) {
      paths.set(`${root}.credential.data.${dataPath}`, formField === null ? NOT_A_FIELD : `credentials.${index}.${formField}`)
    }
    const kept = context.keepIds?.(entry, index)
    return {
      id: kept?.id ?? ulid(),
      authSchemeConfig: echo(entry.raw),
      credential: { id: kept?.credentialId ?? ulid(), organisationId: context.organisationId, type: wire.type, data: wire.data },
    }
  })
  return { credentials: body, paths }
}
