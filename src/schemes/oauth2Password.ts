import type { SchemeDescriptor } from './SchemeDescriptor'
import { splitScopes, valueAt } from './SchemeDescriptor'
import { oauthClientFields, scopesField, usernamePasswordFields } from './fields'

/** OAuth 2 password grant: username, password, client ID, client secret and scopes. */
export const oauth2PasswordScheme: SchemeDescriptor<'oauth2/password'> = {
  id: 'oauth2/password',
  flow: 'form',
  fields(provider, messages) {
    return [
      ...usernamePasswordFields(messages),
      ...oauthClientFields(messages, provider.oauth2Opts?.docsURL),
      scopesField(messages, provider.oauth2Opts?.explicitScopesRequired === true),
    ]
  },
  toCredentials(values) {
    const scopes = splitScopes(valueAt(values, 'scopes'))
    return {
      scheme: 'oauth2/password',
      username: valueAt(values, 'username'),
      password: valueAt(values, 'password'),
      clientId: valueAt(values, 'clientId'),
      clientSecret: valueAt(values, 'clientSecret'),
      ...(scopes ? { scopes } : {}),
    }
  },
}
