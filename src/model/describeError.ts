import { ConnectError, REDIRECT_REFUSED } from './ConnectError'
import type { CoreMessages } from './messages'
import type { ProviderSpec } from './ProviderSpec'

/** The kit's sentence for a failed response whose body explained nothing. */
export function statusMessage(status: number, messages: Pick<CoreMessages, 'unauthorized' | 'rateLimited' | 'unexpectedResponse'>): string {
  if (status === 401 || status === 403) return messages.unauthorized
  if (status === 429) return messages.rateLimited
  return messages.unexpectedResponse(status)
}

/**
 * Why a provider offers nothing the kit can show: the platform's method that cannot run embedded
 * (named, e.g. Versori's browser OAuth 1), else a sign-in method the kit does not know.
 */
export function describeUnsupported(spec: ProviderSpec | undefined, messages: CoreMessages, provider: string): string {
  const unavailable = spec?.unavailableMethods?.[0]
  if (!unavailable) return messages.unsupportedScheme(provider)
  return messages.notEmbeddable(provider, messages.scheme[unavailable.scheme] ?? unavailable.label ?? unavailable.scheme)
}

/**
 * The sentence to show a person for an error, in the host's messages. Uses the platform's own
 * explanation when it sent one; never includes raw response bodies.
 */
export function describeError(error: unknown, messages: CoreMessages, provider: string): string {
  if (!(error instanceof ConnectError)) return messages.genericError
  switch (error.kind) {
    case 'network':
      return messages.networkError
    case 'request_timeout':
      return messages.requestTimedOut
    case 'invalid_response':
      // The kit's own reason when it refused what the platform sent (an unsafe sign-in page).
      return error.detail ?? messages.invalidResponse
    case 'popup_blocked':
      return messages.popupBlocked(provider)
    case 'popup_closed':
      return messages.popupClosed
    case 'timeout':
      return messages.popupTimeout
    case 'authorization_failed':
      return messages.authorizationFailed(provider, error.detail)
    case 'unconfirmed':
      return messages.signInUnconfirmed(provider)
    case 'http':
      if (error.code === REDIRECT_REFUSED) return messages.redirectRefused
      // The platform's words, bounded: a runaway message must not fill the page.
      if (error.detail) return error.detail.length > 500 ? `${error.detail.slice(0, 499)}…` : error.detail
      return error.status ? statusMessage(error.status, messages) : messages.genericError
  }
}
