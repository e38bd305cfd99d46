import type { PartOf } from '../model/ProviderSpec'
import type { SchemeDescriptor } from './SchemeDescriptor'
import { valueAt } from './SchemeDescriptor'
import { secretField, usernamePasswordFields } from './fields'

/** Splits an API key into Basic-auth username and password as `apiKeyAsBasic` says. */
function splitApiKey(apiKey: string, { fieldUsed, keyFormat }: NonNullable<PartOf<'basic'>['apiKeyAsBasic']>) {
  if (keyFormat?.includes('%s')) {
    const formatted = keyFormat.replace('%s', apiKey)
    const colon = formatted.indexOf(':')
    if (colon >= 0) return { username: formatted.slice(0, colon), password: formatted.slice(colon + 1) }
    apiKey = formatted
  }
  return fieldUsed === 'password' ? { username: '', password: apiKey } : { username: apiKey, password: '' }
}

/**
 * Basic auth: username and password. Providers that collect an API key over Basic auth
 * (`apiKeyAsBasic`) get one API key field instead.
 */
export const basicScheme: SchemeDescriptor<'basic'> = {
  scheme: 'basic',
  fields(part, messages) {
    if (part.apiKeyAsBasic) return [secretField('apiKey', messages.apiKey, { docsUrl: part.docsUrl })]
    return usernamePasswordFields(messages, part.docsUrl)
  },
  toCredentials(values, part) {
    if (part.apiKeyAsBasic) return { scheme: 'basic', ...splitApiKey(valueAt(values, 'apiKey'), part.apiKeyAsBasic) }
    return { scheme: 'basic', username: valueAt(values, 'username'), password: valueAt(values, 'password') }
  },
}
