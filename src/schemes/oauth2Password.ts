import type { SchemeDescriptor } from './SchemeDescriptor'
import { valueAt } from './SchemeDescriptor'
import { oauthClientFields, scopeFields, scopesFrom, usernamePasswordFields } from './fields'

/** OAuth 2 password grant: username and password, plus the client and scopes when the platform asks. */
export const oauth2PasswordScheme: SchemeDescriptor<'oauth2/password'> = {
  scheme: 'oauth2/password',
  fields: (part, messages) => [
    ...usernamePasswordFields(messages),
    ...(part.askClient ? oauthClientFields(messages, part.docsUrl) : []),
    ...scopeFields(messages, part.scopes),
  ],
  toCredentials(values, part) {
    const scopes = scopesFrom(values)
    return {
      scheme: 'oauth2/password',
      username: valueAt(values, 'username'),
      password: valueAt(values, 'password'),
      ...(part.askClient ? { clientId: valueAt(values, 'clientId'), clientSecret: valueAt(values, 'clientSecret') } : {}),
      ...(scopes ? { scopes } : {}),
    }
  },
}
