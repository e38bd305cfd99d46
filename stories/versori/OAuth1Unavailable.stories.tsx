import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, spyOn, userEvent, within } from 'storybook/test'
import { AuthSchemeForm, ConnectButton, ConnectionList } from '../../src/index'
import { FAKE_VERSORI } from '../../test/fakeVersori'
import { createRequests, fakeVersoriParameters, providerOf, versoriRequests, withFakeVersori } from './withFakeVersori'

const TEMPLATE = 'Legacy OAuth 1'
const UNAVAILABLE = `${TEMPLATE} can only be connected with “Classic account sign-in”, which is not available here. Ask your administrator to connect ${TEMPLATE} for you.`

/**
 * Versori `oauth1` without `tokenAuth` (template "Legacy OAuth 1"): a 3-legged browser flow that
 * Versori's API cannot start, so the kit names the method and says it is not available here,
 * instead of a form or a sign-in window. Over the fake Versori platform.
 */
const meta = {
  title: 'Versori/OAuth1Unavailable',
  component: AuthSchemeForm,
  ...withFakeVersori,
  args: { provider: providerOf(TEMPLATE), onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

/** No requests that would connect anything: no CreateConnection, no InitialiseOAuth2Connection. */
const connectAttempts = (loaded: Record<string, unknown>) => [...createRequests(loaded), ...versoriRequests(loaded, 'POST', /\/oauth2\/initialise$/)]

/** While the template loads, the form is only a busy status. */
export const Loading: Story = {
  parameters: fakeVersoriParameters({ faults: { listTemplates: { delayMs: 60_000 } } }),
  play: async ({ canvas }) => {
    const status = await canvas.findByRole('status')
    await expect(status).toHaveTextContent('Loading…')
    await expect(status).toHaveAttribute('aria-busy', 'true')
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** The form names the method and why it cannot run here; there is nothing to fill in or submit. */
export const Unavailable: Story = {
  play: async ({ canvas, canvasElement, loaded }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent(UNAVAILABLE)
    await expect(canvasElement.querySelector('form')).toBeNull()
    await expect(canvas.queryByRole('textbox')).toBeNull()
    await expect(canvas.queryByRole('button')).toBeNull()
    await expect(connectAttempts(loaded)).toHaveLength(0)
  },
}

/** The button says the same, stays aria-disabled, and a click opens neither a dialog nor a window. */
export const FromConnectButton: Story = {
  render: (args) => <ConnectButton provider={args.provider} onSuccess={args.onSuccess} onError={args.onError} />,
  play: async ({ canvas, args, loaded }) => {
    const open = spyOn(window, 'open')
    await expect(await canvas.findByRole('alert')).toHaveTextContent(UNAVAILABLE)
    const button = canvas.getByRole('button', { name: `Connect ${TEMPLATE}` })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await userEvent.click(button)
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(canvas.queryByRole('dialog')).toBeNull()
    await expect(open).not.toHaveBeenCalled()
    await expect(args.onSuccess).not.toHaveBeenCalled()
    await expect(connectAttempts(loaded)).toHaveLength(0)
  },
}

/**
 * An existing Legacy OAuth 1 connection (made by an administrator) is still listed, with its
 * method in words; its Reconnect cannot run and says why.
 */
export const ExistingConnection: Story = {
  parameters: fakeVersoriParameters({ seed: [{ template: TEMPLATE, externalId: FAKE_VERSORI.externalId, name: 'Legacy (set up by IT)', errors: [] }] }),
  render: () => <ConnectionList />,
  play: async ({ canvas, loaded }) => {
    const header = await canvas.findByRole('rowheader', { name: /^Legacy OAuth 1/ })
    const row = header.closest('tr') as HTMLElement
    await expect(header).toHaveTextContent('Legacy (set up by IT)')
    await expect(within(row).getAllByRole('cell').slice(0, 2).map((cell) => cell.textContent)).toEqual(['Working', 'Classic account sign-in'])
    const reconnect = within(row).getByRole('button', { name: `Reconnect ${TEMPLATE}` })
    await expect(reconnect).toHaveAttribute('aria-disabled', 'true')
    await expect(within(row).getByRole('alert')).toHaveTextContent(UNAVAILABLE)
    await userEvent.click(reconnect)
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(canvas.queryByRole('dialog')).toBeNull()
    await expect(versoriRequests(loaded, 'PUT', /\/connections\/[^/]+$/)).toHaveLength(0)
  },
}
