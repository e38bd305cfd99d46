import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent } from 'storybook/test'
import { ConnectError, defaultMessages, OAuthStatus } from '../src/index'
import type { OAuthFlow, OAuthFlowStatus } from '../src/index'
import { KitDecorator } from './support'

/** A sign-in flow standing still in one status, as `useOAuthFlow()` returns it, with spies for its actions. */
function flowIn(status: OAuthFlowStatus, extra: Partial<OAuthFlow> = {}): OAuthFlow {
  return {
    status,
    error: undefined,
    connection: undefined,
    isActive: status === 'starting' || status === 'waiting' || status === 'finishing' || status === 'blocked',
    expiresAt: undefined,
    keepWaiting: fn(),
    start: fn(),
    startCustomAuth: fn(),
    followRedirect: fn(),
    openBlockedPopup: fn(),
    focus: fn(),
    cancel: fn(),
    reset: fn(),
    ...extra,
  }
}

const meta = {
  title: 'Components/OAuthStatus',
  component: OAuthStatus,
  tags: ['autodocs'],
  decorators: [KitDecorator],
  args: { displayName: 'HubSpot', oauth: flowIn('waiting') },
  argTypes: {
    displayName: { control: 'text' },
    oauth: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component: [
          "Where a sign-in in a window stands, in words, with what the person can do next: waiting (bring the window to the front, or cancel), finishing, blocked by the browser (open it from a fresh click), closed too early, or failed with the platform's request id. In the last minute before the sign-in times out it says so and offers **Keep waiting**. `ConnectButton` shows it under the button; use it under your own button built on `useOAuthFlow`.",
          '',
          '## Usage',
          '',
          '```tsx',
          "import { OAuthStatus, useOAuthFlow } from '@plugboard/react'",
          '',
          'function HubSpotButton() {',
          "  const oauth = useOAuthFlow({ provider: 'hubspot' })",
          '  return (',
          '    <>',
          '      <button onClick={() => oauth.start()} disabled={oauth.isActive}>Connect HubSpot</button>',
          '      <OAuthStatus oauth={oauth} displayName="HubSpot" />',
          '    </>',
          '  )',
          '}',
          '```',
          '',
          'It renders nothing while the flow is `idle` or has `succeeded`.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof OAuthStatus>
export default meta
type Story = StoryObj<typeof meta>

/** The window is open: the person can bring it to the front or cancel. */
export const Waiting: Story = {
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(defaultMessages.waitingForPopup('HubSpot'))
    await userEvent.click(canvas.getByRole('button', { name: defaultMessages.focusPopup }))
    await expect(args.oauth.focus).toHaveBeenCalledTimes(1)
    await userEvent.click(canvas.getByRole('button', { name: defaultMessages.cancel }))
    await expect(args.oauth.cancel).toHaveBeenCalledTimes(1)
  },
}

/** The last minute before the sign-in times out: a warning and Keep waiting. */
export const TimingOut: Story = {
  args: { oauth: flowIn('waiting', { expiresAt: Date.now() + 45_000 }) },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: defaultMessages.keepWaiting }))
    await expect(args.oauth.keepWaiting).toHaveBeenCalledTimes(1)
  },
}

/** The window answered; the kit is saving the connection. */
export const Finishing: Story = {
  args: { oauth: flowIn('finishing') },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(defaultMessages.finishingSignIn('HubSpot'))
    await expect(canvas.queryByRole('button')).toBeNull()
  },
}

/** The browser blocked the window: an alert, and a button that opens it from a fresh click. */
export const Blocked: Story = {
  args: { oauth: flowIn('blocked') },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent(defaultMessages.popupBlocked('HubSpot'))
    await userEvent.click(canvas.getByRole('button', { name: defaultMessages.openSignInWindow }))
    await expect(args.oauth.openBlockedPopup).toHaveBeenCalledTimes(1)
  },
}

/** The person closed the window before the sign-in finished. */
export const Cancelled: Story = {
  args: { oauth: flowIn('cancelled') },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(defaultMessages.popupClosed)
  },
}

/** The provider refused: the reason, and the platform's request id in small print. */
export const Failed: Story = {
  args: {
    oauth: flowIn('failed', {
      error: new ConnectError('authorization_failed', 'HubSpot did not grant access.', { requestId: 'req_01JD0RG7Q2Z8' }),
    }),
  },
  play: async ({ canvas }) => {
    const alert = canvas.getByRole('alert')
    await expect(alert).toHaveTextContent('req_01JD0RG7Q2Z8')
    await expect(alert).toHaveTextContent(defaultMessages.requestId)
  },
}
