import type { Decorator, Meta, StoryObj } from '@storybook/react-vite'
import { QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import providersJson from '../contracts/ampersand/providers.json'
import { ar, ConnectProvider, de, es, fr, ja, ProviderGallery, toProviderSpec } from '../src/index'
import type { ConnectMessages, ProviderInfo, ProviderSpec } from '../src/index'
import { createMemoryBackend } from '../src/testing'
import { mixedConnections } from '../test/fakePlatform'
import { requestsTo } from './requestsTo'
import { type Canvas, fakePlatform, KitDecorator } from './support'
import { fakeVersoriLoader, FakeVersoriDecorator } from './versori/withFakeVersori'

const catalog = providersJson as unknown as Record<string, ProviderInfo>
const localeMessages: Record<string, Partial<ConnectMessages> | undefined> = { ar, de, es, fr, ja }
const CATALOG_SIZE = Object.keys(catalog).length + 2 // the fake platform adds Acme ERP and Acme SSO

/** A searchable grid of the platform's providers; choosing one runs `ConnectButton`'s flow. */
const meta = {
  title: 'Components/ProviderGallery',
  component: ProviderGallery,
  tags: ['autodocs'],
  decorators: [KitDecorator],
  args: { onSuccess: fn(), onError: fn(), onCancel: fn(), onEvent: fn() },
  argTypes: {
    providers: { control: 'object' },
    title: { control: 'text' },
    defaultQuery: { control: 'text' },
    showLogo: { control: 'boolean' },
    className: { control: 'text' },
    onSuccess: { action: 'success', table: { category: 'Events' } },
    onError: { action: 'error', table: { category: 'Events' } },
    onCancel: { action: 'cancel', table: { category: 'Events' } },
    onEvent: { action: 'event', table: { category: 'Events' } },
    onQueryChange: { action: 'query', table: { category: 'Events' } },
    onCategoryChange: { action: 'category', table: { category: 'Events' } },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'A searchable grid of the platform\'s providers (Ampersand\'s catalog, Versori\'s connection templates) with logos, the consumer\'s connected ones marked. Choosing a tile runs the same flow as `ConnectButton`: the sign-in window opens inside the click, a credential form opens in a dialog. One request lists every provider; none is loaded on its own until chosen.',
          '',
          'Keyboard: a listbox with one tab stop. The arrows move between tiles (mirrored right to left) and rows, Home and End go to the ends, typing letters jumps to the next name that starts with them, Enter or Space chooses. Down in the search box goes to the grid.',
          '',
          '## Usage',
          '',
          '```tsx',
          "import { ConnectionList, ConnectProvider, ProviderGallery } from '@plugboard/react'",
          '',
          '<ConnectProvider backend={backend} groupRef={org.id} consumerRef={user.id}>',
          "  <ProviderGallery providers={['salesforce', 'hubspot', 'openAI']} onSuccess={(connection) => toast(`Connected ${connection.provider}`)} />",
          '  <ConnectionList />',
          '</ConnectProvider>',
          '```',
          '',
          'For a gallery of your own, `useProviderGallery({ query, category })` returns the same providers, results, categories, connections and type-ahead (see *Hooks*).',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof ProviderGallery>
export default meta
type Story = StoryObj<typeof meta>

/** The grid once the providers have loaded. */
const grid = (canvas: Canvas) => canvas.findByRole('listbox', { name: 'Providers' }, { timeout: 5000 })
/** The tiles' names, in order. */
const names = (listbox: HTMLElement) => within(listbox).getAllByRole('option').map((option) => option.querySelector('.plugboard-gallery-name')!.textContent)

/** A memory backend over `providers` (with `categories`), for stories the fake platform cannot tell. */
function withProviders(providers: () => ProviderSpec[], categories?: Record<string, string>): Decorator {
  return (Story, { globals }) => {
    const locale = typeof globals.locale === 'string' ? globals.locale : 'en'
    const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
    const [memory] = useState(() =>
      createMemoryBackend({ providers: providers(), categories, connections: [{ provider: 'hubspot', groupRef: 'group-1', consumerRef: 'consumer-1' }] }),
    )
    return (
      <ConnectProvider backend={memory.backend} groupRef="group-1" consumerRef="consumer-1" queryClient={queryClient} locale={locale} messages={localeMessages[locale]}>
        <Story />
      </ConnectProvider>
    )
  }
}

/** The real catalog and synthesised providers, 250 in all. */
function manyProviders(): ProviderSpec[] {
  const words = ['Atlas', 'Beacon', 'Cobalt', 'Delta', 'Ember', 'Fjord', 'Garnet', 'Harbor', 'Ion', 'Juniper', 'Kestrel', 'Lumen', 'Mistral', 'Nord', 'Orbit', 'Pylon']
  const kinds = ['CRM', 'Billing', 'Helpdesk', 'Analytics', 'Mail', 'Storage', 'HR', 'Payments']
  const specs = Object.values(catalog).map((info) => toProviderSpec(info))
  for (let index = 0; specs.length < 250; index++) {
    const displayName = `${words[index % words.length]} ${kinds[Math.floor(index / words.length) % kinds.length]} ${index + 1}`
    specs.push({ id: `synth${index}`, displayName, methods: [{ id: 'key', flow: 'form', parts: [{ scheme: 'apiKey' }] }], connectionFields: [] })
  }
  return specs
}

/** Skeleton tiles while the catalog loads; the live region says so. */
export const Loading: Story = {
  parameters: fakePlatform({ faults: { listProviders: { delayMs: 60_000 } } }),
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText('Loading providers…')).toBeInTheDocument()
    await expect(canvasElement.querySelectorAll('.plugboard-gallery-tile[data-state="loading"]').length).toBeGreaterThan(0)
    await expect(canvas.queryByRole('listbox')).toBeNull()
  },
}

/** Every provider of the catalog, sorted by name, one request for all of them. */
export const Ready: Story = {
  play: async ({ canvas }) => {
    const listbox = await grid(canvas)
    await expect(within(listbox).getAllByRole('option')).toHaveLength(CATALOG_SIZE)
    await expect(canvas.getByText(`${CATALOG_SIZE} providers`)).toBeInTheDocument()
    await expect(requestsTo('GET', /\/providers\/[^/]+$/)).toHaveLength(0)
  },
}

/** A search as typed: case and accents do not matter, names that start with it come first. */
export const Searching: Story = {
  args: { defaultQuery: 'SALÉS' },
  play: async ({ canvas }) => {
    const listbox = await grid(canvas)
    await waitFor(() => expect(names(listbox)).toEqual(['Salesforce', 'Salesforce']))
    await expect(canvas.getByText('2 providers match “SALÉS”')).toBeInTheDocument()
  },
}

/** Nothing matches: the gallery says what to do, and Clear search brings every provider back. */
export const EmptyResult: Story = {
  args: { defaultQuery: 'xyzzy' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No providers match “xyzzy”.')).toBeVisible()
    await expect(canvas.getByText('Check the spelling or clear the search.')).toBeVisible()
    const clear = canvas.getAllByRole('button', { name: 'Clear search' }).find((button) => button.textContent === 'Clear search')!
    await userEvent.click(clear)
    await expect(within(await grid(canvas)).getAllByRole('option')).toHaveLength(CATALOG_SIZE)
  },
}

/** The catalog fails once with the platform's reason; Retry loads it. */
export const LoadError: Story = {
  parameters: fakePlatform({
    faults: { listProviders: { status: 503, problem: { title: 'Service Unavailable', detail: 'The catalog is down for maintenance.' }, times: 1 } },
  }),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Could not load the providers. The catalog is down for maintenance.')
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await grid(canvas)
  },
}

/** The consumer's connected providers carry a badge; one whose credentials fail says it needs attention. */
export const Connected: Story = {
  parameters: fakePlatform({ seed: mixedConnections }),
  play: async ({ canvas }) => {
    const listbox = await grid(canvas)
    await waitFor(() => expect(within(listbox).getByRole('option', { name: /^HubSpot/ })).toHaveTextContent('Connected'))
    await expect(within(listbox).getByRole('option', { name: /^OpenAI/ })).toHaveTextContent('Needs attention')
    await expect(within(listbox).getByRole('option', { name: /^Mailgun/ })).toHaveTextContent('Connected')
  },
}

/** Choosing a tile that signs in with a form opens its dialog, as `ConnectButton` does. */
export const ChoosingAFormProvider: Story = {
  play: async ({ canvas }) => {
    const listbox = await grid(canvas)
    await userEvent.click(within(listbox).getByRole('option', { name: /^OpenAI/ }))
    const dialog = await canvas.findByRole('dialog', { name: 'Connect OpenAI' })
    await expect(await within(dialog).findByLabelText('API key')).toBeVisible()
  },
}

/** 250 providers (the real catalog and synthesised ones): tiles are memoised, so search stays quick. */
export const ManyProviders: Story = {
  decorators: [withProviders(manyProviders)],
  play: async ({ canvas }) => {
    const listbox = await grid(canvas)
    await expect(within(listbox).getAllByRole('option')).toHaveLength(250)
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search providers' }), 'cobalt crm')
    await waitFor(() => expect(names(listbox)).toEqual(['Cobalt CRM 3', 'Cobalt CRM 131']))
  },
}

/** When the platform files providers under categories, a filter appears beside the search. */
export const Categories: Story = {
  decorators: [
    withProviders(() => ['hubspot', 'salesforce', 'zendeskSupport', 'openAI', 'slack'].map((name) => toProviderSpec(catalog[name]!)), {
      hubspot: 'CRM',
      salesforce: 'CRM',
      zendeskSupport: 'Helpdesk',
      slack: 'Chat',
    }),
  ],
  play: async ({ canvas }) => {
    const listbox = await grid(canvas)
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Category' }), 'CRM')
    await waitFor(() => expect(names(listbox)).toEqual(['HubSpot', 'Salesforce']))
  },
}

/** Over Versori: the project environment's connection templates are the providers. */
export const Versori: Story = {
  loaders: [fakeVersoriLoader],
  decorators: [FakeVersoriDecorator],
  play: async ({ canvas }) => {
    const listbox = await grid(canvas)
    await expect(names(listbox)).toContain('Acme API key')
    await userEvent.click(within(listbox).getByRole('option', { name: /^Acme API key/ }))
    await expect(await canvas.findByRole('dialog', { name: 'Connect Acme API key' })).toBeVisible()
  },
}
