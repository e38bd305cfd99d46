import { describe, expect, test } from 'vitest'
import providers from '../../../contracts/ampersand/providers.json'
import { defaultMessages } from '../../model/messages'
import type { SchemeId } from '../../model/ProviderSpec'
import { methodSchema } from '../../schemes/fieldSchema'
import { resolveMethods } from '../../schemes/resolveMethod'
import { providerInfoSchema, toProviderSpec } from './catalog'
import type { ProviderInfo } from './catalog'

// Ampersand's catalog mapped onto the neutral model, checked through the forms the kit builds from
// it: the 48 real entries in contracts/ cover every variant of the public catalog.

const catalog = Object.fromEntries(
  Object.entries(providers as Record<string, unknown>).map(([name, entry]) => [name, providerInfoSchema.parse(entry)]),
) as Record<string, ProviderInfo>
const resolve = (name: string) => resolveMethods(toProviderSpec(catalog[name]!), defaultMessages)[0]!

/** A real provider for each scheme Ampersand has, its method id, and the fields a person sees. */
const examples: [scheme: SchemeId, provider: string, methodId: string, labels: string[]][] = [
  ['none', 'mock', 'none', []],
  ['apiKey', 'openAI', 'apiKey', ['API key']],
  ['basic', 'mailgun', 'basic', ['Username', 'Password']],
  ['oauth2/authorizationCode', 'hubspot', 'oauth2/authorizationCode', []],
  ['oauth2/authorizationCode', 'salesforce', 'oauth2/authorizationCodePKCE', ['Subdomain', 'Business Unit ID']],
  ['oauth2/clientCredentials', 'adobe', 'oauth2/clientCredentials', ['Client ID', 'Client secret', 'Scopes']],
  ['oauth2/password', 'sugarCRM', 'oauth2/password', ['Username', 'Password', 'Client ID', 'Client secret', 'Scopes', 'Base URL']],
  ['custom', 'discourse', 'custom', ['API Key', 'API Username', 'Your domain']],
  ['custom', 'redtail', 'custom/multiStep', ['API Key', 'Username', 'Password', 'Region']],
]

describe.each(examples)('%s (%s)', (scheme, provider, methodId, labels) => {
  test(`maps to one ${methodId} method and shows its fields`, () => {
    const spec = toProviderSpec(catalog[provider]!)
    expect(spec.methods.map((method) => [method.id, method.parts.map((part) => part.scheme)])).toEqual([[methodId, [scheme]]])
    expect(resolve(provider).fields.map((field) => field.label)).toEqual(labels)
  })
})

test('every entry maps to at most one method, and only jwt to none', () => {
  for (const [name, info] of Object.entries(catalog)) {
    expect(toProviderSpec(info).methods.length, name).toBe(info.authType === 'jwt' ? 0 : 1)
  }
})

test('name, display name, icon, logo and the native record', () => {
  const spec = toProviderSpec(catalog.salesforce!)
  expect([spec.id, spec.displayName, spec.native]).toEqual(['salesforce', 'Salesforce', catalog.salesforce])
  expect(spec.iconUrl).toMatch(/^https:/)
  expect(spec.logoUrl).toMatch(/^https:/)
})

describe('catalog details', () => {
  test('multi-step custom auth: a consent-only provider asks nothing and runs as steps', () => {
    const method = resolve('microsoftAdminConsent')
    expect([method.id, method.flow, method.fields]).toEqual(['custom/multiStep', 'steps', []])
    expect(method.toInput(method.defaultValues)).toEqual({
      provider: 'microsoftAdminConsent',
      methodId: 'custom/multiStep',
      credentials: [{ scheme: 'custom', values: {} }],
      connection: {},
    })
  })

  test('credential fields sit under their part, connection fields under connection', () => {
    expect(resolve('freshdesk').fields.map((field) => field.name)).toEqual(['credentials.0.username', 'credentials.0.password', 'connection.metadata.workspace'])
    expect(resolve('freshdesk').defaultValues).toEqual({ credentials: [{ username: '', password: '' }], connection: { metadata: { workspace: '' } } })
  })

  test('scopes split on commas, spaces and new lines', () => {
    const method = resolve('adobe')
    const values = methodSchema(method, defaultMessages).parse({ credentials: [{ clientId: ' id ', clientSecret: 's', scopes: 'a, b\nc  d' }] })
    expect(method.toInput(values).credentials).toEqual([{ scheme: 'oauth2/clientCredentials', clientId: 'id', clientSecret: 's', scopes: ['a', 'b', 'c', 'd'] }])
  })

  test('clientCredentials asks for scopes only when the provider needs them named', () => {
    expect(resolve('zuora').fields.map((field) => field.name)).toEqual(['credentials.0.clientId', 'credentials.0.clientSecret', 'connection.metadata.workspace'])
  })

  test('a pasted valuePrefix is dropped from an API key; a query key is kept as typed', () => {
    expect(resolve('openAI').toInput({ credentials: [{ apiKey: 'Bearer sk-1' }] }).credentials).toEqual([{ scheme: 'apiKey', apiKey: 'sk-1' }])
    expect(resolve('hunter').toInput({ credentials: [{ apiKey: 'Bearer-ish' }] }).credentials).toEqual([{ scheme: 'apiKey', apiKey: 'Bearer-ish' }])
  })

  test('passwords keep their spaces; other text is trimmed', () => {
    expect(methodSchema(resolve('mailgun'), defaultMessages).parse({ credentials: [{ username: '  api  ', password: ' p ' }] })).toEqual({ credentials: [{ username: 'api', password: ' p ' }] })
  })

  test('metadata: required unless only non-default modules need it; prompt and docs as help', () => {
    const byName = Object.fromEntries(resolve('netsuite').fields.map((field) => [field.name, field]))
    expect(byName['connection.metadata.workspace']).toMatchObject({ required: true, docsUrl: expect.stringContaining('oracle.com') })
    expect(byName['connection.metadata.workspace']!.help).toContain('1234567-sb')
    expect(byName['connection.metadata.scriptId']!.required).toBe(false)
    expect(byName['connection.metadata.deployId']!.required).toBe(false)
  })

  test("a default that the field's own help shows as an example is a placeholder, not a value; other defaults prefill", () => {
    const netsuite = resolve('netsuite')
    const workspace = netsuite.fields.find((field) => field.name === 'connection.metadata.workspace')!
    expect([workspace.defaultValue, workspace.placeholder]).toEqual([undefined, '1234567-sb'])
    expect(netsuite.defaultValues).toEqual({ connection: { metadata: { workspace: '', scriptId: '', deployId: '' } } })
    const redtail = resolve('redtail').fields.find((field) => field.name === 'connection.metadata.region')!
    expect([redtail.defaultValue, redtail.placeholder]).toEqual(['crm', undefined])
    const talkdesk = resolve('talkdesk').defaultValues as { connection: { metadata: Record<string, string> } }
    expect(talkdesk.connection.metadata.talkdesk_api_domain).toBe('api.talkdeskapp.com')
  })

  test('connection fields are sent by name; empty optional ones are left out', () => {
    const netsuite = resolve('netsuite')
    expect(netsuite.toInput({ connection: { metadata: { workspace: ' tstdrv ', scriptId: '', deployId: '7' } } })).toEqual({
      provider: 'netsuite',
      methodId: 'oauth2/authorizationCode',
      credentials: [{ scheme: 'oauth2/authorizationCode' }],
      connection: { 'metadata.workspace': 'tstdrv', 'metadata.deployId': '7' },
    })
  })

  test('a workspace field is added when OAuth needs one and the catalog has no workspace input', () => {
    const entry = { ...catalog.hubspot!, oauth2Opts: { ...catalog.hubspot!.oauth2Opts!, explicitWorkspaceRequired: true } }
    const method = resolveMethods(toProviderSpec(entry), defaultMessages)[0]!
    expect(method.fields.map((field) => [field.name, field.label, field.required, field.help])).toEqual([
      ['connection.providerWorkspaceRef', 'Workspace', true, 'The HubSpot workspace, subdomain or instance to connect.'],
    ])
    expect(method.toInput({ connection: { providerWorkspaceRef: 'acme' } }).connection).toEqual({ providerWorkspaceRef: 'acme' })
  })

  test('custom inputs honour fieldType; select options are enforced', () => {
    const entry: ProviderInfo = {
      name: 'acme',
      authType: 'custom',
      customOpts: {
        inputs: [
          { name: 'env', displayName: 'Environment', fieldType: 'fieldTypeSelect', options: [{ value: 'prod', label: 'Production' }, { value: 'sb', label: 'Sandbox' }] },
          { name: 'user', displayName: 'User', fieldType: 'fieldTypeText' },
          { name: 'token', displayName: 'Token' },
        ],
      },
    }
    const method = resolveMethods(toProviderSpec(entry), defaultMessages)[0]!
    expect(method.fields.map((field) => [field.kind, field.secret])).toEqual([['select', false], ['text', false], ['password', true]])
    const bad = methodSchema(method, defaultMessages).safeParse({ credentials: [{ env: 'staging', user: 'u', token: 't' }] })
    expect(bad.error?.issues[0]?.message).toBe('Choose one of the listed options for Environment.')
    const good = methodSchema(method, defaultMessages).parse({ credentials: [{ env: 'sb', user: 'u', token: 't' }] })
    expect(method.toInput(good).credentials).toEqual([{ scheme: 'custom', values: { env: 'sb', user: 'u', token: 't' } }])
  })

  test('basic auth that collects an API key splits it as keyFormat says', () => {
    const entry: ProviderInfo = { name: 'k', authType: 'basic', basicOpts: { apiKeyAsBasic: true, apiKeyAsBasicOpts: { keyFormat: 'api:%s' } } }
    const method = resolveMethods(toProviderSpec(entry), defaultMessages)[0]!
    expect(method.fields.map((field) => field.label)).toEqual(['API key'])
    expect(method.toInput({ credentials: [{ apiKey: 'xyz' }] }).credentials).toEqual([{ scheme: 'basic', username: 'api', password: 'xyz' }])
    const asPassword: ProviderInfo = { name: 'k', authType: 'basic', basicOpts: { apiKeyAsBasic: true, apiKeyAsBasicOpts: { fieldUsed: 'password' } } }
    expect(resolveMethods(toProviderSpec(asPassword), defaultMessages)[0]!.toInput({ credentials: [{ apiKey: 'xyz' }] }).credentials).toEqual([
      { scheme: 'basic', username: '', password: 'xyz' },
    ])
  })

  test('jwt and OAuth without options offer no method the kit can render', () => {
    expect(toProviderSpec({ name: 'j', authType: 'jwt' }).methods).toEqual([])
    expect(toProviderSpec({ name: 'o', authType: 'oauth2' }).methods).toEqual([])
  })

  test('an unlabelled method is named after its first scheme', () => {
    expect(resolve('openAI').label).toBe('API key')
    expect(resolve('hubspot').label).toBe('Account sign-in')
  })
})
