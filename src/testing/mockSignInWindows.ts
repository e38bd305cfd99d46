// The sign-in windows of a test: `window.open` replaced by fake windows that record where the kit
// sends them, so a test (or a mock platform's `completeOAuth`) can answer from "the provider's
// page" without any real popup, in a real browser or in jsdom (which has no `window.open`).

/** A sign-in window as {@link mockSignInWindows} fakes it: what the kit's flow engine uses, recorded. */
export interface FakeSignInWindow {
  /** The page it shows: where the kit opened it or last sent it. */
  readonly url: string
  /** True once the kit (or the test) closed it. */
  readonly closed: boolean
  /** Every message the kit posted to it (Versori's hello, say), oldest first. */
  readonly messages: readonly { message: unknown; targetOrigin: string }[]
  readonly location: { readonly href: string; replace(url: string): void }
  close(): void
  focus(): void
  postMessage(message: unknown, targetOrigin: string): void
}

/** The fake windows of one {@link mockSignInWindows} call. */
export interface SignInWindows {
  /** Every window the kit opened since, oldest first. */
  readonly windows: readonly FakeSignInWindow[]
  /** The newest window that is still open. */
  readonly current: FakeSignInWindow | undefined
  /** Makes `window.open` return `null` from now on, as a popup blocker does (`false` lets windows open again). */
  block(blocked?: boolean): void
  /** Puts the real `window.open` back. */
  restore(): void
}

interface Installed extends SignInWindows {
  windows: FakeSignInWindow[]
}

let installed: Installed | undefined

function fakeWindow(url: string): FakeSignInWindow {
  const state = { url, closed: false }
  const messages: { message: unknown; targetOrigin: string }[] = []
  return {
    get url() {
      return state.url
    },
    get closed() {
      return state.closed
    },
    messages,
    location: {
      get href() {
        return state.url
      },
      replace(next: string) {
        state.url = next
      },
    },
    close() {
      state.closed = true
    },
    focus() {},
    postMessage(message, targetOrigin) {
      if (!state.closed) messages.push({ message, targetOrigin })
    },
  }
}

/**
 * Replaces `window.open` with fake sign-in windows until `restore()`, so OAuth and multi-step
 * sign-ins run in tests without real popups; a mock platform's `completeOAuth` answers from the
 * window showing its page. Calling it again restores the previous fakes first.
 *
 * @example
 * const windows = mockSignInWindows()
 * afterEach(() => windows.restore())
 */
export function mockSignInWindows(options: { blocked?: boolean } = {}): SignInWindows {
  installed?.restore()
  const target = globalThis as unknown as Record<string, unknown>
  const original = Object.getOwnPropertyDescriptor(target, 'open')
  let blocked = options.blocked ?? false
  const windows: FakeSignInWindow[] = []
  const open = (url?: string | URL) => {
    if (blocked) return null
    const opened = fakeWindow(url === undefined || url === '' ? 'about:blank' : String(url))
    windows.push(opened)
    return opened
  }
  Object.defineProperty(target, 'open', { configurable: true, writable: true, value: open })
  const self: Installed = {
    windows,
    get current() {
      return windows.findLast((candidate) => !candidate.closed)
    },
    block(value = true) {
      blocked = value
    },
    restore() {
      if (installed !== self) return
      installed = undefined
      if (original) Object.defineProperty(target, 'open', original)
      else delete target.open
    },
  }
  installed = self
  return self
}

/** The fake windows now installed, if any (for the mock platforms' `completeOAuth`). */
export function installedSignInWindows(): SignInWindows | undefined {
  return installed
}
