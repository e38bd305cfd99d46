import { expect } from 'vitest'
import { requestBodyPointer } from '../../demo/server/versori/contract'
import type { VersoriContract } from '../../demo/server/versori/contract'
import { configObject, echoedConfig, oauth2Grant, publicConfig } from '../../demo/server/versori/credentialRules'
import type { ConnectionTemplate } from '../../demo/server/versori/model'
import { VERSORI_PATHS } from '../../demo/server/versori/platform'
import { defaultMethod } from '../../demo/server/versori/store'
import type { WireAuthSchemeConfig } from '../../demo/server/versori/types'
import { VERSORI_DEMO } from '../../demo/server/versori/types'
import { newUlid } from '../../demo/server/versori/ulid'

// Drives a Versori platform the way the kit does, checking every answer against the contract.

/** Every secret the harness types contains this, so a test can search an answer for leaks. */
export const SECRET_MARK = 'S3CR3T'

/** Something that answers requests: a Hono app (`app.request`) or `fetch` against a base URL. */
export type Send = (path: string, init: RequestInit) => Promise<Response>

/** An answer, read once. */
export interface Answer {
  status: number
  headers: Headers
  text: string
  json: any
}

/** Path variables of the contract's paths. */
export interface PathVars {
  org?: string
  project?: string
  id?: string
  system?: string
}

/**
 * Sends a request to a contract path (`VERSORI_PATHS.connections`…) and checks the answer: an
 * operation the contract defines must answer its response schema (or `Error`), anything else an
 * `Error`; every error is JSON.
 */
export async function callVersori(
  send: Send,
  contract: VersoriContract,
  method: string,
  contractPath: string,
  vars: PathVars = {},
  options: { body?: unknown; auth?: string | null; query?: Record<string, string> } = {},
): Promise<Answer> {
  const path =
    contractPath
      .replace('{organisation_id}', vars.org ?? VERSORI_DEMO.organisationId)
      .replace('{project_id}', vars.project ?? VERSORI_DEMO.projectId)
      .replace('{connection_id}', vars.id ?? '')
      .replace('{system_id}', vars.system ?? '') + (options.query ? `?${new URLSearchParams(options.query)}` : '')
  const headers: Record<string, string> = {}
  if (options.auth !== null) headers.Authorization = options.auth ?? 'Bearer key'
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await send(path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
  const text = await response.text()
  const json = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined
  const answer = { status: response.status, headers: response.headers, text, json }
  const operation = (contract.document.paths as Record<string, Record<string, unknown>>)[contractPath]?.[method.toLowerCase()]
  if (response.status >= 400) expect(response.headers.get('content-type')).toBe('application/json')
  if (operation && json !== undefined) {
    expect(contract.responseIssues(contractPath, method, response.status, json), `${method} ${path} → ${response.status}`).toEqual([])
  } else if (response.status !== 204) {
    expect(contract.specIssues('#/components/schemas/Error', json), `${method} ${path} → ${response.status}`).toEqual([])
  }
  return answer
}

/** A PEM block with a stand-in body. */
export const pem = (label: string, body = 'c2VlZGVk') => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`

/** What a person would type for a config (with {@link SECRET_MARK} in every secret). */
export function typedCredential(config: WireAuthSchemeConfig): { type: string; data: Record<string, unknown> } {
  const body = configObject(config) ?? {}
  switch (config.type) {
    case 'none':
      return { type: 'none', data: { none: {} } }
    case 'api-key':
    case 'secret':
    case 'hmac':
      return { type: 'string', data: { string: { value: `${SECRET_MARK}-value` } } }
    case 'basic-auth':
      return { type: 'basic-auth', data: { basicAuth: { username: 'ada', password: `${SECRET_MARK}-password` } } }
    case 'jwt-bearer':
      return { type: 'binary', data: { binary: { valueBase64: btoa(pem('PRIVATE KEY', SECRET_MARK)) } } }
    case 'certificate':
      return { type: 'certificate', data: { certificate: { certificate: pem('CERTIFICATE'), key: pem('PRIVATE KEY', SECRET_MARK), ca: pem('CERTIFICATE') } } }
    case 'oauth1':
      return { type: 'oauth1-token', data: { oauth1Token: { token: 'token', tokenSecret: `${SECRET_MARK}-token-secret`, additionalParams: [{ name: 'realm', value: 'acme' }] } } }
    case 'oauth2':
      if (oauth2Grant(config) === 'password') return { type: 'oauth2-password', data: { oauth2Password: { username: 'ada@example.com', password: `${SECRET_MARK}-password` } } }
      return {
        type: 'oauth2-client',
        data: { oauth2Client: { clientId: VERSORI_DEMO.clientCredentialsClient.id, clientSecret: `${SECRET_MARK}-client-secret`, tokenUrl: String(body.tokenUrl), scopes: ['api:read'] } },
      }
    default:
      throw new Error(`No typed credential for ${config.type}`)
  }
}

/** A `ConnectionCredential` as the kit builds it: fresh ULIDs, the config echoed as the API showed it. */
export function credentialEntry(config: WireAuthSchemeConfig, credential: { type: string; data: Record<string, unknown> }) {
  return {
    id: newUlid(),
    authSchemeConfig: echoedConfig(publicConfig(config)),
    credential: { id: newUlid(), organisationId: VERSORI_DEMO.organisationId, ...credential },
  }
}

/** The InitialiseOAuth2Connection body the kit sends for a template's authorization-code config. */
export function initialiseBody(template: ConnectionTemplate, overrides: Record<string, unknown> = {}) {
  const config = template.authSchemeConfigs.find((candidate) => oauth2Grant(candidate) === 'authorizationCode')!
  const oauth2 = configObject(config)!
  const grant = (oauth2.grant as { authorizationCode: { clientId: string; credentialId: string; organisationId: string } }).authorizationCode
  return {
    credential: { id: grant.credentialId, organisationId: grant.organisationId },
    authorizeUrl: oauth2.authorizeUrl,
    clientId: grant.clientId,
    scopes: oauth2.defaultScopes,
    prompt: 'consent',
    additionalParams: oauth2.additionalAuthorizeParams,
    ...overrides,
  }
}

/**
 * The credentials of a template's default method, as the kit sends them; an authorization-code
 * part starts a sign-in and finishes it with `finish(url)` (the stand-in page's code, or a real one).
 */
export async function kitCredentials(
  template: ConnectionTemplate,
  start: (body: ReturnType<typeof initialiseBody>) => Promise<Answer>,
  finish: (url: URL) => Promise<{ code: string; state: string }> = async (url) => ({ code: url.searchParams.get('code')!, state: url.searchParams.get('state')! }),
) {
  const entries = []
  for (const config of defaultMethod(template)) {
    if (oauth2Grant(config) === 'authorizationCode') {
      const started = await start(initialiseBody(template))
      expect(started.status).toBe(200)
      const { code, state } = await finish(new URL(started.json.url))
      entries.push(credentialEntry(config, { type: 'oauth2-code', data: { oauth2Code: { code, state } } }))
    } else {
      entries.push(credentialEntry(config, typedCredential(config)))
    }
  }
  return entries
}

/** The CreateConnection body for a template, checked against the contract first. `externalId: null` makes it static. */
export function createBody(
  contract: VersoriContract,
  template: ConnectionTemplate,
  credentials: unknown[],
  options: { name?: string; externalId?: string | null } = {},
) {
  const externalId = options.externalId === undefined ? VERSORI_DEMO.externalId : options.externalId
  const body = {
    connectionTemplateId: template.connectionTemplateId,
    ...(externalId !== null ? { externalId } : {}),
    connection: { name: options.name ?? `${template.name} – ${externalId ?? 'static'}`, credentials },
  }
  expect(contract.specIssues(requestBodyPointer(VERSORI_PATHS.connections, 'post'), body)).toEqual([])
  return body
}
