import type { InputSpec, Placement, ProviderSpec, SignInMethod } from '../../model/ProviderSpec'
import type { Infer } from '../shared/shape'
import { array, boolean, literal, object, optional, record, string, unknown } from '../shared/shape'

const optionalString = optional(string())
const optionalBoolean = optional(boolean())

const customAuthInputSchema = object({
  name: string(),
  displayName: string(),
  prompt: optionalString,
  docsURL: optionalString,
  fieldType: optional(literal('fieldTypeText', 'fieldTypePassword', 'fieldTypeSelect')),
  options: optional(array(object({ value: string(), label: string() }))),
})

const metadataInputSchema = object({
  name: string(),
  displayName: optionalString,
  prompt: optionalString,
  defaultValue: optionalString,
  docsURL: optionalString,
  moduleDependencies: optional(record(unknown())),
})

const mediaSchema = optional(object({ iconURL: optionalString, logoURL: optionalString }))

/**
 * The part of a provider's catalog entry (Ampersand's `ProviderInfo`) that the kit reads to pick
 * and render a sign-in method, as a shape (`parse`, `safeParse`). Unknown keys are dropped; a
 * missing boolean means `false`.
 */
export const providerInfoSchema = object({
  name: string(),
  displayName: optionalString,
  authType: literal('oauth2', 'apiKey', 'basic', 'jwt', 'custom', 'none'),
  defaultModule: optionalString,
  oauth2Opts: optional(
    object({
      grantType: literal('authorizationCode', 'authorizationCodePKCE', 'clientCredentials', 'password'),
      explicitScopesRequired: optionalBoolean,
      explicitWorkspaceRequired: optionalBoolean,
      docsURL: optionalString,
    }),
  ),
  apiKeyOpts: optional(
    object({
      attachmentType: literal('query', 'header'),
      header: optional(object({ name: string(), valuePrefix: optionalString })),
      query: optional(object({ name: string() })),
      docsURL: optionalString,
    }),
  ),
  basicOpts: optional(
    object({
      apiKeyAsBasic: optionalBoolean,
      apiKeyAsBasicOpts: optional(object({ fieldUsed: optional(literal('username', 'password')), keyFormat: optionalString })),
      docsURL: optionalString,
    }),
  ),
  customOpts: optional(
    object({
      inputs: optional(array(customAuthInputSchema)),
      multiStep: optionalBoolean,
    }),
  ),
  metadata: optional(object({ input: optional(array(metadataInputSchema)) })),
  media: optional(object({ regular: mediaSchema, darkMode: mediaSchema })),
})

/** A provider's catalog entry as the kit reads it (Ampersand's `ProviderInfo`, on `ProviderSpec.native`). */
export type ProviderInfo = Infer<typeof providerInfoSchema>
/** One custom-auth input from a provider's catalog entry. */
export type CustomAuthInput = Infer<typeof customAuthInputSchema>
/** One metadata input from a provider's catalog entry. */
export type MetadataInput = Infer<typeof metadataInputSchema>

/** A metadata input is required unless every module that needs it is a non-default module. */
function metadataRequired(input: MetadataInput, info: ProviderInfo): boolean {
  const modules = Object.keys(input.moduleDependencies ?? {})
  if (modules.length === 0 || !info.defaultModule) return true
  return modules.includes(info.defaultModule)
}

/** Custom inputs render by `fieldType`; the catalog says an input without one is a password. */
function customInput(input: CustomAuthInput): InputSpec {
  const kind = input.fieldType === 'fieldTypeText' ? 'text' : input.fieldType === 'fieldTypeSelect' ? 'select' : 'password'
  return { name: input.name, label: input.displayName, kind, help: input.prompt, docsUrl: input.docsURL, options: input.options }
}

/** The one sign-in method an entry describes: from `authType`, then `oauth2Opts.grantType`; none for `jwt`. */
function methodOf(info: ProviderInfo): SignInMethod | undefined {
  switch (info.authType) {
    case 'none':
      return { id: 'none', flow: 'form', parts: [{ scheme: 'none' }] }
    case 'apiKey': {
      const opts = info.apiKeyOpts
      const placement: Placement | undefined = opts?.header
        ? { in: 'header', name: opts.header.name, prefix: opts.header.valuePrefix }
        : opts?.query
          ? { in: 'query', name: opts.query.name }
          : undefined
      return { id: 'apiKey', flow: 'form', parts: [{ scheme: 'apiKey', placement, docsUrl: opts?.docsURL }] }
    }
    case 'basic': {
      const opts = info.basicOpts
      const apiKeyAsBasic = opts?.apiKeyAsBasic ? (opts.apiKeyAsBasicOpts ?? {}) : undefined
      return { id: 'basic', flow: 'form', parts: [{ scheme: 'basic', docsUrl: opts?.docsURL, apiKeyAsBasic }] }
    }
    case 'custom': {
      const inputs = (info.customOpts?.inputs ?? []).map(customInput)
      const multiStep = info.customOpts?.multiStep === true
      return { id: multiStep ? 'custom/multiStep' : 'custom', flow: multiStep ? 'steps' : 'form', parts: [{ scheme: 'custom', inputs }] }
    }
    case 'jwt':
      return undefined
    case 'oauth2': {
      const opts = info.oauth2Opts
      if (!opts) return undefined
      const docsUrl = opts.docsURL
      switch (opts.grantType) {
        case 'authorizationCode':
        case 'authorizationCodePKCE':
          return { id: `oauth2/${opts.grantType}`, flow: 'popup', parts: [{ scheme: 'oauth2/authorizationCode', pkce: opts.grantType === 'authorizationCodePKCE', docsUrl }] }
        case 'clientCredentials': {
          // Scopes are asked only when the provider needs them named.
          const scopes = opts.explicitScopesRequired ? { required: true } : undefined
          return { id: 'oauth2/clientCredentials', flow: 'form', parts: [{ scheme: 'oauth2/clientCredentials', scopes, docsUrl }] }
        }
        case 'password':
          return {
            id: 'oauth2/password',
            flow: 'form',
            parts: [{ scheme: 'oauth2/password', askClient: true, scopes: { required: opts.explicitScopesRequired === true }, docsUrl }],
          }
        default:
          return assertNever(opts.grantType)
      }
    }
    default:
      return assertNever(info.authType)
  }
}

function assertNever(value: never): never {
  throw new Error(`Plugboard: unhandled catalog value ${String(value)}`)
}

/** The form key of the workspace field the kit adds when OAuth needs a workspace and the catalog names none. */
export const WORKSPACE_FIELD = 'providerWorkspaceRef'
/** The form key prefix of provider metadata inputs. */
export const METADATA_PREFIX = 'metadata.'

/**
 * Maps an Ampersand catalog entry onto the neutral model: one method, metadata inputs (and a
 * workspace when OAuth needs one) as connection fields, the regular media as icon and logo.
 */
export function toProviderSpec(info: ProviderInfo): ProviderSpec<ProviderInfo> {
  const inputs = info.metadata?.input ?? []
  const connectionFields: InputSpec[] = inputs.map((input) => ({
    name: `${METADATA_PREFIX}${input.name}`,
    label: input.displayName || input.name,
    required: metadataRequired(input, info),
    help: input.prompt,
    docsUrl: input.docsURL,
    defaultValue: input.defaultValue,
    role: input.name === 'workspace' ? 'workspace' : undefined,
  }))
  if (info.oauth2Opts?.explicitWorkspaceRequired && !inputs.some((input) => input.name === 'workspace')) {
    connectionFields.unshift({ name: WORKSPACE_FIELD, role: 'workspace' })
  }
  const method = methodOf(info)
  return {
    id: info.name,
    displayName: info.displayName || info.name,
    iconUrl: info.media?.regular?.iconURL,
    logoUrl: info.media?.regular?.logoURL,
    methods: method ? [method] : [],
    connectionFields,
    native: info,
  }
}
