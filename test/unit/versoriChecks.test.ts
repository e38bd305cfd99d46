import { createHmac, generateKeyPairSync } from 'node:crypto'
import type { Server } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { createServer as createNetServer } from 'node:net'
import type { AddressInfo, Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ACME_DEMO, oauth1BaseString, oauth1Signature, readFixture, startAcme } from '../../demo/server/acmeApi'
import type { RunningAcme } from '../../demo/server/acmeApi'
import { createAuthServer, DEMO_USER, versoriAuthClients } from '../../demo/server/authServer'
import { createVersoriChecks } from '../../demo/server/versori/checks'
import { VERSORI_DEMO } from '../../demo/server/versori/types'
import type { CheckProblem, CredentialCheck, WireAuthSchemeConfig } from '../../demo/server/versori/types'

// Every credential type the Versori platform checks, for real: against Acme (the stand-in provider),
// its mTLS endpoint and the demo's OAuth server, each on a free port.

let acme: RunningAcme
let auth: Server
let tokenUrl: string
let check: CredentialCheck

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })

beforeAll(async () => {
  acme = await startAcme({ http: 0, mtls: 0 })
  const port = await freePort()
  const issuer = `http://localhost:${port}`
  auth = createAuthServer({
    issuer,
    client: { id: 'plugboard-platform', secret: 'demo-client-secret', redirectUri: 'http://localhost:4010/oauth/callback' },
    clients: versoriAuthClients({ codeRedirectUris: ['http://localhost:4012/oauth2/callback'] }),
  }).server
  await new Promise<void>((resolve) => auth.listen(port, '127.0.0.1', resolve))
  tokenUrl = `${issuer}/token`
  check = createVersoriChecks({ acmeUrl: acme.url, acmeMtlsUrl: acme.mtlsUrl, mtlsCa: acme.mtlsCa })
})

afterAll(async () => {
  await acme?.stop()
  auth?.closeAllConnections()
  await new Promise((resolve) => auth?.close(resolve))
})

const leaves = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : []

/** Runs the check on one credential; no message may repeat a value that was sent. */
async function run(config: WireAuthSchemeConfig, type: string, data: Record<string, unknown>, using = check): Promise<CheckProblem[]> {
  const problems = await using({ config, credential: { id: '01JD0CR0000000000000000000', organisationId: VERSORI_DEMO.organisationId, type, data } })
  const sent = leaves(data).filter((value) => value.length >= 6 && !/^(https?:|sha|api:)/.test(value))
  for (const { message } of problems) for (const value of sent) expect(message).not.toContain(value)
  return problems
}

const fields = (problems: CheckProblem[]) => problems.map((problem) => problem.field)
const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64')

describe('none', () => {
  test('a plain request to the open endpoint succeeds', async () => {
    expect(await run({ type: 'none' }, 'none', { none: {} })).toEqual([])
  })
})

describe.each([
  { in: 'header', name: 'X-Api-Key' },
  { in: 'query', name: 'api_key' },
  { in: 'cookie', name: 'acme_key' },
])('api-key in $in $name', (placement) => {
  const config = { type: 'api-key', apiKey: { id: 'k', description: 'Key', ...placement } }
  test('is accepted, sent exactly there', async () => {
    expect(await run(config, 'string', { string: { value: 'ak_live;123=%+&é' } })).toEqual([])
  })
  test('a refused key is a problem at string.value', async () => {
    expect(fields(await run(config, 'string', { string: { value: 'my-wrong-key' } }))).toEqual(['string.value'])
  })
})

describe('api-key: Acme checks the placement for real', () => {
  test('a key in the wrong place, or with a prefix, is refused', async () => {
    const inQuery = await fetch(`${acme.url}/api-key/header/X-Api-Key?X-Api-Key=abc123`)
    expect(inQuery.status).toBe(401)
    expect(await inQuery.json()).toMatchObject({ error: 'missing_key' })
    const prefixed = await fetch(`${acme.url}/api-key/header/X-Api-Key`, { headers: { 'X-Api-Key': 'Bearer abc123' } })
    expect(await prefixed.json()).toMatchObject({ error: 'malformed_key' })
  })
})

describe('secret', () => {
  const config = { type: 'secret' }
  test('is accepted as a Bearer token', async () => {
    expect(await run(config, 'string', { string: { value: 's3cr3t-value' } })).toEqual([])
  })
  test('a refused secret is a problem at string.value', async () => {
    expect(fields(await run(config, 'string', { string: { value: 'wrong-secret' } }))).toEqual(['string.value'])
  })
  test('Acme refuses a secret without the Bearer scheme', async () => {
    const response = await fetch(`${acme.url}/secret`, { headers: { Authorization: 'Token s3cr3t-value' } })
    expect(await response.json()).toMatchObject({ error: 'missing_token' })
  })
})

describe('basic-auth', () => {
  const config = { type: 'basic-auth' }
  test('is accepted as a real Basic header', async () => {
    expect(await run(config, 'basic-auth', { basicAuth: { username: 'ada', password: 'pässword:with-colon' } })).toEqual([])
  })
  test('a wrong password is a problem at basicAuth.password, an unknown user at basicAuth.username', async () => {
    expect(fields(await run(config, 'basic-auth', { basicAuth: { username: 'ada', password: 'wrong-pass' } }))).toEqual(['basicAuth.password'])
    expect(fields(await run(config, 'basic-auth', { basicAuth: { username: 'wrong-user', password: 'fine-pass' } }))).toEqual(['basicAuth.username'])
  })
  test('Acme refuses credentials that are not base64', async () => {
    const response = await fetch(`${acme.url}/basic`, { headers: { Authorization: 'Basic ada:pass' } })
    expect(await response.json()).toMatchObject({ error: 'missing_credentials' })
  })
})

describe.each([
  { algorithm: 'sha256', encoding: 'hex', digestInputs: ['body'], in: 'header', name: 'X-Acme-Signature' },
  { algorithm: 'sha1', encoding: 'base64', digestInputs: ['url', 'body'], in: 'query', name: 'sig' },
  { algorithm: 'sha512', encoding: 'base64url', digestInputs: ['body', 'url'], in: 'cookie', name: 'acme_sig' },
])('hmac $algorithm $encoding over $digestInputs in $in', (hmac) => {
  const config = { type: 'hmac', hmac }
  test('a body signed with the secret verifies at Acme', async () => {
    expect(await run(config, 'string', { string: { value: 'whsec_demo' } })).toEqual([])
  })
  test('a refused secret is a problem at string.value', async () => {
    expect(fields(await run(config, 'string', { string: { value: 'wrong-whsec' } }))).toEqual(['string.value'])
  })
})

describe('hmac: Acme recomputes the signature for real', () => {
  test('a tampered body or a signature in another encoding is refused', async () => {
    const settings = { algorithm: 'sha256', encoding: 'base64', digestInputs: ['body', 'url'], in: 'header', name: 'X-Sig' }
    const registered = await fetch(`${acme.url}/webhook-secrets`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...settings, secret: 'whsec_demo' }) })
    const { id } = (await registered.json()) as { id: string }
    const url = `${acme.url}/webhooks/${id}`
    const body = '{"event":"test"}'
    const mac = createHmac('sha256', 'whsec_demo').update(body).update(url)
    const digest = mac.digest()
    const post = (signature: string, sent = body) => fetch(url, { method: 'POST', headers: { 'X-Sig': signature }, body: sent })
    expect((await post(digest.toString('base64'))).status).toBe(200)
    expect((await post(digest.toString('base64'), '{"event":"tampered"}')).status).toBe(401)
    expect((await post(digest.toString('hex'))).status).toBe(401)
    // One character changed (never to itself: the URL's random port makes the digest random).
    const good = digest.toString('base64')
    const last = good.at(-2) === 'A' ? 'E' : 'A'
    expect((await post(`${good.slice(0, -2)}${last}=`)).status).toBe(401)
  })
})

describe('jwt-bearer', () => {
  const config = { type: 'jwt-bearer' }
  const key = (pem: string) => ({ binary: { valueBase64: base64(pem) } })
  test.each(['rsa', 'ec', 'ed25519'])('a JWT signed with the %s fixture key verifies at Acme', async (kind) => {
    expect(await run(config, 'binary', key(readFixture(`jwt/${kind}-private.pem`)))).toEqual([])
  })
  test('any other key works once the check registered its public part', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    expect(await run(config, 'binary', key(privateKey.export({ type: 'sec1', format: 'pem' }) as string))).toEqual([])
  })
  test('an HS256 shared secret is accepted; one Acme refuses is a problem', async () => {
    expect(await run(config, 'binary', key('hs256-shared-secret'))).toEqual([])
    expect(fields(await run(config, 'binary', key('wrong-shared-secret')))).toEqual(['binary.valueBase64'])
  })
  test('garbage, encrypted, public and unsupported keys are problems at binary.valueBase64', async () => {
    const { privateKey } = generateKeyPairSync('ed25519')
    const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pass' }) as string
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ binary: { valueBase64: base64(Buffer.from([0xff, 0xfe, 0x00, 0x81])) } }, /not text/],
      [{ binary: { valueBase64: 'not base64!' } }, /not base64/],
      [key('-----BEGIN PRIVATE KEY-----\nZ2FyYmFnZQ==\n-----END PRIVATE KEY-----\n'), /not a readable/],
      [key(encrypted), /encrypted/],
      [key(readFixture('jwt/rsa-public.pem')), /public key/],
      [key(p384), /RSA, EC P-256 and Ed25519/],
    ]
    for (const [data, message] of cases) {
      const problems = await run(config, 'binary', data)
      expect(fields(problems)).toEqual(['binary.valueBase64'])
      expect(problems[0]!.message).toMatch(message)
    }
  })
  test('Acme refuses a tampered JWT', async () => {
    const tampered = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify({ aud: 'acme-api', iss: 'x', sub: 'x', iat: 1, exp: 9e9 })).toString('base64url')}.c2ln`
    const response = await fetch(`${acme.url}/jwt`, { headers: { Authorization: `Bearer ${tampered}` } })
    expect(await response.json()).toMatchObject({ error: 'invalid_signature' })
  })
})

describe('certificate', () => {
  const config = { type: 'certificate' }
  const mtls = (name: string) => readFixture(`mtls/${name}.pem`)
  const cert = (certificate: string, key: string, ca: string) => ({ certificate: { certificate, key, ca } })
  test('the fixture client certificate passes the key, CA and a real mTLS request', async () => {
    expect(await run(config, 'certificate', cert(mtls('client'), mtls('client-key'), mtls('ca')))).toEqual([])
  })
  test('a key that does not belong to the certificate is a problem at certificate.key', async () => {
    const problems = await run(config, 'certificate', cert(mtls('client'), mtls('other-client-key'), mtls('ca')))
    expect(problems).toEqual([{ field: 'certificate.key', message: 'This key does not belong to the certificate.' }])
  })
  test('a CA that did not issue the certificate is a problem at certificate.ca', async () => {
    expect(await run(config, 'certificate', cert(mtls('client'), mtls('client-key'), mtls('other-ca')))).toEqual([
      { field: 'certificate.ca', message: 'This CA did not issue the certificate.' },
    ])
  })
  test('a certificate Acme does not trust is refused by the mTLS handshake', async () => {
    const problems = await run(config, 'certificate', cert(mtls('other-client'), mtls('other-client-key'), mtls('other-ca')))
    expect(fields(problems)).toEqual(['certificate.certificate'])
    expect(problems[0]!.message).toMatch(/refused this certificate/)
  })
  test('encrypted or garbage keys and certificates are problems at their field', async () => {
    const encrypted = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'p' }) as string
    expect(await run(config, 'certificate', cert(mtls('client'), encrypted, mtls('ca')))).toEqual([
      { field: 'certificate.key', message: 'This key is encrypted: upload it without a passphrase.' },
    ])
    expect(fields(await run(config, 'certificate', cert('garbage', 'garbage', '')))).toEqual(['certificate.certificate', 'certificate.key', 'certificate.ca'])
  })
  test('Acme completes no handshake without a client certificate', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const request = httpsRequest(`${acme.mtlsUrl}/mtls`, { ca: acme.mtlsCa, agent: false }, (response) => resolve(`HTTP ${response.statusCode}`))
      request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
      request.end()
    })
    expect(outcome).not.toBe('HTTP 200')
  })
})

describe('oauth2 client credentials', () => {
  const config = () => ({ type: 'oauth2', oauth2: { tokenUrl, scopes: [{ name: 'api:read' }], defaultScopes: ['api:read'], mtlsEnabled: true, grant: { type: 'clientCredentials' } } })
  const client = (clientId: string, clientSecret: string) => ({ oauth2Client: { clientId, clientSecret, tokenUrl, scopes: ['api:read', 'api:write'] } })
  const { id, secret } = VERSORI_DEMO.clientCredentialsClient
  test('a real client_credentials token request succeeds', async () => {
    expect(await run(config(), 'oauth2-client', client(id, secret))).toEqual([])
  })
  test('a wrong secret is a problem at oauth2Client.clientSecret, an unknown client at clientId', async () => {
    expect(fields(await run(config(), 'oauth2-client', client(id, 'not-the-secret')))).toEqual(['oauth2Client.clientSecret'])
    expect(fields(await run(config(), 'oauth2-client', client('no-such-client', secret)))).toEqual(['oauth2Client.clientId'])
  })
})

describe('oauth2 password', () => {
  const config = () => ({
    type: 'oauth2',
    oauth2: {
      tokenUrl,
      scopes: [{ name: 'api:read' }],
      defaultScopes: ['api:read'],
      grant: { type: 'password', password: { clientId: VERSORI_DEMO.passwordClient.id, credentialId: VERSORI_DEMO.passwordClient.credentialId, organisationId: VERSORI_DEMO.organisationId } },
    },
  })
  test('a real password grant with the platform-held client succeeds', async () => {
    expect(await run(config(), 'oauth2-password', { oauth2Password: { username: DEMO_USER.email, password: DEMO_USER.password } })).toEqual([])
  })
  test('a wrong password is a problem at oauth2Password.password', async () => {
    expect(fields(await run(config(), 'oauth2-password', { oauth2Password: { username: DEMO_USER.email, password: 'not-plugboard' } }))).toEqual(['oauth2Password.password'])
  })
  test('the code grant is left to the platform', async () => {
    expect(await run(config(), 'oauth2-code', { oauth2Code: { code: 'abc' } })).toEqual([])
  })
})

describe.each(['sha256', 'sha1'])('oauth1-token (%s)', (signatureMethod) => {
  const config = { type: 'oauth1', oauth1: { tokenAuth: true, consumerKey: ACME_DEMO.oauth1.consumerKey, consumerSecret: ACME_DEMO.oauth1.consumerSecret, signatureMethod } }
  const token = (value: string, tokenSecret: string) => ({
    oauth1Token: { token: value, tokenSecret, additionalParams: [{ name: 'realm', value: 'Acme' }, { name: 'account id', value: 'a+b c' }] },
  })
  test('a request signed with the issued token verifies at Acme', async () => {
    expect(await run(config, 'oauth1-token', token(ACME_DEMO.oauth1.token, ACME_DEMO.oauth1.tokenSecret))).toEqual([])
  })
  test('a token Acme did not issue is a problem at oauth1Token.token; a wrong secret at tokenSecret', async () => {
    expect(fields(await run(config, 'oauth1-token', token('other-token', ACME_DEMO.oauth1.tokenSecret)))).toEqual(['oauth1Token.token'])
    expect(fields(await run(config, 'oauth1-token', token(ACME_DEMO.oauth1.token, 'not-the-secret')))).toEqual(['oauth1Token.tokenSecret'])
  })
})

describe('OAuth 1.0a signing matches RFC 5849', () => {
  test('the §3.4.1.1 signature base string', () => {
    const url = 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b'
    const params: [string, string][] = [
      ...new URL(url).searchParams,
      ...new URLSearchParams('c2&a3=2+q'),
      ['oauth_consumer_key', '9djdj82h48djs9d2'],
      ['oauth_token', 'kkk9d7dh3k39sjv7'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131201'],
      ['oauth_nonce', '7d8f3e4a'],
    ]
    expect(oauth1BaseString('POST', url, params)).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    )
  })
  test('the §1.2 HMAC-SHA1 signature', () => {
    const base = oauth1BaseString('GET', 'http://photos.example.net/photos?file=vacation.jpg&size=original', [
      ['file', 'vacation.jpg'],
      ['size', 'original'],
      ['oauth_consumer_key', 'dpf43f3p2l4k3l03'],
      ['oauth_token', 'nnch734d00sl2jdk'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131202'],
      ['oauth_nonce', 'chapoH'],
    ])
    expect(oauth1Signature('HMAC-SHA1', base, 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00')).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=')
  })
})

describe('outbound requests', () => {
  test('a provider that never answers is a problem after the timeout, not a hang', async () => {
    const sockets: Socket[] = []
    const silent = createNetServer((socket) => void sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`
    const slow = createVersoriChecks({ acmeUrl: url, acmeMtlsUrl: url, timeoutMs: 300 })
    const problems = await run({ type: 'secret' }, 'string', { string: { value: 'any-secret' } }, slow)
    expect(problems).toEqual([{ field: 'string.value', message: 'Acme did not answer within 0.3 s.' }])
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => silent.close(resolve))
  })
  test('an unreachable provider is a clear problem', async () => {
    const port = await freePort()
    const down = createVersoriChecks({ acmeUrl: `http://127.0.0.1:${port}`, acmeMtlsUrl: `https://127.0.0.1:${port}` })
    expect(await run({ type: 'none' }, 'none', { none: {} }, down)).toEqual([{ field: 'none', message: 'Could not reach Acme (ECONNREFUSED).' }])
  })
  test('a credential of the wrong type for its scheme is a problem', async () => {
    expect(fields(await run({ type: 'api-key' }, 'basic-auth', { basicAuth: { username: 'a', password: 'b' } }))).toEqual([''])
  })
})
