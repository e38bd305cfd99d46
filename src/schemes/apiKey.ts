import type { SchemeDescriptor } from './SchemeDescriptor'
import { valueAt } from './SchemeDescriptor'
import { secretField } from './fields'

/** API key: one secret field; a pasted prefix (e.g. `Bearer `) is dropped before sending. */
export const apiKeyScheme: SchemeDescriptor<'apiKey'> = {
  scheme: 'apiKey',
  fields(part, messages) {
    const prefix = part.placement?.prefix?.trim()
    return [
      secretField('apiKey', messages.apiKey, {
        help: prefix ? messages.apiKeyPrefixHelp(prefix) : undefined,
        docsUrl: part.docsUrl,
      }),
    ]
  },
  toCredentials(values, part) {
    const prefix = part.placement?.prefix?.trim()
    let apiKey = valueAt(values, 'apiKey')
    if (prefix && apiKey.toLowerCase().startsWith(`${prefix.toLowerCase()} `)) apiKey = apiKey.slice(prefix.length).trim()
    return { scheme: 'apiKey', apiKey }
  },
}
