import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, spyOn, userEvent, waitFor, within } from 'storybook/test'
import { ConnectButton } from '../src/index'
import { onlyBodyTo, requestsTo } from './requestsTo'
import { fakePlatform, KitDecorator, readyButton } from './support'

/**
 * The OAuth sign-in window, from the button: the fake consent page opens in a real popup and
 * answers as `autoAuthorize` says (`none` leaves it waiting; open the story and click Allow or Deny).
 */
const meta = {
  title: 'Components/ConnectButton/OAuth popup',
  component: ConnectButton,
  decorators: [KitDecorator],
  args: { provider: 'hubspot', onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof ConnectButton>
export default meta
type Story = StoryObj<typeof meta>

/** The popup answers after its page loads; give it more than the default second. */
const POPUP = { timeout: 10_000 }
const WAITING = 'Finish signing in to HubSpot in the window that opened.'

/** Spies on `window.open` (calling through), so a story can reach the window the kit opened. */
function watchPopups() {
  const open = spyOn(window, 'open')
  return {
    open,
    latest: () => open.mock.results.at(-1)?.value as Window | null | undefined,
  }
}

export const Succeeds: Story = {
  parameters: fakePlatform({ autoAuthorize: 'allow' }),
  play: async ({ canvas, args }) => {
    await userEvent.click(await readyButton(canvas, 'Connect HubSpot'))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'hubspot', status: 'working' })), POPUP)
    await expect(await canvas.findByRole('status')).toHaveTextContent('HubSpot is connected')
    await readyButton(canvas, 'Reconnect HubSpot')
    await expect(onlyBodyTo('POST', '/oauth-connect')).toMatchObject({
      projectIdOrName: 'proj-1',
      provider: 'hubspot',
      groupRef: 'group-1',
      consumerRef: 'consumer-1',
    })
  },
}

/** While the window is open: a way to raise it or give up; a second click opens no second window. */
export const Waiting: Story = {
  parameters: fakePlatform({ autoAuthorize: 'none' }),
  play: async ({ canvas }) => {
    const popups = watchPopups()
    await userEvent.click(await readyButton(canvas, 'Connect HubSpot'))
    await expect(await canvas.findByText(WAITING)).toBeVisible()
    const button = canvas.getByRole('button', { name: 'Connecting to HubSpot…' })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(button).toHaveAttribute('aria-busy', 'true')
    await expect(canvas.getByRole('button', { name: 'Show sign-in window' })).toBeVisible()
    await userEvent.click(button)
    await userEvent.click(canvas.getByRole('button', { name: 'Show sign-in window' }))
    await expect(popups.open).toHaveBeenCalledTimes(1)
    // The request reaches the fake platform (a service worker) a moment after the UI changes.
    await waitFor(() => expect(requestsTo('POST', '/oauth-connect')).toHaveLength(1))
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(requestsTo('POST', '/oauth-connect')).toHaveLength(1)
  },
}

/** The person gives up from the page: the window closes and the button is ready again. */
export const CancelledFromPage: Story = {
  parameters: fakePlatform({ autoAuthorize: 'none' }),
  play: async ({ canvas, args }) => {
    const popups = watchPopups()
    await userEvent.click(await readyButton(canvas, 'Connect HubSpot'))
    await canvas.findByText(WAITING)
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }))
    await expect(await canvas.findByText('The sign-in window was closed before the connection finished.')).toBeVisible()
    await expect(args.onCancel).toHaveBeenCalledTimes(1)
    await expect(popups.latest()?.closed).toBe(true)
    await readyButton(canvas, 'Connect HubSpot')
  },
}

/** The person closes the sign-in window themselves. */
export const ClosedByUser: Story = {
  parameters: fakePlatform({ autoAuthorize: 'none' }),
  play: async ({ canvas, args }) => {
    const popups = watchPopups()
    await userEvent.click(await readyButton(canvas, 'Connect HubSpot'))
    await canvas.findByText(WAITING)
    popups.latest()?.close()
    await expect(await canvas.findByText('The sign-in window was closed before the connection finished.', {}, POPUP)).toBeVisible()
    await expect(args.onCancel).toHaveBeenCalledTimes(1)
    await expect(args.onSuccess).not.toHaveBeenCalled()
    await readyButton(canvas, 'Connect HubSpot')
  },
}

export const Denied: Story = {
  parameters: fakePlatform({ autoAuthorize: 'deny' }),
  play: async ({ canvas, args }) => {
    await userEvent.click(await readyButton(canvas, 'Connect HubSpot'))
    const alert = await canvas.findByRole('alert', {}, POPUP)
    await expect(alert).toHaveTextContent('HubSpot did not authorize the connection: The user denied access.')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'authorization_failed' }))
    await expect(args.onSuccess).not.toHaveBeenCalled()
    await readyButton(canvas, 'Connect HubSpot')
  },
}

/** The browser refuses to open the window: the page explains and offers a button that opens it. */
export const Blocked: Story = {
  parameters: fakePlatform({ autoAuthorize: 'none' }),
  play: async ({ canvas, args }) => {
    spyOn(window, 'open').mockReturnValue(null)
    await userEvent.click(await readyButton(canvas, 'Connect HubSpot'))
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Your browser blocked the HubSpot sign-in window.')
    await expect(within(alert).getByRole('button', { name: 'Open sign-in window' })).toBeVisible()
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'popup_blocked' }))
  },
}

/** After a block, "Open sign-in window" (a fresh click) opens it, and sign-in completes. */
export const BlockedThenOpened: Story = {
  parameters: fakePlatform({ autoAuthorize: 'allow' }),
  play: async ({ canvas, args }) => {
    const open = spyOn(window, 'open').mockReturnValue(null)
    await userEvent.click(await readyButton(canvas, 'Connect HubSpot'))
    const alert = await canvas.findByRole('alert')
    // Nothing goes to the platform while the window is blocked.
    await new Promise((resolve) => setTimeout(resolve, 200))
    await expect(requestsTo('POST', '/oauth-connect')).toHaveLength(0)
    open.mockRestore()
    await userEvent.click(within(alert).getByRole('button', { name: 'Open sign-in window' }))
    await waitFor(() => expect(requestsTo('POST', '/oauth-connect')).toHaveLength(1))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1), POPUP)
    await expect(await canvas.findByText('HubSpot is connected')).toBeVisible()
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** Nobody finishes signing in within `popupTimeoutMs`: the window closes and the page says why. */
export const TimesOut: Story = {
  args: { popupTimeoutMs: 800 },
  parameters: fakePlatform({ autoAuthorize: 'none' }),
  play: async ({ canvas, args }) => {
    const popups = watchPopups()
    await userEvent.click(await readyButton(canvas, 'Connect HubSpot'))
    const alert = await canvas.findByRole('alert', {}, POPUP)
    await expect(alert).toHaveTextContent('The sign-in took too long and was stopped. Please try again.')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'timeout' }))
    await waitFor(() => expect(popups.latest()?.closed).toBe(true))
  },
}

/**
 * In the sign-in's last minute (here the last half of a short `popupTimeoutMs`) the person is told,
 * and Keep waiting gives them the whole time again. The story stops on the warning.
 */
export const TimeoutWarning: Story = {
  args: { popupTimeoutMs: 3000 },
  parameters: fakePlatform({ autoAuthorize: 'none' }),
  play: async ({ canvas, args }) => {
    await userEvent.click(await readyButton(canvas, 'Connect HubSpot'))
    const warning = await canvas.findByText('Still signing in to HubSpot? This sign-in stops in a few seconds.', {}, POPUP)
    await expect(warning).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Keep waiting' }))
    await expect(canvas.queryByText(/This sign-in stops/)).toBeNull()
    await expect(args.onError).not.toHaveBeenCalled()
    // Shown again before the new end, and left on screen for the snapshot.
    await canvas.findByText('Still signing in to HubSpot? This sign-in stops in a few seconds.', {}, POPUP)
    await expect(canvas.getByText(WAITING)).toBeVisible()
  },
}

/** The platform refuses to start sign-in: its reason is shown and the blank window closes. */
export const StartFails: Story = {
  parameters: fakePlatform({
    faults: { oauthConnect: { status: 409, problem: { title: 'Conflict', detail: 'HubSpot is not set up for this project yet.' } } },
  }),
  play: async ({ canvas }) => {
    const popups = watchPopups()
    await userEvent.click(await readyButton(canvas, 'Connect HubSpot'))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('HubSpot is not set up for this project yet.')
    await waitFor(() => expect(popups.latest()?.closed).toBe(true))
    await readyButton(canvas, 'Connect HubSpot')
  },
}

/** Reconnecting a connection whose credentials stopped working re-authorizes that same connection. */
export const ReconnectBadCredentials: Story = {
  parameters: fakePlatform({ autoAuthorize: 'allow', seed: [{ provider: 'hubspot', status: 'bad_credentials' }] }),
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('HubSpot: Credentials need attention')
    await userEvent.click(await readyButton(canvas, 'Reconnect HubSpot'))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ status: 'working' })), POPUP)
    await expect(await canvas.findByText('HubSpot is connected')).toBeVisible()
    await expect(requestsTo('PATCH', ':oauth-update')).toHaveLength(1)
    await expect(requestsTo('POST', '/oauth-connect')).toHaveLength(0)
  },
}
