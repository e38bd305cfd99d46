import type Ajv from 'ajv'
import { configIssues, credentialIssues } from './credentialRules'
import type { RelativeIssue } from './credentialRules'
import { ULID_PATTERN } from './ulid'

// The Versori contract's defects and their fixes, in the order they apply. Every id here has an
// entry in contracts/versori/PATCHES.md and a test in test/contract/versoriContract.test.ts. Each
// patch first asserts that its defect is still there, so a contract update that fixes one fails
// loudly instead of being patched twice.

type Json = Record<string, unknown>

/** The two contract documents, parsed and converted to JSON Schema (see `contract.ts`). */
export interface VersoriDocuments {
  /** `platform-api-connections.yaml`: the law where the two disagree. */
  seed: Json
  /** `platform-v2-openapi.yaml`, from Versori's JS SDK: the wider, older API. */
  v2: Json
}

/** A semantic check a patch adds: issues for one object found in a validated value. */
export type SemanticCheck = (value: unknown, parent: Json | undefined) => RelativeIssue[]

/** Where a semantic check looks: at each `credentials[i].credential`, or each auth scheme config. */
export type SemanticTarget = 'credential' | 'authSchemeConfig'

/** What a patch may change: the documents, the validator and the semantic checks. */
export interface PatchTarget extends VersoriDocuments {
  ajv: Ajv
  semantic: Map<PatchId, { target: SemanticTarget; check: SemanticCheck }>
}

/** The ids of the patches, in the order they apply. */
export type PatchId =
  | 'grant-type-required'
  | 'parameter-config-usages'
  | 'oauth1-title'
  | 'template-id-required'
  | 'connection-variables'
  | 'base-url-empty'
  | 'connection-credential-parts'
  | 'credential-type-data'
  | 'seed-wins'
  | 'config-discriminator'
  | 'ulid-format'

/** One patch: what is wrong, and the function that fixes it. */
export interface ContractPatch {
  id: PatchId
  summary: string
  apply(target: PatchTarget): void
}

/** Thrown when a patch no longer finds its defect: the contract changed, review the patch list. */
export class ContractPatchError extends Error {
  constructor(id: PatchId, detail: string) {
    super(`Versori contract patch "${id}" no longer applies (${detail}). The contract changed: review contracts/versori/PATCHES.md.`)
    this.name = 'ContractPatchError'
  }
}

function assertDefect(id: PatchId, present: boolean, detail: string): void {
  if (!present) throw new ContractPatchError(id, detail)
}

/** The `components.schemas` of a document. */
export function schemasOf(document: Json): Record<string, Json> {
  return (document.components as { schemas: Record<string, Json> }).schemas
}

const required = (schema: Json | undefined): string[] => (Array.isArray(schema?.required) ? (schema.required as string[]) : [])
const properties = (schema: Json | undefined): Json => (schema?.properties as Json | undefined) ?? {}
/** The inner object of an `allOf: [AuthSchemeConfigBase, {…}]` config schema. */
const ownPart = (schema: Json | undefined): Json | undefined => (schema?.allOf as Json[] | undefined)?.[1]
const both = (target: PatchTarget) => [
  ['seed', schemasOf(target.seed)],
  ['v2', schemasOf(target.v2)],
] as const

/** Grant sub-schemas require a `grantType` property that they do not define. */
function patchGrantTypeRequired(target: PatchTarget) {
  for (const [doc, schemas] of both(target)) {
    for (const name of ['AuthSchemeConfigOAuth2GrantAuthorizationCode', 'AuthSchemeConfigOAuth2GrantPassword']) {
      const schema = schemas[name]
      assertDefect('grant-type-required', required(schema).includes('grantType') && !('grantType' in properties(schema)), `${doc} ${name}`)
      schema!.required = required(schema).filter((key) => key !== 'grantType')
    }
  }
}

/** `ParameterConfig` requires `usage` but defines `usages`. */
function patchParameterConfigUsages(target: PatchTarget) {
  for (const [doc, schemas] of both(target)) {
    const schema = schemas.ParameterConfig
    assertDefect('parameter-config-usages', required(schema).includes('usage') && 'usages' in properties(schema) && !('usage' in properties(schema)), `${doc} ParameterConfig`)
    schema!.required = required(schema).map((key) => (key === 'usage' ? 'usages' : key))
  }
}

/** `AuthSchemeConfigOAuth1` is titled "OAuth 2.0". */
function patchOAuth1Title(target: PatchTarget) {
  for (const [doc, schemas] of both(target)) {
    const schema = schemas.AuthSchemeConfigOAuth1
    assertDefect('oauth1-title', schema?.title === 'OAuth 2.0', `${doc} AuthSchemeConfigOAuth1.title`)
    schema!.title = 'OAuth 1.0'
  }
}

/** v2's `ConnectionTemplate` requires `templateId`, which it does not define; it means `connectionTemplateId`. */
function patchTemplateIdRequired(target: PatchTarget) {
  const schema = schemasOf(target.v2).ConnectionTemplate
  assertDefect(
    'template-id-required',
    required(schema).includes('templateId') && !('templateId' in properties(schema)) && 'connectionTemplateId' in properties(schema),
    'v2 ConnectionTemplate',
  )
  schema!.required = required(schema).map((key) => (key === 'templateId' ? 'connectionTemplateId' : key))
}

/** v2's `Connection` and `ConnectionCreate` require `variables`, which the seed does not define. */
function patchConnectionVariables(target: PatchTarget) {
  const seed = schemasOf(target.seed)
  const v2 = schemasOf(target.v2)
  for (const name of ['Connection', 'ConnectionCreate']) {
    assertDefect('connection-variables', required(v2[name]).includes('variables') && !('variables' in properties(seed[name])), name)
    v2[name]!.required = required(v2[name]).filter((key) => key !== 'variables')
  }
}

/** `baseUrl` is `format: uri` yet its text says an empty string is ignored: allow `""`. */
function patchBaseUrlEmpty(target: PatchTarget) {
  const places = [
    ['seed', schemasOf(target.seed).Connection],
    ['v2', schemasOf(target.v2).Connection],
    ['v2', schemasOf(target.v2).ConnectionUpdate],
  ] as const
  for (const [doc, schema] of places) {
    const baseUrl = properties(schema).baseUrl as Json | undefined
    assertDefect(
      'base-url-empty',
      baseUrl?.format === 'uri' && String(baseUrl.description).includes('left as an empty string, it will be ignored'),
      `${doc} baseUrl`,
    )
    delete baseUrl!.format
    // `if`/`then` rather than `anyOf`, so an invalid URL reports one error (the format's).
    Object.assign(baseUrl!, { if: { minLength: 1 }, then: { format: 'uri' } })
  }
}

/** `ConnectionCredential` requires only `id`: an entry with no config and no credential validates. */
function patchConnectionCredentialParts(target: PatchTarget) {
  for (const [doc, schemas] of both(target)) {
    const schema = schemas.ConnectionCredential
    assertDefect('connection-credential-parts', required(schema).join() === 'id', `${doc} ConnectionCredential.required`)
    schema!.required = ['id', 'authSchemeConfig', 'credential']
  }
}

/** A credential's `type` and `data` are optional, and nothing ties `data` to `type` or `type` to the scheme. */
function patchCredentialTypeData(target: PatchTarget) {
  for (const [doc, schemas] of both(target)) {
    const schema = schemas.Credential
    assertDefect('credential-type-data', !required(schema).includes('type') && !required(schema).includes('data'), `${doc} Credential.required`)
    schema!.required = [...required(schema), 'type', 'data']
  }
  assertDefect('credential-type-data', !target.semantic.has('credential-type-data'), 'semantic check already registered')
  target.semantic.set('credential-type-data', {
    target: 'credential',
    check: (credential, parent) => {
      const config = parent?.authSchemeConfig
      return credentialIssues(credential, config && typeof config === 'object' ? (config as { type: string }) : undefined)
    },
  })
}

/**
 * Where the seed and v2 disagree, the seed wins: every v2 schema the seed also defines is replaced
 * by the seed's, and the seed's operations replace v2's. Fixes v2's `AuthSchemeConfig` requiring an
 * undefined `id` and lacking `secret`, `oauth1-token`, `tokenAuth` and the HMAC `encoding`.
 */
function patchSeedWins(target: PatchTarget) {
  const seed = schemasOf(target.seed)
  const v2 = schemasOf(target.v2)
  const v2Config = v2.AuthSchemeConfig
  assertDefect('seed-wins', required(v2Config).includes('id') && !('id' in properties(v2Config)), 'v2 AuthSchemeConfig requires id')
  assertDefect('seed-wins', !(v2.AuthSchemeType?.enum as string[]).includes('secret'), 'v2 AuthSchemeType has secret')
  assertDefect('seed-wins', !(v2.CredentialType?.enum as string[]).includes('oauth1-token'), 'v2 CredentialType has oauth1-token')
  assertDefect('seed-wins', !('tokenAuth' in properties(ownPart(v2.AuthSchemeConfigOAuth1))), 'v2 AuthSchemeConfigOAuth1 has tokenAuth')
  assertDefect('seed-wins', !('encoding' in properties(ownPart(v2.AuthSchemeConfigHMAC))), 'v2 AuthSchemeConfigHMAC has encoding')
  for (const [name, schema] of Object.entries(seed)) v2[name] = schema
  const v2Paths = target.v2.paths as Record<string, Json>
  for (const [path, item] of Object.entries(target.seed.paths as Record<string, Json>)) {
    v2Paths[path] = { ...v2Paths[path], ...item }
  }
}

/** `AuthSchemeConfig.type` names the populated object, but nothing requires it (nor a grant's needs). */
function patchConfigDiscriminator(target: PatchTarget) {
  const schema = schemasOf(target.seed).AuthSchemeConfig
  assertDefect(
    'config-discriminator',
    required(schema).join() === 'type' && !schema?.allOf && !schema?.oneOf && !schema?.discriminator,
    'seed AuthSchemeConfig',
  )
  assertDefect('config-discriminator', !target.semantic.has('config-discriminator'), 'semantic check already registered')
  target.semantic.set('config-discriminator', { target: 'authSchemeConfig', check: (config) => configIssues(config) })
}

/** `format: ulid` is used throughout but is no format ajv (or JSON Schema) knows. */
function patchUlidFormat(target: PatchTarget) {
  assertDefect('ulid-format', JSON.stringify(target.seed).includes('"format":"ulid"'), 'seed uses no ulid format')
  assertDefect('ulid-format', !target.ajv.formats.ulid, 'ajv knows ulid')
  target.ajv.addFormat('ulid', ULID_PATTERN)
}

/** Every patch, in the order it applies (the seed-wins merge after those that edit v2-only copies). */
export const VERSORI_PATCHES: readonly ContractPatch[] = [
  { id: 'grant-type-required', summary: 'grant sub-schemas require an undefined `grantType`', apply: patchGrantTypeRequired },
  { id: 'parameter-config-usages', summary: '`ParameterConfig` requires `usage` but defines `usages`', apply: patchParameterConfigUsages },
  { id: 'oauth1-title', summary: '`AuthSchemeConfigOAuth1` is titled "OAuth 2.0"', apply: patchOAuth1Title },
  { id: 'template-id-required', summary: 'v2 `ConnectionTemplate` requires an undefined `templateId`', apply: patchTemplateIdRequired },
  { id: 'connection-variables', summary: 'v2 requires `variables`, absent from the seed', apply: patchConnectionVariables },
  { id: 'base-url-empty', summary: '`baseUrl` is a URI yet `""` means "ignored"', apply: patchBaseUrlEmpty },
  { id: 'connection-credential-parts', summary: '`ConnectionCredential` requires only `id`', apply: patchConnectionCredentialParts },
  { id: 'credential-type-data', summary: 'credential `type`/`data` optional and unrelated', apply: patchCredentialTypeData },
  { id: 'seed-wins', summary: 'v2 schemas the seed also defines are stale', apply: patchSeedWins },
  { id: 'config-discriminator', summary: '`AuthSchemeConfig.type` does not require its object', apply: patchConfigDiscriminator },
  { id: 'ulid-format', summary: '`format: ulid` is unknown to ajv', apply: patchUlidFormat },
]
