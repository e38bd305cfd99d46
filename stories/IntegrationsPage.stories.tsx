import type { Meta, StoryObj } from '@storybook/react-vite'
import { useId } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ConnectButton, ConnectionList } from '../src/index'
import { mixedConnections } from '../test/fakePlatform'
import { type Canvas, fakePlatform, KitDecorator } from './support'

/** What a host's settings page lists; the kit supplies the buttons and the list. */
const integrations = [
  { provider: 'salesforce', name: 'Salesforce', blurb: 'Sync accounts, contacts and opportunities.' },
  { provider: 'hubspot', name: 'HubSpot', blurb: 'Keep contacts and deals in step.' },
  { provider: 'netsuite', name: 'NetSuite', blurb: 'Send invoices to your ERP.' },
  { provider: 'openAI', name: 'OpenAI', blurb: 'Draft replies with your own API key.' },
  { provider: 'mailgun', name: 'Mailgun', blurb: 'Send notification email from your domain.' },
  { provider: 'adobe', name: 'Adobe', blurb: 'Pull campaign assets.' },
  { provider: 'redtail', name: 'Redtail', blurb: 'Import client records.' },
  { provider: 'sugarCRM', name: 'SugarCRM', blurb: 'Sync leads and cases.' },
]

function IntegrationCard({ provider, name, blurb }: (typeof integrations)[number]) {
  const headingId = useId()
  return (
    <article aria-labelledby={headingId} style={{ border: '1px solid var(--plugboard-border)', borderRadius: 10, padding: 16, display: 'grid', gap: 8 }}>
      <h3 id={headingId} style={{ margin: 0, fontSize: 16 }}>
        {name}
      </h3>
      <p style={{ margin: 0, color: 'var(--plugboard-text-muted)' }}>{blurb}</p>
      <ConnectButton provider={provider} />
    </article>
  )
}

/** A host's "Integrations" settings page: cards with a connect button each, then the connection list. */
function IntegrationsPage() {
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: 24, display: 'grid', gap: 32, fontFamily: 'system-ui, sans-serif' }}>
      <header>
        <h1 style={{ margin: 0, fontSize: 24 }}>Integrations</h1>
        <p style={{ margin: '4px 0 0', color: 'var(--plugboard-text-muted)' }}>Connect the tools your team already uses.</p>
      </header>
      <section aria-labelledby="available-integrations" style={{ display: 'grid', gap: 12 }}>
        <h2 id="available-integrations" style={{ margin: 0, fontSize: 18 }}>
          Available integrations
        </h2>
        <div style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))' }}>
          {integrations.map((integration) => (
            <IntegrationCard key={integration.provider} {...integration} />
          ))}
        </div>
      </section>
      <ConnectionList />
    </main>
  )
}

const meta = {
  title: 'Examples/Integrations page',
  component: IntegrationsPage,
  decorators: [KitDecorator],
  parameters: { layout: 'fullscreen', ...fakePlatform({ seed: mixedConnections }) },
} satisfies Meta<typeof IntegrationsPage>
export default meta
type Story = StoryObj<typeof meta>

const card = (canvas: Canvas, name: string) => canvas.findByRole('article', { name })
const list = (canvas: Canvas) => canvas.findByRole('region', { name: 'Connected accounts' })

/** Each card says whether that account is connected; the list below has the details. */
export const SettingsPage: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible()
    await expect(await within(await card(canvas, 'Salesforce')).findByRole('status')).toHaveTextContent('Salesforce is connected')
    await expect(await within(await card(canvas, 'HubSpot')).findByRole('status')).toHaveTextContent('HubSpot is connected')
    await expect(await within(await card(canvas, 'OpenAI')).findByRole('status')).toHaveTextContent('OpenAI: Credentials need attention')
    await expect(await within(await card(canvas, 'Mailgun')).findByRole('status')).toHaveTextContent('Mailgun is connected')
    for (const [name, label] of [['NetSuite', 'Connect Netsuite'], ['Adobe', 'Connect Adobe'], ['Redtail', 'Connect Redtail'], ['SugarCRM', 'Connect SugarCRM']]) {
      await expect(await within(await card(canvas, name!)).findByRole('button', { name: label })).toBeVisible()
    }
    const table = await within(await list(canvas)).findByRole('table')
    await expect(within(table).getAllByRole('row')).toHaveLength(mixedConnections.length + 1)
  },
}

/** Connecting from a card: the card and the list below both update. */
export const ConnectFromCard: Story = {
  parameters: fakePlatform({ seed: [] }),
  play: async ({ canvas }) => {
    await expect(await within(await list(canvas)).findByText('No accounts are connected yet.')).toBeVisible()
    const openAI = await card(canvas, 'OpenAI')
    const button = await within(openAI).findByRole('button', { name: 'Connect OpenAI' })
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'))
    await userEvent.click(button)
    const dialog = await canvas.findByRole('dialog', { name: 'Connect OpenAI' })
    await userEvent.type(await within(dialog).findByLabelText('API key'), 'sk-live-4f9c2d1e{Enter}')
    await expect(await within(openAI).findByRole('status')).toHaveTextContent('OpenAI is connected')
    const row = await within(await list(canvas)).findByRole('rowheader', { name: 'OpenAI' })
    await expect(within(row.closest('tr')!).getAllByRole('cell')[0]).toHaveTextContent('Connected')
  },
}

/** Signing in with OAuth from a card adds a working connection to the list. */
export const OAuthFromCard: Story = {
  parameters: fakePlatform({ seed: [], autoAuthorize: 'allow' }),
  play: async ({ canvas }) => {
    const hubspot = await card(canvas, 'HubSpot')
    const button = await within(hubspot).findByRole('button', { name: 'Connect HubSpot' })
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'))
    await userEvent.click(button)
    await expect(await within(hubspot).findByText('HubSpot is connected', {}, { timeout: 10_000 })).toBeVisible()
    const row = await within(await list(canvas)).findByRole('rowheader', { name: 'HubSpot' })
    await expect(within(row.closest('tr')!).getAllByRole('cell')[0]).toHaveTextContent('Working')
  },
}

/** Deleting from the list puts the card back to "Connect". */
export const DeleteFromList: Story = {
  play: async ({ canvas }) => {
    const mailgun = await card(canvas, 'Mailgun')
    await within(mailgun).findByText('Mailgun is connected')
    await userEvent.click(await within(await list(canvas)).findByRole('button', { name: 'Delete Mailgun connection' }))
    await userEvent.click(within(await canvas.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }))
    await expect(await within(mailgun).findByRole('button', { name: 'Connect Mailgun' })).toBeVisible()
    await expect(within(mailgun).queryByRole('status')).toBeNull()
    await waitFor(() => expect(canvas.queryByRole('rowheader', { name: 'Mailgun' })).toBeNull())
  },
}
