import { QueryClient } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { ampersand, ConnectButton, ConnectProvider } from '../../src/index'
import type { ConnectBackend } from '../../src/index'
import { FAKE_API_KEY, FAKE_BASE_URL, FAKE_PROJECT } from '../fakePlatform'
import { platform } from '../platform'
import { readyButton, spyOnPopups } from '../popups'
import { renderWithKit } from '../renderWithKit'

// The sign-in flow engine's guarantees, in Chromium, through the public components and the fake
// platform (Ampersand's API over MSW, with a same-origin stand-in authorize page).

const oauthConnects = () => platform.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/oauth-connect'))
const connectionReads = () => platform.requests.filter((r) => r.method === 'GET' && /\/connections\/[^/]+$/.test(r.path))
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The `state` the platform put in a window's authorize URL, once the window got there. */
async function stateOf(popup: Window | null): Promise<string> {
  await waitFor(() => expect(popup?.location.href).toContain('state='))
  return new URL(popup!.location.href).searchParams.get('state')!
}

/** A message as the browser would deliver it from `source` at `origin`. */
function post(data: unknown, source: Window | null, origin = location.origin) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }))
}

/**
 * Renders a HubSpot button (on the fake platform, or `backend`), clicks it, and returns its window
 * once it shows the stand-in authorize page, with that page's `state` and the button's callbacks.
 */
async function signInToHubSpot(options: { backend?: ConnectBackend } = {}) {
  platform.configure({ autoAuthorize: 'none' })
  const popups = spyOnPopups()
  const callbacks = { onSuccess: vi.fn(), onError: vi.fn(), onCancel: vi.fn() }
  renderWithKit(<ConnectButton provider="hubspot" {...callbacks} />, options)
  await userEvent.click(await readyButton('Connect HubSpot'))
  const popup = popups.windows[0]!
  return { ...callbacks, popups, popup, state: await stateOf(popup) }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('sign-in flow engine in the browser', () => {
  test('every flow has its own window: two buttons open two, and each takes only its own answer', async () => {
    platform.configure({ autoAuthorize: 'none' })
    const popups = spyOnPopups()
    const hubspot = vi.fn()
    const asana = vi.fn()
    renderWithKit(
      <>
        <ConnectButton provider="hubspot" onSuccess={hubspot} />
        <ConnectButton provider="asana" onSuccess={asana} />
      </>,
    )
    await userEvent.click(await readyButton('Connect HubSpot'))
    await userEvent.click(await readyButton('Connect Asana'))
    const [first, second] = popups.windows
    expect(first).not.toBe(second)
    expect(first!.name).not.toBe(second!.name)
    // Asana's window answers for Asana's sign-in; HubSpot's flow ignores it.
    post(platform.authorize(await stateOf(second!), true), second!)
    await waitFor(() => expect(asana).toHaveBeenCalledTimes(1))
    expect(asana.mock.calls[0]![0]).toMatchObject({ provider: 'asana' })
    expect(hubspot).not.toHaveBeenCalled()
    expect(first!.closed).toBe(false)
    first!.close()
  })

  test('two kits on one page never share a window', async () => {
    platform.configure({ autoAuthorize: 'none' })
    const popups = spyOnPopups()
    const kit = (label: string) => (
      <section aria-label={label}>
        <ConnectProvider
          backend={ampersand({ project: FAKE_PROJECT, apiKey: FAKE_API_KEY, baseUrl: FAKE_BASE_URL })}
          groupRef="group-1"
          consumerRef="consumer-1"
          queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
        >
          <ConnectButton provider="hubspot" />
        </ConnectProvider>
      </section>
    )
    render(
      <>
        {kit('Kit A')}
        {kit('Kit B')}
      </>,
    )
    for (const name of ['Kit A', 'Kit B']) {
      const button = await within(screen.getByRole('region', { name })).findByRole('button', { name: 'Connect HubSpot' })
      await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('false'))
      // A locator scoped to the kit: the two buttons are alike, so one made from the element alone
      // could match either.
      await page.getByRole('region', { name }).getByRole('button', { name: 'Connect HubSpot' }).click()
    }
    expect(popups.windows).toHaveLength(2)
    expect(popups.windows[0]).not.toBe(popups.windows[1])
    expect(popups.windows.every((popup) => popup && !popup.closed)).toBe(true)
    for (const popup of popups.windows) popup?.close()
  })

  test('an answer counts once: a second success message loads nothing more', async () => {
    const { popup, state, onSuccess } = await signInToHubSpot()
    const result = platform.authorize(state, true)
    post(result, popup)
    post(result, popup)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    await pause(300)
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(connectionReads()).toHaveLength(1)
  })

  test("answers from any origin but the platform's are ignored, even from the flow's own window", async () => {
    // The platform's callback page lives elsewhere: the stand-in page's own origin is not it.
    const backend = ampersand({ project: FAKE_PROJECT, apiKey: FAKE_API_KEY, baseUrl: FAKE_BASE_URL, callbackOrigin: 'https://callback.platform.test' })
    const { popup, state, onSuccess } = await signInToHubSpot({ backend })
    const result = platform.authorize(state, true)
    post(result, popup)
    await pause(300)
    expect(onSuccess).not.toHaveBeenCalled()
    post(result, popup, 'https://callback.platform.test')
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    popup.close()
  })

  test('a message from a cancelled flow never completes a later one, even while its window stays open and keeps posting', async () => {
    const { popups, popup: old, state: oldState, onSuccess } = await signInToHubSpot()
    // A window the kit cannot close (its page ignores close()) stays open after Cancel.
    const closeForReal = old.close.bind(old)
    old.close = () => undefined
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(await screen.findByText('The sign-in window was closed before the connection finished.')).toBeTruthy()
    await userEvent.click(await readyButton('Connect HubSpot'))
    const fresh = popups.windows[1]!
    await stateOf(fresh)
    const stale = platform.authorize(oldState, true)
    for (let i = 0; i < 3; i++) post(stale, old)
    await pause(400)
    expect(onSuccess).not.toHaveBeenCalled()
    expect(screen.getByText('Finish signing in to HubSpot in the window that opened.')).toBeTruthy()
    expect(old.closed).toBe(false)
    closeForReal()
    fresh.close()
  })

  test('leaving or reloading the page closes the sign-in window', async () => {
    const { popup } = await signInToHubSpot()
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }))
    expect(popup.closed).toBe(true)
    await readyButton('Connect HubSpot')
  })

  test('a window that closed without a word after the provider cut the link to the opener is a success when the platform made the connection', async () => {
    const { popup, state, onSuccess, onCancel } = await signInToHubSpot()
    // The provider and platform finish the sign-in, but Cross-Origin-Opener-Policy cut the page off
    // from its opener: no message arrives, the window just closes.
    platform.authorize(state, true)
    popup.close()
    expect(await screen.findByText('HubSpot is connected', {}, { timeout: 5000 })).toBeTruthy()
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ provider: 'hubspot' })
    expect(onCancel).not.toHaveBeenCalled()
  })

  test('a success message without a usable connection id is confirmed with the platform', async () => {
    const { popup, state, onSuccess } = await signInToHubSpot()
    platform.authorize(state, true)
    post({ eventType: 'AUTHORIZATION_SUCCEEDED', data: { connection: { id: 42 } } }, popup)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ provider: 'hubspot', id: platform.connections[0]!.id })
  })

  test('a success message without an id, and nothing new on the platform, fails clearly instead of guessing', async () => {
    platform.seedConnections([{ provider: 'hubspot', status: 'working', consumerRef: 'someone-else' }])
    const { popup, onSuccess, onError } = await signInToHubSpot()
    post({ eventType: 'AUTHORIZATION_SUCCEEDED', data: {} }, popup)
    expect(await screen.findByText(/reported success, but no new or updated connection appeared/)).toBeTruthy()
    expect(onSuccess).not.toHaveBeenCalled()
    expect(onError.mock.calls[0]![0]).toMatchObject({ kind: 'unconfirmed' })
    await readyButton('Connect HubSpot')
  })
})
