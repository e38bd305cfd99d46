import { describe, expect, test } from 'vitest'
import providers from '../../contracts/ampersand/providers.json'
import { defaultMessages } from '../messages'
import type { ProviderInfo } from '../providerInfo'
import { providerInfoSchema } from '../providerInfo'
import { resolveScheme } from './resolveScheme'
import type { SchemeId } from './SchemeDescriptor'
import { schemeIdFor, schemeRegistry } from './schemeRegistry'

const catalog = Object.fromEntries(
  Object.entries(providers as Record<string, unknown>).map(([name, entry]) => [name, providerInfoSchema.parse(entry)]),
) as Record<string, ProviderInfo>
const resolve = (name: string) => resolveScheme(catalog[name]!, defaultMessages)!

/** A real catalog provider for each scheme, and the fields a person sees. */
const examples: Record<SchemeId, { provider: string; labels: string[] }> = {
  none: { provider: 'mock', labels: [] },
  apiKey: { provider: 'openAI', labels: ['API key'] },
  basic: { provider: 'mailgun', labels: ['Username', 'Password'] },
  'oauth2/authorizationCode': { provider: 'hubspot', labels: [] },
  'oauth2/authorizationCodePKCE': { provider: 'salesforce', labels: ['Subdomain', 'Business Unit ID'] },
  'oauth2/clientCredentials': { provider: 'adobe', labels: ['Client ID', 'Client secret', 'Scopes'] },
  'oauth2/password': { provider: 'sugarCRM', labels: ['Username', 'Password', 'Client ID', 'Client secret', 'Scopes', 'Base URL'] },
  custom: { provider: 'discourse', labels: ['API Key', 'API Username', 'Your domain'] },
  'custom/multiStep': { provider: 'redtail', labels: ['API Key', 'Username', 'Password', 'Region'] },
}

describe.each(Object.keys(schemeRegistry) as SchemeId[])('scheme %s', (id) => {
  const { provider, labels } = examples[id]
  test(`is chosen for ${provider} and shows its fields`, () => {
    expect(schemeIdFor(catalog[provider]!)).toBe(id)
    const scheme = resolve(provider)
    expect(scheme.descriptor).toBe(schemeRegistry[id])
    expect(scheme.fields.map((field) => field.label)).toEqual(labels)
  })

  test('an empty form is refused with a message naming each required field', () => {
    const scheme = resolve(provider)
    const empty = Object.fromEntries(scheme.fields.map((field) => [field.name.split('.')[0], field.name.includes('.') ? {} : '']))
    const result = scheme.schema.safeParse(empty)
    const required = scheme.fields.filter((field) => field.required)
    if (required.length === 0) {
      expect(result.success).toBe(true)
      return
    }
    expect(result.success).toBe(false)
    const messages = result.error!.issues.map((issue) => issue.message)
    for (const field of required) expect(messages).toContain(`${field.label} is required.`)
  })

  test('secret fields are masked and flagged', () => {
    for (const field of resolve(provider).fields) {
      expect(field.kind === 'password').toBe(field.secret)
    }
  })
})

describe('descriptor details', () => {
  test('multi-step custom auth: a consent-only provider asks nothing and runs as steps', () => {
    const scheme = resolve('microsoftAdminConsent')
    expect([scheme.id, scheme.flow, scheme.fields]).toEqual(['custom/multiStep', 'steps', []])
    expect(scheme.toInput(scheme.defaultValues)).toEqual({ provider: 'microsoftAdminConsent', credentials: { scheme: 'custom', values: {} } })
  })

  test('scopes split on commas, spaces and new lines', () => {
    const scheme = resolve('adobe')
    const values = scheme.schema.parse({ clientId: ' id ', clientSecret: 's', scopes: 'a, b\nc  d' })
    expect(scheme.toInput(values).credentials).toEqual({ scheme: 'oauth2/clientCredentials', clientId: 'id', clientSecret: 's', scopes: ['a', 'b', 'c', 'd'] })
  })

  test('clientCredentials asks for scopes only when the provider needs them named', () => {
    expect(resolve('zuora').fields.map((field) => field.name)).toEqual(['clientId', 'clientSecret', 'metadata.workspace'])
  })

  test('a pasted valuePrefix is dropped from an API key; a query key is kept as typed', () => {
    expect(resolve('openAI').toInput({ apiKey: 'Bearer sk-1' }).credentials).toEqual({ scheme: 'apiKey', apiKey: 'sk-1' })
    expect(resolve('hunter').toInput({ apiKey: 'Bearer-ish' }).credentials).toEqual({ scheme: 'apiKey', apiKey: 'Bearer-ish' })
  })

  test('passwords keep their spaces; other text is trimmed', () => {
    const scheme = resolve('mailgun')
    expect(scheme.schema.parse({ username: '  api  ', password: ' p ' })).toEqual({ username: 'api', password: ' p ' })
  })

  test('metadata: required unless only non-default modules need it; defaultValue prefilled; prompt and docs as help', () => {
    const netsuite = resolve('netsuite')
    const byName = Object.fromEntries(netsuite.fields.map((field) => [field.name, field]))
    expect(byName['metadata.workspace']).toMatchObject({ required: true, defaultValue: '1234567-sb', docsUrl: expect.stringContaining('oracle.com') })
    expect(byName['metadata.workspace']!.help).toContain('1234567-sb')
    expect(byName['metadata.scriptId']!.required).toBe(false)
    expect(byName['metadata.deployId']!.required).toBe(false)
    expect(netsuite.defaultValues).toEqual({ metadata: { workspace: '1234567-sb', scriptId: '', deployId: '' } })
  })

  test('the workspace input becomes providerWorkspaceRef; empty optional metadata is left out', () => {
    const netsuite = resolve('netsuite')
    expect(netsuite.toOAuthStart({ metadata: { workspace: 'tstdrv', scriptId: '', deployId: '7' } })).toEqual({
      provider: 'netsuite',
      providerWorkspaceRef: 'tstdrv',
      providerMetadata: { workspace: 'tstdrv', deployId: '7' },
    })
  })

  test('a workspace field is added when OAuth needs one and the catalog has no workspace input', () => {
    const entry = { ...catalog.hubspot!, oauth2Opts: { ...catalog.hubspot!.oauth2Opts!, explicitWorkspaceRequired: true } }
    const scheme = resolveScheme(entry, defaultMessages)!
    expect(scheme.fields.map((field) => [field.name, field.label, field.required])).toEqual([['providerWorkspaceRef', 'Workspace', true]])
    expect(scheme.toOAuthStart({ providerWorkspaceRef: 'acme' })).toEqual({ provider: 'hubspot', providerWorkspaceRef: 'acme' })
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
    const scheme = resolveScheme(entry, defaultMessages)!
    expect(scheme.fields.map((field) => [field.kind, field.secret])).toEqual([['select', false], ['text', false], ['password', true]])
    const bad = scheme.schema.safeParse({ customAuth: { env: 'staging', user: 'u', token: 't' } })
    expect(bad.error?.issues[0]?.message).toBe('Choose one of the listed options for Environment.')
    const good = scheme.schema.parse({ customAuth: { env: 'sb', user: 'u', token: 't' } })
    expect(scheme.toInput(good).credentials).toEqual({ scheme: 'custom', values: { env: 'sb', user: 'u', token: 't' } })
  })

  test('basic auth that collects an API key splits it as keyFormat says', () => {
    const entry: ProviderInfo = { name: 'k', authType: 'basic', basicOpts: { apiKeyAsBasic: true, apiKeyAsBasicOpts: { keyFormat: 'api:%s' } } }
    const scheme = resolveScheme(entry, defaultMessages)!
    expect(scheme.fields.map((field) => field.label)).toEqual(['API key'])
    expect(scheme.toInput({ apiKey: 'xyz' }).credentials).toEqual({ scheme: 'basic', username: 'api', password: 'xyz' })
    const asPassword: ProviderInfo = { name: 'k', authType: 'basic', basicOpts: { apiKeyAsBasic: true, apiKeyAsBasicOpts: { fieldUsed: 'password' } } }
    expect(resolveScheme(asPassword, defaultMessages)!.toInput({ apiKey: 'xyz' }).credentials).toEqual({ scheme: 'basic', username: '', password: 'xyz' })
  })

  test('jwt and OAuth without options are not rendered', () => {
    expect(resolveScheme({ name: 'j', authType: 'jwt' }, defaultMessages)).toBeUndefined()
    expect(resolveScheme({ name: 'o', authType: 'oauth2' }, defaultMessages)).toBeUndefined()
  })
})
