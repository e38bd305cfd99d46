import type { SchemeDescriptor } from './SchemeDescriptor'
import { valueAt } from './SchemeDescriptor'
import { oauthClientFields, scopeFields, scopesFrom } from './fields'

/** OAuth 2 client credentials: client ID and secret, plus scopes when the platform asks for them. */
export const oauth2ClientCredentialsScheme: SchemeDescriptor<'oauth2/clientCredentials'> = {
  scheme: 'oauth2/clientCredentials',
  fields: (part, messages) => [...oauthClientFields(messages, part.docsUrl), ...scopeFields(messages, part.scopes)],
  toCredentials(values) {
    const scopes = scopesFrom(values)
    return {
      scheme: 'oauth2/clientCredentials',
      clientId: valueAt(values, 'clientId'),
      clientSecret: valueAt(values, 'clientSecret'),
      ...(scopes ? { scopes } : {}),
    }
  },
}
