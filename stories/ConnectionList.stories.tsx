import type { Decorator, Meta, StoryObj } from '@storybook/react-vite'
import { QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { expect, fn, spyOn, userEvent, waitFor, within } from 'storybook/test'
import { ConnectButton, ConnectionList, ConnectProvider } from '../src/index'
import type { Connection, ConnectBackend, ProviderSpec } from '../src/index'
import type { SeedConnection } from '../test/fakePlatform'
import { mixedConnections } from '../test/fakePlatform'
import { requestsTo } from './requestsTo'
import { type Canvas, fakePlatform, KitDecorator, localeProps } from './support'

/** The consumer's connections with status, sign-in method, times, reconnect and delete. */
const meta = {
  title: 'Components/ConnectionList',
  component: ConnectionList,
  tags: ['autodocs'],
  decorators: [KitDecorator],
  args: { onDelete: fn(), onReconnect: fn(), onError: fn() },
  argTypes: {
    title: { control: 'text' },
    pageSize: { control: { type: 'number', min: 1, step: 1 } },
    className: { control: 'text' },
    onReconnect: { action: 'reconnect', table: { category: 'Events' } },
    onDelete: { action: 'delete', table: { category: 'Events' } },
    onError: { action: 'error', table: { category: 'Events' } },
    onEvent: { action: 'event', table: { category: 'Events' } },
  },
  parameters: {
    ...fakePlatform({ seed: mixedConnections }),
    docs: {
      description: {
        component: [
          'Every connection of the group and consumer: provider, status in words, sign-in method, created and updated times, with reconnect and delete (after confirmation). Shows loading, empty and error states with retry; refreshes after any connect, reconnect or delete. Long lists come a page at a time (`pageSize`).',
          '',
          '## Usage',
          '',
          '```tsx',
          "import { ConnectionList, ConnectProvider } from '@plugboard/react'",
          '',
          '<ConnectProvider backend={backend} groupRef={org.id} consumerRef={user.id}>',
          '  <ConnectionList pageSize={20} onDelete={(connection) => toast(`${connection.provider} disconnected`)} />',
          '</ConnectProvider>',
          '```',
          '',
          'For a list of your own, `useConnections()` returns the same query (see *Hooks*).',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof ConnectionList>
export default meta
type Story = StoryObj<typeof meta>

const POPUP = { timeout: 10_000 }
const deletes = () => requestsTo('DELETE', /\/connections\/[^/:]+$/)

/** The body rows, once each row shows its provider's display name rather than its catalog id. */
async function bodyRows(canvas: Canvas, count: number) {
  const table = await canvas.findByRole('table')
  const rows = () => within(table).getAllByRole('row').slice(1)
  await waitFor(() => {
    expect(rows()).toHaveLength(count)
    for (const row of rows()) {
      expect(within(row).getByRole('rowheader').textContent).not.toMatch(new RegExp(`^${row.dataset.provider}`))
    }
  })
  return rows()
}

/** The row whose provider cell starts with `name`. */
async function rowOf(canvas: Canvas, name: string) {
  const header = await canvas.findByRole('rowheader', { name: new RegExp(`^${name}`) })
  return header.closest('tr') as HTMLElement
}

export const Loading: Story = {
  parameters: fakePlatform({ faults: { listConnections: { delayMs: 60_000 } } }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('Loading connections…')
    await expect(canvas.getByRole('region', { name: 'Connected accounts' })).toHaveAttribute('aria-busy', 'true')
    await expect(canvas.queryByRole('table')).toBeNull()
  },
}

export const Empty: Story = {
  parameters: fakePlatform({ seed: [] }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No accounts are connected yet.')).toBeVisible()
    await expect(canvas.getByRole('heading', { level: 2, name: 'Connected accounts' })).toBeVisible()
    await expect(canvas.queryByRole('table')).toBeNull()
  },
}

export const CustomTitle: Story = {
  args: { title: 'Your integrations' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('region', { name: 'Your integrations' })).toBeVisible()
    await bodyRows(canvas, mixedConnections.length)
  },
}

/** The list fails once with the platform's reason; Retry loads it. */
export const LoadError: Story = {
  parameters: fakePlatform({
    seed: mixedConnections,
    faults: { listConnections: { status: 503, problem: { title: 'Service Unavailable', detail: 'The platform is down for maintenance.' }, times: 1 } },
  }),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Could not load connections. The platform is down for maintenance.')
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await bodyRows(canvas, mixedConnections.length)
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** OAuth, API key and basic connections that work, were just created, or need new credentials. */
export const MixedStatuses: Story = {
  play: async ({ canvas }) => {
    const rows = await bodyRows(canvas, 4)
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell').slice(0, 2).map((cell) => cell.textContent)
    await expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('Salesforceacme')
    await expect(cells(rows[0]!)).toEqual(['Working', 'Account sign-in'])
    await expect(cells(rows[1]!)).toEqual(['Connected', 'Account sign-in'])
    await expect(cells(rows[2]!)).toEqual(['Credentials need attention', 'API key'])
    await expect(cells(rows[3]!)).toEqual(['Working', 'Username and password'])
    const [created, updated] = within(rows[0]!).getAllByRole('cell').slice(2, 4)
    await expect(created!.querySelector('time')).toHaveAttribute('datetime', '2026-09-02T14:12:00Z')
    await expect(updated!.querySelector('time')).toHaveAttribute('datetime', '2026-11-20T08:30:00Z')
    await expect(within(rows[1]!).getAllByRole('cell')[3]).toHaveTextContent('—')
    for (const name of ['Salesforce', 'HubSpot', 'OpenAI', 'Mailgun']) {
      await expect(canvas.getByRole('button', { name: `Reconnect ${name}` })).toHaveTextContent('Reconnect')
      await expect(canvas.getByRole('button', { name: `Delete ${name} connection` })).toHaveTextContent('Delete')
    }
  },
}

/** A status the kit does not know yet is still shown in words. */
export const UnknownStatus: Story = {
  parameters: fakePlatform({ seed: [{ provider: 'mailgun', status: 'suspended' as SeedConnection['status'] }] }),
  play: async ({ canvas }) => {
    const row = await rowOf(canvas, 'Mailgun')
    await expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('Status: suspended')
  },
}

/** Delete asks first, naming the provider and what stops working. */
export const DeleteConfirmation: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Delete HubSpot connection' }))
    const dialog = await canvas.findByRole('alertdialog', { name: 'Delete the HubSpot connection?' })
    await expect(dialog).toHaveTextContent('Anything that uses this connection stops working until it is connected again.')
    await expect(within(dialog).getByRole('button', { name: 'Delete' })).toHaveAccessibleDescription(
      'Anything that uses this connection stops working until it is connected again.',
    )
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeVisible()
    await expect(deletes()).toHaveLength(0)
  },
}

export const DeleteCancelled: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Delete HubSpot connection' }))
    const dialog = await canvas.findByRole('alertdialog')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(canvas.queryByRole('alertdialog')).toBeNull())
    await bodyRows(canvas, 4)
    await expect(deletes()).toHaveLength(0)
    await expect(args.onDelete).not.toHaveBeenCalled()
  },
}

export const Deleted: Story = {
  play: async ({ canvas, args }) => {
    await bodyRows(canvas, 4)
    await userEvent.click(canvas.getByRole('button', { name: 'Delete HubSpot connection' }))
    await userEvent.click(within(await canvas.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(args.onDelete).toHaveBeenCalledWith(expect.objectContaining({ provider: 'hubspot' })))
    await waitFor(() => expect(canvas.queryByRole('rowheader', { name: 'HubSpot' })).toBeNull())
    await bodyRows(canvas, 3)
    await expect(canvas.queryByRole('alertdialog')).toBeNull()
    await expect(deletes()).toHaveLength(1)
  },
}

export const Deleting: Story = {
  parameters: fakePlatform({ seed: mixedConnections, faults: { deleteConnection: { delayMs: 60_000 } } }),
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Delete HubSpot connection' }))
    const dialog = await canvas.findByRole('alertdialog')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
    const pending = await within(dialog).findByRole('button', { name: 'Deleting…' })
    await expect(pending).toHaveAttribute('aria-disabled', 'true')
    await userEvent.click(pending)
    // The request reaches the fake platform (a service worker) a moment after the button changes.
    await waitFor(() => expect(deletes()).toHaveLength(1))
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(deletes()).toHaveLength(1)
  },
}

/** The platform fails the delete: the dialog stays open and says so; the row stays. */
export const DeleteFails: Story = {
  parameters: fakePlatform({ seed: mixedConnections, faults: { deleteConnection: { status: 500, empty: true } } }),
  play: async ({ canvas, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Delete HubSpot connection' }))
    const dialog = await canvas.findByRole('alertdialog')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Could not delete the HubSpot connection. The server sent an unexpected answer (error 500). Please try again in a moment.',
    )
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ status: 500 }))
    await expect(args.onDelete).not.toHaveBeenCalled()
    await expect(within(dialog).getByRole('button', { name: 'Delete' })).toHaveAttribute('aria-disabled', 'false')
    await expect(canvas.getByRole('rowheader', { name: 'HubSpot' })).toBeInTheDocument()
  },
}

/** New credentials for the API-key connection that needs attention; its status updates in place. */
export const ReconnectWithCredentials: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Reconnect OpenAI' }))
    const dialog = await canvas.findByRole('dialog', { name: 'Reconnect OpenAI' })
    await userEvent.type(await within(dialog).findByLabelText('API key'), 'sk-rotated-77c1')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save credentials' }))
    await waitFor(() => expect(args.onReconnect).toHaveBeenCalledWith(expect.objectContaining({ provider: 'openAI' })))
    const row = await rowOf(canvas, 'OpenAI')
    await waitFor(() => expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('Connected'))
    await expect(requestsTo('PATCH', /\/connections\/[^/:]+$/)).toHaveLength(1)
  },
}

/** Re-authorizing the OAuth connection in the sign-in window. */
export const ReconnectOAuth: Story = {
  parameters: fakePlatform({ seed: mixedConnections, autoAuthorize: 'allow' }),
  play: async ({ canvas, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Reconnect HubSpot' }))
    await waitFor(() => expect(args.onReconnect).toHaveBeenCalledWith(expect.objectContaining({ provider: 'hubspot' })), POPUP)
    const row = await rowOf(canvas, 'HubSpot')
    await waitFor(() => expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('Working'))
    await expect(requestsTo('PATCH', ':oauth-update')).toHaveLength(1)
  },
}

/**
 * Re-authorizing Salesforce, whose workspace the connection already has: `oauth-update` takes no
 * workspace, so the person should not have to type the subdomain again to sign in.
 */
export const ReconnectOAuthWithWorkspace: Story = {
  parameters: fakePlatform({ seed: mixedConnections, autoAuthorize: 'allow' }),
  play: async ({ canvas, args }) => {
    const open = spyOn(window, 'open')
    await userEvent.click(await canvas.findByRole('button', { name: 'Reconnect Salesforce' }))
    // Either the window opens at once, or a dialog opens that needs no typing.
    await waitFor(() => expect(open.mock.calls.length > 0 || canvas.queryByRole('dialog') !== null).toBe(true))
    const dialog = canvas.queryByRole('dialog')
    if (dialog) await userEvent.click(within(dialog).getByRole('button', { name: 'Continue to Salesforce' }))
    await waitFor(() => expect(args.onReconnect).toHaveBeenCalledWith(expect.objectContaining({ provider: 'salesforce' })), POPUP)
    await expect(requestsTo('PATCH', ':oauth-update')).toHaveLength(1)
  },
}

/**
 * A backend holding `count` connections in memory (the fake platform keeps one per provider and
 * consumer), spread over three API-key providers; each connection's workspace, `ws-<n>`, says where
 * it sits in the list. Saves succeed and are kept.
 */
function manyConnectionsBackend(count: number): ConnectBackend & { connections: Connection[] } {
  const providers: ProviderSpec[] = ['Keyly', 'Mailbox', 'Ledgerly'].map((displayName) => ({
    id: displayName.toLowerCase(),
    displayName,
    methods: [{ id: 'apiKey', flow: 'form', parts: [{ scheme: 'apiKey' }] }],
    connectionFields: [],
  }))
  const connections: Connection[] = Array.from({ length: count }, (_, index) => ({
    id: `conn-${index + 1}`,
    provider: providers[index % 3]!.id,
    authScheme: 'apiKey',
    status: ['working', 'created', 'bad_credentials'][index % 7 === 3 ? 2 : index % 2]!,
    createTime: new Date(Date.UTC(2026, 0, 1) + index * 3_600_000).toISOString(),
    providerWorkspaceRef: `ws-${index + 1}`,
  }))
  const find = (id: string) => connections.find((connection) => connection.id === id)!
  return {
    id: `many-${count}`,
    connections,
    getProvider: async (id) => providers.find((provider) => provider.id === id)!,
    listConnections: async () => connections.map((connection) => ({ ...connection })),
    getConnection: async (id) => ({ ...find(id) }),
    createConnection: async () => connections[0]!,
    updateConnection: async (_scope, id) => Object.assign(find(id), { status: 'working', updateTime: new Date().toISOString() }),
    deleteConnection: async (id) => void connections.splice(connections.indexOf(find(id)), 1),
    startOAuth: async () => {
      throw new Error('No sign-in window in this story.')
    },
  }
}

/** The story inside a ConnectProvider over `manyConnectionsBackend(count)`. */
const withManyConnections =
  (count: number): Decorator =>
  (Story, { globals }) => {
    const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
    const [backend] = useState(() => manyConnectionsBackend(count))
    return (
      <ConnectProvider backend={backend} groupRef="group-1" consumerRef="consumer-1" consumerName="Ada Lovelace" queryClient={queryClient} {...localeProps(globals)}>
        <Story />
      </ConnectProvider>
    )
  }

/** The workspaces (`ws-<n>`) of the rows shown, in order. */
async function shownWorkspaces(canvas: Canvas) {
  const table = await canvas.findByRole('table')
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('.plugboard-connection-workspace')?.textContent)
}
const workspaces = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, index) => `ws-${first + index}`)

/**
 * 1,000 connections: the first 50, under a labelled page control whose range is announced as it
 * moves on. The table says it holds rows 2–51 of 1,001.
 */
export const ManyConnections: Story = {
  decorators: [withManyConnections(1000)],
  play: async ({ canvas }) => {
    await waitFor(async () => expect(await shownWorkspaces(canvas)).toEqual(workspaces(1, 50)))
    const pages = canvas.getByRole('navigation', { name: 'Connection pages' })
    await expect(within(pages).getByRole('status')).toHaveTextContent('Showing 1–50 of 1,000 connections')
    await expect(canvas.getByRole('table')).toHaveAttribute('aria-rowcount', '1001')
    await expect(within(pages).getByRole('button', { name: 'Previous page' })).toHaveAttribute('aria-disabled', 'true')
    const next = within(pages).getByRole('button', { name: 'Next page' })
    await userEvent.click(next)
    await waitFor(async () => expect(await shownWorkspaces(canvas)).toEqual(workspaces(51, 100)))
    await expect(within(pages).getByRole('status')).toHaveTextContent('Showing 51–100 of 1,000 connections')
    await expect(next).toHaveFocus()
  },
}

/** Reconnect on a row of page 2 opens the form for that row's connection; the page stays. */
export const ReconnectOnALaterPage: Story = {
  decorators: [withManyConnections(1000)],
  play: async ({ canvas, args }) => {
    await waitFor(async () => expect(await shownWorkspaces(canvas)).toEqual(workspaces(1, 50)))
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }))
    await waitFor(async () => expect(await shownWorkspaces(canvas)).toEqual(workspaces(51, 100)))
    const row = canvas.getByRole('rowheader', { name: /ws-53/ }).closest('tr') as HTMLElement
    await userEvent.click(within(row).getByRole('button', { name: 'Reconnect Mailbox' }))
    const dialog = await canvas.findByRole('dialog', { name: 'Reconnect Mailbox' })
    await userEvent.type(within(dialog).getByLabelText('API key'), 'sk-rotated-53')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save credentials' }))
    await waitFor(() => expect(args.onReconnect).toHaveBeenCalledWith(expect.objectContaining({ id: 'conn-53' })))
    await expect(await shownWorkspaces(canvas)).toEqual(workspaces(51, 100))
    await expect(canvas.getByRole('status')).toHaveTextContent('Showing 51–100 of 1,000 connections')
  },
}

/** `pageSize={Infinity}`: every row at once, no page control. */
export const EveryRowAtOnce: Story = {
  decorators: [withManyConnections(60)],
  args: { pageSize: Infinity },
  play: async ({ canvas }) => {
    await waitFor(async () => expect(await shownWorkspaces(canvas)).toEqual(workspaces(1, 60)))
    await expect(canvas.queryByRole('navigation')).toBeNull()
  },
}

/** Nothing connected yet, with the host's next step under the message (`emptyAction`). */
export const EmptyWithAction: Story = {
  parameters: fakePlatform({ seed: [] }),
  args: { emptyAction: <ConnectButton provider="hubspot" /> },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No accounts are connected yet.')).toBeVisible()
    await expect(canvas.getByText(/Connect an app and it will show up here/)).toBeVisible()
    await expect(await canvas.findByRole('button', { name: 'Connect HubSpot' })).toBeVisible()
  },
}

/** Logos off (`showLogos={false}`): names only, and no image requests. */
export const WithoutLogos: Story = {
  args: { showLogos: false },
  play: async ({ canvas, canvasElement }) => {
    await bodyRows(canvas, mixedConnections.length)
    await expect(canvasElement.querySelector('.plugboard-logo')).toBeNull()
  },
}

/** In a narrow container (a phone, a side column) each connection is a card, every value under its column's name. */
export const NarrowCards: Story = {
  decorators: [(Story) => <div style={{ inlineSize: 360 }}>{Story()}</div>],
  play: async ({ canvas }) => {
    const [first] = await bodyRows(canvas, mixedConnections.length)
    const labels = [...first!.querySelectorAll('.plugboard-cell-detail')].map((cell) => getComputedStyle(cell, '::before').content)
    await expect(labels).toEqual(['"Status"', '"Sign-in method"', '"Connected"', '"Updated"'])
    const buttons = [...first!.querySelectorAll('.plugboard-row-actions button')].map((button) => Math.round(button.getBoundingClientRect().top))
    await expect(new Set(buttons).size).toBe(1)
  },
}
