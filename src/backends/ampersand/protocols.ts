import type { PopupProtocol, SignInStep } from '../../model/ConnectBackend'

// How Ampersand's sign-in pages talk to the opener. The flow engine hands these only messages from
// the flow's own window and the platform's origin; they still read every field as untrusted.

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object'

/** The connection id in a success message: `data.connection` as the id itself (Ampersand's own React library) or as `{ id }`. */
function connectionIdFrom(data: unknown): string | undefined {
  if (!isRecord(data)) return undefined
  const connection = data.connection
  const id = isRecord(connection) ? connection.id : (connection ?? data.connectionId)
  return typeof id === 'string' && id.trim() !== '' ? id : undefined
}

/** The platform's reason for a failure, as plain text of bounded length. */
function failureReason(data: unknown): string | undefined {
  if (!isRecord(data)) return undefined
  const reason = [data.message, data.error_description, data.error].find((value) => typeof value === 'string' && value.trim() !== '')
  return typeof reason === 'string' ? reason.trim().slice(0, 200) : undefined
}

/**
 * Ampersand's OAuth callback page posts `{ eventType: 'AUTHORIZATION_SUCCEEDED' | 'AUTHORIZATION_FAILED', data }`.
 * When re-authorizing a known connection, a success without an id is that connection.
 */
export function oauthResultProtocol(origin: string, reauthorizedId?: string): PopupProtocol {
  return {
    origin,
    read(data) {
      if (!isRecord(data)) return undefined
      if (data.eventType === 'AUTHORIZATION_SUCCEEDED') return { kind: 'authorized', connectionId: connectionIdFrom(data.data) ?? reauthorizedId }
      if (data.eventType === 'AUTHORIZATION_FAILED') return { kind: 'refused', reason: failureReason(data.data) }
      return undefined
    },
  }
}

/**
 * A multi-step custom sign-in's callback page posts `{ source: 'ampersand-custom-auth', params }`:
 * the provider's parameters, which `resume` hands back to the platform as they are.
 */
export function customAuthProtocol(
  origin: string,
  resume: (params: Record<string, string>, signal?: AbortSignal) => Promise<SignInStep>,
): PopupProtocol {
  return {
    origin,
    read(data) {
      if (!isRecord(data) || data.source !== 'ampersand-custom-auth' || !isRecord(data.params)) return undefined
      const entries = Object.entries(data.params)
      if (!entries.every(([, value]) => typeof value === 'string')) return undefined
      const params = Object.fromEntries(entries) as Record<string, string>
      return { kind: 'continue', next: (signal) => resume(params, signal) }
    },
  }
}
