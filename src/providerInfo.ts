import * as z from 'zod/mini'

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

/** A provider's catalog entry as the kit reads it. */
export type ProviderInfo = z.infer<typeof providerInfoSchema>
/** One custom-auth input from a provider's catalog entry. */
export type CustomAuthInput = z.infer<typeof customAuthInputSchema>
/** One metadata input from a provider's catalog entry. */
export type MetadataInput = z.infer<typeof metadataInputSchema>

/** The provider's name for people: its `displayName`, else its catalog `name`. */
export function providerDisplayName(info: Pick<ProviderInfo, 'name' | 'displayName'>): string {
  return info.displayName || info.name
}
