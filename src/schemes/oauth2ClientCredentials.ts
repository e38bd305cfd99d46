import type { SchemeDescriptor, SchemeField } from './SchemeDescriptor'
import { splitScopes, valueAt } from './SchemeDescriptor'

/** OAuth 2 client credentials: client ID and secret, plus scopes when the provider needs them named. */
export const oauth2ClientCredentialsScheme: SchemeDescriptor<'oauth2/clientCredentials'> = {
  id: 'oauth2/clientCredentials',
  flow: 'form',
  fields(provider, messages) {
    const docsUrl = provider.oauth2Opts?.docsURL
    const fields: SchemeField[] = [
      { name: 'clientId', label: messages.clientId, kind: 'text', secret: false, required: true, autoComplete: 'off', docsUrl },
      { name: 'clientSecret', label: messages.clientSecret, kind: 'password', secret: true, required: true, autoComplete: 'off' },
    ]
    if (provider.oauth2Opts?.explicitScopesRequired) {
      fields.push({ name: 'scopes', label: messages.scopes, kind: 'text', secret: false, required: true, help: messages.scopesHelp })
    }
    return fields
  },
  toCredentials(values) {
    const scopes = splitScopes(valueAt(values, 'scopes'))
    return {
      scheme: 'oauth2/clientCredentials',
      clientId: valueAt(values, 'clientId'),
      clientSecret: valueAt(values, 'clientSecret'),
      ...(scopes ? { scopes } : {}),
    }
  },
}
