import type { SchemeDescriptor } from './SchemeDescriptor'
import { valueAt } from './SchemeDescriptor'
import { usernamePasswordFields } from './fields'

/** Splits an API key into Basic-auth username and password as `basicOpts.apiKeyAsBasicOpts` says. */
function apiKeyAsBasic(apiKey: string, fieldUsed?: 'username' | 'password', keyFormat?: string) {
  if (keyFormat?.includes('%s')) {
    const formatted = keyFormat.replace('%s', apiKey)
    const colon = formatted.indexOf(':')
    if (colon >= 0) return { username: formatted.slice(0, colon), password: formatted.slice(colon + 1) }
    apiKey = formatted
  }
  return fieldUsed === 'password' ? { username: '', password: apiKey } : { username: apiKey, password: '' }
}

/**
 * Basic auth: username and password, sent as `basicAuth`. Providers that collect an API key over
 * Basic auth (`basicOpts.apiKeyAsBasic`) get one API key field instead.
 */
export const basicScheme: SchemeDescriptor<'basic'> = {
  id: 'basic',
  flow: 'form',
  fields(provider, messages) {
    const docsUrl = provider.basicOpts?.docsURL
    if (provider.basicOpts?.apiKeyAsBasic) {
      return [{ name: 'apiKey', label: messages.apiKey, kind: 'password', secret: true, required: true, autoComplete: 'off', docsUrl }]
    }
    return usernamePasswordFields(messages, docsUrl)
  },
  toCredentials(values, provider) {
    const opts = provider.basicOpts
    if (opts?.apiKeyAsBasic) {
      const { fieldUsed, keyFormat } = opts.apiKeyAsBasicOpts ?? {}
      return { scheme: 'basic', ...apiKeyAsBasic(valueAt(values, 'apiKey'), fieldUsed, keyFormat) }
    }
    return { scheme: 'basic', username: valueAt(values, 'username'), password: valueAt(values, 'password') }
  },
}
