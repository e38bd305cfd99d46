/** The result message the platform's OAuth callback page posts to its opener. */
export interface OAuthResultMessage {
  /** Whether the provider authorized the connection. */
  eventType: 'AUTHORIZATION_SUCCEEDED' | 'AUTHORIZATION_FAILED'
  /** Event details: the connection on success, a reason on failure. */
  data?: unknown
}

/**
 * What a multi-step custom sign-in's callback page posts to its opener: the parameters the provider
 * sent back, to be forwarded to the platform as they are.
 */
export interface CustomAuthCallbackMessage {
  /** Marks the message as a custom sign-in callback. */
  source: 'ampersand-custom-auth'
  /** The provider's query or body parameters. */
  params: Record<string, string>
}

/** Any message a sign-in window may post: a final OAuth result, or a step of a custom sign-in. */
export type PopupMessage = OAuthResultMessage | CustomAuthCallbackMessage

/** Handlers and limits of one popup. */
export interface OAuthPopupOptions {
  /** Only messages from this origin are accepted. */
  callbackOrigin: string
  /** Give up after this long. */
  timeoutMs: number
  /** The callback page reported a result or a step. */
  onResult(message: PopupMessage): void
  /** The person closed the window first. */
  onClosed(): void
  /** Nothing happened within `timeoutMs`. */
  onTimeout(): void
}

/** A sign-in window and the listeners watching it. */
export interface OAuthPopup {
  /** True when the browser refused to open the window. */
  readonly blocked: boolean
  /** Sends the window to the provider's authorize URL. */
  navigate(url: string): void
  /** Brings the window to the front. */
  focus(): void
  /** True while the window is open and watched (not blocked, closed or finished). */
  isOpen(): boolean
  /** Stops listening; closes the window too unless `keepWindow`. Safe to call twice. */
  destroy(keepWindow?: boolean): void
}

const WIDTH = 600
const HEIGHT = 720
const CLOSED_POLL_MS = 400
const CLOSED_GRACE_MS = 600

function isPopupMessage(data: unknown): data is PopupMessage {
  if (data === null || typeof data !== 'object') return false
  const record = data as { eventType?: unknown; source?: unknown; params?: unknown }
  if (record.eventType === 'AUTHORIZATION_SUCCEEDED' || record.eventType === 'AUTHORIZATION_FAILED') return true
  return (
    record.source === 'ampersand-custom-auth' &&
    record.params !== null &&
    typeof record.params === 'object' &&
    Object.values(record.params).every((value) => typeof value === 'string')
  )
}

/**
 * Opens the OAuth sign-in window. Call it synchronously inside a click or submit handler (before
 * any `await`), or browsers block it. Accepts a result only from `callbackOrigin` and only from
 * this window; every listener and timer goes away on the first outcome or on `destroy()`.
 */
export function openOAuthPopup(options: OAuthPopupOptions, url = 'about:blank'): OAuthPopup {
  // The current window, not window.top: a cross-origin parent's geometry is not readable.
  const left = Math.max(0, window.screenX + (window.outerWidth - WIDTH) / 2)
  const topPx = Math.max(0, window.screenY + (window.outerHeight - HEIGHT) / 2)
  const features = `popup=yes,width=${WIDTH},height=${HEIGHT},left=${Math.round(left)},top=${Math.round(topPx)}`
  const win = window.open(url, 'plugboard-oauth', features)
  if (!win) {
    return { blocked: true, navigate() {}, focus() {}, isOpen: () => false, destroy() {} }
  }

  let done = false
  const onMessage = (event: MessageEvent) => {
    if (event.origin !== options.callbackOrigin || event.source !== win || !isPopupMessage(event.data)) return
    finish()
    options.onResult(event.data)
  }
  let closedTimer: number | undefined
  const poll = window.setInterval(() => {
    if (!win.closed || closedTimer !== undefined) return
    // A callback page posts its result and closes itself at once; the message task can run after
    // this poll sees the window closed. Wait a moment for it before calling this a cancel.
    closedTimer = window.setTimeout(() => {
      if (done) return
      finish()
      options.onClosed()
    }, CLOSED_GRACE_MS)
  }, CLOSED_POLL_MS)
  const timer = window.setTimeout(() => {
    finish(true)
    options.onTimeout()
  }, options.timeoutMs)
  window.addEventListener('message', onMessage)

  function finish(closeWindow = false) {
    if (done) return
    done = true
    window.removeEventListener('message', onMessage)
    window.clearInterval(poll)
    window.clearTimeout(timer)
    window.clearTimeout(closedTimer)
    if (closeWindow && !win!.closed) win!.close()
  }

  return {
    blocked: false,
    navigate(target) {
      if (!done && !win.closed) win.location.replace(target)
    },
    focus() {
      if (!win.closed) win.focus()
    },
    isOpen: () => !done && !win.closed,
    destroy(keepWindow = false) {
      finish(!keepWindow)
    },
  }
}
