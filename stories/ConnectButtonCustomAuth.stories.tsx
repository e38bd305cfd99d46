import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, spyOn, userEvent, waitFor, within } from 'storybook/test'
import { ConnectButton } from '../src/index'
import { onlyBodyTo, requestsTo } from './requestsTo'
import { fakePlatform, KitDecorator, readyButton } from './support'

/**
 * Multi-step custom sign-in (`customOpts.multiStep`, through `custom-auth/connect`): an admin
 * consent with nothing to type opens the window at once; Acme SSO (a demo provider) takes a
 * domain in a form, then sends the person to a consent page in the window. The fake consent page
 * answers as `autoAuthorize` says (`none` leaves it waiting: open the story and click).
 */
const meta = {
  title: 'Components/ConnectButton/Multi-step custom sign-in',
  component: ConnectButton,
  decorators: [KitDecorator],
  args: { provider: 'microsoftAdminConsent', onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof ConnectButton>
export default meta
type Story = StoryObj<typeof meta>

const MICROSOFT = 'Microsoft (Admin consent)'
const POPUP = { timeout: 10_000 }

/** Before the click: one button, no form, since there is nothing to type. */
export const ConsentIdle: Story = {
  play: async ({ canvas }) => {
    await expect(await readyButton(canvas, `Connect ${MICROSOFT}`)).toBeVisible()
    await expect(canvas.queryByRole('dialog')).toBeNull()
  },
}

/** Consent granted in the window: the callback's params go back to the platform, which connects. */
export const ConsentGranted: Story = {
  parameters: fakePlatform({ autoAuthorize: 'allow' }),
  play: async ({ canvas, args }) => {
    await userEvent.click(await readyButton(canvas, `Connect ${MICROSOFT}`))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'microsoftAdminConsent', authScheme: 'custom' })), POPUP)
    await expect(await canvas.findByRole('status')).toHaveTextContent(`${MICROSOFT} is connected`)
    const [started, resumed] = requestsTo('POST', '/custom-auth/connect').map((request) => request.body)
    await expect(started).toEqual({ projectIdOrName: 'proj-1', provider: 'microsoftAdminConsent', groupRef: 'group-1', groupName: 'Acme Inc.', consumerRef: 'consumer-1', consumerName: 'Ada Lovelace' })
    await expect(resumed).toMatchObject({ projectIdOrName: 'proj-1', callbackParams: { admin_consent: 'True', tenant: 'tenant-fake' } })
  },
}

/** While the consent page is open: a way to raise the window or give up. */
export const ConsentWaiting: Story = {
  parameters: fakePlatform({ autoAuthorize: 'none' }),
  play: async ({ canvas }) => {
    await userEvent.click(await readyButton(canvas, `Connect ${MICROSOFT}`))
    await expect(await canvas.findByText(`Finish signing in to ${MICROSOFT} in the window that opened.`)).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Show sign-in window' })).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }))
    await expect(await canvas.findByText('The sign-in window was closed before the connection finished.')).toBeVisible()
  },
}

/** Consent declined: the platform's reason, next to the button, which works again. */
export const ConsentDeclined: Story = {
  parameters: fakePlatform({ autoAuthorize: 'deny' }),
  play: async ({ canvas, args }) => {
    await userEvent.click(await readyButton(canvas, `Connect ${MICROSOFT}`))
    const alert = await canvas.findByRole('alert', {}, POPUP)
    await expect(alert).toHaveTextContent('Consent was declined on the provider’s page.')
    await expect(args.onError).toHaveBeenCalledTimes(1)
    await readyButton(canvas, `Connect ${MICROSOFT}`)
  },
}

/** A domain in the form first; then the consent page opens in the window, and the dialog closes on success. */
export const DomainThenConsent: Story = {
  args: { provider: 'acmeSso' },
  parameters: fakePlatform({ autoAuthorize: 'allow' }),
  play: async ({ canvas, args }) => {
    await userEvent.click(await readyButton(canvas, 'Connect Acme SSO'))
    const dialog = within(await canvas.findByRole('dialog', { name: 'Connect Acme SSO' }))
    await expect(await dialog.findByLabelText('Company domain')).toHaveAccessibleDescription('The domain your team signs in with, e.g. acme.com.')
    await userEvent.type(dialog.getByLabelText('Company domain'), 'acme.com{Enter}')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1), POPUP)
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(requestsTo('POST', '/custom-auth/connect')[0]?.body).toMatchObject({ provider: 'acmeSso', customAuth: { domain: 'acme.com' } })
  },
}

/** The form's answer names a page, but the browser blocks the window: the form offers to open it. */
export const DomainThenConsentBlocked: Story = {
  args: { provider: 'acmeSso' },
  parameters: fakePlatform({ autoAuthorize: 'none' }),
  play: async ({ canvas, args }) => {
    spyOn(window, 'open').mockReturnValue(null)
    await userEvent.click(await readyButton(canvas, 'Connect Acme SSO'))
    const dialog = within(await canvas.findByRole('dialog', { name: 'Connect Acme SSO' }))
    await userEvent.type(await dialog.findByLabelText('Company domain'), 'acme.com{Enter}')
    const alert = await dialog.findByRole('alert')
    await expect(alert).toHaveTextContent('Your browser blocked the Acme SSO sign-in window.')
    await expect(within(alert).getByRole('button', { name: 'Open sign-in window' })).toBeVisible()
    await expect(dialog.getByLabelText('Company domain')).toHaveValue('acme.com')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'popup_blocked' }))
  },
}

/** Redtail trades its inputs on the server: a refused password lands under the field. */
export const InputsRefused: Story = {
  args: { provider: 'redtail' },
  play: async ({ canvas }) => {
    await userEvent.click(await readyButton(canvas, 'Connect Redtail'))
    const dialog = within(await canvas.findByRole('dialog', { name: 'Connect Redtail' }))
    await userEvent.type(dialog.getByLabelText('API Key'), 'rt-key')
    await userEvent.type(dialog.getByLabelText('Username'), 'advisor')
    await userEvent.type(dialog.getByLabelText('Password'), 'wrong{Enter}')
    await expect(await dialog.findByText('The provider rejected this password.')).toBeVisible()
    await expect(dialog.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true')
    await expect(dialog.getByLabelText('Username')).toHaveValue('advisor')
    await expect(onlyBodyTo('POST', '/custom-auth/connect')).toMatchObject({ provider: 'redtail' })
  },
}
