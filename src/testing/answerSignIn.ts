import * as React from 'react'
import type { FakeSignInWindow } from './mockSignInWindows'
import { installedSignInWindows } from './mockSignInWindows'

// How a mock platform answers a sign-in the way its callback page would: a `message` event on the
// page, from the fake window showing the platform's page and from the platform's origin. The flow
// engine accepts nothing else.

/** How long `completeOAuth` waits for the kit to reach the page it completes. */
export const ANSWER_TIMEOUT_MS = 3000

/** Polls `find` until it returns something, or throws `describe()` after {@link ANSWER_TIMEOUT_MS}. */
export async function waitUntil<T>(find: () => T | undefined, describe: () => string): Promise<T> {
  const deadline = Date.now() + ANSWER_TIMEOUT_MS
  for (;;) {
    const found = find()
    if (found !== undefined) return found
    if (Date.now() > deadline) throw new Error(`Plugboard testing: ${describe()}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

type Act = (callback: () => Promise<void>) => Promise<void>

/** Runs `send` inside React's `act` when the test runs in an act environment (Testing Library sets one), so React applies the updates before the test goes on. */
async function inAct(send: () => void): Promise<void> {
  const act = (React as unknown as { act?: Act }).act
  if (typeof act === 'function' && (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT) {
    // A macrotask inside act, so what the answer sets off in promises (loading the connection) lands in it too.
    await act(async () => {
      send()
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
  } else {
    send()
  }
}

/**
 * Posts `data` to the page from the fake sign-in window whose page `isPage` recognises, as if from
 * `origin`; waits until the kit has sent a window there. Returns that window.
 */
export async function answerSignIn(isPage: (url: URL) => boolean, origin: string, data: unknown): Promise<FakeSignInWindow> {
  const windows = installedSignInWindows()
  if (!windows) {
    throw new Error('Plugboard testing: completeOAuth needs the fake sign-in windows. Call mockSignInWindows() before the click that opens one.')
  }
  const showing = (candidate: FakeSignInWindow) => {
    try {
      return !candidate.closed && isPage(new URL(candidate.url))
    } catch {
      return false
    }
  }
  const target = await waitUntil(
    () => windows.windows.findLast(showing),
    () => `no open sign-in window shows the page to complete (open: ${windows.windows.filter((w) => !w.closed).map((w) => w.url).join(', ') || 'none'}).`,
  )
  const event = new MessageEvent('message', { data, origin })
  // A real MessageEvent only takes a real window as its source; the engine compares it with the window it opened.
  Object.defineProperty(event, 'source', { value: target })
  await inAct(() => void window.dispatchEvent(event))
  return target
}
