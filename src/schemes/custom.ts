import type { SchemeDescriptor } from './SchemeDescriptor'
import { valueAt } from './SchemeDescriptor'

/**
 * Custom auth: one field per `customOpts.inputs` entry, rendered by its `fieldType` (password when
 * omitted, as the catalog specifies), sent as `customAuth` keyed by input name.
 */
export const customScheme: SchemeDescriptor<'custom'> = {
  id: 'custom',
  flow: 'form',
  fields(provider) {
    return (provider.customOpts?.inputs ?? []).map((input) => {
      const kind =
        input.fieldType === 'fieldTypeText' ? 'text' : input.fieldType === 'fieldTypeSelect' ? 'select' : 'password'
      return {
        name: `customAuth.${input.name}`,
        label: input.displayName,
        kind,
        secret: kind === 'password',
        required: true,
        autoComplete: 'off',
        help: input.prompt,
        docsUrl: input.docsURL,
        options: kind === 'select' ? (input.options ?? []) : undefined,
      }
    })
  },
  toCredentials(values, provider) {
    const entries = (provider.customOpts?.inputs ?? []).map((input) => [input.name, valueAt(values, `customAuth.${input.name}`)])
    return { scheme: 'custom', values: Object.fromEntries(entries) }
  },
}

/**
 * Multi-step custom auth (catalog `customOpts.multiStep`): the same inputs, sent to the platform's
 * `custom-auth/connect` flow, which may exchange them server-side or send the person through the
 * provider's pages (an admin consent, say) in the sign-in window before the connection exists.
 */
export const customMultiStepScheme: SchemeDescriptor<'custom/multiStep'> = {
  id: 'custom/multiStep',
  flow: 'steps',
  fields: customScheme.fields,
  toCredentials: customScheme.toCredentials,
}
