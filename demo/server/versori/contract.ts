import Ajv from 'ajv'
import type { ErrorObject, ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'
import { toJsonSchema } from '../jsonSchema'
import { VERSORI_PATCHES } from './contractPatches'
import type { PatchId, PatchTarget, SemanticTarget, VersoriDocuments } from './contractPatches'

// The Versori contract as a validator. Browser-safe: it takes the YAML texts, so a Node loader
// (contract.node.ts) and a Vite loader (contract.browser.ts) can feed it.

type Json = Record<string, unknown>

/** The two YAML texts in contracts/versori/. */
export interface VersoriContractTexts {
  /** `platform-api-connections.yaml`. */
  seed: string
  /** `platform-v2-openapi.yaml`. */
  v2: string
}

/** One problem, as Versori's `ErrorField` names it: a `field1.field2[0].field3` path and a message. */
export interface ErrorField {
  field: string
  message: string
}

/** The compiled contract. */
export interface VersoriContract {
  /** The merged, patched document (v2 paths and schemas, the seed's where both define one). */
  readonly document: Json
  /** Ids of the patches applied, in order (see contracts/versori/PATCHES.md). */
  readonly patchesApplied: readonly PatchId[]
  /** A validator for a JSON pointer into {@link document}, e.g. `#/components/schemas/Connection`. */
  validatorFor(pointer: string): ValidateFunction
  /** Schema and semantic issues of a value (empty when valid), fields rooted at the value. */
  specIssues(pointer: string, value: unknown): ErrorField[]
  /** {@link specIssues} against an operation's response for a status, or its `default` response. */
  responseIssues(path: string, method: string, status: number, value: unknown): ErrorField[]
}


/** Both documents parsed and converted, before any patch (tests read the defects here). */
export function parseVersoriDocuments(texts: VersoriContractTexts): VersoriDocuments {
  return { seed: toJsonSchema(parse(texts.seed)) as Json, v2: toJsonSchema(parse(texts.v2)) as Json }
}

const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1')

/** The JSON pointer of an operation's JSON request body schema. */
export function requestBodyPointer(path: string, method: string): string {
  return `#/paths/${escapeToken(path)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`
}

/** The JSON pointer of an operation's JSON response schema for a status (`'default'` for errors). */
export function responsePointer(path: string, method: string, status: number | 'default'): string {
  return `#/paths/${escapeToken(path)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`
}

/** `/connection/credentials/0/x` → `connection.credentials[0].x`, telling indexes from keys by the value. */
function fieldOf(value: unknown, instancePath: string, extra?: string): string {
  let field = ''
  let node = value
  const tokens = instancePath.split('/').slice(1).map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
  if (extra !== undefined) tokens.push(extra)
  for (const token of tokens) {
    field += Array.isArray(node) ? `[${token}]` : field ? `.${token}` : token
    node = node !== null && typeof node === 'object' ? (node as Json)[token] : undefined
  }
  return field
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return 'is required'
    case 'additionalProperties':
      return 'is not allowed'
    case 'format':
      return params.format === 'ulid' ? 'must be a ULID' : `must be a valid ${String(params.format)}`
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`
    default:
      return error.message ?? 'is invalid'
  }
}

const join = (prefix: string, field: string) => (prefix ? `${prefix}.${field}` : field)

/** Compiles the contract: parse, convert, patch, merge, and hand the result to ajv. */
export function compileVersoriContract(texts: VersoriContractTexts, options: { skip?: readonly PatchId[] } = {}): VersoriContract {
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary']) ajv.addFormat(format, true)
  const target: PatchTarget = { ...parseVersoriDocuments(texts), ajv, semantic: new Map() }
  const patchesApplied: PatchId[] = []
  for (const patch of VERSORI_PATCHES) {
    if (options.skip?.includes(patch.id)) continue
    patch.apply(target)
    patchesApplied.push(patch.id)
  }
  // After `seed-wins`, v2 holds the merge; without it (tests only), v2's own copies stay.
  const document = target.v2
  ajv.addSchema(document, 'versori')
  const cache = new Map<string, ValidateFunction>()

  function validatorFor(pointer: string): ValidateFunction {
    let validate = cache.get(pointer)
    if (!validate) {
      validate = ajv.compile({ $ref: `versori${pointer}` })
      cache.set(pointer, validate)
    }
    return validate
  }

  const checksFor = (kind: SemanticTarget) => [...target.semantic.values()].filter((entry) => entry.target === kind)

  /** The patches' semantic checks, at every credential and auth scheme config in the value. */
  function semanticIssues(node: unknown, path: string, parent?: Json): ErrorField[] {
    if (Array.isArray(node)) return node.flatMap((item, i) => semanticIssues(item, `${path}[${i}]`, parent))
    if (node === null || typeof node !== 'object') return []
    const issues: ErrorField[] = []
    for (const [key, child] of Object.entries(node as Json)) {
      const at = join(path, key)
      // Only a connection's credentials (InitialiseOAuth2ConnectionRequest has a `credential` too).
      const isConnectionCredential = /(^|\.)credentials\[\d+\]$/.test(path) || 'authSchemeConfig' in (node as Json)
      if (key === 'credential' && isConnectionCredential && child !== null && typeof child === 'object') {
        for (const { check } of checksFor('credential')) issues.push(...check(child, node as Json).map((i) => ({ field: join(at, i.field), message: i.message })))
      }
      const configs = key === 'authSchemeConfig' ? [[at, child]] : key === 'authSchemeConfigs' && Array.isArray(child) ? child.map((c, i) => [`${at}[${i}]`, c]) : []
      for (const [configAt, config] of configs) {
        for (const { check } of checksFor('authSchemeConfig')) issues.push(...check(config, node as Json).map((i) => ({ field: join(configAt as string, i.field), message: i.message })))
      }
      issues.push(...semanticIssues(child, at, node as Json))
    }
    return issues
  }

  function specIssues(pointer: string, value: unknown): ErrorField[] {
    const validate = validatorFor(pointer)
    const issues: ErrorField[] = []
    if (!validate(value)) {
      for (const error of validate.errors ?? []) {
        // An `if` failure repeats its `then` error (baseUrl); keep the specific one.
        if (error.keyword === 'if') continue
        const params = error.params as Record<string, string>
        const extra = error.keyword === 'required' ? params.missingProperty : error.keyword === 'additionalProperties' ? params.additionalProperty : undefined
        issues.push({ field: fieldOf(value, error.instancePath, extra), message: messageOf(error) })
      }
    }
    // A value that is itself a config or a credential is checked too, not only those inside it.
    const root = pointer.match(/^#\/components\/schemas\/(AuthSchemeConfig|Credential)$/)?.[1]
    const rootKind: SemanticTarget | undefined = root === 'AuthSchemeConfig' ? 'authSchemeConfig' : root === 'Credential' ? 'credential' : undefined
    if (rootKind) for (const { check } of checksFor(rootKind)) issues.push(...check(value, undefined))
    issues.push(...semanticIssues(value, ''))
    const seen = new Set<string>()
    return issues.filter((issue) => {
      const key = `${issue.field}\n${issue.message}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
  }

  function responseIssues(path: string, method: string, status: number, value: unknown): ErrorField[] {
    const responses = ((document.paths as Record<string, Record<string, Json>>)[path]?.[method.toLowerCase()]?.responses ?? {}) as Json
    if (String(status) in responses) return specIssues(responsePointer(path, method, status), value)
    if ('default' in responses) return specIssues(responsePointer(path, method, 'default'), value)
    // v2's ListProjectConnectionTemplates declares no error response; every Versori error is an `Error`.
    if (status >= 400) return specIssues('#/components/schemas/Error', value)
    return [{ field: '', message: `${method.toUpperCase()} ${path} declares no ${status} response` }]
  }

  return { document, patchesApplied, validatorFor, specIssues, responseIssues }
}
