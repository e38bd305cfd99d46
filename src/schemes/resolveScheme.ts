import * as z from 'zod/mini'
import type { ConnectionInput, OAuthStartInput, ProviderContext } from '../ConnectBackend'
import type { ConnectMessages } from '../messages'
import type { MetadataInput, ProviderInfo } from '../providerInfo'
import { providerDisplayName } from '../providerInfo'
import type { SchemeDescriptor, SchemeField, SchemeId, SchemeValues } from './SchemeDescriptor'
import { valueAt } from './SchemeDescriptor'
import { schemeIdFor, schemeRegistry } from './schemeRegistry'

/** A provider's sign-in method, ready to render: fields, schema, defaults and request mapping. */
export interface ResolvedScheme {
  /** The scheme. */
  id: SchemeId
  /** Its descriptor. */
  descriptor: SchemeDescriptor
  /** `form`, `popup` or `steps` (see `SchemeDescriptor.flow`). */
  flow: 'form' | 'popup' | 'steps'
  /** Every field: credentials first, then workspace and provider metadata. */
  fields: SchemeField[]
  /** Validates the form values; messages are the ones shown next to each field. */
  schema: z.ZodMiniType<SchemeValues, SchemeValues>
  /** The form's initial values (catalog `defaultValue`s, empty strings elsewhere). */
  defaultValues: SchemeValues
  /** Workspace and metadata from valid form values. */
  toContext(values: SchemeValues): ProviderContext
  /** The create/update (or custom sign-in) input from valid form values (form and steps schemes). */
  toInput(values: SchemeValues): ConnectionInput
  /** The OAuth start input from valid form values (popup schemes). */
  toOAuthStart(values: SchemeValues): OAuthStartInput
}

/** A metadata input is required unless every module that needs it is a non-default module. */
function metadataRequired(input: MetadataInput, provider: ProviderInfo): boolean {
  const modules = Object.keys(input.moduleDependencies ?? {})
  if (modules.length === 0 || !provider.defaultModule) return true
  return modules.includes(provider.defaultModule)
}

/** Workspace and metadata fields: `metadata.input` entries, and a workspace field when OAuth needs one. */
export function contextFields(provider: ProviderInfo, messages: ConnectMessages): SchemeField[] {
  const inputs = provider.metadata?.input ?? []
  const fields: SchemeField[] = inputs.map((input) => ({
    name: `metadata.${input.name}`,
    label: input.displayName || input.name,
    kind: 'text',
    secret: false,
    required: metadataRequired(input, provider),
    help: input.prompt,
    docsUrl: input.docsURL,
    defaultValue: input.defaultValue,
    autoComplete: 'off',
  }))
  if (provider.oauth2Opts?.explicitWorkspaceRequired && !inputs.some((input) => input.name === 'workspace')) {
    fields.unshift({
      name: 'providerWorkspaceRef',
      label: messages.workspace,
      kind: 'text',
      secret: false,
      required: true,
      help: messages.workspaceHelp(providerDisplayName(provider)),
      autoComplete: 'off',
    })
  }
  return fields
}

function fieldSchema(field: SchemeField, messages: ConnectMessages) {
  const checks: z.core.$ZodCheck<string>[] = []
  if (!field.keepWhitespace) checks.push(z.trim())
  if (field.required) checks.push(z.minLength(1, messages.required(field.label)))
  if (field.options && field.options.length > 0) {
    const allowed = new Set(field.options.map((option) => option.value))
    checks.push(z.refine((value: string) => value === '' || allowed.has(value), messages.chooseOption(field.label)))
  }
  // A missing value counts as empty, so it gets the field's own message, not a type error.
  return z.prefault(z.string().check(...checks), '')
}

/** Builds the nested zod object for a list of dotted field paths. */
export function schemaForFields(fields: SchemeField[], messages: ConnectMessages): z.ZodMiniType<SchemeValues, SchemeValues> {
  type Shape = { [key: string]: Shape | SchemeField }
  const tree: Shape = {}
  for (const field of fields) {
    const parts = field.name.split('.')
    let node = tree
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Shape
    node[parts[parts.length - 1] as string] = field
  }
  const build = (node: Shape): z.ZodMiniType<SchemeValues, SchemeValues> =>
    z.prefault(z.object(
      Object.fromEntries(
        Object.entries(node).map(([key, child]) => [
          key,
          'kind' in child && typeof child.kind === 'string' ? fieldSchema(child as SchemeField, messages) : build(child as Shape),
        ]),
      ),
    ), {}) as unknown as z.ZodMiniType<SchemeValues, SchemeValues>
  return build(tree)
}

function setAt(target: SchemeValues, path: string, value: string) {
  const parts = path.split('.')
  let node = target
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as SchemeValues
  node[parts[parts.length - 1] as string] = value
}

/**
 * Resolves a provider's catalog entry into the form the kit renders, or `undefined` when the
 * provider uses a sign-in method the kit does not support.
 */
export function resolveScheme(provider: ProviderInfo, messages: ConnectMessages): ResolvedScheme | undefined {
  const id = schemeIdFor(provider)
  if (!id) return undefined
  const descriptor: SchemeDescriptor = schemeRegistry[id]
  const context = contextFields(provider, messages)
  const fields = [...descriptor.fields(provider, messages), ...context]
  const defaultValues: SchemeValues = {}
  for (const field of fields) setAt(defaultValues, field.name, field.defaultValue ?? '')

  const toContext = (values: SchemeValues): ProviderContext => {
    const result: ProviderContext = {}
    const metadata: Record<string, string> = {}
    for (const input of provider.metadata?.input ?? []) {
      const value = valueAt(values, `metadata.${input.name}`).trim()
      if (value) metadata[input.name] = value
    }
    if (Object.keys(metadata).length > 0) result.providerMetadata = metadata
    const workspace = valueAt(values, 'providerWorkspaceRef').trim() || metadata.workspace
    if (workspace) result.providerWorkspaceRef = workspace
    return result
  }

  return {
    id,
    descriptor,
    flow: descriptor.flow,
    fields,
    schema: schemaForFields(fields, messages),
    defaultValues,
    toContext,
    toInput(values) {
      const credentials = descriptor.toCredentials(values, provider)
      if (!credentials) throw new Error(`Plugboard: the ${id} scheme signs in through a popup, not a form.`)
      return { provider: provider.name, credentials, ...toContext(values) }
    },
    toOAuthStart: (values) => ({ provider: provider.name, ...toContext(values) }),
  }
}
