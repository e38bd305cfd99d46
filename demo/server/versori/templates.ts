import type { ConnectionTemplate, VersoriSeedConnection } from './model'
import { VERSORI_DEMO } from './types'

/** A fixed, readable ULID: the prefix, then the number padded with zeros to 26 characters. */
const ulid = (prefix: string, n: number) => `01JD0${prefix}${String(n).padStart(21 - prefix.length, '0')}`
const system = (n: number) => ulid('SY', n)
const template = (n: number) => ulid('TM', n)
const config = (n: number) => ulid('CF', n)

/** Where the demo's templates point. */
export interface DemoTemplateOptions {
  /** The OAuth 2 authorization server's issuer: authorize at `${issuer}/auth`, tokens at `${issuer}/token`. */
  issuer: string
  /** The stand-in provider's ("Acme API") base URL: every template's `templateBaseUrl`. */
  apiBaseUrl: string
}

const scopes = [
  { name: 'api:read', description: 'Read your Acme data' },
  { name: 'api:write', description: 'Change your Acme data' },
]

/**
 * The demo's connection templates: one per scheme and grant, plus two API-key configs (a method
 * picker), OAuth 2 client credentials with mTLS (a two-part method), OAuth 1 with tokens (a
 * modifiable `realm`) and 3-legged OAuth 1 (which the kit shows as not available). All are valid
 * against the patched contract; `id` is the system id, distinct from `connectionTemplateId`.
 */
export function demoTemplates({ issuer, apiBaseUrl }: DemoTemplateOptions): ConnectionTemplate[] {
  const tokenUrl = `${issuer}/token`
  const org = VERSORI_DEMO.organisationId
  const make = (n: number, name: string, authSchemeConfigs: ConnectionTemplate['authSchemeConfigs']): ConnectionTemplate => ({
    id: system(n),
    connectionTemplateId: template(n),
    name,
    domain: 'acme.example',
    dynamic: true,
    templateBaseUrl: apiBaseUrl,
    authSchemeConfigs,
  })
  return [
    make(1, 'Acme API key', [{ type: 'api-key', apiKey: { id: config(1), description: 'API key', name: 'X-Api-Key', in: 'header' } }]),
    make(2, 'Acme Basic', [{ type: 'basic-auth', basicAuth: { id: config(2), description: 'Username and password' } }]),
    make(3, 'Acme Secret', [{ type: 'secret' }]),
    make(4, 'Acme Webhooks', [
      {
        type: 'hmac',
        hmac: { id: config(4), description: 'Webhook signing secret', name: 'X-Acme-Signature', in: 'header', algorithm: 'sha256', digestInputs: ['body', 'url'], encoding: 'hex' },
      },
    ]),
    make(5, 'Acme JWT', [{ type: 'jwt-bearer' }]),
    make(6, 'Acme mTLS', [{ type: 'certificate', certificate: { id: config(6), description: 'Client certificate' } }]),
    make(7, 'Acme Client Credentials', [
      {
        type: 'oauth2',
        oauth2: { id: config(7), description: 'OAuth 2.0 client credentials', tokenUrl, scopes, defaultScopes: ['api:read'], grant: { type: 'clientCredentials', clientCredentials: {} } },
      },
    ]),
    make(8, 'Acme Password', [
      {
        type: 'oauth2',
        oauth2: {
          id: config(8),
          description: 'Acme username and password',
          tokenUrl,
          scopes,
          defaultScopes: ['api:read'],
          grant: { type: 'password', password: { clientId: VERSORI_DEMO.passwordClient.id, credentialId: VERSORI_DEMO.passwordClient.credentialId, organisationId: org } },
        },
      },
    ]),
    make(9, 'Acme OAuth', [
      {
        type: 'oauth2',
        oauth2: {
          id: config(9),
          description: 'Sign in with Acme',
          authorizeUrl: `${issuer}/auth`,
          tokenUrl,
          scopes,
          defaultScopes: ['api:read'],
          additionalAuthorizeParams: 'access_type=offline',
          pkce: true,
          grant: { type: 'authorizationCode', authorizationCode: { clientId: VERSORI_DEMO.codeClient.id, credentialId: VERSORI_DEMO.codeClient.credentialId, organisationId: org } },
        },
      },
    ]),
    make(10, 'Acme OAuth 1 token', [
      {
        type: 'oauth1',
        oauth1: {
          id: config(10),
          description: 'Acme access token',
          tokenAuth: true,
          consumerKey: 'acme-consumer',
          consumerSecret: 'acme-consumer-secret',
          signatureMethod: 'sha256',
          tokenEndpoint: {
            url: `${apiBaseUrl}/oauth1/access_token`,
            additionalParamConfigs: [
              { parameterName: 'realm', location: 'LOCATION_HEADER_PARAMETER', usages: 'USAGE_TOKEN_REQUEST_ENDPOINT', required: false, modifiable: true },
              { parameterName: 'api_version', targetName: 'X-Acme-Version', location: 'LOCATION_HEADER', usages: 'USAGE_TOKEN_REQUEST_ENDPOINT', required: true, modifiable: false },
            ],
          },
        },
      },
    ]),
    make(11, 'Legacy OAuth 1', [
      {
        type: 'oauth1',
        oauth1: {
          id: config(11),
          description: 'Sign in with Legacy',
          consumerKey: 'legacy-consumer',
          consumerSecret: 'legacy-consumer-secret',
          signatureMethod: 'sha1',
          tempCredentialEndpoint: { url: `${apiBaseUrl}/oauth1/request_token` },
          resourceOwnerAuthorizationEndpoint: { url: `${apiBaseUrl}/oauth1/authorize` },
          tokenEndpoint: { url: `${apiBaseUrl}/oauth1/access_token` },
        },
      },
    ]),
    make(12, 'Acme Regions', [
      { type: 'api-key', apiKey: { id: config(12), description: 'Production', name: 'X-Api-Key', in: 'header' } },
      { type: 'api-key', apiKey: { id: config(13), description: 'Sandbox', name: 'X-Api-Key', in: 'header' } },
    ]),
    make(14, 'Acme Secure OAuth', [
      {
        type: 'oauth2',
        oauth2: { id: config(14), description: 'OAuth 2.0 client credentials over mTLS', tokenUrl, scopes, defaultScopes: ['api:read'], mtlsEnabled: true, grant: { type: 'clientCredentials', clientCredentials: {} } },
      },
      { type: 'certificate', certificate: { id: config(15), description: 'Client certificate for the token endpoint' } },
    ]),
    make(16, 'Acme (no auth)', [{ type: 'none', none: { id: config(16), description: 'No authentication' } }]),
  ]
}

/** The OAuth clients the demo platform holds, by the credential id its templates name. */
export function demoClients(): Record<string, { clientId: string; clientSecret: string }> {
  const { codeClient, passwordClient } = VERSORI_DEMO
  return {
    [codeClient.credentialId]: { clientId: codeClient.id, clientSecret: codeClient.secret },
    [passwordClient.credentialId]: { clientId: passwordClient.id, clientSecret: passwordClient.secret },
  }
}

/** The demo's starting point: a working, a refused and an unchecked connection for the demo user. */
export function demoSeed(externalId: string = VERSORI_DEMO.externalId): VersoriSeedConnection[] {
  return [
    { template: 'Acme API key', externalId, errors: [], createdAt: '2026-09-02T14:12:00Z', updatedAt: '2026-11-20T08:30:00Z' },
    { template: 'Acme Basic', externalId, errors: ['The provider rejected the password.'], createdAt: '2026-06-11T09:00:00Z' },
    { template: 'Acme OAuth', externalId, createdAt: '2026-11-21T10:05:00Z' },
  ]
}
