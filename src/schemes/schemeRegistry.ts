import type { SchemeDescriptor, SchemeId } from './SchemeDescriptor'
import { apiKeyScheme } from './apiKey'
import { basicScheme } from './basic'
import { customMultiStepScheme, customScheme } from './custom'
import { noneScheme } from './none'
import { oauth2AuthorizationCodePkceScheme, oauth2AuthorizationCodeScheme } from './oauth2AuthorizationCode'
import { oauth2ClientCredentialsScheme } from './oauth2ClientCredentials'
import { oauth2PasswordScheme } from './oauth2Password'
import type { ProviderInfo } from '../providerInfo'

/** Every scheme the kit renders, by id. */
export const schemeRegistry = {
  none: noneScheme,
  apiKey: apiKeyScheme,
  basic: basicScheme,
  'oauth2/authorizationCode': oauth2AuthorizationCodeScheme,
  'oauth2/authorizationCodePKCE': oauth2AuthorizationCodePkceScheme,
  'oauth2/clientCredentials': oauth2ClientCredentialsScheme,
  'oauth2/password': oauth2PasswordScheme,
  custom: customScheme,
  'custom/multiStep': customMultiStepScheme,
} satisfies { [Id in SchemeId]: SchemeDescriptor<Id> }

function assertNever(value: never): never {
  throw new Error(`Plugboard: unhandled value ${String(value)}`)
}

/**
 * Picks the scheme for a provider from its catalog entry: `authType`, then `oauth2Opts.grantType`.
 * Returns `undefined` for a method the kit cannot render (`jwt`, or OAuth without options).
 */
export function schemeIdFor(provider: ProviderInfo): SchemeId | undefined {
  switch (provider.authType) {
    case 'none':
    case 'apiKey':
    case 'basic':
      return provider.authType
    case 'custom':
      return provider.customOpts?.multiStep ? 'custom/multiStep' : 'custom'
    case 'jwt':
      return undefined
    case 'oauth2': {
      const grant = provider.oauth2Opts?.grantType
      if (grant === undefined) return undefined
      switch (grant) {
        case 'authorizationCode':
          return 'oauth2/authorizationCode'
        case 'authorizationCodePKCE':
          return 'oauth2/authorizationCodePKCE'
        case 'clientCredentials':
          return 'oauth2/clientCredentials'
        case 'password':
          return 'oauth2/password'
        default:
          return assertNever(grant)
      }
    }
    default:
      return assertNever(provider.authType)
  }
}
