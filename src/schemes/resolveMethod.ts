import type { ConnectionInput, Credentials } from '../model/ConnectBackend'
import { absoluteBaseUrl } from '../model/connectionName'
import type { CoreMessages } from '../model/messages'
import type { ProviderSpec, SignInMethod } from '../model/ProviderSpec'
import { inputField } from './fields'
import type { SchemeFact, SchemeField, SchemeValues } from './SchemeDescriptor'
import { valueAt } from './SchemeDescriptor'
import { descriptorFor } from './schemeRegistry'

/**
 * A provider's sign-in method, ready to render: fields, facts, defaults and request mapping. Its
 * form schema is built on demand by `methodSchema` (the form's), so resolving one carries no zod.
 */
export interface ResolvedMethod {
  /** The method's id. */
  id: string
  /** Its name for people: the platform's label, else the kit's name for its first part's scheme. */
  label: string
  /** The method as the platform described it. */
  method: SignInMethod
  /** `form`, `popup` or `steps` (see `SignInMethod.flow`). */
  flow: SignInMethod['flow']
  /** Every field: each part's (`credentials.<i>.…`), then the connection fields (`connection.…`). */
  fields: SchemeField[]
  /** Read-only facts about the parts (an HMAC algorithm, say). */
  facts: SchemeFact[]
  /** The form's initial values (defaults where given, empty elsewhere). */
  defaultValues: SchemeValues
  /** The input for the backend from valid form values. */
  toInput(values: SchemeValues): ConnectionInput
}

/** What a method's defaults may depend on beyond the provider. */
export interface ResolveOptions {
  /** The prefill of a `connectionName` input that has no default (see `defaultConnectionName`). */
  connectionName?: string
  /** The BCP 47 locale lists in facts are formatted in (the provider's `locale`). @default 'en' */
  locale?: string
}

function setAt(target: SchemeValues, path: string, value: unknown) {
  const parts = path.split('.')
  let node = target as Record<string, unknown>
  parts.slice(0, -1).forEach((part, index) => {
    // Numbered levels are lists, as react-hook-form keeps them.
    node = (node[part] ??= /^\d+$/.test(parts[index + 1]!) ? [] : {}) as Record<string, unknown>
  })
  node[parts[parts.length - 1] as string] = value
}

/** The form path prefix of part `index`. */
const partPath = (index: number) => `credentials.${index}`

/**
 * Resolves one sign-in method of a provider into the form the kit renders: each part's fields from
 * its descriptor, then the provider's connection fields, which every method shares.
 */
export function resolveMethod(spec: ProviderSpec, method: SignInMethod, messages: CoreMessages, options: ResolveOptions = {}): ResolvedMethod {
  const prefixed = (prefix: string) => (field: SchemeField) => ({ ...field, name: `${prefix}.${field.name}` })
  const partFields = method.parts.map((part, index) => descriptorFor(part).fields(part, messages).map(prefixed(partPath(index))))
  const connectionFields = spec.connectionFields.map((input) => {
    const field = prefixed('connection')(inputField(input, messages, spec.displayName))
    return input.role === 'connectionName' && field.defaultValue === undefined && options.connectionName
      ? { ...field, defaultValue: options.connectionName }
      : field
  })
  const fields = [...partFields.flat(), ...connectionFields]
  const defaultValues: SchemeValues = {}
  for (const field of fields) setAt(defaultValues, field.name, field.defaultValue ?? (field.kind === 'choices' ? [] : ''))
  const first = method.parts[0]?.scheme
  return {
    id: method.id,
    label: method.label || (first ? (messages.scheme[first] ?? first) : method.id),
    method,
    flow: method.flow,
    fields,
    facts: method.parts.flatMap((part) => descriptorFor(part).facts?.(part, messages, options.locale ?? 'en') ?? []),
    defaultValues,
    toInput(values) {
      const credentials = method.parts.map((part, index): Credentials => {
        const own = (values.credentials as SchemeValues[] | undefined)?.[index] ?? {}
        return descriptorFor(part).toCredentials(own, part as never)
      })
      const connection: Record<string, string> = {}
      for (const input of spec.connectionFields) {
        const value = valueAt(values, `connection.${input.name}`).trim()
        // A base URL typed without its scheme is sent with `https://`, as platforms assume.
        if (value) connection[input.name] = input.role === 'baseUrl' ? (absoluteBaseUrl(value) ?? value) : value
      }
      return { provider: spec.id, methodId: method.id, credentials, connection }
    },
  }
}

/** Every sign-in method of a provider, resolved, in the platform's order. */
export function resolveMethods(spec: ProviderSpec, messages: CoreMessages, options: ResolveOptions = {}): ResolvedMethod[] {
  return spec.methods.map((method) => resolveMethod(spec, method, messages, options))
}
