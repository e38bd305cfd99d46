import { describe, expect, test } from 'vitest'
import providers from '../../contracts/ampersand/providers.json'
import { ampersand } from '../../src/backends/ampersand/ampersand'
import { providerInfoSchema, toProviderSpec } from '../../src/backends/ampersand/catalog'
import type { ConnectScope, SignInStep } from '../../src/model/ConnectBackend'
import { defaultMessages } from '../../src/model/messages'
import { methodSchema } from '../../src/schemes/fieldSchema'
import { resolveMethods } from '../../src/schemes/resolveMethod'
import type { SchemeField, SchemeValues } from '../../src/schemes/SchemeDescriptor'
import { errorsAgainst, requestBodyPointer } from './openapi'

const scope: ConnectScope = { groupRef: 'group-1', groupName: 'Acme', consumerRef: 'consumer-1', consumerName: 'Ada' }
const entries = Object.entries(providers as Record<string, unknown>)

/** An adapter whose fetch records what it would send and answers like the platform. */
function capturingBackend() {
  const sent: { method: string; url: string; body: unknown }[] = []
  const backend = ampersand({
    project: 'proj-1',
    apiKey: 'k',
    baseUrl: 'https://api.test/v1',
    fetch: async (input, init) => {
      const body = init?.body ? JSON.parse(String(init.body)) : undefined
      sent.push({ method: init?.method ?? 'GET', url: String(input), body })
      if (String(input).endsWith('/oauth-connect') || String(input).endsWith(':oauth-update')) {
        return new Response('https://provider.test/authorize?state=s', { headers: { 'Content-Type': 'text/plain' } })
      }
      const connection = {
        id: 'conn-1',
        projectId: 'proj-1',
        provider: body?.provider ?? 'x',
        authScheme: 'apiKey',
        status: 'created',
        createTime: '2026-01-01T00:00:00Z',
        group: { groupRef: 'group-1', groupName: 'Acme', projectId: 'proj-1', createTime: '2026-01-01T00:00:00Z' },
        consumer: { consumerRef: 'consumer-1', consumerName: 'Ada', projectId: 'proj-1', createTime: '2026-01-01T00:00:00Z' },
      }
      if (!String(input).endsWith('/custom-auth/connect')) return Response.json(connection)
      // A first step asks for a consent page; the step after it finishes the connection.
      return Response.json(body?.sessionId ? { connection } : { redirect: { url: 'https://login.test/consent', sessionId: 'session-1' } })
    },
  })
  return { backend, sent }
}

/** Fills every field as a person would: a listed option for selects, a plausible text otherwise. */
function fill(fields: SchemeField[]): SchemeValues {
  const values: SchemeValues = {}
  for (const field of fields) {
    const value = field.options?.[0]?.value ?? field.defaultValue ?? (field.name.endsWith('.scopes') ? 'read, write' : `value-of-${field.name}`)
    const parts = field.name.split('.')
    let node = values
    // Numbered levels are lists, as react-hook-form keeps them.
    parts.slice(0, -1).forEach((part, index) => {
      node = (node[part] ??= /^\d+$/.test(parts[index + 1]!) ? [] : {}) as SchemeValues
    })
    node[parts.at(-1)!] = value
  }
  return values
}

test('the fixture holds 48 providers keyed by their name', () => {
  expect(entries).toHaveLength(48)
  for (const [key, entry] of entries) expect((entry as { name: string }).name).toBe(key)
})

describe.each(entries)('provider %s', (name, entry) => {
  test('the catalog entry is a valid ProviderInfo and the kit parses it', () => {
    expect(errorsAgainst('#/components/schemas/ProviderInfo', entry)).toEqual([])
    expect(providerInfoSchema.safeParse(entry).success).toBe(true)
  })

  test('every request the kit sends for it is valid against the spec', async () => {
    const info = providerInfoSchema.parse(entry)
    const scheme = resolveMethods(toProviderSpec(info), defaultMessages)[0]
    if (!scheme) {
      expect(info.authType).toBe('jwt')
      return
    }
    const values = fill(scheme.fields)
    const parsed = methodSchema(scheme, defaultMessages).safeParse(values)
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true)
    const { backend, sent } = capturingBackend()
    if (scheme.flow === 'popup') {
      await backend.startOAuth(scope, scheme.toInput(parsed.data!))
      await backend.startOAuth(scope, scheme.toInput(parsed.data!), 'conn-1')
      expect(sent[0]!.body).toMatchObject({ projectIdOrName: 'proj-1', provider: name, ...scope })
      expect(errorsAgainst(requestBodyPointer('/oauth-connect', 'post'), sent[0]!.body)).toEqual([])
      expect(sent[1]).toMatchObject({ method: 'PATCH', url: 'https://api.test/v1/projects/proj-1/connections/conn-1:oauth-update', body: undefined })
      return
    }
    const input = scheme.toInput(parsed.data!)
    if (scheme.flow === 'steps') {
      const step = (await backend.startSteps!(scope, input)) as Extract<SignInStep, { kind: 'redirect' }>
      expect([step.kind, step.url]).toEqual(['redirect', 'https://login.test/consent'])
      // The callback page's parameters continue the session the platform named.
      const answer = step.protocol.read({ source: 'ampersand-custom-auth', params: { tenant: 't-1', admin_consent: 'True' } })
      const next = await (answer as { next(): Promise<SignInStep> }).next()
      const [started, continued] = sent
      expect(next.kind).toBe('connection')
      expect(started).toMatchObject({ method: 'POST', url: 'https://api.test/v1/custom-auth/connect' })
      expect(started!.body).toMatchObject({ projectIdOrName: 'proj-1', provider: name, ...scope })
      expect(errorsAgainst(requestBodyPointer('/custom-auth/connect', 'post'), started!.body)).toEqual([])
      expect(continued!.body).toStrictEqual({ projectIdOrName: 'proj-1', sessionId: 'session-1', callbackParams: { tenant: 't-1', admin_consent: 'True' } })
      expect(errorsAgainst(requestBodyPointer('/custom-auth/connect', 'post'), continued!.body)).toEqual([])
      return
    }
    await backend.createConnection(scope, input)
    await backend.updateConnection(scope, 'conn-1', input)
    const [created, updated] = sent
    expect(created).toMatchObject({ method: 'POST', url: 'https://api.test/v1/projects/proj-1/connections:generate' })
    expect(created!.body).toMatchObject({ ...scope, provider: name })
    expect(errorsAgainst('#/components/schemas/GenerateConnectionRequest', created!.body)).toEqual([])
    if (updated!.method === 'PATCH') {
      expect(updated!.url).toBe('https://api.test/v1/projects/proj-1/connections/conn-1')
      expect(errorsAgainst('#/components/schemas/UpdateConnectionRequest', updated!.body)).toEqual([])
      const { updateMask, connection } = updated!.body as { updateMask: string[]; connection: Record<string, unknown> }
      expect(Object.keys(connection).sort()).toEqual([...updateMask].sort())
    } else {
      // Custom and no-auth credentials have no update mask: they are generated again.
      expect(['custom', 'none']).toContain(scheme.id)
      expect(errorsAgainst('#/components/schemas/GenerateConnectionRequest', updated!.body)).toEqual([])
    }
  })
})

/** A catalog provider's one sign-in method, resolved. */
const methodOf = (name: string) => resolveMethods(toProviderSpec(providerInfoSchema.parse((providers as Record<string, unknown>)[name])), defaultMessages)[0]!

/** What a person types for one provider of each form scheme, and the exact body the platform receives. */
const exactBodies: [scheme: string, provider: string, values: SchemeValues, body: Record<string, unknown>][] = [
  ['apiKey', 'openAI', { credentials: [{ apiKey: 'sk-live-1' }] }, { apiKey: 'sk-live-1' }],
  ['basic', 'mailgun', { credentials: [{ username: 'api', password: 'pw-1' }] }, { basicAuth: { username: 'api', password: 'pw-1' } }],
  [
    'oauth2/clientCredentials',
    'adobe',
    { credentials: [{ clientId: 'cid', clientSecret: 'cs', scopes: 'openid, AdobeID read_organizations' }] },
    { oauth2ClientCredentials: { clientId: 'cid', clientSecret: 'cs', scopes: ['openid', 'AdobeID', 'read_organizations'] } },
  ],
  [
    'oauth2/password',
    'sugarCRM',
    { credentials: [{ username: 'ada', password: 'pw', clientId: 'sugar', clientSecret: 'cs', scopes: '' }], connection: { metadata: { workspace: 'acme.sugarondemand.com' } } },
    {
      providerWorkspaceRef: 'acme.sugarondemand.com',
      providerMetadata: { workspace: { value: 'acme.sugarondemand.com', source: 'input' } },
      oauth2PasswordCredentials: { username: 'ada', password: 'pw', clientId: 'sugar', clientSecret: 'cs' },
    },
  ],
  [
    'custom',
    'discourse',
    { credentials: [{ apiKey: 'dk', username: 'ada' }], connection: { metadata: { workspace: 'forum.acme.com' } } },
    {
      providerWorkspaceRef: 'forum.acme.com',
      providerMetadata: { workspace: { value: 'forum.acme.com', source: 'input' } },
      customAuth: { apiKey: 'dk', username: 'ada' },
    },
  ],
  ['none', 'mock', {}, {}],
]

describe.each(exactBodies)('exact connections:generate body for %s (%s)', (_scheme, name, values, credentials) => {
  test('is the scope, the provider and the credentials, nothing else', async () => {
    const scheme = methodOf(name)
    const { backend, sent } = capturingBackend()
    await backend.createConnection(scope, scheme.toInput(methodSchema(scheme, defaultMessages).parse(values)))
    expect(sent[0]!.body).toStrictEqual({ ...scope, provider: name, ...credentials })
    expect(errorsAgainst('#/components/schemas/GenerateConnectionRequest', sent[0]!.body)).toEqual([])
  })
})

test('exact custom-auth/connect bodies: a multi-step provider with inputs, and one with none', async () => {
  const { backend, sent } = capturingBackend()
  const redtail = methodOf('redtail')
  await backend.startSteps!(scope, redtail.toInput(methodSchema(redtail, defaultMessages).parse({ credentials: [{ apiKey: 'rk', username: 'ada', password: 'pw' }], connection: { metadata: { region: 'crm' } } })))
  const consent = methodOf('microsoftAdminConsent')
  await backend.startSteps!(scope, consent.toInput(consent.defaultValues))
  expect(sent.map((request) => request.body)).toStrictEqual([
    {
      projectIdOrName: 'proj-1',
      provider: 'redtail',
      ...scope,
      providerMetadata: { region: { value: 'crm', source: 'input' } },
      customAuth: { apiKey: 'rk', username: 'ada', password: 'pw' },
    },
    { projectIdOrName: 'proj-1', provider: 'microsoftAdminConsent', ...scope },
  ])
})

test('the validator rejects bodies that break the spec (so the checks above can fail)', () => {
  expect(errorsAgainst('#/components/schemas/GenerateConnectionRequest', { groupRef: 'g', consumerRef: 'c', provider: 'p', basicAuth: { username: 'u' } })).not.toEqual([])
  expect(errorsAgainst('#/components/schemas/GenerateConnectionRequest', { groupRef: 'g', provider: 'p' })).not.toEqual([])
  expect(errorsAgainst(requestBodyPointer('/oauth-connect', 'post'), { provider: 'p', groupRef: 'g', consumerRef: 'c' })).not.toEqual([])
  expect(errorsAgainst('#/components/schemas/UpdateConnectionRequest', { updateMask: ['customAuth'], connection: {} })).not.toEqual([])
  expect(errorsAgainst(requestBodyPointer('/custom-auth/connect', 'post'), { provider: 'redtail' })).not.toEqual([])
})
