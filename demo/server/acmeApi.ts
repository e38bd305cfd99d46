import { createHash, createHmac, createPublicKey, randomUUID, timingSafeEqual, verify } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { createAdaptorServer } from '@hono/node-server'
import { Hono } from 'hono'
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'

// "Acme API": the local stand-in provider the Versori credential checks (versori/checks.ts) call for
// real. It accepts any non-empty key, secret or password that does not contain "wrong" (the demo
// page says any value works), but it checks placement, encoding and signatures for real.

/** Values the demo documents for Acme: its JWT audience and its OAuth 1.0a app and issued token. */
export const ACME_DEMO = {
  /** The `aud` Acme requires in JWT bearer tokens. */
  jwtAudience: 'acme-api',
  /** Acme's one OAuth 1.0a app (the template's consumer key and secret) and the one token it issued. */
  oauth1: { consumerKey: 'acme-consumer', consumerSecret: 'acme-consumer-secret', token: 'acme-token', tokenSecret: 'acme-token-secret' },
} as const

const fixturesDir = new URL('../fixtures/', import.meta.url)

/** Reads a test-only fixture under demo/fixtures (e.g. `mtls/ca.pem`) as text. */
export function readFixture(path: string): string {
  return readFileSync(new URL(path, fixturesDir), 'utf8')
}

/** Options of {@link createAcmeApi}. */
export interface AcmeApiOptions {
  /** PEM public keys Acme trusts for JWT bearer tokens without registration. @default the key pairs in demo/fixtures/jwt */
  jwtPublicKeys?: string[]
  /** OAuth 1.0a consumer secrets by consumer key. @default ACME_DEMO.oauth1's consumer */
  oauth1Consumers?: Record<string, string>
  /** OAuth 1.0a token secrets by the token Acme issued. @default ACME_DEMO.oauth1's token */
  oauth1Tokens?: Record<string, string>
}

/** The body of every Acme refusal. */
export interface AcmeRefusal {
  ok: false
  /** A stable code, e.g. `missing_key`, `invalid_signature`, `unknown_token`. */
  error: string
  message: string
}

const refused = (value: string) => value.length === 0 || value.toLowerCase().includes('wrong')

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

function refuse(c: Context, status: 400 | 401 | 404 | 422, error: string, message: string) {
  return c.json({ ok: false, error, message } satisfies AcmeRefusal, status)
}

/** A map that forgets its oldest entries, so registrations cannot grow without bound. */
class BoundedMap<V> extends Map<string, V> {
  constructor(private readonly limit: number) {
    super()
  }
  override set(key: string, value: V) {
    super.delete(key)
    super.set(key, value)
    if (this.size > this.limit) super.delete(this.keys().next().value!)
    return this
  }
}

/** Where a credential travels in a request (the contract's `in`). */
export type Placement = 'header' | 'query' | 'cookie'
const placements: readonly string[] = ['header', 'query', 'cookie']

function readPlaced(c: Context, placement: Placement, name: string): string | undefined {
  if (placement === 'header') return c.req.header(name)
  if (placement === 'query') return c.req.query(name)
  return getCookie(c, name)
}

// ─── HMAC (webhook signatures) ───────────────────────────────────────────────────────────────────

/** How a webhook is signed: the template's `hmac` config. */
export interface HmacSettings {
  algorithm: 'sha1' | 'sha256' | 'sha512'
  digestInputs: ('body' | 'url')[]
  encoding: 'hex' | 'base64' | 'base64url'
}

/**
 * The signature of a request: HMAC over the `digestInputs` concatenated in their order (the body as
 * sent; the full URL without the signature's own query parameter), encoded as asked.
 */
export function hmacSignature(settings: HmacSettings, secret: string, request: { body: string; url: string }): string {
  const mac = createHmac(settings.algorithm, secret)
  for (const input of settings.digestInputs) mac.update(input === 'body' ? request.body : request.url)
  return mac.digest(settings.encoding)
}

function webhookSettings(raw: Record<string, unknown>): (HmacSettings & { in: Placement; name: string }) | string {
  const { algorithm, encoding, digestInputs, name } = raw
  if (!['sha1', 'sha256', 'sha512'].includes(algorithm as string)) return 'algorithm must be sha1, sha256 or sha512.'
  if (!['hex', 'base64', 'base64url'].includes(encoding as string)) return 'encoding must be hex, base64 or base64url.'
  if (!Array.isArray(digestInputs) || !digestInputs.length || digestInputs.some((input) => input !== 'body' && input !== 'url')) {
    return 'digestInputs must list body and/or url.'
  }
  if (!placements.includes(raw.in as string)) return 'in must be header, query or cookie.'
  if (typeof name !== 'string' || !name) return 'name must name the header, query parameter or cookie.'
  return { algorithm, encoding, digestInputs, in: raw.in, name } as HmacSettings & { in: Placement; name: string }
}

// ─── JWT bearer ──────────────────────────────────────────────────────────────────────────────────

/** The JWT algorithms Acme accepts, by the key type that signs them. */
export const JWT_ALGORITHM_BY_KEY = { rsa: 'RS256', ec: 'ES256', ed25519: 'EdDSA' } as const

/** A public key's id at Acme: the SHA-256 of its SPKI DER, base64url (the check uses it as `kid`). */
export function publicKeyId(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('base64url')
}

function jwtAlgorithmOf(key: KeyObject): string | undefined {
  if (key.asymmetricKeyType === 'ec') return key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? 'ES256' : undefined
  return JWT_ALGORITHM_BY_KEY[key.asymmetricKeyType as keyof typeof JWT_ALGORITHM_BY_KEY]
}

type JwtResult = { ok: true; claims: Record<string, unknown> } | { ok: false; error: string; message: string }

/** Public keys by id: the trusted ones, then the registered ones (which may be forgotten). */
type KeyRing = { trusted: Map<string, KeyObject>; registered: Map<string, KeyObject> }

function keysFor(ring: KeyRing, kid: string | undefined): (KeyObject | undefined)[] {
  if (kid) return [ring.trusted.get(kid) ?? ring.registered.get(kid)]
  return [...ring.trusted.values(), ...ring.registered.values()]
}

function verifyJwt(token: string, keys: KeyRing, sharedSecrets: Map<string, string>, now = Date.now() / 1000): JwtResult {
  const parts = token.split('.')
  const fail = (error: string, message: string): JwtResult => ({ ok: false, error, message })
  if (parts.length !== 3) return fail('malformed_token', 'The bearer token is not a JWT.')
  let header: { alg?: unknown; kid?: unknown }
  let claims: Record<string, unknown>
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'))
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'))
  } catch {
    return fail('malformed_token', 'The JWT header or claims are not JSON.')
  }
  const input = Buffer.from(`${parts[0]}.${parts[1]}`)
  const signature = Buffer.from(parts[2]!, 'base64url')
  const kid = typeof header.kid === 'string' ? header.kid : undefined
  let verified = false
  if (header.alg === 'HS256') {
    const secret = kid ? sharedSecrets.get(kid) : undefined
    if (!secret) return fail('unknown_key', 'Acme has no shared secret with this key id.')
    const expected = createHmac('sha256', secret).update(input).digest()
    verified = expected.length === signature.length && timingSafeEqual(expected, signature)
  } else if (header.alg === 'RS256' || header.alg === 'ES256' || header.alg === 'EdDSA') {
    const candidates = keysFor(keys, kid).filter((key): key is KeyObject => !!key && jwtAlgorithmOf(key) === header.alg)
    if (!candidates.length) return fail('unknown_key', 'Acme does not trust the key that signed this JWT.')
    verified = candidates.some((key) =>
      header.alg === 'EdDSA'
        ? verify(null, input, key, signature)
        : verify('sha256', input, header.alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key, signature),
    )
  } else {
    return fail('unsupported_algorithm', 'Acme accepts RS256, ES256, EdDSA and HS256 JWTs.')
  }
  if (!verified) return fail('invalid_signature', 'The JWT signature does not verify.')
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
  if (!audiences.includes(ACME_DEMO.jwtAudience)) return fail('wrong_audience', `The JWT is not for ${ACME_DEMO.jwtAudience}.`)
  const { exp, iat } = claims
  if (typeof exp !== 'number' || exp <= now) return fail('expired', 'The JWT has expired.')
  if (typeof iat !== 'number' || iat > now + 60 || exp - iat > 3600) return fail('bad_lifetime', 'The JWT must be issued now and live an hour at most.')
  if (typeof claims.iss !== 'string' || typeof claims.sub !== 'string') return fail('missing_claims', 'The JWT needs iss and sub.')
  return { ok: true, claims }
}

// ─── OAuth 1.0a (RFC 5849) ───────────────────────────────────────────────────────────────────────

/** RFC 3986 percent-encoding, as RFC 5849 §3.6 requires (unreserved characters stay). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** The signature base string of RFC 5849 §3.4.1: method, base URL and the normalized parameters. */
export function oauth1BaseString(method: string, url: string, params: [string, string][]): string {
  const { origin, pathname } = new URL(url)
  const normalized = params
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
  return [method.toUpperCase(), percentEncode(`${origin}${pathname}`), percentEncode(normalized)].join('&')
}

/** An HMAC-SHA1 or HMAC-SHA256 signature of a base string (RFC 5849 §3.4.2), base64. */
export function oauth1Signature(method: 'HMAC-SHA1' | 'HMAC-SHA256', baseString: string, consumerSecret: string, tokenSecret: string): string {
  return createHmac(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`)
    .update(baseString)
    .digest('base64')
}

function parseOAuthHeader(header: string | undefined): Map<string, string> | undefined {
  if (!header || !/^OAuth\s/i.test(header)) return undefined
  const params = new Map<string, string>()
  for (const [, name, value] of header.slice(6).matchAll(/([\w.~-]+)\s*=\s*"([^"]*)"/g)) {
    try {
      params.set(decodeURIComponent(name!), decodeURIComponent(value!))
    } catch {
      return undefined
    }
  }
  return params
}

// ─── The API ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Acme's HTTP API (Hono). Endpoints, each answering `{ ok: true, … }` or an {@link AcmeRefusal}:
 * - `GET /open`: no credential.
 * - `GET /api-key/{in}/{name}`: the key in header, query parameter or cookie (percent-encoded) `name`.
 * - `GET /secret`: `Authorization: Bearer <secret>`. `GET /basic`: `Authorization: Basic …`.
 * - `POST /webhook-secrets` `{secret, algorithm, encoding, digestInputs, in, name}` → `{id}` (the
 *   person's webhook settings at Acme); `POST /webhooks/{id}`: a body signed with that secret.
 * - `POST /jwt-keys` `{publicKey}` (PEM) or `{sharedSecret}` → `{kid}`; `GET /jwt`: `Bearer <JWT>`.
 * - `GET /oauth1`: an OAuth 1.0a signed request (HMAC-SHA1/SHA256) with a token Acme issued.
 */
export function createAcmeApi(options: AcmeApiOptions = {}): Hono {
  const jwtKeys: KeyRing = { trusted: new Map(), registered: new BoundedMap(500) }
  for (const pem of options.jwtPublicKeys ?? ['rsa', 'ec', 'ed25519'].map((kind) => readFixture(`jwt/${kind}-public.pem`))) {
    const key = createPublicKey(pem)
    jwtKeys.trusted.set(publicKeyId(key), key)
  }
  const sharedSecrets = new BoundedMap<string>(500)
  const webhooks = new BoundedMap<HmacSettings & { in: Placement; name: string; secret: string }>(500)
  const consumers = options.oauth1Consumers ?? { [ACME_DEMO.oauth1.consumerKey]: ACME_DEMO.oauth1.consumerSecret }
  const tokens = options.oauth1Tokens ?? { [ACME_DEMO.oauth1.token]: ACME_DEMO.oauth1.tokenSecret }
  const seenNonces = new BoundedMap<true>(5000)

  const app = new Hono()
  app.get('/', (c) => c.json({ name: 'Acme API: a local stand-in provider for the Plugboard demo', ok: true }))
  app.get('/open', (c) => c.json({ ok: true, scheme: 'none' }))

  app.get('/api-key/:in/:name', (c) => {
    const placement = c.req.param('in')
    const name = c.req.param('name')
    if (!placements.includes(placement)) return refuse(c, 404, 'not_found', 'Use /api-key/{header|query|cookie}/{name}.')
    const key = readPlaced(c, placement as Placement, name)
    if (key === undefined) return refuse(c, 401, 'missing_key', `Acme expects the API key in the ${placement} "${name}".`)
    if (/\s/.test(key)) return refuse(c, 401, 'malformed_key', 'Acme API keys have no spaces: send the bare key, without a prefix such as "Bearer".')
    if (refused(key)) return refuse(c, 401, 'invalid_key', 'Acme does not know this API key.')
    return c.json({ ok: true, scheme: 'api-key' })
  })

  app.get('/secret', (c) => {
    const match = /^Bearer (\S+)$/i.exec(c.req.header('authorization') ?? '')
    if (!match) return refuse(c, 401, 'missing_token', 'Acme expects "Authorization: Bearer <secret>".')
    if (refused(match[1]!)) return refuse(c, 401, 'invalid_token', 'Acme does not know this secret.')
    return c.json({ ok: true, scheme: 'secret' })
  })

  app.get('/basic', (c) => {
    const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(c.req.header('authorization') ?? '')
    const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : ''
    const colon = decoded.indexOf(':')
    if (colon < 0) return refuse(c, 401, 'missing_credentials', 'Acme expects "Authorization: Basic base64(username:password)".')
    const username = decoded.slice(0, colon)
    if (refused(username)) return refuse(c, 401, 'unknown_user', 'Acme has no such user.')
    if (refused(decoded.slice(colon + 1))) return refuse(c, 401, 'wrong_password', 'Wrong password.')
    return c.json({ ok: true, scheme: 'basic-auth', username })
  })

  app.post('/webhook-secrets', async (c) => {
    const raw = (await c.req.json().catch(() => undefined)) as Record<string, unknown> | undefined
    const settings = raw && typeof raw === 'object' ? webhookSettings(raw) : 'The body must be a JSON object.'
    if (typeof settings === 'string') return refuse(c, 400, 'invalid_settings', settings)
    if (typeof raw!.secret !== 'string' || refused(raw!.secret)) return refuse(c, 422, 'refused_secret', 'Acme refuses this signing secret.')
    const id = randomUUID()
    webhooks.set(id, { ...settings, secret: raw!.secret })
    return c.json({ ok: true, id }, 201)
  })

  app.post('/webhooks/:id', async (c) => {
    const hook = webhooks.get(c.req.param('id'))
    if (!hook) return refuse(c, 404, 'unknown_webhook', 'Acme has no such webhook.')
    const body = await c.req.text()
    const sent = readPlaced(c, hook.in, hook.name)
    if (sent === undefined) return refuse(c, 401, 'missing_signature', `Acme expects the signature in the ${hook.in} "${hook.name}".`)
    const url = new URL(c.req.url)
    if (hook.in === 'query') url.searchParams.delete(hook.name)
    if (!sameText(sent, hmacSignature(hook, hook.secret, { body, url: url.href }))) {
      return refuse(c, 401, 'invalid_signature', 'The signature does not match the body signed with the registered secret.')
    }
    return c.json({ ok: true, scheme: 'hmac' })
  })

  app.post('/jwt-keys', async (c) => {
    const raw = (await c.req.json().catch(() => undefined)) as { publicKey?: unknown; sharedSecret?: unknown } | undefined
    if (typeof raw?.sharedSecret === 'string') {
      if (refused(raw.sharedSecret)) return refuse(c, 422, 'refused_secret', 'Acme refuses this shared secret.')
      const kid = randomUUID()
      sharedSecrets.set(kid, raw.sharedSecret)
      return c.json({ ok: true, kid }, 201)
    }
    let key: KeyObject
    try {
      key = createPublicKey(String(raw?.publicKey))
    } catch {
      return refuse(c, 400, 'invalid_key', 'Send {"publicKey": "<PEM>"} or {"sharedSecret": "…"}.')
    }
    if (!jwtAlgorithmOf(key)) return refuse(c, 422, 'unsupported_key', 'Acme accepts RSA, EC P-256 and Ed25519 keys.')
    const kid = publicKeyId(key)
    if (!jwtKeys.trusted.has(kid)) jwtKeys.registered.set(kid, key)
    return c.json({ ok: true, kid }, 201)
  })

  app.get('/jwt', (c) => {
    const match = /^Bearer (\S+)$/i.exec(c.req.header('authorization') ?? '')
    if (!match) return refuse(c, 401, 'missing_token', 'Acme expects "Authorization: Bearer <JWT>".')
    const result = verifyJwt(match[1]!, jwtKeys, sharedSecrets)
    return result.ok ? c.json({ ok: true, scheme: 'jwt-bearer', sub: result.claims.sub }) : refuse(c, 401, result.error, result.message)
  })

  app.on(['GET', 'POST'], '/oauth1', async (c) => {
    const oauth = parseOAuthHeader(c.req.header('authorization'))
    if (!oauth) return refuse(c, 401, 'missing_signature', 'Acme expects an "Authorization: OAuth …" header.')
    const get = (name: string) => oauth.get(name) ?? ''
    const consumerSecret = consumers[get('oauth_consumer_key')]
    if (consumerSecret === undefined) return refuse(c, 401, 'unknown_consumer', 'Acme does not know this consumer key.')
    const tokenSecret = tokens[get('oauth_token')]
    if (tokenSecret === undefined) return refuse(c, 401, 'unknown_token', 'Acme did not issue this token.')
    const method = get('oauth_signature_method')
    if (method !== 'HMAC-SHA1' && method !== 'HMAC-SHA256') return refuse(c, 401, 'unsupported_signature_method', 'Acme accepts HMAC-SHA1 and HMAC-SHA256.')
    const timestamp = Number(get('oauth_timestamp'))
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return refuse(c, 401, 'stale_timestamp', 'The timestamp is more than 5 minutes off.')
    const nonce = `${get('oauth_consumer_key')} ${get('oauth_token')} ${timestamp} ${get('oauth_nonce')}`
    if (!get('oauth_nonce') || seenNonces.has(nonce)) return refuse(c, 401, 'nonce_reused', 'This nonce was already used.')

    const url = new URL(c.req.url)
    const params: [string, string][] = [...url.searchParams]
    for (const [name, value] of oauth) if (name !== 'realm' && name !== 'oauth_signature') params.push([name, value])
    if (c.req.header('content-type')?.startsWith('application/x-www-form-urlencoded')) params.push(...new URLSearchParams(await c.req.text()))
    const expected = oauth1Signature(method, oauth1BaseString(c.req.method, url.href, params), consumerSecret, tokenSecret)
    if (!sameText(get('oauth_signature'), expected)) return refuse(c, 401, 'invalid_signature', 'The OAuth signature does not verify.')
    seenNonces.set(nonce, true)
    return c.json({ ok: true, scheme: 'oauth1', realm: oauth.get('realm') ?? null })
  })

  app.notFound((c) => refuse(c, 404, 'not_found', 'Acme has no such endpoint.'))
  return app
}

/** The PEM material of Acme's mTLS endpoint: its server key and certificate, and the CA it trusts for clients. */
export interface AcmeTls {
  key: string
  cert: string
  /** The CA whose client certificates Acme accepts (it also issued the server certificate). */
  ca: string
}

/** The test-only TLS fixtures in demo/fixtures/mtls. */
export function acmeTlsFixtures(): AcmeTls {
  return { key: readFixture('mtls/server-key.pem'), cert: readFixture('mtls/server.pem'), ca: readFixture('mtls/ca.pem') }
}

/**
 * "Acme mTLS": an HTTPS server that asks for a client certificate and completes the handshake only
 * with one issued by `tls.ca`; `GET /mtls` then answers 200 with the certificate's subject.
 */
export function createAcmeMtlsServer(tls: AcmeTls = acmeTlsFixtures()): HttpsServer {
  return createHttpsServer({ ...tls, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.2' }, (req, res) => {
    const socket = req.socket as TLSSocket
    const ok = req.method === 'GET' && req.url?.split('?')[0] === '/mtls' && socket.authorized
    res.writeHead(ok ? 200 : 404, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
    res.end(JSON.stringify(ok ? { ok: true, scheme: 'certificate', subject: socket.getPeerCertificate().subject?.CN ?? null } : { ok: false, error: 'not_found', message: 'Use GET /mtls.' }))
  })
}

/** Acme's two ports: plain HTTP and HTTPS with client certificates. */
export interface AcmePorts {
  http: number
  mtls: number
}

/** Ports from DEMO_ACME_PORT and DEMO_ACME_MTLS_PORT, else 4013 and 4014. */
export function acmePortsFromEnv(env: NodeJS.ProcessEnv = process.env): AcmePorts {
  const port = (name: string, fallback: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 0 || value > 65_535) throw new Error(`${name}=${raw} is not a port number (0-65535; 0 picks a free one).`)
    return value
  }
  return { http: port('DEMO_ACME_PORT', 4013), mtls: port('DEMO_ACME_MTLS_PORT', 4014) }
}

/** A running Acme: its URLs, the CA that issued its mTLS server certificate, and a way to stop it. */
export interface RunningAcme {
  /** e.g. `http://localhost:4013` */
  url: string
  /** e.g. `https://localhost:4014` (the mTLS endpoint is `${mtlsUrl}/mtls`) */
  mtlsUrl: string
  /** PEM: trust it to verify Acme's mTLS server certificate. */
  mtlsCa: string
  stop(): Promise<void>
}

function listen(server: Server | HttpsServer, port: number, host: string, what: string, variable: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} (${what}) is already in use. Stop what is using it, or set ${variable} to another port.`) : error),
    )
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port))
  })
}

const close = (server: Server | HttpsServer) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })

/**
 * Starts Acme's HTTP API and its mTLS endpoint on 127.0.0.1 (port 0 picks a free port; the URLs
 * carry the bound ports) and resolves once both listen.
 */
export async function startAcme(ports: AcmePorts = acmePortsFromEnv(), options: AcmeApiOptions & { tls?: AcmeTls } = {}): Promise<RunningAcme> {
  const host = '127.0.0.1'
  const tls = options.tls ?? acmeTlsFixtures()
  const api = createAdaptorServer({ fetch: createAcmeApi(options).fetch }) as Server
  const mtls = createAcmeMtlsServer(tls)
  try {
    const httpPort = await listen(api, ports.http, host, 'Acme API', 'DEMO_ACME_PORT')
    const mtlsPort = await listen(mtls, ports.mtls, host, 'Acme mTLS', 'DEMO_ACME_MTLS_PORT')
    return {
      url: `http://localhost:${httpPort}`,
      mtlsUrl: `https://localhost:${mtlsPort}`,
      mtlsCa: tls.ca,
      stop: async () => {
        await Promise.all([close(api), close(mtls)])
      },
    }
  } catch (error) {
    await Promise.all([api.listening ? close(api) : undefined, mtls.listening ? close(mtls) : undefined])
    throw error
  }
}
