// A small JSON Schema validator for the subset the generated contract schemas use
// (ampersandSchemas.ts, versoriSchemas.ts): type, enum, const, required, properties,
// additionalProperties, items, allOf, anyOf, oneOf, not, if/then/else, minLength, format (ulid,
// uri, date-time) and local `$ref`s. It reports every problem, like ajv's `allErrors`. A keyword it
// does not know throws: a contract change that needs one fails loudly instead of passing bodies
// unchecked.

/** A JSON Schema object (or `true`/`false`), as the generated contract schemas hold them. */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown }

/** One problem with a value: where it is, the keyword that failed, and what is wrong. */
export interface JsonSchemaIssue {
  /** Property names and array indexes from the value's root; a missing or extra property is the last step. */
  path: (string | number)[]
  keyword: string
  message: string
}

type Schema = Readonly<Record<string, unknown>>

/** Keywords that only describe; the generator strips them, and they never fail. */
const ANNOTATIONS = new Set(['$id', '$schema', '$comment', '$defs', 'definitions', 'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly'])

const FORMATS: Record<string, RegExp> = {
  // Versori's ids: 26 Crockford base32 characters, the first at most 7 (contracts/versori/PATCHES.md, patch 11).
  ulid: /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/,
  // A scheme, then no whitespace or characters a URI never holds unescaped.
  uri: /^[a-z][a-z\d+.-]*:[^\s<>"{}|\\^`]*$/i,
  'date-time': /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i,
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value)
    case 'array':
      return Array.isArray(value)
    case 'string':
      return typeof value === 'string'
    case 'boolean':
      return typeof value === 'boolean'
    case 'null':
      return value === null
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'integer':
      return Number.isInteger(value)
    default:
      throw new Error(`Plugboard testing: unknown JSON Schema type "${type}".`)
  }
}

/** Deep equality of JSON values, for `enum` and `const`. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]))
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && equal(a[key], b[key]))
  }
  return false
}

/** The schema a local reference (`#/$defs/Name`, any JSON pointer into the root) names. */
function resolve(ref: string, root: JsonSchema): JsonSchema {
  if (!ref.startsWith('#')) throw new Error(`Plugboard testing: only local $refs are supported, not "${ref}".`)
  let node: unknown = root
  for (const token of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~')
    node = isObject(node) ? node[key] : undefined
  }
  if (node === undefined) throw new Error(`Plugboard testing: $ref "${ref}" names nothing.`)
  return node as JsonSchema
}

const list = (values: readonly unknown[]) => values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(', ')

/**
 * Validates `value` against `schema` (whose `$ref`s point into `root`) and returns every problem,
 * or an empty list when it is valid.
 */
export function validateJson(schema: JsonSchema, value: unknown, root: JsonSchema = schema): JsonSchemaIssue[] {
  const issues: JsonSchemaIssue[] = []
  check(schema, value, [], root, issues)
  return issues
}

function check(schema: JsonSchema, value: unknown, path: (string | number)[], root: JsonSchema, issues: JsonSchemaIssue[]): void {
  if (schema === true) return
  if (schema === false) {
    issues.push({ path, keyword: 'false', message: 'is not allowed' })
    return
  }
  const fail = (keyword: string, message: string, at = path) => issues.push({ path: at, keyword, message })
  const passes = (sub: JsonSchema) => validateJson(sub, value, root).length === 0
  const s = schema as Schema
  for (const keyword of Object.keys(s)) {
    if (!ANNOTATIONS.has(keyword) && !(keyword in KNOWN)) throw new Error(`Plugboard testing: the validator does not know the JSON Schema keyword "${keyword}".`)
  }

  if (typeof s.$ref === 'string') check(resolve(s.$ref, root), value, path, root, issues)
  if (s.type !== undefined) {
    const types = (Array.isArray(s.type) ? s.type : [s.type]) as string[]
    if (!types.some((type) => hasType(value, type))) fail('type', `must be ${types.join(' or ')}`)
  }
  if (Array.isArray(s.enum) && !s.enum.some((allowed) => equal(allowed, value))) fail('enum', `must be one of: ${list(s.enum)}`)
  if ('const' in s && !equal(s.const, value)) fail('const', `must be ${list([s.const])}`)

  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && [...value].length < s.minLength) fail('minLength', `must be at least ${s.minLength} characters`)
    if (typeof s.format === 'string') {
      const pattern = FORMATS[s.format]
      if (!pattern) throw new Error(`Plugboard testing: the validator does not know the format "${s.format}".`)
      if (!pattern.test(value)) fail('format', s.format === 'ulid' ? 'must be a ULID' : `must be a valid ${s.format}`)
    }
  }

  if (isObject(value)) {
    for (const name of (s.required as string[] | undefined) ?? []) {
      if (!Object.hasOwn(value, name)) fail('required', 'is required', [...path, name])
    }
    const properties = (s.properties ?? {}) as Record<string, JsonSchema>
    for (const [name, child] of Object.entries(value)) {
      if (Object.hasOwn(properties, name)) check(properties[name]!, child, [...path, name], root, issues)
      else if (s.additionalProperties === false) fail('additionalProperties', 'is not allowed', [...path, name])
      else if (s.additionalProperties !== undefined) check(s.additionalProperties as JsonSchema, child, [...path, name], root, issues)
    }
  }

  if (Array.isArray(value) && s.items !== undefined) {
    value.forEach((item, index) => check(s.items as JsonSchema, item, [...path, index], root, issues))
  }

  for (const sub of (s.allOf as JsonSchema[] | undefined) ?? []) check(sub, value, path, root, issues)
  if (Array.isArray(s.anyOf) && !(s.anyOf as JsonSchema[]).some(passes)) fail('anyOf', 'must match one of the allowed shapes')
  if (Array.isArray(s.oneOf) && (s.oneOf as JsonSchema[]).filter(passes).length !== 1) fail('oneOf', 'must match exactly one of the allowed shapes')
  if (s.not !== undefined && passes(s.not as JsonSchema)) fail('not', 'must not match this shape')
  // `if` only selects: its own failure is no problem, the branch's are (reported where they are).
  if (s.if !== undefined) {
    const branch = passes(s.if as JsonSchema) ? s.then : s.else
    if (branch !== undefined) check(branch as JsonSchema, value, path, root, issues)
  }
}

/** The keywords that validate (with the annotations above, all the validator accepts). */
const KNOWN = {
  $ref: true,
  type: true,
  enum: true,
  const: true,
  minLength: true,
  format: true,
  required: true,
  properties: true,
  additionalProperties: true,
  items: true,
  allOf: true,
  anyOf: true,
  oneOf: true,
  not: true,
  if: true,
  then: true,
  else: true,
} as const

/** The keywords {@link validateJson} understands, annotations included; the generator refuses any other. */
export const SUPPORTED_KEYWORDS: readonly string[] = [...Object.keys(KNOWN), ...ANNOTATIONS]
