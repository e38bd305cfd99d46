import { readFileSync } from 'node:fs'
import { getResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import providers from '../../contracts/ampersand/providers.json'
import { demoTemplates } from '../../demo/server/versori/templates'
import { requestBodyPointer as versoriBodyPointer, specIssues as versoriIssues } from '../../demo/server/versori/contract.node'
import { generateTestingModules } from '../../scripts/genTestingSchemas'
import { ampersand, defaultMessages, providerInfoSchema, resolveMethods, toProviderSpec, versori } from '../../src/index'
import type { ConnectScope, Credentials, CredentialPart, ProviderInfo, SchemeField, SchemeValues, SignInStep } from '../../src/index'
import { methodSchema } from '../../src/schemes/fieldSchema'
import type { RecordedRequest } from '../../src/testing'
import { ampersandHandlers, versoriHandlers, versoriTestIds } from '../../src/testing'
import { errorsAgainst, requestBodyPointer } from '../contract/openapi'

// The testing kit's generated modules (scripts/genTestingSchemas.ts) stay what the generator makes
// of today's contracts and fixtures, and its mock platforms accept every request the kit sends (no
// contract violations recorded), as the full contracts (ajv over the whole OpenAPI documents, with
// the Versori patches and their semantic checks) do.

test('the committed generated modules are what the generator makes of the contracts and fixtures today', () => {
  for (const [path, text] of Object.entries(generateTestingModules())) {
    expect(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'), `${path} drifted: run npx tsx scripts/genTestingSchemas.ts`).toBe(text)
  }
})

/** A fetch that answers from MSW handlers, in this process, as MSW would. */
const through = (handlers: Parameters<typeof getResponse>[0]): typeof fetch => async (input, init) => {
  const response = await getResponse(handlers, new Request(input, init))
  if (!response) throw new TypeError(`Nothing answers ${String(input)}`)
  return response
}

/** Fills every field as a person would: a listed option for selects, a plausible text otherwise. */
function fill(fields: SchemeField[]): SchemeValues {
  const values: SchemeValues = {}
  for (const field of fields) {
    const value = field.options?.[0]?.value ?? field.defaultValue ?? (field.name.endsWith('.scopes') ? 'read, write' : `value-of-${field.name}`)
    const parts = field.name.split('.')
    let node = values
    parts.slice(0, -1).forEach((part, index) => {
      node = (node[part] ??= /^\d+$/.test(parts[index + 1]!) ? [] : {}) as SchemeValues
    })
    node[parts.at(-1)!] = value
  }
  return values
}

const AMPERSAND_POINTERS: Record<string, string> = {
  '/oauth-connect': requestBodyPointer('/oauth-connect', 'post'),
  '/custom-auth/connect': requestBodyPointer('/custom-auth/connect', 'post'),
  'connections:generate': '#/components/schemas/GenerateConnectionRequest',
  PATCH: '#/components/schemas/UpdateConnectionRequest',
}

/** The full spec's problems with a recorded body (ajv over the whole OpenAPI document). */
function ampersandSpecErrors(request: RecordedRequest): string[] {
  const key = Object.keys(AMPERSAND_POINTERS).find((candidate) => request.path.endsWith(candidate) || request.method === candidate)
  return errorsAgainst(AMPERSAND_POINTERS[key!]!, request.body)
}

describe('Ampersand: every catalog entry in contracts/ampersand/providers.json, through ampersandHandlers', () => {
  const catalog = providers as unknown as Record<string, ProviderInfo>
  const scope: ConnectScope = { groupRef: 'group-1', groupName: 'Acme', consumerRef: 'consumer-1', consumerName: 'Ada' }

  test.each(Object.keys(catalog))('%s', async (name) => {
    const mock = ampersandHandlers({ baseUrl: 'https://api.test/v1', project: 'proj-1', providers: catalog })
    const backend = ampersand({ project: 'proj-1', apiKey: 'k', baseUrl: 'https://api.test/v1', fetch: through(mock.handlers) })
    const method = resolveMethods(toProviderSpec(providerInfoSchema.parse(catalog[name])), defaultMessages)[0]
    if (!method) return
    const input = method.toInput(methodSchema(method, defaultMessages).parse(fill(method.fields)))
    if (method.flow === 'popup') {
      await backend.startOAuth(scope, input)
    } else if (method.flow === 'steps') {
      const step = await backend.startSteps!(scope, input)
      if (step.kind === 'redirect') {
        const answer = step.protocol.read({ source: 'ampersand-custom-auth', params: { tenant: 't-1', admin_consent: 'True' } })
        expect((await (answer as { next(): Promise<SignInStep> }).next()).kind).toBe('connection')
      }
    } else {
      const made = await backend.createConnection(scope, input)
      await backend.updateConnection(scope, made.id, input)
    }
    const sent = mock.requests.filter((request) => request.body !== undefined)
    expect(sent.length).toBeGreaterThan(0)
    expect(mock.violations).toEqual([])
    for (const request of sent) expect(ampersandSpecErrors(request), `${request.method} ${request.path}`).toEqual([])
    expect(mock.requests.every((request) => request.status! < 400), JSON.stringify(mock.requests.map((request) => [request.path, request.status]))).toBe(true)
  })

  test('a body that breaks the contract gets the problem+json the full spec would give, and is recorded', async () => {
    const mock = ampersandHandlers({ baseUrl: 'https://api.test/v1' })
    const body = { groupRef: 'g', consumerRef: 'c', provider: 'mailgun', basicAuth: { username: 'api' }, apiKey: 7 }
    const response = await through(mock.handlers)('https://api.test/v1/projects/p/connections:generate', {
      method: 'POST',
      headers: { 'X-Api-Key': 'k', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const problem = (await response.json()) as { issues: { name: string; detail: string; in: string }[] }
    // The same fields as the full spec names (its words are ajv's: "must have required property 'password'").
    const named = (details: string[]) => details.map((detail) => detail.split(' ')[0]).sort()
    expect(named(problem.issues.map((issue) => issue.detail))).toEqual(named(errorsAgainst('#/components/schemas/GenerateConnectionRequest', body)))
    expect(problem.issues).toContainEqual({ type: 'about:blank', in: 'body', name: 'basicAuth.password', detail: 'basicAuth.password is required' })
    expect(mock.violations).toHaveLength(1)
    expect(mock.violations[0]!.issues).toEqual([
      { path: 'basicAuth.password', message: 'is required' },
      { path: 'apiKey', message: 'must be string' },
    ])
  })
})

describe('Versori: every demo template, through versoriHandlers', () => {
  const templates = demoTemplates({ issuer: 'https://id.acme.example', apiBaseUrl: 'https://api.acme.example' })
  const scope: ConnectScope = { consumerRef: 'ada', consumerName: 'Ada Lovelace' }
  const pem = (name: string) => readFileSync(new URL(`../../demo/fixtures/mtls/${name}`, import.meta.url), 'utf8')
  const typed = (part: CredentialPart): Credentials => {
    switch (part.scheme) {
      case 'none':
        return { scheme: 'none' }
      case 'apiKey':
        return { scheme: 'apiKey', apiKey: 'acme-live-1' }
      case 'basic':
        return { scheme: 'basic', username: 'ada', password: 'analytical engine' }
      case 'secret':
      case 'hmac':
        return { scheme: part.scheme, secret: 'a'.repeat(64) }
      case 'jwtBearer':
        return { scheme: 'jwtBearer', key: pem('client-key.pem') }
      case 'certificate':
        return { scheme: 'certificate', certificate: pem('client.pem'), privateKey: pem('client-key.pem'), ca: pem('ca.pem') }
      case 'oauth2/clientCredentials':
        return { scheme: 'oauth2/clientCredentials', clientId: 'demo-cc', clientSecret: 'demo-cc-secret', scopes: ['api:read'] }
      case 'oauth2/password':
        return { scheme: 'oauth2/password', username: 'ada@example.com', password: 'plugboard' }
      case 'oauth2/authorizationCode':
        return { scheme: 'oauth2/authorizationCode', scopes: ['api:read'] }
      case 'oauth1/token':
        return { scheme: 'oauth1/token', token: 't', tokenSecret: 's', params: Object.fromEntries(part.params.map((param) => [param.name, 'acme'])) }
      case 'custom':
        throw new Error('Versori has no custom inputs')
    }
  }
  const POINTERS: Record<string, string> = {
    POST: versoriBodyPointer('/o/{organisation_id}/connections', 'post'),
    PUT: versoriBodyPointer('/o/{organisation_id}/connections/{connection_id}', 'put'),
    initialise: versoriBodyPointer('/o/{organisation_id}/systems/{system_id}/oauth2/initialise', 'post'),
  }

  test.each(templates.map((template) => [template.name, template.connectionTemplateId]))('%s', async (_name, templateId) => {
    const mock = versoriHandlers({ baseUrl: 'https://versori.test/api/v2', templates })
    const backend = versori({ ...versoriTestIds, baseUrl: 'https://versori.test/api/v2', token: 'key', fetch: through(mock.handlers) })
    const spec = await backend.getProvider(templateId)
    for (const method of spec.methods) {
      const credentials = method.parts.map(typed)
      if (method.flow === 'popup') {
        const step = await backend.startOAuth(scope, { provider: templateId, methodId: method.id, credentials })
        const state = new URL(step.url).searchParams.get('state')
        const answer = step.protocol.read({ type: 'response', payload: { search: `?code=C0DE&state=${state}` } })
        // No completeOAuth gave that code: the mock refuses it, after checking the body against the contract.
        await expect((answer as { next(): Promise<SignInStep> }).next()).rejects.toMatchObject({ status: 400 })
      } else {
        const made = await backend.createConnection(scope, { provider: templateId, methodId: method.id, credentials, connection: { name: `${spec.displayName} ${method.id}`, baseUrl: 'acme.example' } })
        await backend.updateConnection(scope, made.id, { provider: templateId, methodId: method.id, credentials })
      }
    }
    expect(mock.violations).toEqual([])
    for (const request of mock.requests.filter((entry) => entry.body !== undefined)) {
      const pointer = POINTERS[request.path.endsWith('/initialise') ? 'initialise' : request.method]!
      expect(versoriIssues(pointer, request.body), `${request.method} ${request.path}`).toEqual([])
    }
  })

  test('a body that breaks the contract gets Versori’s error with the fields the full contract names, and is recorded', async () => {
    const mock = versoriHandlers({ baseUrl: 'https://versori.test/api/v2', templates })
    const body = {
      connectionTemplateId: templates[0]!.connectionTemplateId,
      connection: {
        name: 'x',
        credentials: [{ id: 'not-a-ulid', authSchemeConfig: templates[0]!.authSchemeConfigs[0], credential: { id: '01JD0CR0000000000000000001', type: 'basic-auth', data: { string: { value: 'k' } } } }],
      },
    }
    const response = await through(mock.handlers)(`https://versori.test/api/v2/o/${versoriTestIds.organisationId}/connections`, {
      method: 'POST',
      headers: { Authorization: 'Bearer key', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(response.status).toBe(400)
    const error = (await response.json()) as { code: string; message: string; fields: { field: string; message: string }[] }
    expect(error.code).toBe('400001')
    const fields = (issues: { field: string }[]) => [...new Set(issues.map((issue) => issue.field))].sort()
    expect(fields(error.fields)).toEqual(fields(versoriIssues(POINTERS.POST!, body)))
    expect(mock.violations.map((request) => request.issues.map((issue) => issue.path).sort())).toEqual([fields(error.fields)])
  })
})
