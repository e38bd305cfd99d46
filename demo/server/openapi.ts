import Ajv from 'ajv'
import type { ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import spec from '../../contracts/ampersand/api.bundled.json' with { type: 'json' }
import { toJsonSchema } from './jsonSchema'

type Json = Record<string, unknown>


const document = toJsonSchema(spec) as Json
const schemas = (document.components as Json).schemas as Json

/**
 * Spec gap, kept visible: `ConnectionRequest` accepts `customAuth`, but `Connection.authScheme`'s
 * enum has no value for a custom-auth connection. The platforms here answer `custom` for those.
 */
;(schemas.Connection as { properties: { authScheme: { enum: string[] } } }).properties.authScheme.enum.push('custom')

const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)
for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary']) ajv.addFormat(format, true)
ajv.addSchema(document, 'api')

const cache = new Map<string, ValidateFunction>()

/** A validator for a JSON pointer into the Ampersand spec, e.g. `#/components/schemas/Connection`. */
export function validatorFor(pointer: string): ValidateFunction {
  let validate = cache.get(pointer)
  if (!validate) {
    validate = ajv.compile({ $ref: `api${pointer}` })
    cache.set(pointer, validate)
  }
  return validate
}

/** One problem per invalid input, as `InputValidationIssue`s name them (dotted body paths). */
export interface SpecIssue {
  name: string
  detail: string
}

/** Validates a value; returns the issues (empty when valid). */
export function specIssues(pointer: string, value: unknown): SpecIssue[] {
  const validate = validatorFor(pointer)
  if (validate(value)) return []
  return (validate.errors ?? []).map((error) => {
    const path = error.instancePath.split('/').filter(Boolean)
    if (error.keyword === 'required') path.push(String((error.params as { missingProperty: string }).missingProperty))
    const name = path.join('.') || '(body)'
    return { name, detail: `${name} ${error.message ?? 'is invalid'}` }
  })
}

/** Readable strings for test assertions (empty when valid). */
export function errorsAgainst(pointer: string, value: unknown): string[] {
  return specIssues(pointer, value).map((issue) => issue.detail)
}

/** The JSON pointer of an operation's JSON request body schema. */
export function requestBodyPointer(path: string, method: string): string {
  const escaped = path.replace(/~/g, '~0').replace(/\//g, '~1')
  return `#/paths/${escaped}/${method}/requestBody/content/application~1json/schema`
}
