import { describe, expect, test } from 'vitest'
import { demoTemplates } from '../../demo/server/versori/templates'
import { VERSORI_DEMO } from '../../demo/server/versori/types'
import { requestBodyPointer, specIssues } from '../../demo/server/versori/contract.node'
import { readFileSync } from 'node:fs'
import type { Credentials, CredentialPart, SignInStep } from '../../src/index'
import { versori } from '../../src/index'

// What the kit sends to Versori, validated against the patched contract (contracts/versori/): one
// CreateConnection per sign-in method of every demo template (every scheme), the UpdateConnection
// of a reconnect, and the OAuth 2 start and finish.

const templates = demoTemplates({ issuer: 'http://localhost:4011', apiBaseUrl: 'http://localhost:4013' })
const pem = (name: string) => readFileSync(new URL(`../../demo/fixtures/mtls/${name}`, import.meta.url), 'utf8')
const CREATE = requestBodyPointer('/o/{organisation_id}/connections', 'post')
const UPDATE = requestBodyPointer('/o/{organisation_id}/connections/{connection_id}', 'put')
const INITIALISE = requestBodyPointer('/o/{organisation_id}/systems/{system_id}/oauth2/initialise', 'post')

/** What a person would type for each part. */
function typed(part: CredentialPart): Credentials {
  switch (part.scheme) {
    case 'none':
      return { scheme: 'none' }
    case 'apiKey':
      return { scheme: 'apiKey', apiKey: 'acme-live-1' }
    case 'basic':
      return { scheme: 'basic', username: 'ada', password: 'analytical engine' }
    case 'secret':
      return { scheme: 'secret', secret: 'shh\nsecret' }
    case 'hmac':
      return { scheme: 'hmac', secret: 'a'.repeat(64) }
    case 'jwtBearer':
      return { scheme: 'jwtBearer', key: readFileSync(new URL('../../demo/fixtures/jwt/rsa-private.pem', import.meta.url), 'utf8') }
    case 'certificate':
      return { scheme: 'certificate', certificate: pem('client.pem'), privateKey: pem('client-key.pem'), ca: pem('ca.pem') }
    case 'oauth2/clientCredentials':
      return { scheme: 'oauth2/clientCredentials', clientId: 'demo-cc', clientSecret: 'demo-cc-secret', scopes: ['api:read'] }
    case 'oauth2/password':
      return { scheme: 'oauth2/password', username: 'ada@example.com', password: 'plugboard' }
    case 'oauth2/authorizationCode':
      return { scheme: 'oauth2/authorizationCode', scopes: ['api:read', 'api:write'] }
    case 'oauth1/token':
      return { scheme: 'oauth1/token', token: 'acme-token', tokenSecret: 'acme-token-secret', params: Object.fromEntries(part.params.map((param) => [param.name, 'acme'])) }
    case 'custom':
      throw new Error('Versori has no custom inputs')
  }
}

function recordingBackend() {
  const sent: { method: string; path: string; body: any }[] = []
  const backend = versori({
    organisationId: VERSORI_DEMO.organisationId,
    projectId: VERSORI_DEMO.projectId,
    environmentId: VERSORI_DEMO.environmentId,
    baseUrl: 'https://versori.test/api/v2',
    token: VERSORI_DEMO.apiKey,
    fetch: async (input, init = {}) => {
      const url = new URL(String(input))
      const body = init.body ? JSON.parse(String(init.body)) : undefined
      sent.push({ method: init.method ?? 'GET', path: url.pathname, body })
      if (url.pathname.endsWith('/connection-templates')) return Response.json({ totalCount: templates.length, items: templates })
      if (url.pathname.endsWith('/oauth2/initialise')) return Response.json({ url: 'http://localhost:4011/auth?client_id=versori-demo&state=ST4TE' })
      const now = '2026-11-30T12:00:00Z'
      const connection = { id: '01JD0CN0000000000000000001', name: 'n', credentials: body?.connection?.credentials ?? body?.credentials ?? [], createdAt: now, updatedAt: now }
      return Response.json(connection, { status: init.method === 'POST' ? 201 : 200 })
    },
  })
  return { backend, sent }
}

const scope = { consumerRef: VERSORI_DEMO.externalId, consumerName: 'Ada Lovelace' }
const cases = templates.flatMap((template) => {
  const methods = (template.authSchemeConfigs as { type: string }[]).map((config) => config.type)
  return [[`${template.name} (${methods.join(' + ')})`, template.connectionTemplateId] as const]
})

describe.each(cases)('%s', (_name, templateId) => {
  test('every method’s request validates against the contract, and a reconnect’s update too', async () => {
    const { backend, sent } = recordingBackend()
    const spec = await backend.getProvider(templateId)
    for (const method of spec.methods) {
      const credentials = method.parts.map(typed)
      if (method.flow === 'popup') {
        const step = await backend.startOAuth(scope, { provider: templateId, methodId: method.id, credentials })
        const answer = step.protocol.read({ type: 'response', payload: { search: '?code=C0DE&state=ST4TE&iss=http%3A%2F%2Flocalhost%3A4011' } })
        await (answer as { next: () => Promise<SignInStep> }).next()
        const initialise = sent.find((request) => request.path.endsWith('/oauth2/initialise'))!
        expect(specIssues(INITIALISE, initialise.body)).toEqual([])
      } else {
        await backend.createConnection(scope, { provider: templateId, methodId: method.id, credentials, connection: { name: `${spec.displayName} test`, baseUrl: 'acme.example' } })
      }
      const create = sent.filter((request) => request.method === 'POST' && request.path.endsWith('/connections')).at(-1)!
      expect(specIssues(CREATE, create.body)).toEqual([])
      expect(create.body.connection.credentials).toHaveLength(method.parts.length)
    }
    // A reconnect of the first method: UpdateConnection.
    const first = spec.methods[0]
    if (first && first.flow === 'form') {
      await backend.updateConnection(scope, '01JD0CN0000000000000000001', { provider: templateId, methodId: first.id, credentials: first.parts.map(typed) })
      const put = sent.filter((request) => request.method === 'PUT').at(-1)!
      expect(specIssues(UPDATE, put.body)).toEqual([])
    }
    // Only templates whose every config the kit cannot run embedded offer no method.
    expect(spec.methods.length + (spec.unavailableMethods?.length ?? 0)).toBeGreaterThan(0)
  })
})

test('every credential type of the seed contract the kit can produce is produced by some demo template', async () => {
  const { backend, sent } = recordingBackend()
  for (const template of templates) {
    const spec = await backend.getProvider(template.connectionTemplateId)
    for (const method of spec.methods.filter((entry) => entry.flow === 'form')) {
      await backend.createConnection(scope, { provider: template.connectionTemplateId, methodId: method.id, credentials: method.parts.map(typed) })
    }
  }
  const types = new Set(sent.flatMap((request) => (request.body?.connection?.credentials ?? []).map((entry: any) => entry.credential.type)))
  expect([...types].sort()).toEqual(['basic-auth', 'binary', 'certificate', 'none', 'oauth1-token', 'oauth2-client', 'oauth2-password', 'string'])
})

test('the contract refuses what the kit must never send: a credential without data, a wrong type, no organisation', () => {
  const body = {
    connectionTemplateId: templates[0]!.connectionTemplateId,
    connection: {
      name: 'x',
      credentials: [{ id: '01JD0CC0000000000000000001', authSchemeConfig: templates[0]!.authSchemeConfigs[0], credential: { id: '01JD0CR0000000000000000001', type: 'basic-auth' } }],
    },
  }
  expect(specIssues(CREATE, body).map((issue) => issue.field)).toEqual(expect.arrayContaining(['connection.credentials[0].credential.organisationId']))
  expect(specIssues(CREATE, body).length).toBeGreaterThan(1)
})
