import { describe, expect, test } from 'vitest'
import providers from '../../contracts/ampersand/providers.json'
import { providerInfoSchema, toProviderSpec } from '../backends/ampersand/catalog'
import type { ProviderInfo } from '../backends/ampersand/catalog'
import { defaultMessages } from '../model/messages'
import type { CredentialPart, ProviderSpec, SchemeId } from '../model/ProviderSpec'
import { resolveMethod, resolveMethods } from './resolveMethod'
import { schemeRegistry } from './schemeRegistry'

const catalog = Object.fromEntries(
  Object.entries(providers as Record<string, unknown>).map(([name, entry]) => [name, providerInfoSchema.parse(entry)]),
) as Record<string, ProviderInfo>
const specOf = (name: string) => toProviderSpec(catalog[name]!)
const resolve = (name: string) => resolveMethods(specOf(name), defaultMessages)[0]!

/** A spec with one method of one part, for schemes no Ampersand entry uses. */
const specWith = (part: CredentialPart, extra: Partial<ProviderSpec> = {}): ProviderSpec => ({
  id: 'acme',
  displayName: 'Acme',
  methods: [{ id: 'm1', flow: 'form', parts: [part] }],
  connectionFields: [],
  ...extra,
})

/** A provider for each scheme (a real catalog one where Ampersand has it), and the fields a person sees. */
const examples: Record<SchemeId, { spec: () => ProviderSpec; labels: string[] }> = {
  none: { spec: () => specOf('mock'), labels: [] },
  apiKey: { spec: () => specOf('openAI'), labels: ['API key'] },
  basic: { spec: () => specOf('mailgun'), labels: ['Username', 'Password'] },
  'oauth2/authorizationCode': { spec: () => specOf('salesforce'), labels: ['Subdomain', 'Business Unit ID'] },
  'oauth2/clientCredentials': { spec: () => specOf('adobe'), labels: ['Client ID', 'Client secret', 'Scopes'] },
  'oauth2/password': { spec: () => specOf('sugarCRM'), labels: ['Username', 'Password', 'Client ID', 'Client secret', 'Scopes', 'Base URL'] },
  custom: { spec: () => specOf('discourse'), labels: ['API Key', 'API Username', 'Your domain'] },
  secret: { spec: () => specWith({ scheme: 'secret' }), labels: ['Secret'] },
  hmac: { spec: () => specWith({ scheme: 'hmac', algorithm: 'sha256', encoding: 'hex', digestInputs: ['body'] }), labels: ['Shared secret'] },
  jwtBearer: { spec: () => specWith({ scheme: 'jwtBearer' }), labels: ['Signing key'] },
  certificate: { spec: () => specWith({ scheme: 'certificate', caRequired: true }), labels: ['Certificate', 'Private key', 'CA certificate chain'] },
  'oauth1/token': {
    spec: () => specWith({ scheme: 'oauth1/token', params: [{ name: 'realm', label: 'Realm', required: false }] }),
    labels: ['Token', 'Token secret', 'Realm'],
  },
}

describe.each(Object.keys(schemeRegistry) as SchemeId[])('scheme %s', (scheme) => {
  const { spec, labels } = examples[scheme]
  const method = () => resolveMethods(spec(), defaultMessages)[0]!

  test('shows its fields, credentials first, then connection fields', () => {
    expect(method().method.parts[0]!.scheme).toBe(scheme)
    expect(method().fields.map((field) => field.label)).toEqual(labels)
  })

  test('an empty form is refused with a message naming each required field', () => {
    const { schema, fields, defaultValues } = method()
    const blank = JSON.parse(JSON.stringify(defaultValues, (_key, value) => (typeof value === 'string' ? '' : value)))
    const result = schema.safeParse(blank)
    const required = fields.filter((field) => field.required && field.kind !== 'choices')
    if (required.length === 0) return expect(result.success).toBe(true)
    expect(result.success).toBe(false)
    const messages = result.error!.issues.map((issue) => issue.message)
    for (const field of required) expect(messages).toContain(`${field.label} is required.`)
  })

  test('secret fields are masked: a password input, or a masked multi-line one', () => {
    for (const field of method().fields) {
      if (field.kind === 'password' || field.kind === 'textarea') expect(field.secret).toBe(true)
      if (field.secret) expect(['password', 'textarea', 'pem']).toContain(field.kind)
    }
  })
})

describe('method details', () => {
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
    const values = method.schema.parse({ credentials: [{ clientId: ' id ', clientSecret: 's', scopes: 'a, b\nc  d' }] })
    expect(method.toInput(values).credentials).toEqual([{ scheme: 'oauth2/clientCredentials', clientId: 'id', clientSecret: 's', scopes: ['a', 'b', 'c', 'd'] }])
  })

  test('listed scopes become checkboxes with the defaults checked; at least one when required', () => {
    const method = resolveMethods(
      specWith({ scheme: 'oauth2/clientCredentials', scopes: { options: [{ name: 'read' }, { name: 'write', description: 'Write access' }], defaults: ['read'], required: true } }),
      defaultMessages,
    )[0]!
    const scopes = method.fields.find((field) => field.name === 'credentials.0.scopes')!
    expect([scopes.kind, scopes.options, scopes.defaultValue]).toEqual(['choices', [{ value: 'read', label: 'read' }, { value: 'write', label: 'Write access' }], ['read']])
    const none = method.schema.safeParse({ credentials: [{ clientId: 'i', clientSecret: 's', scopes: [] }] })
    expect(none.error?.issues.map((issue) => issue.message)).toEqual(['Choose at least one option for Scopes.'])
    const unknown = method.schema.safeParse({ credentials: [{ clientId: 'i', clientSecret: 's', scopes: ['admin'] }] })
    expect(unknown.error?.issues.map((issue) => issue.message)).toEqual(['Choose one of the listed options for Scopes.'])
    const chosen = method.schema.parse({ credentials: [{ clientId: 'i', clientSecret: 's', scopes: ['read', 'write'] }] })
    expect(method.toInput(chosen).credentials[0]).toMatchObject({ scopes: ['read', 'write'] })
  })

  test('clientCredentials asks for scopes only when the provider needs them named', () => {
    expect(resolve('zuora').fields.map((field) => field.name)).toEqual(['credentials.0.clientId', 'credentials.0.clientSecret', 'connection.metadata.workspace'])
  })

  test('a pasted valuePrefix is dropped from an API key; a query key is kept as typed', () => {
    expect(resolve('openAI').toInput({ credentials: [{ apiKey: 'Bearer sk-1' }] }).credentials).toEqual([{ scheme: 'apiKey', apiKey: 'sk-1' }])
    expect(resolve('hunter').toInput({ credentials: [{ apiKey: 'Bearer-ish' }] }).credentials).toEqual([{ scheme: 'apiKey', apiKey: 'Bearer-ish' }])
  })

  test('passwords keep their spaces; other text is trimmed', () => {
    expect(resolve('mailgun').schema.parse({ credentials: [{ username: '  api  ', password: ' p ' }] })).toEqual({ credentials: [{ username: 'api', password: ' p ' }] })
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
    const bad = method.schema.safeParse({ credentials: [{ env: 'staging', user: 'u', token: 't' }] })
    expect(bad.error?.issues[0]?.message).toBe('Choose one of the listed options for Environment.')
    const good = method.schema.parse({ credentials: [{ env: 'sb', user: 'u', token: 't' }] })
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

  test('a method of several parts asks for each, in order, and sends them together', () => {
    const spec: ProviderSpec = {
      id: 'bank',
      displayName: 'Bank',
      methods: [{ id: 'mtls', label: 'Client credentials with mTLS', flow: 'form', parts: [{ scheme: 'oauth2/clientCredentials' }, { scheme: 'secret' }] }],
      connectionFields: [{ name: 'name', label: 'Connection name', role: 'connectionName' }],
    }
    const method = resolveMethod(spec, spec.methods[0]!, defaultMessages)
    expect(method.label).toBe('Client credentials with mTLS')
    expect(method.fields.map((field) => field.name)).toEqual(['credentials.0.clientId', 'credentials.0.clientSecret', 'credentials.1.secret', 'connection.name'])
    const values = method.schema.parse({ credentials: [{ clientId: 'c', clientSecret: 's' }, { secret: 'x\ny' }], connection: { name: 'Bank – Ada' } })
    expect(method.toInput(values)).toEqual({
      provider: 'bank',
      methodId: 'mtls',
      credentials: [{ scheme: 'oauth2/clientCredentials', clientId: 'c', clientSecret: 's' }, { scheme: 'secret', secret: 'x\ny' }],
      connection: { name: 'Bank – Ada' },
    })
  })

  test('an unlabelled method is named after its first scheme', () => {
    expect(resolve('openAI').label).toBe('API key')
    expect(resolve('hubspot').label).toBe('OAuth sign-in')
  })
})
