import { ConnectError } from './ConnectError'
import type { ConnectMessages } from './messages'

/**
 * The sentence to show a person for an error, in the host's messages. Uses the platform's own
 * explanation when it sent one; never includes raw response bodies.
 */
export function describeError(error: unknown, messages: ConnectMessages, provider: string): string {
  if (!(error instanceof ConnectError)) return messages.genericError
  switch (error.kind) {
    case 'network':
      return messages.networkError
    case 'invalid_response':
      return messages.invalidResponse
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
      if (error.detail) return error.detail
      if (error.status === 401 || error.status === 403) return messages.unauthorized
      if (error.status === 429) return messages.rateLimited
      return error.status ? messages.unexpectedResponse(error.status) : messages.genericError
  }
}
