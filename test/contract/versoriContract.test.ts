import { readFileSync } from 'node:fs'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { describe, expect, test } from 'vitest'
import { parseVersoriDocuments, requestBodyPointer } from '../../demo/server/versori/contract'
import { loadVersoriContract, readVersoriContractTexts, versoriContract } from '../../demo/server/versori/contract.node'
import { ContractPatchError, schemasOf, VERSORI_PATCHES } from '../../demo/server/versori/contractPatches'
import type { PatchId, PatchTarget } from '../../demo/server/versori/contractPatches'
import { configObject, CREDENTIAL_DATA_KEY, credentialTypesFor, publicConfig } from '../../demo/server/versori/credentialRules'
import { demoTemplates } from '../../demo/server/versori/templates'
import { VERSORI_DEMO } from '../../demo/server/versori/types'

const texts = readVersoriContractTexts()
const raw = parseVersoriDocuments(texts)
const rawSeed = schemasOf(raw.seed)
const rawV2 = schemasOf(raw.v2)
const schema = (name: string) => `#/components/schemas/${name}`
const issuesOf = (name: string, value: unknown, skip: PatchId[] = []) =>
  (skip.length ? loadVersoriContract({ skip }) : versoriContract).specIssues(schema(name), value)
const fieldsOf = (name: string, value: unknown, skip: PatchId[] = []) => issuesOf(name, value, skip).map((issue) => issue.field)

const org = VERSORI_DEMO.organisationId
const ULID_A = '01JD0TEST00000000000000001'
const ULID_B = '01JD0TEST00000000000000002'
const templates = demoTemplates({ issuer: 'http://localhost:4011', apiBaseUrl: 'http://localhost:4013' })
const apiKeyConfig = templates.find((t) => t.name === 'Acme API key')!.authSchemeConfigs[0]!
const credentialEntry = (credential: Record<string, unknown>, config: Record<string, unknown> = apiKeyConfig) => ({
  id: ULID_A,
  authSchemeConfig: config,
  credential: { id: ULID_B, organisationId: org, ...credential },
})
const connection = (extra: Record<string, unknown> = {}) => ({
  id: ULID_A,
  name: 'Acme – ada',
  credentials: [credentialEntry({ type: 'string', data: { string: { value: '' } } })],
  createdAt: '2026-11-30T10:00:00Z',
  updatedAt: '2026-11-30T10:00:00Z',
  ...extra,
})

describe('contracts/versori/PATCHES.md', () => {
  const listed = [...readFileSync(new URL('../../contracts/versori/PATCHES.md', import.meta.url), 'utf8').matchAll(/^\| (\d+) \| `([a-z0-9-]+)` \|/gm)]

  test('lists every patch the code applies, in the same order and numbering', () => {
    expect(listed.map((row) => row[2])).toEqual(VERSORI_PATCHES.map((patch) => patch.id))
    expect(listed.map((row) => Number(row[1]))).toEqual(VERSORI_PATCHES.map((_, i) => i + 1))
    expect(versoriContract.patchesApplied).toEqual(VERSORI_PATCHES.map((patch) => patch.id))
  })

  test('the copies in contracts/versori/ are the shared contract files, unchanged', () => {
    for (const name of ['platform-api-connections.yaml', 'platform-v2-openapi.yaml', 'LICENSE.versori-js-sdk']) {
      const shared = new URL(`file:///work/shared/contracts/versori/${name}`)
      let original: string
      try {
        original = readFileSync(shared, 'utf8')
      } catch {
        continue // the shared folder is not there outside this workspace
      }
      expect(readFileSync(new URL(`../../contracts/versori/${name}`, import.meta.url), 'utf8')).toBe(original)
    }
  })
})

describe.each(VERSORI_PATCHES)('patch $id', (patch) => {
  test('applies to the raw documents once, then fails loudly because its defect is gone', () => {
    const ajv = new Ajv({ strict: false })
    addFormats(ajv)
    const target: PatchTarget = { ...parseVersoriDocuments(texts), ajv, semantic: new Map() }
    expect(() => patch.apply(target)).not.toThrow()
    expect(() => patch.apply(target)).toThrow(ContractPatchError)
  })
})

describe('each defect is in the raw contract and fixed after patching', () => {
  test('grant-type-required', () => {
    for (const schemas of [rawSeed, rawV2]) {
      expect(schemas.AuthSchemeConfigOAuth2GrantPassword!.required).toContain('grantType')
      expect(schemas.AuthSchemeConfigOAuth2GrantAuthorizationCode!.required).toContain('grantType')
    }
    const grant = { clientId: 'c', credentialId: ULID_A, organisationId: org }
    expect(fieldsOf('AuthSchemeConfigOAuth2GrantPassword', grant, ['grant-type-required'])).toEqual(['grantType'])
    expect(fieldsOf('AuthSchemeConfigOAuth2GrantPassword', grant)).toEqual([])
    expect(fieldsOf('AuthSchemeConfigOAuth2GrantAuthorizationCode', grant)).toEqual([])
  })

  test('parameter-config-usages', () => {
    expect(rawSeed.ParameterConfig!.required).toContain('usage')
    expect(rawSeed.ParameterConfig!.properties).toHaveProperty('usages')
    const param = { parameterName: 'realm', location: 'LOCATION_HEADER_PARAMETER', usages: 'USAGE_TOKEN_REQUEST_ENDPOINT', required: false, modifiable: true }
    expect(fieldsOf('ParameterConfig', param, ['parameter-config-usages'])).toEqual(['usage'])
    expect(fieldsOf('ParameterConfig', param)).toEqual([])
    expect(fieldsOf('ParameterConfig', { ...param, usages: undefined })).toEqual(['usages'])
  })

  test('oauth1-title', () => {
    expect(rawSeed.AuthSchemeConfigOAuth1!.title).toBe('OAuth 2.0')
    expect(schemasOf(versoriContract.document).AuthSchemeConfigOAuth1!.title).toBe('OAuth 1.0')
  })

  test('template-id-required', () => {
    expect(rawV2.ConnectionTemplate!.required).toContain('templateId')
    const template = templates[0]!
    expect(fieldsOf('ConnectionTemplate', template, ['template-id-required'])).toEqual(['templateId'])
    expect(fieldsOf('ConnectionTemplate', template)).toEqual([])
    const { connectionTemplateId: _dropped, ...withoutId } = template
    expect(fieldsOf('ConnectionTemplate', withoutId)).toEqual(['connectionTemplateId'])
  })

  test('connection-variables', () => {
    expect(rawV2.Connection!.required).toContain('variables')
    expect(rawSeed.Connection!.properties).not.toHaveProperty('variables')
    expect(fieldsOf('Connection', connection(), ['connection-variables', 'seed-wins'])).toContain('variables')
    expect(fieldsOf('Connection', connection())).toEqual([])
  })

  test('base-url-empty', () => {
    expect((rawV2.ConnectionUpdate!.properties as Record<string, { format?: string }>).baseUrl!.format).toBe('uri')
    const update = { name: 'n', credentials: connection().credentials, baseUrl: '' }
    expect(fieldsOf('ConnectionUpdate', update, ['base-url-empty'])).toEqual(['baseUrl'])
    expect(fieldsOf('ConnectionUpdate', update)).toEqual([])
    expect(fieldsOf('Connection', connection({ baseUrl: '' }))).toEqual([])
    expect(issuesOf('ConnectionUpdate', { ...update, baseUrl: 'not a url' })).toEqual([{ field: 'baseUrl', message: 'must be a valid uri' }])
  })

  test('connection-credential-parts', () => {
    expect(rawSeed.ConnectionCredential!.required).toEqual(['id'])
    const bare = connection({ credentials: [{ id: ULID_A }] })
    expect(fieldsOf('Connection', bare, ['connection-credential-parts'])).toEqual([])
    expect(fieldsOf('Connection', bare)).toEqual(['credentials[0].authSchemeConfig', 'credentials[0].credential'])
  })

  test('credential-type-data: the semantic credential check', () => {
    expect(rawSeed.Credential!.required).toEqual(['id', 'organisationId'])
    const noData = connection({ credentials: [credentialEntry({})] })
    expect(fieldsOf('Connection', noData, ['credential-type-data'])).toEqual([])
    expect(fieldsOf('Connection', noData)).toEqual(['credentials[0].credential.type', 'credentials[0].credential.data'])
    const mixed = connection({ credentials: [credentialEntry({ type: 'string', data: { basicAuth: { username: 'u', password: 'p' } } })] })
    expect(issuesOf('Connection', mixed)).toEqual([
      { field: 'credentials[0].credential.data.string', message: 'is required for a string credential' },
      { field: 'credentials[0].credential.data.basicAuth', message: 'is not allowed for a string credential' },
    ])
    const wrongType = connection({ credentials: [credentialEntry({ type: 'basic-auth', data: { basicAuth: { username: 'u', password: 'p' } } })] })
    expect(issuesOf('Connection', wrongType)).toEqual([{ field: 'credentials[0].credential.type', message: 'must be "string" for the api-key auth scheme' }])
    // Rooted at the request body: CreateConnection's credentials sit under `connection.`.
    const body = { connectionTemplateId: ULID_A, connection: { name: 'n', credentials: [credentialEntry({ type: 'string', data: {} })] } }
    expect(fieldsOf('EnvSystemConnectionCreate', body)).toEqual(['connection.credentials[0].credential.data.string'])
    // InitialiseOAuth2ConnectionRequest's `credential` is a reference, not a credential: left alone.
    const initialise = { credential: { id: ULID_A, organisationId: org }, authorizeUrl: 'https://id.acme.example/auth', clientId: 'c' }
    expect(versoriContract.specIssues(requestBodyPointer('/o/{organisation_id}/systems/{system_id}/oauth2/initialise', 'post'), initialise)).toEqual([])
  })

  test('seed-wins', () => {
    expect(rawV2.AuthSchemeConfig!.required).toContain('id')
    expect(rawV2.AuthSchemeType!.enum).not.toContain('secret')
    expect(rawV2.CredentialType!.enum).not.toContain('oauth1-token')
    expect(rawV2.EnvSystemConnectionCreate!.properties).not.toHaveProperty('externalId')
    const secret = { type: 'secret' }
    expect(fieldsOf('AuthSchemeConfig', secret, ['seed-wins']).sort()).toEqual(['id', 'type'])
    expect(fieldsOf('AuthSchemeConfig', secret)).toEqual([])
    const merged = schemasOf(versoriContract.document)
    expect(merged.AuthSchemeConfig).toEqual(schemasOf(loadVersoriContract().document).AuthSchemeConfig)
    expect(merged.EnvSystemConnectionCreate!.properties).toHaveProperty('externalId')
    expect(merged.CredentialData!.properties).toHaveProperty('oauth1Token')
  })

  test('config-discriminator', () => {
    expect(rawSeed.AuthSchemeConfig!.required).toEqual(['type'])
    expect(fieldsOf('AuthSchemeConfig', { type: 'api-key' }, ['config-discriminator'])).toEqual([])
    expect(issuesOf('AuthSchemeConfig', { type: 'api-key' })).toEqual([{ field: 'apiKey', message: 'is required when type is "api-key"' }])
    expect(fieldsOf('AuthSchemeConfig', { type: 'secret', apiKey: configObject(apiKeyConfig) })).toEqual(['apiKey'])
    const { authorizeUrl: _dropped, ...noAuthorizeUrl } = configObject(templates.find((t) => t.name === 'Acme OAuth')!.authSchemeConfigs[0]!)!
    expect(fieldsOf('AuthSchemeConfig', { type: 'oauth2', oauth2: noAuthorizeUrl })).toEqual(['oauth2.authorizeUrl'])
    const legacy = configObject(templates.find((t) => t.name === 'Legacy OAuth 1')!.authSchemeConfigs[0]!)!
    expect(fieldsOf('AuthSchemeConfig', { type: 'oauth1', oauth1: { ...legacy, tempCredentialEndpoint: undefined } })).toEqual(['oauth1.tempCredentialEndpoint'])
  })

  test('ulid-format', () => {
    expect(texts.seed).toContain('format: ulid')
    const badId = connection({ id: 'not-a-ulid' })
    expect(fieldsOf('Connection', badId, ['ulid-format'])).toEqual([])
    expect(issuesOf('Connection', badId)).toEqual([{ field: 'id', message: 'must be a ULID' }])
    expect(fieldsOf('Connection', connection({ id: '01jd0test00000000000000001' }))).toEqual(['id'])
  })

  test('conversion drops OpenAPI examples (v2 has an `examples` map where JSON Schema wants an array)', () => {
    expect(texts.v2).toMatch(/examples:\n\s+two query parameters:/)
    const request = schemasOf(versoriContract.document).InitialiseOAuth2ConnectionRequest as { properties: Record<string, object> }
    expect(request.properties.additionalParams).not.toHaveProperty('examples')
  })
})

describe.each(templates.map((template) => [template.name, template] as const))('template %s', (_name, template) => {
  test('is a valid ConnectionTemplate, as configured and as the API shows it', () => {
    expect(issuesOf('ConnectionTemplate', template)).toEqual([])
    expect(issuesOf('ConnectionTemplate', { ...template, authSchemeConfigs: template.authSchemeConfigs.map(publicConfig) })).toEqual([])
    expect(template.id).not.toBe(template.connectionTemplateId)
  })

  test.each(template.authSchemeConfigs.map((config) => [config.type, config] as const))('its %s config takes exactly its credential types', (_type, config) => {
    const allowed = credentialTypesFor(config)
    expect(allowed.length).toBeGreaterThan(0)
    for (const type of Object.keys(CREDENTIAL_DATA_KEY)) {
      const entry = credentialEntry({ type, data: { [CREDENTIAL_DATA_KEY[type as keyof typeof CREDENTIAL_DATA_KEY]]: {} } }, config)
      const typeIssues = issuesOf('Connection', connection({ credentials: [entry] })).filter((issue) => issue.field === 'credentials[0].credential.type')
      expect(typeIssues.length === 0, `${config.type} with ${type}`).toBe(allowed.includes(type as never))
    }
  })
})
