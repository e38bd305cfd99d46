import type { SchemeDescriptor } from './SchemeDescriptor'
import { scopeFields, scopesFrom } from './fields'

/**
 * OAuth 2 authorization code (with or without PKCE): the provider's own sign-in page in a window.
 * The person types nothing here, but may choose scopes when the platform lists them.
 */
export const oauth2AuthorizationCodeScheme: SchemeDescriptor<'oauth2/authorizationCode'> = {
  scheme: 'oauth2/authorizationCode',
  fields: (part, messages) => scopeFields(messages, part.scopes),
  toCredentials(values) {
    const scopes = scopesFrom(values)
    return { scheme: 'oauth2/authorizationCode', ...(scopes ? { scopes } : {}) }
  },
}
