import type { SchemeDescriptor } from './SchemeDescriptor'
import { splitScopes, valueAt } from './SchemeDescriptor'

/** OAuth 2 password grant: username, password, client ID, client secret and scopes. */
export const oauth2PasswordScheme: SchemeDescriptor<'oauth2/password'> = {
  id: 'oauth2/password',
  flow: 'form',
  fields(provider, messages) {
    return [
      { name: 'username', label: messages.username, kind: 'text', secret: false, required: true, autoComplete: 'username' },
      {
        name: 'password',
        label: messages.password,
        kind: 'password',
        secret: true,
        required: true,
        autoComplete: 'current-password',
        keepWhitespace: true,
      },
      { name: 'clientId', label: messages.clientId, kind: 'text', secret: false, required: true, autoComplete: 'off', docsUrl: provider.oauth2Opts?.docsURL },
      { name: 'clientSecret', label: messages.clientSecret, kind: 'password', secret: true, required: true, autoComplete: 'off' },
      {
        name: 'scopes',
        label: messages.scopes,
        kind: 'text',
        secret: false,
        required: provider.oauth2Opts?.explicitScopesRequired === true,
        help: messages.scopesHelp,
      },
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
