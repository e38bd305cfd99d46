import type { SchemeDescriptor } from './SchemeDescriptor'
import { valueAt } from './SchemeDescriptor'

/** API key: one secret field; a pasted `valuePrefix` (e.g. `Bearer `) is dropped before sending. */
export const apiKeyScheme: SchemeDescriptor<'apiKey'> = {
  id: 'apiKey',
  flow: 'form',
  fields(provider, messages) {
    const prefix = provider.apiKeyOpts?.header?.valuePrefix
    return [
      {
        name: 'apiKey',
        label: messages.apiKey,
        kind: 'password',
        secret: true,
        required: true,
        autoComplete: 'off',
        help: prefix?.trim() ? messages.apiKeyPrefixHelp(prefix) : undefined,
        docsUrl: provider.apiKeyOpts?.docsURL,
      },
    ]
  },
  toCredentials(values, provider) {
    const prefix = provider.apiKeyOpts?.header?.valuePrefix?.trim()
    let apiKey = valueAt(values, 'apiKey')
    if (prefix && apiKey.toLowerCase().startsWith(`${prefix.toLowerCase()} `)) apiKey = apiKey.slice(prefix.length).trim()
    return { scheme: 'apiKey', apiKey }
  },
}
