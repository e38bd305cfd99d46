import { describe, expect, test } from 'vitest'
import { defaultMessages } from '../model/messages'
import type { CredentialPart, InputSpec, ProviderSpec, SchemeId } from '../model/ProviderSpec'
import { methodSchema } from './fieldSchema'
import { resolveMethod, resolveMethods } from './resolveMethod'
import { schemeRegistry } from './schemeRegistry'

/** A spec with one method of one part, and any connection fields. */
const specWith = (part: CredentialPart, connectionFields: InputSpec[] = [], flow: 'form' | 'popup' | 'steps' = 'form'): ProviderSpec => ({
  id: 'acme',
  displayName: 'Acme',
  methods: [{ id: 'm1', flow, parts: [part] }],
  connectionFields,
})
const resolve = (spec: ProviderSpec) => resolveMethods(spec, defaultMessages)[0]!

/** A part of each scheme, and the fields a person sees for it. */
const examples: Record<SchemeId, { part: CredentialPart; labels: string[] }> = {
  none: { part: { scheme: 'none' }, labels: [] },
  apiKey: { part: { scheme: 'apiKey', placement: { in: 'header', name: 'Authorization', prefix: 'Bearer ' } }, labels: ['API key'] },
  basic: { part: { scheme: 'basic' }, labels: ['Username', 'Password'] },
  'oauth2/authorizationCode': { part: { scheme: 'oauth2/authorizationCode', pkce: true }, labels: [] },
  'oauth2/clientCredentials': { part: { scheme: 'oauth2/clientCredentials', scopes: { required: true } }, labels: ['Client ID', 'Client secret', 'Scopes'] },
  'oauth2/password': { part: { scheme: 'oauth2/password', askClient: false }, labels: ['Username', 'Password'] },
  custom: { part: { scheme: 'custom', inputs: [{ name: 'token', label: 'Token', kind: 'password' }, { name: 'user', label: 'User' }] }, labels: ['Token', 'User'] },
  secret: { part: { scheme: 'secret' }, labels: ['Secret'] },
  hmac: { part: { scheme: 'hmac', algorithm: 'sha256', encoding: 'hex', digestInputs: ['body'] }, labels: ['Shared secret'] },
  jwtBearer: { part: { scheme: 'jwtBearer' }, labels: ['Signing key'] },
  certificate: { part: { scheme: 'certificate', caRequired: true }, labels: ['Certificate', 'Private key', 'CA certificate chain'] },
  'oauth1/token': { part: { scheme: 'oauth1/token', params: [{ name: 'realm', label: 'Realm', required: false }] }, labels: ['Token', 'Token secret', 'Realm'] },
}

describe.each(Object.keys(schemeRegistry) as SchemeId[])('scheme %s', (scheme) => {
  const { part, labels } = examples[scheme]
  const method = () => resolve(specWith(part, [{ name: 'name', label: 'Connection name', role: 'connectionName' }]))

  test('shows its fields, credentials first, then connection fields', () => {
    expect(method().fields.map((field) => field.label)).toEqual([...labels, 'Connection name'])
  })

  test('an empty form is refused with a message naming each required field', () => {
    const resolved = method()
    const { fields, defaultValues } = resolved
    const schema = methodSchema(resolved, defaultMessages)
    const blank = JSON.parse(JSON.stringify(defaultValues, (_key, value) => (typeof value === 'string' ? '' : value)))
    const result = schema.safeParse(blank)
    const required = fields.filter((field) => field.required && field.kind !== 'choices')
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

describe('method resolution', () => {
  test('credential fields sit under their part, connection fields under connection', () => {
    const method = resolve(specWith({ scheme: 'basic' }, [{ name: 'metadata.workspace', label: 'Domain' }]))
    expect(method.fields.map((field) => field.name)).toEqual(['credentials.0.username', 'credentials.0.password', 'connection.metadata.workspace'])
    expect(method.defaultValues).toEqual({ credentials: [{ username: '', password: '' }], connection: { metadata: { workspace: '' } } })
  })

  test("a default that the field's own help shows as inline code is an example: a placeholder, not a value", () => {
    const method = resolve(
      specWith({ scheme: 'none' }, [
        { name: 'account', label: 'Account', defaultValue: '1234567-sb', help: 'If your URL is `https://1234567-sb.example.com`, the account is `1234567-sb`.' },
        { name: 'region', label: 'Region', defaultValue: 'crm', help: "The host (for example, 'crm' for 'https://crm.example.com')" },
      ]),
    )
    expect(method.fields.map((field) => [field.defaultValue, field.placeholder])).toEqual([
      [undefined, '1234567-sb'],
      ['crm', undefined],
    ])
    expect(method.defaultValues).toEqual({ connection: { account: '', region: 'crm' } })
  })

  test('connection fields are sent by name, trimmed; empty optional ones are left out', () => {
    const method = resolve(specWith({ scheme: 'none' }, [{ name: 'name', label: 'Name' }, { name: 'baseUrl', label: 'Base URL', required: false }]))
    expect(method.toInput({ connection: { name: ' Acme – Ada ', baseUrl: '' } })).toEqual({
      provider: 'acme',
      methodId: 'm1',
      credentials: [{ scheme: 'none' }],
      connection: { name: 'Acme – Ada' },
    })
  })

  test('a workspace field the platform does not label gets the kit’s label and help, with the provider’s name', () => {
    const method = resolve(specWith({ scheme: 'oauth2/authorizationCode', pkce: false }, [{ name: 'providerWorkspaceRef', role: 'workspace' }], 'popup'))
    expect(method.fields.map((field) => [field.name, field.label, field.required, field.help])).toEqual([
      ['connection.providerWorkspaceRef', 'Workspace', true, 'The Acme workspace, subdomain or instance to connect.'],
    ])
  })

  test('a pasted prefix is dropped from an API key sent with one; a key without a prefix is kept as typed', () => {
    const prefixed = resolve(specWith(examples.apiKey.part))
    expect(prefixed.toInput({ credentials: [{ apiKey: 'Bearer sk-1' }] }).credentials).toEqual([{ scheme: 'apiKey', apiKey: 'sk-1' }])
    const plain = resolve(specWith({ scheme: 'apiKey', placement: { in: 'query', name: 'api_key' } }))
    expect(plain.toInput({ credentials: [{ apiKey: 'Bearer-ish' }] }).credentials).toEqual([{ scheme: 'apiKey', apiKey: 'Bearer-ish' }])
  })

  test('an unlabelled method is named after its first scheme; a platform label wins', () => {
    expect(resolve(specWith({ scheme: 'oauth2/authorizationCode', pkce: false })).label).toBe('Account sign-in')
    const spec: ProviderSpec = { ...specWith({ scheme: 'apiKey' }), methods: [{ id: 'k', label: 'Sandbox key', flow: 'form', parts: [{ scheme: 'apiKey' }] }] }
    expect(resolve(spec).label).toBe('Sandbox key')
  })

  test('the new kinds build the credentials their wire formats need', () => {
    expect(resolve(specWith({ scheme: 'secret' })).toInput({ credentials: [{ secret: 'a\nb' }] }).credentials).toEqual([{ scheme: 'secret', secret: 'a\nb' }])
    expect(resolve(specWith(examples.hmac.part)).toInput({ credentials: [{ secret: 'ff00' }] }).credentials).toEqual([{ scheme: 'hmac', secret: 'ff00' }])
    expect(resolve(specWith({ scheme: 'jwtBearer' })).toInput({ credentials: [{ key: 'k' }] }).credentials).toEqual([{ scheme: 'jwtBearer', key: 'k' }])
    const certificate = resolve(specWith({ scheme: 'certificate', caRequired: false }))
    expect(certificate.fields.map((field) => field.required)).toEqual([true, true, false])
    expect(certificate.toInput({ credentials: [{ certificate: 'C', privateKey: 'K', ca: '' }] }).credentials).toEqual([{ scheme: 'certificate', certificate: 'C', privateKey: 'K' }])
    const oauth1 = resolve(specWith(examples['oauth1/token'].part))
    expect(oauth1.toInput({ credentials: [{ token: 't', tokenSecret: 's', params: { realm: '' } }] }).credentials).toEqual([{ scheme: 'oauth1/token', token: 't', tokenSecret: 's', params: {} }])
    expect(oauth1.toInput({ credentials: [{ token: 't', tokenSecret: 's', params: { realm: 'R1' } }] }).credentials[0]).toMatchObject({ params: { realm: 'R1' } })
  })

  test('listed scopes become checkboxes with the defaults checked; at least one when required', () => {
    const method = resolveMethods(
      specWith({ scheme: 'oauth2/clientCredentials', scopes: { options: [{ name: 'read' }, { name: 'write', description: 'Write access' }], defaults: ['read'], required: true } }),
      defaultMessages,
    )[0]!
    const scopes = method.fields.find((field) => field.name === 'credentials.0.scopes')!
    expect([scopes.kind, scopes.options, scopes.defaultValue]).toEqual(['choices', [{ value: 'read', label: 'read' }, { value: 'write', label: 'Write access' }], ['read']])
    const none = methodSchema(method, defaultMessages).safeParse({ credentials: [{ clientId: 'i', clientSecret: 's', scopes: [] }] })
    expect(none.error?.issues.map((issue) => issue.message)).toEqual(['Choose at least one option for Scopes.'])
    const unknown = methodSchema(method, defaultMessages).safeParse({ credentials: [{ clientId: 'i', clientSecret: 's', scopes: ['admin'] }] })
    expect(unknown.error?.issues.map((issue) => issue.message)).toEqual(['Choose one of the listed options for Scopes.'])
    const chosen = methodSchema(method, defaultMessages).parse({ credentials: [{ clientId: 'i', clientSecret: 's', scopes: ['read', 'write'] }] })
    expect(method.toInput(chosen).credentials[0]).toMatchObject({ scopes: ['read', 'write'] })
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
    const values = methodSchema(method, defaultMessages).parse({ credentials: [{ clientId: 'c', clientSecret: 's' }, { secret: 'x\ny' }], connection: { name: 'Bank – Ada' } })
    expect(method.toInput(values)).toEqual({
      provider: 'bank',
      methodId: 'mtls',
      credentials: [{ scheme: 'oauth2/clientCredentials', clientId: 'c', clientSecret: 's' }, { scheme: 'secret', secret: 'x\ny' }],
      connection: { name: 'Bank – Ada' },
    })
  })
})
