import type { SchemeDescriptor } from './SchemeDescriptor'
import { splitScopes, valueAt } from './SchemeDescriptor'
import { oauthClientFields, scopesField } from './fields'

/** OAuth 2 client credentials: client ID and secret, plus scopes when the provider needs them named. */
export const oauth2ClientCredentialsScheme: SchemeDescriptor<'oauth2/clientCredentials'> = {
  id: 'oauth2/clientCredentials',
  flow: 'form',
  fields(provider, messages) {
    const fields = oauthClientFields(messages, provider.oauth2Opts?.docsURL)
    if (provider.oauth2Opts?.explicitScopesRequired) fields.push(scopesField(messages, true))
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
