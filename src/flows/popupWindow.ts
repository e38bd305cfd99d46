// The browser surface the sign-in flow engine touches, as small interfaces: `window` satisfies
// them in the browser, and unit tests pass fakes.

/** A message event as the engine reads it. */
export interface PopupMessageEvent {
  data: unknown
  origin: string
  source: unknown
}

/** The sign-in window, as the engine uses it. */
export interface PopupTarget {
  /** True once the window is closed, by the person, the page or the kit. */
  readonly closed: boolean
  close(): void
  focus(): void
  /** Cross-origin windows still allow `location.replace`. */
  readonly location: { replace(url: string): void }
  postMessage(message: unknown, targetOrigin: string): void
}

/** The page hosting the kit. */
export interface PopupHost {
  open(url: string, target: string, features: string): PopupTarget | null
  addEventListener(type: 'message', listener: (event: PopupMessageEvent) => void): void
  addEventListener(type: 'pagehide', listener: () => void): void
  removeEventListener(type: 'message', listener: (event: PopupMessageEvent) => void): void
  removeEventListener(type: 'pagehide', listener: () => void): void
  readonly screenX: number
  readonly screenY: number
  readonly outerWidth: number
  readonly outerHeight: number
}

const WIDTH = 600
const HEIGHT = 720
let opened = 0

/**
 * Opens a sign-in window centred on the host page, or returns `null` when the browser blocks it.
 * Call it synchronously inside a click or submit handler (before any `await`). Each call names a
 * new window, so two flows, buttons or kits on one page never share one.
 */
export function openPopup(host: PopupHost, url = 'about:blank'): PopupTarget | null {
  // The current window, not window.top: a cross-origin parent's geometry is not readable.
  const left = Math.max(0, host.screenX + (host.outerWidth - WIDTH) / 2)
  const top = Math.max(0, host.screenY + (host.outerHeight - HEIGHT) / 2)
  const features = `popup=yes,width=${WIDTH},height=${HEIGHT},left=${Math.round(left)},top=${Math.round(top)}`
  opened += 1
  const name = `plugboard-signin-${opened}-${Math.random().toString(36).slice(2, 10)}`
  return host.open(url, name, features)
}
