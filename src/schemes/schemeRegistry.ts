import type { CredentialPart, SchemeId } from '../model/ProviderSpec'
import type { SchemeDescriptor } from './SchemeDescriptor'
import { apiKeyScheme } from './apiKey'
import { basicScheme } from './basic'
import { certificateScheme } from './certificate'
import { customScheme } from './custom'
import { hmacScheme } from './hmac'
import { jwtBearerScheme } from './jwtBearer'
import { noneScheme } from './none'
import { oauth1TokenScheme } from './oauth1Token'
import { oauth2AuthorizationCodeScheme } from './oauth2AuthorizationCode'
import { oauth2ClientCredentialsScheme } from './oauth2ClientCredentials'
import { oauth2PasswordScheme } from './oauth2Password'
import { secretScheme } from './secret'

/** Every credential scheme the kit renders, by id. */
export const schemeRegistry = {
  none: noneScheme,
  apiKey: apiKeyScheme,
  basic: basicScheme,
  'oauth2/authorizationCode': oauth2AuthorizationCodeScheme,
  'oauth2/clientCredentials': oauth2ClientCredentialsScheme,
  'oauth2/password': oauth2PasswordScheme,
  custom: customScheme,
  secret: secretScheme,
  hmac: hmacScheme,
  jwtBearer: jwtBearerScheme,
  certificate: certificateScheme,
  'oauth1/token': oauth1TokenScheme,
} satisfies { [S in SchemeId]: SchemeDescriptor<S> }

/** The descriptor of a part's scheme. */
export function descriptorFor<P extends CredentialPart>(part: P): SchemeDescriptor<P['scheme']> {
  return schemeRegistry[part.scheme] as SchemeDescriptor as SchemeDescriptor<P['scheme']>
}
