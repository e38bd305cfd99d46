import type { SchemeDescriptor } from './SchemeDescriptor'

/** OAuth 2 authorization code: the provider's own sign-in page in a popup; no credential fields. */
export const oauth2AuthorizationCodeScheme: SchemeDescriptor<'oauth2/authorizationCode'> = {
  id: 'oauth2/authorizationCode',
  flow: 'popup',
  fields: () => [],
  toCredentials: () => undefined,
}

/** OAuth 2 authorization code with PKCE: the same popup flow; the platform holds the verifier. */
export const oauth2AuthorizationCodePkceScheme: SchemeDescriptor<'oauth2/authorizationCodePKCE'> = {
  ...oauth2AuthorizationCodeScheme,
  id: 'oauth2/authorizationCodePKCE',
}
