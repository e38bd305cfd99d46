// Writes the generated modules of the testing kit (src/testing/), so it needs no ajv, no YAML parser
// and no contract file at run time:
//
// - ampersandSchemas.ts and versoriSchemas.ts: the JSON Schemas of the request bodies the kit
//   sends, and nothing else, taken from the contracts under contracts/ with the project's patches
//   for their defects;
// - ampersandCatalog.ts: a few real catalog entries from contracts/ampersand/providers.json;
// - versoriTemplates.ts: connection templates from the demo's reference Versori platform.
//
// Run `npx tsx scripts/genTestingSchemas.ts` after a contract or fixture changes;
// test/unit/testingSchemas.test.ts regenerates in memory and fails when a committed file drifts.

import { writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import providers from '../contracts/ampersand/providers.json' with { type: 'json' }
import spec from '../contracts/ampersand/api.bundled.json' with { type: 'json' }
import { toJsonSchema } from '../demo/server/jsonSchema'
import { loadVersoriContract } from '../demo/server/versori/contract.node.js'
import { CONFIG_KEY, CREDENTIAL_DATA_KEY, credentialTypesFor } from '../demo/server/versori/credentialRules'
import { demoTemplates } from '../demo/server/versori/templates'
import { VERSORI_DEMO } from '../demo/server/versori/types'
import { SUPPORTED_KEYWORDS } from '../src/testing/validateJson'

type Json = Record<string, unknown>

/** Keywords that only describe: dropped from the generated schemas. */
const DROPPED = new Set(['description', 'title', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', 'discriminator', 'externalDocs', 'xml'])

/** The request bodies the kit sends, per platform: the name each gets in `$defs`, and its schema. */
const AMPERSAND_BODIES = {
  GenerateConnectionRequest: '#/components/schemas/GenerateConnectionRequest',
  UpdateConnectionRequest: '#/components/schemas/UpdateConnectionRequest',
  CustomAuthConnectRequest: '#/components/schemas/CustomAuthConnectRequest',
  OAuthConnectRequest: '#/paths/~1oauth-connect/post/requestBody/content/application~1json/schema',
}
const VERSORI_BODIES = {
  CreateConnectionRequest: '#/paths/~1o~1{organisation_id}~1connections/post/requestBody/content/application~1json/schema',
  UpdateConnectionRequest: '#/paths/~1o~1{organisation_id}~1connections~1{connection_id}/put/requestBody/content/application~1json/schema',
  InitialiseOAuth2ConnectionRequest: '#/paths/~1o~1{organisation_id}~1systems~1{system_id}~1oauth2~1initialise/post/requestBody/content/application~1json/schema',
}

/** Real catalog entries for tests: one per kind of sign-in the kit runs on Ampersand. */
const CATALOG_FIXTURES = ['salesforce', 'hubspot', 'openAI', 'mailgun', 'adobe', 'gitlab', 'redtail', 'microsoftAdminConsent']
/** Demo templates for tests: every form scheme a host is likely to meet, OAuth, and the two multi-config shapes. */
const TEMPLATE_FIXTURES = ['Acme API key', 'Acme Basic', 'Acme Webhooks', 'Acme Client Credentials', 'Acme Password', 'Acme OAuth', 'Acme Regions', 'Acme Secure OAuth']

function pointer(document: unknown, ref: string): Json {
  let node = document
  for (const token of ref.slice(2).split('/')) node = (node as Json)[token.replace(/~1/g, '/').replace(/~0/g, '~')]
  if (!node || typeof node !== 'object') throw new Error(`genTestingSchemas: ${ref} names nothing.`)
  return node as Json
}

/**
 * The bodies and every schema they reference, as one document: `$defs` holds each body under its
 * name and each referenced component under its own; refs point into `$defs`; annotations are gone.
 */
function extract(document: Json, bodies: Record<string, string>): { $defs: Record<string, Json> } {
  const components = (document.components as { schemas: Record<string, Json> }).schemas
  const $defs: Record<string, Json> = {}
  const pending: string[] = []
  const clean = (node: unknown, where: string): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => clean(item, `${where}/${i}`))
    if (node === null || typeof node !== 'object') return node
    const out: Json = {}
    for (const [key, value] of Object.entries(node as Json)) {
      if (DROPPED.has(key) || key.startsWith('x-')) continue
      if (key === '$ref') {
        const name = String(value).replace('#/components/schemas/', '')
        if (!components[name]) throw new Error(`genTestingSchemas: ${where} refers to an unknown schema ${String(value)}.`)
        pending.push(name)
        out.$ref = `#/$defs/${name}`
      } else if (key === 'properties') {
        out.properties = Object.fromEntries(Object.entries(value as Json).map(([name, child]) => [name, clean(child, `${where}/properties/${name}`)]))
      } else if (!SUPPORTED_KEYWORDS.includes(key)) {
        throw new Error(`genTestingSchemas: ${where} uses "${key}", which src/testing/validateJson.ts does not support.`)
      } else {
        out[key] = clean(value, `${where}/${key}`)
      }
    }
    return out
  }
  for (const [name, ref] of Object.entries(bodies)) {
    const body = clean(pointer(document, ref), name) as Json
    // A body that is only a reference to the component of the same name is that component.
    if (body.$ref !== `#/$defs/${name}` || Object.keys(body).length > 1) $defs[name] = body
  }
  while (pending.length > 0) {
    const name = pending.pop()!
    if (!$defs[name]) $defs[name] = clean(components[name], name) as Json
  }
  return { $defs: Object.fromEntries(Object.entries($defs).sort(([a], [b]) => a.localeCompare(b))) }
}

const has = (name: string, condition: Json): Json => ({ required: [name], properties: { [name]: condition } })

/**
 * Patches 8 (`credential-type-data`) and 10 (`config-discriminator`) of contracts/versori/PATCHES.md
 * are semantic checks in code (`credentialRules.ts`); restated here as JSON Schema so the light
 * validator applies them too: a credential's `data` holds exactly the object its `type` names; a
 * connection credential's type is one its config's scheme takes; a config holds the object its
 * `type` names.
 */
function restateSemanticPatches($defs: Record<string, Json>): void {
  const addAllOf = (name: string, rules: Json[]) => {
    const schema = $defs[name]
    if (!schema) throw new Error(`genTestingSchemas: no ${name} to restate a patch on.`)
    if (schema.allOf) throw new Error(`genTestingSchemas: ${name} already has an allOf; review restateSemanticPatches.`)
    schema.allOf = rules
  }
  // 8: `type` → exactly `data[key]`.
  addAllOf(
    'Credential',
    Object.entries(CREDENTIAL_DATA_KEY).map(([type, key]) => ({
      if: has('type', { const: type }),
      then: { properties: { data: { required: [key], properties: { [key]: true }, additionalProperties: false } } },
    })),
  )
  // 8: the config's scheme → the credential types it takes (the demo's `credentialTypesFor`).
  const tokenAuth = { required: ['tokenAuth'], properties: { tokenAuth: { const: true } } }
  const variants: { config: Json; condition: Json }[] = [
    ...['none', 'api-key', 'secret', 'hmac', 'basic-auth', 'jwt-bearer', 'certificate'].map((type) => ({ config: { type }, condition: has('type', { const: type }) })),
    { config: { type: 'oauth1', oauth1: { tokenAuth: true } }, condition: { ...has('type', { const: 'oauth1' }), ...has('oauth1', tokenAuth) } },
    { config: { type: 'oauth1', oauth1: {} }, condition: { required: ['type'], properties: { type: { const: 'oauth1' }, oauth1: { not: tokenAuth } } } },
    ...['clientCredentials', 'password', 'authorizationCode'].map((grant) => ({
      config: { type: 'oauth2', oauth2: { grant: { type: grant } } },
      condition: { required: ['type', 'oauth2'], properties: { type: { const: 'oauth2' }, oauth2: has('grant', has('type', { const: grant })) } },
    })),
  ]
  addAllOf(
    'ConnectionCredential',
    variants.map(({ config, condition }) => ({
      if: has('authSchemeConfig', condition),
      then: { properties: { credential: { properties: { type: { enum: credentialTypesFor(config as { type: string }) } } } } },
    })),
  )
  // 10: `type` → its object (`api-key` → `apiKey`); `secret` and `jwt-bearer` have none.
  addAllOf(
    'AuthSchemeConfig',
    Object.entries(CONFIG_KEY).flatMap(([type, key]) => (key === undefined ? [] : [{ if: has('type', { const: type }), then: { required: [key] } }])),
  )
}

const HEADER = (what: string) =>
  `// Generated by scripts/genTestingSchemas.ts from ${what}. Do not edit: run\n// \`npx tsx scripts/genTestingSchemas.ts\` (test/unit/testingSchemas.test.ts fails when this file drifts).\n`

const json = (value: unknown) => JSON.stringify(value, null, 2)

/** A generated module holding one platform's request-body schemas. */
function schemasModule(name: string, source: string, summary: string, document: { $defs: Record<string, Json> }): string {
  return `${HEADER(source)}
import type { JsonSchema } from './validateJson'

/**
 * ${summary}
 */
export const ${name}: { $defs: Record<string, JsonSchema> } = ${json(document)}
`
}

/** JSDoc lines: `words` wrapped at 100 columns after ` * `. */
function wrap(words: string): string {
  const lines: string[] = []
  let line = ''
  for (const word of words.split(' ')) {
    if (line && line.length + word.length + 1 > 96) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  return [...lines, line].join('\n * ')
}

function ampersandSchemasModule(): string {
  return schemasModule(
    'ampersandSchemas',
    'contracts/ampersand/api.bundled.json',
    wrap(`The JSON Schemas of the request bodies the kit sends to Ampersand, each under its name in $defs (${Object.keys(AMPERSAND_BODIES).join(', ')}), with every schema they reference.`),
    extract(toJsonSchema(spec) as Json, AMPERSAND_BODIES),
  )
}

function versoriSchemasModule(): string {
  const contract = loadVersoriContract()
  const versori = extract(contract.document as Json, VERSORI_BODIES)
  restateSemanticPatches(versori.$defs)
  return schemasModule(
    'versoriSchemas',
    'contracts/versori/*.yaml, patched as\n// contracts/versori/PATCHES.md says (patches 8 and 10, semantic checks in code, restated as schema)',
    wrap(
      `The JSON Schemas of the request bodies the kit sends to Versori, each under its name in $defs (${Object.keys(VERSORI_BODIES).join(', ')}), with every schema they reference. Patches applied: ${contract.patchesApplied.join(', ')}.`,
    ),
    versori,
  )
}

function ampersandCatalogModule(): string {
  const catalog = providers as unknown as Record<string, Json>
  const picked = Object.fromEntries(
    CATALOG_FIXTURES.map((name) => {
      if (!catalog[name]) throw new Error(`genTestingSchemas: no provider ${name} in providers.json.`)
      return [name, catalog[name]]
    }),
  )
  return `${HEADER('contracts/ampersand/providers.json (Ampersand catalog entries, MIT: see\n// contracts/ampersand/LICENSE.connectors)')}
import type { ProviderInfo } from '../backends/ampersand/catalog'

/**
 * Real Ampersand catalog entries (\`ProviderInfo\`, as \`GET /providers/{provider}\` answers them),
 * by provider name: OAuth 2 with PKCE and a workspace (\`salesforce\`), OAuth 2 (\`hubspot\`), API key
 * (\`openAI\`), basic auth (\`mailgun\`), client credentials (\`adobe\`), custom inputs (\`gitlab\`),
 * and multi-step sign-ins exchanged at once (\`redtail\`) or through a consent page
 * (\`microsoftAdminConsent\`).
 *
 * @example
 * const memory = createMemoryBackend({ providers: [toProviderSpec(ampersandCatalog.openAI)] })
 */
export const ampersandCatalog = ${json(picked)} as Record<${CATALOG_FIXTURES.map((name) => `'${name}'`).join(' | ')}, ProviderInfo>
`
}

function versoriTemplatesModule(): string {
  const all = demoTemplates({ issuer: 'https://id.acme.example', apiBaseUrl: 'https://api.acme.example' })
  const picked = TEMPLATE_FIXTURES.map((name) => {
    const found = all.find((template) => template.name === name)
    if (!found) throw new Error(`genTestingSchemas: no demo template "${name}".`)
    return found
  })
  const ids = { organisationId: VERSORI_DEMO.organisationId, projectId: VERSORI_DEMO.projectId, environmentId: VERSORI_DEMO.environmentId }
  return `${HEADER("demo/server/versori/templates.ts (the reference Versori platform's templates)")}
/** A Versori connection template, as \`ListProjectConnectionTemplates\` answers it. */
export interface VersoriTemplate {
  /** The system's id (what \`InitialiseOAuth2Connection\` names). */
  id: string
  /** The template's own id: the kit's provider id. */
  connectionTemplateId: string
  name: string
  domain?: string
  dynamic?: boolean
  templateBaseUrl?: string
  iconUrl?: string
  /** Its auth scheme configs, each a sign-in method (or part of one). */
  authSchemeConfigs: ({ type: string } & Record<string, unknown>)[]
}

/** The organisation, project and environment (ULIDs, as Versori's ids are) the Versori fixtures belong to. */
export const versoriTestIds = ${json(ids)} as const

/**
 * Versori connection templates of a stand-in provider, Acme: API key, basic auth, HMAC, OAuth 2
 * client credentials, password and authorization code, two API-key configs (a method picker) and
 * client credentials over mTLS (a two-part method). Their grants belong to {@link versoriTestIds}.
 *
 * @example
 * const mock = versoriHandlers({ templates: versoriTemplates })
 */
export const versoriTemplates: VersoriTemplate[] = ${json(picked)}
`
}

/** Every generated module: its path under the repository root, and its text. */
export function generateTestingModules(): Record<string, string> {
  return {
    'src/testing/ampersandSchemas.ts': ampersandSchemasModule(),
    'src/testing/versoriSchemas.ts': versoriSchemasModule(),
    'src/testing/ampersandCatalog.ts': ampersandCatalogModule(),
    'src/testing/versoriTemplates.ts': versoriTemplatesModule(),
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('..', import.meta.url))
  for (const [path, text] of Object.entries(generateTestingModules())) {
    writeFileSync(`${root}${path}`, text)
    console.log(`wrote ${path}`)
  }
}
