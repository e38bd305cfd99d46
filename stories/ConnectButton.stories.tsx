import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, spyOn, userEvent, waitFor, within } from 'storybook/test'
import catalog from '../contracts/ampersand/providers.json'
import { ConnectButton } from '../src/index'
import type { AmpersandProviderName } from '../src/index'
import { onlyBodyTo, requestsTo } from './requestsTo'
import { fakePlatform, KitDecorator, readyButton } from './support'
import { withCatalogEntry } from './withCatalogEntry'

/**
 * The button's states, and the credential form it opens in a dialog for every scheme that is not
 * a bare OAuth popup. The popup flow itself is in `ConnectButton/OAuth popup`.
 */
/** The bundled Ampersand catalog's provider names (`AmpersandProviderName` is a type only). */
const providerNames = Object.keys(catalog).sort() as AmpersandProviderName[]

const meta = {
  title: 'Components/ConnectButton',
  component: ConnectButton,
  tags: ['autodocs'],
  decorators: [KitDecorator],
  args: { provider: 'hubspot', onSuccess: fn(), onError: fn(), onCancel: fn() },
  argTypes: {
    provider: { control: 'select', options: providerNames, description: "The provider's id: a name in Ampersand's catalog here." },
    variant: { control: 'inline-radio', options: ['full', 'reconnect'] },
    showLogo: { control: 'boolean' },
    popupTimeoutMs: { control: { type: 'number', min: 1000, step: 1000 } },
    children: { control: 'text' },
    className: { control: 'text' },
    connection: { control: false },
    onSuccess: { action: 'success', table: { category: 'Events' } },
    onError: { action: 'error', table: { category: 'Events' } },
    onCancel: { action: 'cancel', table: { category: 'Events' } },
    onEvent: { action: 'event', table: { category: 'Events' } },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'One button that connects a provider with the right flow: the OAuth window for authorization code providers, or a credential form in a modal dialog for every other scheme. It says so when the consumer is already connected, and offers to reconnect.',
          '',
          '## Usage',
          '',
          '```tsx',
          "import { ampersand, ConnectButton, ConnectProvider } from '@plugboard/react'",
          "import '@plugboard/react/styles.css'",
          '',
          "const backend = ampersand({ project: 'my-project', apiKey: import.meta.env.VITE_AMPERSAND_KEY })",
          '',
          '<ConnectProvider backend={backend} groupRef={org.id} consumerRef={user.id}>',
          '  <ConnectButton provider="salesforce" showLogo onSuccess={(connection) => setConnectedId(connection.id)} />',
          '</ConnectProvider>',
          '```',
          '',
          'The stories run against a fake Ampersand platform; the popup flow is under *ConnectButton/OAuth popup*.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof ConnectButton>
export default meta
type Story = StoryObj<typeof meta>

export const OAuthIdle: Story = {
  play: async ({ canvas }) => {
    const button = await readyButton(canvas, 'Connect HubSpot')
    await expect(button).toHaveAttribute('aria-busy', 'false')
    await expect(canvas.queryByRole('status')).toBeNull()
    await expect(canvas.queryByRole('dialog')).toBeNull()
  },
}

/** Until the catalog entry arrives the button is busy and says the provider's id. */
export const Loading: Story = {
  parameters: fakePlatform({ faults: { provider: { delayMs: 60_000 } } }),
  play: async ({ canvas }) => {
    // Not "Connect" until the provider and the consumer's connections are known.
    const button = await canvas.findByRole('button', { name: 'Loading…' })
    await expect(button).toHaveAttribute('aria-busy', 'true')
    await expect(button).toHaveAttribute('aria-disabled', 'true')
  },
}

/** The catalog answers with a proxy's HTML page once; Retry recovers. */
export const ProviderLoadError: Story = {
  parameters: fakePlatform({ faults: { provider: { status: 502, html: true, times: 1 } } }),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent(
      "Could not load hubspot's connection settings. The server sent an unexpected answer (error 502). Please try again in a moment.",
    )
    // Only Retry is offered: no Connect that could not know what it would do.
    await expect(canvas.queryByRole('button', { name: /^Connect/ })).toBeNull()
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await readyButton(canvas, 'Connect HubSpot')
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

export const Unsupported: Story = {
  args: { provider: 'legacyErp' },
  decorators: [withCatalogEntry({ name: 'legacyErp', displayName: 'Legacy ERP', authType: 'jwt' })],
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Legacy ERP cannot be connected here yet, because it uses a sign-in method this page does not support.')
    const button = canvas.getByRole('button', { name: 'Connect Legacy ERP' })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await userEvent.click(button)
    await expect(canvas.queryByRole('dialog')).toBeNull()
  },
}

export const AlreadyConnected: Story = {
  parameters: fakePlatform({ seed: [{ provider: 'hubspot', status: 'working' }] }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('HubSpot is connected')
    await readyButton(canvas, 'Reconnect HubSpot')
    await expect(canvas.queryByRole('button', { name: 'Connect HubSpot' })).toBeNull()
  },
}

export const BadCredentials: Story = {
  parameters: fakePlatform({ seed: [{ provider: 'hubspot', status: 'bad_credentials' }] }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('HubSpot: Credentials need attention')
    await readyButton(canvas, 'Reconnect HubSpot')
  },
}

/** The host's own label. */
export const CustomLabel: Story = {
  args: { provider: 'openAI', children: 'Add your OpenAI key' },
  play: async ({ canvas }) => void (await readyButton(canvas, 'Add your OpenAI key')),
}

/**
 * The logo is on by default and decorative: the button's name stays the same. The catalog's icon
 * when it loads; when it cannot (no network here, a broken URL) a monogram in the provider's colour.
 */
export const WithLogo: Story = {
  args: { provider: 'openAI' },
  play: async ({ canvas }) => {
    const button = await readyButton(canvas, 'Connect OpenAI')
    const logo = button.querySelector('.plugboard-logo')!
    await expect(logo).not.toBeNull()
    await expect(button).toHaveTextContent(/^Connect OpenAI$/)
    await expect(logo).toHaveAttribute('aria-hidden', 'true')
    await expect(logo.querySelector('img')?.getAttribute('alt') ?? '').toBe('')
  },
}

/** A provider whose catalog entry has no icon: its monogram, the first letter on a stable colour. */
export const Monogram: Story = {
  args: { provider: 'bigquery' },
  play: async ({ canvas }) => {
    const button = await readyButton(canvas, 'Connect BigQuery')
    await waitFor(() => expect(button.querySelector('.plugboard-logo[data-kind="monogram"]')).toHaveAttribute('data-letter', 'B'))
  },
}

/** `showLogo={false}`: the name alone, and no request for an image. */
export const WithoutLogo: Story = {
  args: { provider: 'openAI', showLogo: false },
  play: async ({ canvas }) => {
    const button = await readyButton(canvas, 'Connect OpenAI')
    await expect(button.querySelector('.plugboard-logo')).toBeNull()
  },
}

/** An API-key provider opens its form in a modal dialog; Enter submits, and the dialog closes. */
export const CredentialFormInDialog: Story = {
  args: { provider: 'openAI' },
  play: async ({ canvas, args }) => {
    await userEvent.click(await readyButton(canvas, 'Connect OpenAI'))
    const dialog = await canvas.findByRole('dialog', { name: 'Connect OpenAI' })
    await userEvent.type(within(dialog).getByLabelText('API key'), 'sk-live-4f9c2d1e{Enter}')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'openAI' })))
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(await canvas.findByRole('status')).toHaveTextContent('OpenAI is connected')
    await expect(onlyBodyTo('POST', '/connections:generate')).toMatchObject({ provider: 'openAI', apiKey: 'sk-live-4f9c2d1e' })
  },
}

/** The dialog as a person first sees it: title, fields, Cancel and Close. */
export const CredentialDialogOpen: Story = {
  args: { provider: 'mailgun' },
  play: async ({ canvas }) => {
    await userEvent.click(await readyButton(canvas, 'Connect Mailgun'))
    const dialog = await canvas.findByRole('dialog', { name: 'Connect Mailgun' })
    await expect(within(dialog).getByLabelText('Username')).toBeVisible()
    await expect(within(dialog).getByLabelText('Password')).toBeVisible()
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeVisible()
    await expect(within(dialog).getByRole('button', { name: 'Close' })).toBeVisible()
  },
}

/** Cancel closes the dialog without sending anything; opening it again starts fresh. */
export const CredentialDialogCancelled: Story = {
  args: { provider: 'openAI' },
  play: async ({ canvas, args }) => {
    const button = await readyButton(canvas, 'Connect OpenAI')
    await userEvent.click(button)
    let dialog = await canvas.findByRole('dialog', { name: 'Connect OpenAI' })
    await userEvent.type(within(dialog).getByLabelText('API key'), 'sk-half-typed')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(button).toHaveFocus()
    await expect(args.onCancel).toHaveBeenCalledTimes(1)
    await userEvent.click(button)
    dialog = await canvas.findByRole('dialog', { name: 'Connect OpenAI' })
    await expect(await within(dialog).findByLabelText('API key')).toHaveValue('')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(args.onCancel).toHaveBeenCalledTimes(2)
    await expect(requestsTo('POST', '/connections:generate')).toHaveLength(0)
  },
}

/** New credentials for a connection that stopped working replace the old ones in place. */
export const CredentialReconnect: Story = {
  args: { provider: 'openAI' },
  parameters: fakePlatform({ seed: [{ provider: 'openAI', status: 'bad_credentials' }] }),
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('OpenAI: Credentials need attention')
    await userEvent.click(await readyButton(canvas, 'Reconnect OpenAI'))
    const dialog = await canvas.findByRole('dialog', { name: 'Reconnect OpenAI' })
    await userEvent.type(await within(dialog).findByLabelText('API key'), 'sk-rotated-77c1')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save credentials' }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await expect(await canvas.findByText('OpenAI is connected')).toBeVisible()
    await expect(onlyBodyTo('PATCH', /\/connections\/[^/:]+$/)).toEqual({ updateMask: ['apiKey'], connection: { apiKey: 'sk-rotated-77c1' } })
    await expect(requestsTo('POST', '/connections:generate')).toHaveLength(0)
  },
}

/** OAuth that needs a workspace first: the dialog asks for it, then the sign-in window opens. */
export const WorkspaceBeforePopup: Story = {
  args: { provider: 'salesforce' },
  parameters: fakePlatform({ autoAuthorize: 'allow' }),
  play: async ({ canvas, args }) => {
    await userEvent.click(await readyButton(canvas, 'Connect Salesforce'))
    const dialog = await canvas.findByRole('dialog', { name: 'Connect Salesforce' })
    await userEvent.type(await within(dialog).findByLabelText('Subdomain'), 'acme')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue to Salesforce' }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'salesforce' })), { timeout: 10_000 })
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(await canvas.findByText('Salesforce is connected')).toBeVisible()
    await expect(onlyBodyTo('POST', '/oauth-connect')).toMatchObject({ provider: 'salesforce', providerWorkspaceRef: 'acme' })
  },
}

/**
 * Closing the sign-in window opened from the dialog: the dialog says so, and the button's
 * `onCancel` fires as it does for a bare OAuth button ("closes the sign-in window or the form dialog").
 */
export const WorkspacePopupClosed: Story = {
  args: { provider: 'salesforce' },
  parameters: fakePlatform({ autoAuthorize: 'none' }),
  play: async ({ canvas, args }) => {
    const open = spyOn(window, 'open')
    await userEvent.click(await readyButton(canvas, 'Connect Salesforce'))
    const dialog = await canvas.findByRole('dialog', { name: 'Connect Salesforce' })
    await userEvent.type(await within(dialog).findByLabelText('Subdomain'), 'acme')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue to Salesforce' }))
    await within(dialog).findByText('Finish signing in to Salesforce in the window that opened.')
    ;(open.mock.results[0]?.value as Window | null)?.close()
    await expect(
      await within(dialog).findByText('The sign-in window was closed before the connection finished.', {}, { timeout: 10_000 }),
    ).toBeVisible()
    await expect(within(dialog).getByLabelText('Subdomain')).toHaveValue('acme')
    await expect(args.onCancel).toHaveBeenCalledTimes(1)
  },
}
