import Ajv from 'ajv'
import type { ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'
import { describe, expect, test } from 'vitest'
import { ULID_PATTERN } from '../../demo/server/versori/ulid'
import { ampersandSchemas } from '../../src/testing/ampersandSchemas'
import { versoriSchemas } from '../../src/testing/versoriSchemas'
import { versoriTemplates, versoriTestIds } from '../../src/testing/versoriTemplates'
import type { JsonSchema } from '../../src/testing/validateJson'
import { validateJson } from '../../src/testing/validateJson'

// The testing kit's small validator (src/testing/validateJson.ts) against ajv, the validator the
// contract tests and reference platforms use: on the generated contract schemas, every valid body
// and hundreds of broken variants of it must get the same verdict and the same problem paths; on
// small schemas, every keyword the validator supports.

const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)
ajv.addFormat('ulid', ULID_PATTERN)
const documents = { ampersand: ampersandSchemas, versori: versoriSchemas }
ajv.addSchema({ $id: 'ampersand', ...ampersandSchemas })
ajv.addSchema({ $id: 'versori', ...versoriSchemas })

/**
 * ajv's errors as the light validator reports paths: the missing or extra property is the last
 * step; `if` (which only repeats its branch's errors) and the errors of each failed `anyOf`/`oneOf`
 * branch left out: the light validator reports that no branch (or not exactly one) matched, once.
 */
function ajvPaths(errors: ErrorObject[] | null | undefined): string[] {
  const combinators = (errors ?? []).filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf').map((error) => `${error.schemaPath}/`)
  return [
    ...new Set(
      (errors ?? [])
        .filter((error) => error.keyword !== 'if' && !combinators.some((path) => error.schemaPath.startsWith(path)))
        .map((error) => {
          const path = error.instancePath.split('/').slice(1).map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
          const params = error.params as { missingProperty?: string; additionalProperty?: string }
          if (error.keyword === 'required') path.push(params.missingProperty!)
          if (error.keyword === 'additionalProperties') path.push(params.additionalProperty!)
          return `${error.keyword} /${path.join('/')}`
        }),
    ),
  ].sort()
}

function lightPaths(schema: JsonSchema, value: unknown, root: JsonSchema): string[] {
  return [...new Set(validateJson(schema, value, root).map((issue) => `${issue.keyword} /${issue.path.join('/')}`))].sort()
}

/** Both validators on one value; returns the light validator's paths (equal to ajv's). */
function agree(platform: 'ampersand' | 'versori', name: string, value: unknown): string[] {
  const validate = ajv.getSchema(`${platform}#/$defs/${name}`)!
  validate(value)
  const light = lightPaths({ $ref: `#/$defs/${name}` }, value, documents[platform])
  expect(light, JSON.stringify(value)).toEqual(ajvPaths(validate.errors))
  return light
}

/** Broken variants of a valid body: each property removed, given the wrong type, or a stray one added; each array given a stray item. */
function* mutations(value: unknown, at: (string | number)[] = []): Generator<{ at: string; value: unknown }> {
  if (Array.isArray(value)) {
    yield { at: `${at.join('/')} +item`, value: [...value, 42] }
    for (const [index, item] of value.entries()) {
      for (const changed of mutations(item, [...at, index])) yield { at: changed.at, value: value.map((entry, i) => (i === index ? changed.value : entry)) }
    }
    return
  }
  if (value === null || typeof value !== 'object') {
    yield { at: `${at.join('/')} =number`, value: typeof value === 'number' ? 'not a number' : 42 }
    if (typeof value === 'string') yield { at: `${at.join('/')} =odd`, value: 'not a url or ulid' }
    return
  }
  const record = value as Record<string, unknown>
  yield { at: `${at.join('/')} =array`, value: [] }
  yield { at: `${at.join('/')} +stray`, value: { ...record, strayProperty: true } }
  for (const key of Object.keys(record)) {
    const { [key]: _, ...without } = record
    yield { at: `${at.join('/')} -${key}`, value: without }
    for (const changed of mutations(record[key], [...at, key])) yield { at: changed.at, value: { ...record, [key]: changed.value } }
  }
}

const org = versoriTestIds.organisationId
const template = (name: string) => versoriTemplates.find((entry) => entry.name === name)!
const ULID_A = '01JD0CC0000000000000000001'
const ULID_B = '01JD0CR0000000000000000001'
const credential = (config: Record<string, unknown>, type: string, data: Record<string, unknown>) => ({
  id: ULID_A,
  authSchemeConfig: config,
  credential: { id: ULID_B, organisationId: org, type, data },
})

/** Valid bodies as the kit sends them, one or more per generated schema. */
const validBodies: ['ampersand' | 'versori', string, unknown][] = [
  ['ampersand', 'GenerateConnectionRequest', { groupRef: 'g', groupName: 'Acme', consumerRef: 'c', consumerName: 'Ada', provider: 'mailgun', basicAuth: { username: 'api', password: 'pw' } }],
  [
    'ampersand',
    'GenerateConnectionRequest',
    {
      groupRef: 'g',
      consumerRef: 'c',
      provider: 'sugarCRM',
      providerWorkspaceRef: 'acme',
      providerMetadata: { workspace: { value: 'acme', source: 'input' } },
      oauth2PasswordCredentials: { username: 'ada', password: 'pw', clientId: 'sugar', clientSecret: 'cs', scopes: ['a'] },
    },
  ],
  ['ampersand', 'UpdateConnectionRequest', { updateMask: ['apiKey', 'providerMetadata'], connection: { apiKey: 'sk', providerMetadata: { region: { value: 'eu', source: 'input' } } } }],
  ['ampersand', 'OAuthConnectRequest', { projectIdOrName: 'p', provider: 'salesforce', groupRef: 'g', consumerRef: 'c', providerWorkspaceRef: 'acme' }],
  ['ampersand', 'CustomAuthConnectRequest', { projectIdOrName: 'p', provider: 'redtail', groupRef: 'g', consumerRef: 'c', customAuth: { apiKey: 'k' } }],
  ['ampersand', 'CustomAuthConnectRequest', { projectIdOrName: 'p', sessionId: 's', callbackParams: { tenant: 't', admin_consent: 'True' } }],
  [
    'versori',
    'CreateConnectionRequest',
    {
      connectionTemplateId: template('Acme API key').connectionTemplateId,
      externalId: 'ada',
      connection: { name: 'Acme – Ada', baseUrl: 'https://acme.example', credentials: [credential(template('Acme API key').authSchemeConfigs[0]!, 'string', { string: { value: 'k' } })] },
    },
  ],
  [
    'versori',
    'CreateConnectionRequest',
    {
      connectionTemplateId: template('Acme Secure OAuth').connectionTemplateId,
      connection: {
        name: 'Acme mTLS',
        credentials: [
          credential(template('Acme Secure OAuth').authSchemeConfigs[0]!, 'oauth2-client', { oauth2Client: { clientId: 'c', clientSecret: 's', tokenUrl: 'https://id.acme.example/token', scopes: ['api:read'] } }),
          credential(template('Acme Secure OAuth').authSchemeConfigs[1]!, 'certificate', { certificate: { certificate: 'PEM', key: 'PEM', ca: '' } }),
        ],
      },
    },
  ],
  ['versori', 'UpdateConnectionRequest', { name: 'Acme – Ada', baseUrl: '', credentials: [credential(template('Acme Basic').authSchemeConfigs[0]!, 'basic-auth', { basicAuth: { username: 'u', password: 'p' } })] }],
  [
    'versori',
    'UpdateConnectionRequest',
    { name: 'x', baseUrl: '', credentials: [credential(template('Acme OAuth').authSchemeConfigs[0]!, 'oauth2-code', { oauth2Code: { code: 'c', state: 's', additionalParams: 'iss=x' } })] },
  ],
  [
    'versori',
    'InitialiseOAuth2ConnectionRequest',
    { credential: { id: '01JD0CR0DE000000000000000A', organisationId: org }, authorizeUrl: 'https://id.acme.example/auth', clientId: 'versori-demo', scopes: ['api:read'], prompt: 'consent', additionalParams: 'access_type=offline' },
  ],
]

describe.each(validBodies)('%s %s', (platform, name, body) => {
  test('the valid body passes both; every broken variant gets the same problems from both', () => {
    expect(agree(platform, name, body)).toEqual([])
    let broken = 0
    for (const variant of mutations(body)) {
      if (agree(platform, name, variant.value).length > 0) broken += 1
    }
    // The mutations do break most bodies (else this test would compare nothing).
    expect(broken).toBeGreaterThan(5)
  })
})

test('the restated Versori patches refuse what the full contract refuses: data of another type, a type the scheme does not take, a config without its object', () => {
  const apiKey = template('Acme API key').authSchemeConfigs[0]!
  const create = (entry: unknown) => ({ connectionTemplateId: template('Acme API key').connectionTemplateId, connection: { name: 'n', credentials: [entry] } })
  expect(agree('versori', 'CreateConnectionRequest', create(credential(apiKey, 'string', { binary: { valueBase64: 'eA==' } })))).toEqual([
    'additionalProperties /connection/credentials/0/credential/data/binary',
    'required /connection/credentials/0/credential/data/string',
  ])
  expect(agree('versori', 'CreateConnectionRequest', create(credential(apiKey, 'basic-auth', { basicAuth: { username: 'u', password: 'p' } })))).toEqual([
    'enum /connection/credentials/0/credential/type',
  ])
  expect(agree('versori', 'CreateConnectionRequest', create(credential({ type: 'api-key' }, 'string', { string: { value: 'k' } })))).toEqual([
    'required /connection/credentials/0/authSchemeConfig/apiKey',
  ])
  const jwt = create(credential({ type: 'jwt-bearer' }, 'string', { string: { value: 'k' } }))
  expect(agree('versori', 'CreateConnectionRequest', jwt)).toEqual(['enum /connection/credentials/0/credential/type'])
})

describe('every keyword the validator supports, against ajv', () => {
  const cases: [string, JsonSchema, unknown[]][] = [
    ['type (one and several)', { properties: { a: { type: 'integer' }, b: { type: ['string', 'null'] }, c: { type: 'number' }, d: { type: 'boolean' } } }, [{ a: 1, b: null, c: 1.5, d: true }, { a: 1.5, b: 2, c: 'x', d: 0 }]],
    ['enum and const', { properties: { a: { enum: ['x', 1, { k: [1] }] }, b: { const: { k: 'v' } } } }, [{ a: { k: [1] }, b: { k: 'v' } }, { a: 'y', b: { k: 'w' } }, { a: 1 }]],
    ['required, properties, additionalProperties false', { type: 'object', required: ['a', 'b'], properties: { a: { type: 'string' } }, additionalProperties: false }, [{ a: 'x' }, { a: 'x', b: 1 }, { c: 1 }]],
    ['additionalProperties as a schema', { additionalProperties: { type: 'string' }, properties: { n: { type: 'number' } } }, [{ n: 1, x: 'y' }, { n: 1, x: 2, y: [] }]],
    ['items', { type: 'array', items: { type: 'object', required: ['id'] } }, [[{ id: 1 }], [{ id: 1 }, {}, 3], 'no']],
    ['allOf', { allOf: [{ required: ['a'] }, { required: ['b'] }] }, [{ a: 1, b: 2 }, {}]],
    ['anyOf', { anyOf: [{ type: 'string' }, { type: 'number' }] }, ['x', 1, true]],
    ['oneOf', { oneOf: [{ type: 'integer' }, { type: 'number' }] }, [1.5, 1, 'x']],
    ['not', { not: { required: ['a'] } }, [{}, { a: 1 }]],
    ['if, then, else', { if: { properties: { k: { const: 'a' } } }, then: { required: ['a'] }, else: { required: ['b'] } }, [{ k: 'a', a: 1 }, { k: 'a' }, { k: 'b' }, { k: 'b', b: 1 }]],
    ['minLength (in code points)', { properties: { s: { minLength: 2 } } }, [{ s: '😀😀' }, { s: '😀' }, { s: 'a' }]],
    ['formats', { properties: { u: { format: 'ulid' }, r: { format: 'uri' }, d: { format: 'date-time' } } }, [
      { u: '01JD0CC0000000000000000001', r: 'https://acme.example/a?b=c', d: '2026-11-30T12:00:00Z' },
      { u: '81JD0CC0000000000000000001', r: 'acme.example', d: '2026-11-30' },
      { u: '01JD0CC000000000000000000I', r: 'not a url', d: '2026-13-30T12:00:00+01:00' },
    ]],
    ['$ref into $defs', { $defs: { name: { type: 'string', minLength: 1 } }, properties: { a: { $ref: '#/$defs/name' }, b: { items: { $ref: '#/$defs/name' } } } }, [{ a: 'x', b: ['y'] }, { a: '', b: [1] }]],
  ]
  test.each(cases)('%s', (_name, schema, values) => {
    const validate = ajv.compile(schema as object)
    for (const value of values) {
      validate(value)
      expect(lightPaths(schema, value, schema), JSON.stringify(value)).toEqual(ajvPaths(validate.errors))
    }
  })
})

test('the validator refuses what it does not know, instead of passing it', () => {
  expect(() => validateJson({ pattern: '^a' }, 'b')).toThrow(/keyword "pattern"/)
  expect(() => validateJson({ format: 'email' }, 'b')).toThrow(/format "email"/)
  expect(() => validateJson({ $ref: 'https://elsewhere.example/schema' }, 'b')).toThrow(/only local/)
  expect(() => validateJson({ $ref: '#/$defs/missing' }, 'b')).toThrow(/names nothing/)
})

test("messages say what is wrong in people's words", () => {
  const schema: JsonSchema = {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: { id: { type: 'string', format: 'ulid' }, kind: { enum: ['a', 'b'] }, name: { type: 'string' } },
  }
  expect(validateJson(schema, { id: 'x', kind: 'c', extra: 1 })).toEqual([
    { path: ['name'], keyword: 'required', message: 'is required' },
    { path: ['id'], keyword: 'format', message: 'must be a ULID' },
    { path: ['kind'], keyword: 'enum', message: 'must be one of: a, b' },
    { path: ['extra'], keyword: 'additionalProperties', message: 'is not allowed' },
  ])
})
