import * as z from 'zod/mini'
import type { InputSpec, Placement, ProviderSpec, SignInMethod } from '../../model/ProviderSpec'

const optionalString = z.optional(z.string())
const optionalBoolean = z.optional(z.boolean())

const customAuthInputSchema = z.object({
  name: z.string(),
  displayName: z.string(),
  prompt: optionalString,
  docsURL: optionalString,
  fieldType: z.optional(z.enum(['fieldTypeText', 'fieldTypePassword', 'fieldTypeSelect'])),
  options: z.optional(z.array(z.object({ value: z.string(), label: z.string() }))),
})

const metadataInputSchema = z.object({
  name: z.string(),
  displayName: optionalString,
  prompt: optionalString,
  defaultValue: optionalString,
  docsURL: optionalString,
  moduleDependencies: z.optional(z.record(z.string(), z.unknown())),
})

const mediaSchema = z.optional(z.object({ iconURL: optionalString, logoURL: optionalString }))

/**
 * The part of a provider's catalog entry (Ampersand's `ProviderInfo`) that the kit reads to pick
 * and render a sign-in method. Unknown keys are dropped; a missing boolean means `false`.
 */
export const providerInfoSchema = z.object({
  name: z.string(),
  displayName: optionalString,
  authType: z.enum(['oauth2', 'apiKey', 'basic', 'jwt', 'custom', 'none']),
  defaultModule: optionalString,
  oauth2Opts: z.optional(
    z.object({
      grantType: z.enum(['authorizationCode', 'authorizationCodePKCE', 'clientCredentials', 'password']),
      explicitScopesRequired: optionalBoolean,
      explicitWorkspaceRequired: optionalBoolean,
      docsURL: optionalString,
    }),
  ),
  apiKeyOpts: z.optional(
    z.object({
      attachmentType: z.enum(['query', 'header']),
      header: z.optional(z.object({ name: z.string(), valuePrefix: optionalString })),
      query: z.optional(z.object({ name: z.string() })),
      docsURL: optionalString,
    }),
  ),
  basicOpts: z.optional(
    z.object({
      apiKeyAsBasic: optionalBoolean,
      apiKeyAsBasicOpts: z.optional(
        z.object({ fieldUsed: z.optional(z.enum(['username', 'password'])), keyFormat: optionalString }),
      ),
      docsURL: optionalString,
    }),
  ),
  customOpts: z.optional(
    z.object({
      inputs: z.optional(z.array(customAuthInputSchema)),
      multiStep: optionalBoolean,
    }),
  ),
  metadata: z.optional(z.object({ input: z.optional(z.array(metadataInputSchema)) })),
  media: z.optional(z.object({ regular: mediaSchema, darkMode: mediaSchema })),
})

/** A provider's catalog entry as the kit reads it (Ampersand's `ProviderInfo`, on `ProviderSpec.native`). */
export type ProviderInfo = z.infer<typeof providerInfoSchema>
/** One custom-auth input from a provider's catalog entry. */
export type CustomAuthInput = z.infer<typeof customAuthInputSchema>
/** One metadata input from a provider's catalog entry. */
export type MetadataInput = z.infer<typeof metadataInputSchema>

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
