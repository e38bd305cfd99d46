import type { PopupProtocol, SignInStep } from '../../model/ConnectBackend'

// Versori's hosted OAuth callback page does not post on its own: the opener says hello (with the
// flow's `state`) every half second, and the page answers `{type: 'response', payload: {search}}`,
// its own query string. The flow engine only hands over messages from the flow's window and the
// page's origin; the answer must also carry the flow's `state`.

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object'

/** How often the hello is repeated while the window is open. */
export const HELLO_INTERVAL_MS = 500

/** Provider text, plain and short. */
const reason = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200) || undefined

/**
 * The hello/response protocol of Versori's hosted callback page at `origin`. A `code` continues
 * with `finish` (which saves the connection); `error` / `error_description` refuse. Answers with
 * another `state`, or without a query string, are ignored.
 */
export function helloResponseProtocol(
  origin: string,
  state: string,
  finish: (callback: URLSearchParams, signal?: AbortSignal) => Promise<SignInStep>,
): PopupProtocol {
  return {
    origin,
    attach(post) {
      const hello = () => post({ type: 'hello', payload: { state } })
      hello()
      const timer = setInterval(hello, HELLO_INTERVAL_MS)
      return () => clearInterval(timer)
    },
    read(data) {
      if (!isRecord(data) || data.type !== 'response' || !isRecord(data.payload)) return undefined
      const search = data.payload.search
      if (typeof search !== 'string' || search.length > 16_384) return undefined
      const callback = new URLSearchParams(search)
      if (callback.get('state') !== state) return undefined
      const error = callback.get('error')
      if (error !== null) return { kind: 'refused', reason: reason(callback.get('error_description') || error) }
      const code = callback.get('code')
      if (!code) return { kind: 'refused' }
      return { kind: 'continue', next: (signal) => finish(callback, signal) }
    },
  }
}
