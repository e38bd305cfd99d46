import { createHmac, createPrivateKey, createPublicKey, randomBytes, randomUUID, sign, X509Certificate } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { ACME_DEMO, hmacSignature, JWT_ALGORITHM_BY_KEY, oauth1BaseString, oauth1Signature, percentEncode, publicKeyId, readFixture } from '../acmeApi'
import type { HmacSettings, Placement } from '../acmeApi'
import { VERSORI_DEMO } from './types'
import type { CheckProblem, CredentialCheck, WireAuthSchemeConfig, WireCredential } from './types'

// Checks each credential of a Versori CreateConnection/UpdateConnection for real: against the local
// "Acme API" (acmeApi.ts), its mTLS endpoint, or the demo's OAuth server. Demo choices, documented:
// - secret: sent as `Authorization: Bearer <secret>`.
// - api-key in a cookie: the value is percent-encoded.
// - hmac: the check registers the secret at Acme first (as if pasted into Acme's webhook settings).
// - jwt-bearer: the check registers the key's public part (or the HS256 secret) at Acme first, so
//   any RSA, EC P-256 or Ed25519 key works; claims iss = sub = `versori-demo`, aud `acme-api`, 5 min.
// - certificate: the mTLS request trusts `mtlsCa` for Acme's server certificate; the uploaded `ca`
//   must have issued the uploaded certificate, and Acme only accepts certificates from its own CA.
// - oauth2 with `mtlsEnabled`: the token request is unchanged (the demo's token endpoint is plain HTTP).
// - oauth1-token: `realm` goes in the Authorization header (unsigned); other additional params go
//   in the query string (signed).

/** OAuth clients the platform holds (their secrets never reach the browser), by their credential id. */
export type PlatformClients = Record<string, { id: string; secret: string }>

/** Options of {@link createVersoriChecks}. */
export interface VersoriChecksOptions {
  /** Acme's HTTP API, e.g. `http://localhost:4013`. */
  acmeUrl: string
  /** Acme's mTLS endpoint, e.g. `https://localhost:4014`. */
  acmeMtlsUrl: string
  /** PEM of the CA that issued Acme's mTLS server certificate. @default demo/fixtures/mtls/ca.pem */
  mtlsCa?: string
  /** The password-grant (and code) clients, by `config.oauth2.grant.password.credentialId`. @default VERSORI_DEMO's */
  clients?: PlatformClients
  /** How long any outbound request may take. @default 5000 */
  timeoutMs?: number
}

type Json = Record<string, unknown>
const object = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {})
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const problem = (field: string, message: string): CheckProblem[] => [{ field, message }]

// ─── Outbound requests: one helper, always with a deadline ──────────────────────────────────────

/** Why a request got no HTTP answer. */
class OutboundError extends Error {
  constructor(
    readonly kind: 'timeout' | 'unreachable' | 'tls-refused' | 'tls-server' | 'unsendable',
    message: string,
  ) {
    super(message)
  }
}

interface Outbound {
  method?: string
  headers?: Record<string, string>
  body?: string
  /** Client certificate (PEM chain), its key (PEM) and the CA to verify the server with. */
  tls?: { cert: string; key: string; ca: string }
}

interface Answer {
  status: number
  json: Json
}

function classify(error: NodeJS.ErrnoException, what: string, seconds: number): OutboundError {
  if (error instanceof OutboundError) return error
  const code = String(error.code ?? '')
  if (code === 'ECONNRESET' || code === 'EPIPE' || (code.startsWith('ERR_SSL_') && /alert/i.test(error.message))) {
    return new OutboundError('tls-refused', `${what} closed the connection.`)
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) return new OutboundError('tls-server', `Could not verify the server certificate of ${what}.`)
  if (code === 'ETIMEDOUT') return new OutboundError('timeout', `${what} did not answer within ${seconds} s.`)
  return new OutboundError('unreachable', `Could not reach ${what}${code ? ` (${code})` : ''}.`)
}

function send(url: URL, init: Outbound, what: string, timeoutMs: number): Promise<Answer> {
  const seconds = Math.round(timeoutMs / 100) / 10
  return new Promise((resolve, reject) => {
    const options: RequestOptions = { method: init.method ?? 'GET', headers: { Accept: 'application/json', ...init.headers }, agent: false }
    let request: ClientRequest
    const onResponse = (response: IncomingMessage) => {
      const chunks: Buffer[] = []
      let size = 0
      response.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > 256 * 1024) request.destroy(new OutboundError('unreachable', `${what} sent too large an answer.`))
        else chunks.push(chunk)
      })
      response.on('end', () => {
        clearTimeout(timer)
        let json: Json = {}
        try {
          json = object(JSON.parse(Buffer.concat(chunks).toString('utf8')))
        } catch {
          // not JSON: the status says enough
        }
        resolve({ status: response.statusCode ?? 0, json })
      })
      response.on('error', (error) => request.destroy(error))
    }
    try {
      request =
        url.protocol === 'https:'
          ? httpsRequest(url, { ...options, ...(init.tls ?? {}) }, onResponse)
          : httpRequest(url, options, onResponse)
    } catch {
      // e.g. a value with characters a header cannot carry
      return reject(new OutboundError('unsendable', 'This value has characters that cannot be sent in an HTTP request.'))
    }
    const timer = setTimeout(() => request.destroy(new OutboundError('timeout', `${what} did not answer within ${seconds} s.`)), timeoutMs)
    request.on('error', (error) => {
      clearTimeout(timer)
      reject(classify(error, what, seconds))
    })
    request.end(init.body)
  })
}

// ─── Keys, certificates, JWTs ────────────────────────────────────────────────────────────────────

/** A private key from PEM text, or why not (never echoing the text). */
function readPrivateKey(pem: string): KeyObject | string {
  if (!pem.trim()) return 'Upload the private key.'
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/.test(pem)) return 'This key is encrypted: upload it without a passphrase.'
  try {
    return createPrivateKey(pem)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MISSING_PASSPHRASE') return 'This key is encrypted: upload it without a passphrase.'
    if (/-----BEGIN (RSA |EC )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----/.test(pem)) return 'This is a public key or certificate: upload the private key.'
    return 'This is not a readable PEM private key.'
  }
}

function readCertificates(pem: string): X509Certificate[] | undefined {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)
  if (!blocks) return undefined
  try {
    return blocks.map((block) => new X509Certificate(block))
  } catch {
    return undefined
  }
}

const issuedBy = (child: X509Certificate, parent: X509Certificate) => child.checkIssued(parent) && child.verify(parent.publicKey)

/** Whether a CA in `cas` issued `leaf`, directly or through intermediates sent with it. */
function chainsTo(leaf: X509Certificate, intermediates: X509Certificate[], cas: X509Certificate[]): boolean {
  let current = leaf
  for (let depth = 0; depth < 5; depth++) {
    if (cas.some((ca) => issuedBy(current, ca))) return true
    const next = intermediates.find((candidate) => candidate !== current && issuedBy(current, candidate))
    if (!next) return false
    current = next
  }
  return false
}

function datesProblem(certificate: X509Certificate, what: string): string | undefined {
  const now = Date.now()
  if (now < new Date(certificate.validFrom).getTime()) return `${what} is not valid before ${new Date(certificate.validFrom).toISOString().slice(0, 10)}.`
  if (now > new Date(certificate.validTo).getTime()) return `${what} expired on ${new Date(certificate.validTo).toISOString().slice(0, 10)}.`
  return undefined
}

/** A compact JWS, signed by `signer` (RFC 7515 / 7519). */
function mintJwt(alg: string, kid: string, signer: (input: Buffer) => Buffer): string {
  const now = Math.floor(Date.now() / 1000)
  const encode = (value: Json) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const input = `${encode({ alg, typ: 'JWT', kid })}.${encode({ iss: 'versori-demo', sub: 'versori-demo', aud: ACME_DEMO.jwtAudience, iat: now, exp: now + 300, jti: randomUUID() })}`
  return `${input}.${signer(Buffer.from(input)).toString('base64url')}`
}

function jwtSigner(key: KeyObject): { alg: string; sign: (input: Buffer) => Buffer } | undefined {
  const type = key.asymmetricKeyType
  if (type === 'rsa') return { alg: JWT_ALGORITHM_BY_KEY.rsa, sign: (input) => sign('sha256', input, key) }
  if (type === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    return { alg: JWT_ALGORITHM_BY_KEY.ec, sign: (input) => sign('sha256', input, { key, dsaEncoding: 'ieee-p1363' }) }
  }
  if (type === 'ed25519') return { alg: JWT_ALGORITHM_BY_KEY.ed25519, sign: (input) => sign(null, input, key) }
  return undefined
}

// ─── The checks ──────────────────────────────────────────────────────────────────────────────────

/** The credential type each scheme takes (oauth2 and oauth1 take several; see below). */
const expectedType: Record<string, string[]> = {
  none: ['none'],
  'api-key': ['string'],
  secret: ['string'],
  hmac: ['string'],
  'basic-auth': ['basic-auth'],
  'jwt-bearer': ['binary'],
  certificate: ['certificate'],
  oauth2: ['oauth2-client', 'oauth2-password', 'oauth2-code', 'oauth2-token'],
  oauth1: ['oauth1', 'oauth1-token'],
}

/** Where a problem that is nobody's typing (timeout, unreachable) is shown. */
const mainField: Record<string, string> = {
  string: 'string.value',
  binary: 'binary.valueBase64',
  'basic-auth': 'basicAuth.password',
  certificate: 'certificate.certificate',
  'oauth2-client': 'oauth2Client.tokenUrl',
  'oauth2-password': 'oauth2Password.password',
  'oauth1-token': 'oauth1Token.token',
  none: 'none',
}

/**
 * The demo platform's {@link CredentialCheck}: one real request (or TLS handshake, or token request)
 * per credential, answering the problems found at paths inside the credential's `data`. Messages are
 * short, meant for people, and never contain the value checked. `oauth2-code` (exchanged by the
 * platform itself), `oauth2-token` and `oauth1` (browser flow) credentials are not checked here.
 */
export function createVersoriChecks(options: VersoriChecksOptions): CredentialCheck {
  const timeoutMs = options.timeoutMs ?? 5000
  const clients: PlatformClients = options.clients ?? {
    [VERSORI_DEMO.passwordClient.credentialId]: { id: VERSORI_DEMO.passwordClient.id, secret: VERSORI_DEMO.passwordClient.secret },
    [VERSORI_DEMO.codeClient.credentialId]: { id: VERSORI_DEMO.codeClient.id, secret: VERSORI_DEMO.codeClient.secret },
  }
  let mtlsCa = options.mtlsCa
  const acme = (path: string) => new URL(path, options.acmeUrl)
  const toAcme = (path: string | URL, init: Outbound = {}) => send(typeof path === 'string' ? acme(path) : path, init, 'Acme', timeoutMs)

  async function none(): Promise<CheckProblem[]> {
    const answer = await toAcme('/open')
    return answer.status === 200 ? [] : problem('none', `Acme answered HTTP ${answer.status}.`)
  }

  async function apiKey(config: Json, key: string): Promise<CheckProblem[]> {
    const { in: placement, name } = object(config.apiKey)
    if (!['header', 'query', 'cookie'].includes(placement as string) || typeof name !== 'string' || !name) {
      return problem('', 'The template does not say where the API key goes.')
    }
    if (!key) return problem('string.value', 'Enter the API key.')
    const url = acme(`/api-key/${placement}/${encodeURIComponent(name)}`)
    const headers: Record<string, string> = {}
    if (placement === 'header') headers[name] = key
    else if (placement === 'query') url.searchParams.set(name, key)
    else headers.Cookie = `${name}=${encodeURIComponent(key)}`
    const answer = await toAcme(url, { headers })
    return answer.status === 200 ? [] : problem('string.value', text(answer.json.message) ?? 'Acme refused this API key.')
  }

  async function secret(value: string): Promise<CheckProblem[]> {
    if (!value) return problem('string.value', 'Enter the secret.')
    const answer = await toAcme('/secret', { headers: { Authorization: `Bearer ${value}` } })
    return answer.status === 200 ? [] : problem('string.value', text(answer.json.message) ?? 'Acme refused this secret.')
  }

  async function basicAuth(data: Json): Promise<CheckProblem[]> {
    const username = text(data.username) ?? ''
    const password = text(data.password) ?? ''
    if (!username) return problem('basicAuth.username', 'Enter the username.')
    if (username.includes(':')) return problem('basicAuth.username', 'A username cannot contain ":" in Basic authentication.')
    if (!password) return problem('basicAuth.password', 'Enter the password.')
    const answer = await toAcme('/basic', { headers: { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` } })
    if (answer.status === 200) return []
    const field = answer.json.error === 'unknown_user' ? 'basicAuth.username' : 'basicAuth.password'
    return problem(field, text(answer.json.message) ?? 'Acme refused this username and password.')
  }

  async function hmac(config: Json, value: string): Promise<CheckProblem[]> {
    const settings = object(config.hmac) as unknown as HmacSettings & { in: Placement; name: string }
    if (!value) return problem('string.value', 'Enter the signing secret.')
    const registered = await toAcme('/webhook-secrets', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...settings, secret: value }),
    })
    if (registered.status === 400) return problem('', `The template's HMAC settings are incomplete: ${text(registered.json.message) ?? ''}`.trim())
    if (registered.status !== 201 || typeof registered.json.id !== 'string') return problem('string.value', text(registered.json.message) ?? 'Acme refused this secret.')
    const url = acme(`/webhooks/${encodeURIComponent(registered.json.id)}`)
    const body = JSON.stringify({ event: 'connection.test', id: `evt_${randomUUID()}`, sentAt: new Date().toISOString() })
    const signature = hmacSignature(settings, value, { body, url: url.href })
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (settings.in === 'header') headers[settings.name] = signature
    else if (settings.in === 'query') url.searchParams.set(settings.name, signature)
    else headers.Cookie = `${settings.name}=${signature}`
    const answer = await toAcme(url, { method: 'POST', headers, body })
    return answer.status === 200 ? [] : problem('string.value', text(answer.json.message) ?? 'Acme could not verify the signature.')
  }

  async function jwtBearer(data: Json): Promise<CheckProblem[]> {
    const field = 'binary.valueBase64'
    const base64 = (text(data.valueBase64) ?? '').replace(/\s/g, '')
    if (!base64) return problem(field, 'Upload a private key or enter a shared secret.')
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return problem(field, 'This value is not base64.')
    let content: string
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(base64, 'base64'))
    } catch {
      return problem(field, 'This file is not text: upload a PEM private key.')
    }
    let signer: { alg: string; sign: (input: Buffer) => Buffer }
    let registration: Json
    if (content.includes('-----BEGIN')) {
      const key = readPrivateKey(content)
      if (typeof key === 'string') return problem(field, key)
      const found = jwtSigner(key)
      if (!found) return problem(field, 'Acme accepts RSA, EC P-256 and Ed25519 keys.')
      signer = found
      registration = { publicKey: createPublicKey(key).export({ type: 'spki', format: 'pem' }) }
    } else {
      signer = { alg: 'HS256', sign: (input) => createHmac('sha256', content).update(input).digest() }
      registration = { sharedSecret: content }
    }
    const registered = await toAcme('/jwt-keys', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(registration) })
    if (registered.status !== 201 || typeof registered.json.kid !== 'string') return problem(field, text(registered.json.message) ?? 'Acme refused this key.')
    const jwt = mintJwt(signer.alg, registered.json.kid, signer.sign)
    const answer = await toAcme('/jwt', { headers: { Authorization: `Bearer ${jwt}` } })
    return answer.status === 200 ? [] : problem(field, text(answer.json.message) ?? 'Acme refused the signed token.')
  }

  async function certificate(data: Json): Promise<CheckProblem[]> {
    const problems: CheckProblem[] = []
    const certificates = readCertificates(text(data.certificate) ?? '')
    if (!certificates) problems.push({ field: 'certificate.certificate', message: 'Upload a PEM certificate.' })
    const key = readPrivateKey(text(data.key) ?? '')
    if (typeof key === 'string') problems.push({ field: 'certificate.key', message: key })
    const cas = readCertificates(text(data.ca) ?? '')
    if (!cas) problems.push({ field: 'certificate.ca', message: 'Upload the PEM certificate of the CA that issued it.' })
    if (problems.length) return problems

    const [leaf, ...intermediates] = certificates!
    if (!leaf!.checkPrivateKey(key as KeyObject)) problems.push({ field: 'certificate.key', message: 'This key does not belong to the certificate.' })
    const dates = datesProblem(leaf!, 'The certificate')
    if (dates) problems.push({ field: 'certificate.certificate', message: dates })
    if (!chainsTo(leaf!, intermediates, cas!)) problems.push({ field: 'certificate.ca', message: 'This CA did not issue the certificate.' })
    else {
      const expired = cas!.map((ca) => datesProblem(ca, 'The CA certificate')).find(Boolean)
      if (expired) problems.push({ field: 'certificate.ca', message: expired })
    }
    if (problems.length) return problems

    mtlsCa ??= readFixture('mtls/ca.pem')
    const tls = { cert: text(data.certificate)!, key: (key as KeyObject).export({ type: 'pkcs8', format: 'pem' }) as string, ca: mtlsCa }
    try {
      const answer = await send(new URL('/mtls', options.acmeMtlsUrl), { tls }, "Acme's mTLS endpoint", timeoutMs)
      return answer.status === 200 ? [] : problem('certificate.certificate', `Acme's mTLS endpoint answered HTTP ${answer.status}.`)
    } catch (error) {
      if (error instanceof OutboundError && error.kind === 'tls-refused') {
        return problem('certificate.certificate', "Acme's mTLS endpoint refused this certificate: Acme only trusts certificates its own CA issued.")
      }
      throw error
    }
  }

  /** A token request with client_secret_basic (RFC 6749 §2.3.1), answering the parsed answer. */
  function tokenRequest(tokenUrl: URL, client: { id: string; secret: string }, params: URLSearchParams) {
    const basic = Buffer.from(`${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`).toString('base64')
    return send(tokenUrl, { method: 'POST', headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' }, body: params.toString() }, 'The token endpoint', timeoutMs)
  }

  const httpUrl = (value: unknown): URL | undefined => {
    try {
      const url = new URL(String(value ?? ''))
      return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
    } catch {
      return undefined
    }
  }

  /** Token parameters: the grant's, then the scopes, then the additional ones (which cannot override the grant). */
  function tokenParams(grant: Json, scopes: unknown, additional: unknown): URLSearchParams {
    const params = new URLSearchParams(grant as Record<string, string>)
    if (Array.isArray(scopes) && scopes.length) params.set('scope', scopes.join(' '))
    for (const [name, value] of new URLSearchParams(text(additional) ?? '')) {
      if (!params.has(name) && !['client_id', 'client_secret'].includes(name)) params.append(name, value)
    }
    return params
  }

  async function clientCredentials(oauth2: Json, data: Json): Promise<CheckProblem[]> {
    // With `mtlsEnabled` the demo sends the same request: its token endpoint is plain HTTP.
    const clientId = text(data.clientId) ?? ''
    const clientSecret = text(data.clientSecret) ?? ''
    if (!clientId) return problem('oauth2Client.clientId', 'Enter the client ID.')
    if (!clientSecret) return problem('oauth2Client.clientSecret', 'Enter the client secret.')
    const tokenUrl = httpUrl(data.tokenUrl ?? oauth2.tokenUrl)
    if (!tokenUrl) return problem('oauth2Client.tokenUrl', 'The token URL must be an http(s) URL.')
    const scopes = Array.isArray(data.scopes) && data.scopes.length ? data.scopes : oauth2.defaultScopes
    const params = tokenParams({ grant_type: 'client_credentials' }, scopes, data.additionalParams ?? oauth2.additionalTokenParams)
    const answer = await tokenRequest(tokenUrl, { id: clientId, secret: clientSecret }, params)
    if (answer.status === 200 && typeof answer.json.access_token === 'string') return []
    const { error } = answer.json
    const description = text(answer.json.error_description) ?? ''
    if (error === 'invalid_client' && /unknown client|not found/i.test(description)) return problem('oauth2Client.clientId', 'The authorization server does not know this client ID.')
    if (error === 'invalid_client') return problem('oauth2Client.clientSecret', 'The authorization server refused this client secret.')
    if (error === 'invalid_scope') return problem('oauth2Client.scopes', 'The authorization server refused these scopes.')
    if (error === 'unauthorized_client' || /grant type/i.test(description)) return problem('oauth2Client.clientId', 'This client may not use the client credentials grant.')
    return problem('oauth2Client.clientSecret', `The token endpoint refused the request (${text(error) ?? `HTTP ${answer.status}`}).`)
  }

  async function password(oauth2: Json, data: Json): Promise<CheckProblem[]> {
    const username = text(data.username) ?? ''
    const secretValue = text(data.password) ?? ''
    if (!username) return problem('oauth2Password.username', 'Enter the username.')
    if (!secretValue) return problem('oauth2Password.password', 'Enter the password.')
    const grant = object(object(oauth2.grant).password)
    const client = clients[text(grant.credentialId) ?? '']
    if (!client) return problem('', 'The platform holds no OAuth client for this template.')
    const tokenUrl = httpUrl(oauth2.tokenUrl)
    if (!tokenUrl) return problem('', "The template's token URL is not an http(s) URL.")
    const params = tokenParams({ grant_type: 'password', username, password: secretValue }, oauth2.defaultScopes, oauth2.additionalTokenParams)
    const answer = await tokenRequest(tokenUrl, client, params)
    if (answer.status === 200 && typeof answer.json.access_token === 'string') return []
    if (answer.json.error === 'invalid_grant') return problem('oauth2Password.password', 'Wrong username or password.')
    return problem('', `The token endpoint refused the platform's request (${text(answer.json.error) ?? `HTTP ${answer.status}`}).`)
  }

  async function oauth1Token(oauth1: Json, data: Json): Promise<CheckProblem[]> {
    const token = text(data.token) ?? ''
    const tokenSecret = text(data.tokenSecret) ?? ''
    if (!token) return problem('oauth1Token.token', 'Enter the token.')
    if (!tokenSecret) return problem('oauth1Token.tokenSecret', 'Enter the token secret.')
    const method = { sha256: 'HMAC-SHA256', 'hmac-sha256': 'HMAC-SHA256', sha1: 'HMAC-SHA1', 'hmac-sha1': 'HMAC-SHA1' }[String(oauth1.signatureMethod).toLowerCase()] as
      | 'HMAC-SHA256'
      | 'HMAC-SHA1'
      | undefined
    const consumerKey = text(oauth1.consumerKey)
    if (!method || !consumerKey) return problem('', "The template's OAuth 1 settings are incomplete.")

    const url = acme('/oauth1')
    let realm: string | undefined
    for (const entry of Array.isArray(data.additionalParams) ? data.additionalParams : []) {
      const { name, value } = object(entry)
      if (typeof name !== 'string' || !name) continue
      if (name === 'realm') realm = text(value) ?? ''
      else url.searchParams.append(name, text(value) ?? '')
    }
    const oauth: [string, string][] = [
      ['oauth_consumer_key', consumerKey],
      ['oauth_token', token],
      ['oauth_signature_method', method],
      ['oauth_timestamp', String(Math.floor(Date.now() / 1000))],
      ['oauth_nonce', randomBytes(16).toString('hex')],
      ['oauth_version', '1.0'],
    ]
    const baseString = oauth1BaseString('GET', url.href, [...url.searchParams, ...oauth])
    oauth.push(['oauth_signature', oauth1Signature(method, baseString, text(oauth1.consumerSecret) ?? '', tokenSecret)])
    const header = [...(realm === undefined ? [] : [['realm', realm] as const]), ...oauth].map(([name, value]) => `${name}="${percentEncode(value)}"`).join(', ')
    const answer = await toAcme(url, { headers: { Authorization: `OAuth ${header}` } })
    if (answer.status === 200) return []
    const error = answer.json.error
    if (error === 'unknown_token') return problem('oauth1Token.token', 'Acme did not issue this token.')
    if (error === 'invalid_signature') return problem('oauth1Token.tokenSecret', 'Acme could not verify the signature: check the token secret.')
    if (error === 'unknown_consumer') return problem('', "Acme does not know the template's consumer key.")
    return problem('oauth1Token.token', text(answer.json.message) ?? 'Acme refused this token.')
  }

  async function check(config: WireAuthSchemeConfig, credential: WireCredential): Promise<CheckProblem[]> {
    const data = object(credential.data)
    const value = text(object(data.string).value) ?? ''
    switch (config.type) {
      case 'none':
        return none()
      case 'api-key':
        return apiKey(config, value)
      case 'secret':
        return secret(value)
      case 'hmac':
        return hmac(config, value)
      case 'basic-auth':
        return basicAuth(object(data.basicAuth))
      case 'jwt-bearer':
        return jwtBearer(object(data.binary))
      case 'certificate':
        return certificate(object(data.certificate))
      case 'oauth2': {
        const oauth2 = object(config.oauth2)
        if (credential.type === 'oauth2-client') return clientCredentials(oauth2, object(data.oauth2Client))
        if (credential.type === 'oauth2-password') return password(oauth2, object(data.oauth2Password))
        return [] // oauth2-code: the platform exchanges the code itself; oauth2-token: nothing to call
      }
      case 'oauth1':
        return credential.type === 'oauth1-token' ? oauth1Token(object(config.oauth1), object(data.oauth1Token)) : []
      default:
        return []
    }
  }

  return async ({ config, credential }) => {
    const expected = expectedType[config.type]
    if (expected && !expected.includes(credential.type)) {
      return problem('', `A ${config.type} scheme takes a ${expected.join(' or ')} credential, not ${credential.type}.`)
    }
    try {
      return await check(config, credential)
    } catch (error) {
      if (error instanceof OutboundError) return problem(mainField[credential.type] ?? '', error.message)
      return problem(mainField[credential.type] ?? '', 'The check failed unexpectedly.')
    }
  }
}
