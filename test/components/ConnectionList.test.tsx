import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ConnectError, ConnectionList } from '../../src/index'
import type { Connection, ConnectBackend, ConnectionInput, ProviderSpec } from '../../src/index'
import { expectNoAxeViolations } from '../axe'
import { platform } from '../platform'
import { spyOnPopups } from '../popups'
import { renderWithKit } from '../renderWithKit'

describe('ConnectionList', () => {
  test('shows loading, then every connection of the group and consumer with status in words', async () => {
    platform.seedConnections([
      { provider: 'hubspot', status: 'working' },
      { provider: 'openAI', status: 'bad_credentials' },
      { provider: 'mailgun', status: 'created' },
      { provider: 'hubspot', status: 'working', groupRef: 'another-group' },
    ])
    platform.fail('listConnections', { delayMs: 300, times: 1 })
    const { container } = renderWithKit(<ConnectionList />)
    expect(await screen.findByText('Loading connections…')).toBeTruthy()
    const table = await screen.findByRole('table')
    for (const name of ['HubSpot', 'OpenAI', 'Mailgun']) await screen.findByRole('rowheader', { name })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(3)
    const byProvider = Object.fromEntries(
      rows.map((row) => [within(row).getByRole('rowheader').textContent, row.textContent ?? '']),
    )
    expect(byProvider.HubSpot).toContain('Working')
    expect(byProvider.HubSpot).toContain('Account sign-in')
    expect(byProvider.OpenAI).toContain('Credentials need attention')
    expect(byProvider.OpenAI).toContain('API key')
    expect(byProvider.Mailgun).toContain('Connected')
    expect(byProvider.Mailgun).toContain('Username and password')
    const listed = platform.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/connections'))
    expect(listed[0]!.query).toMatchObject({ groupRef: 'group-1', consumerRef: 'consumer-1' })
    await expectNoAxeViolations(container)
  })

  test('shows an empty state', async () => {
    renderWithKit(<ConnectionList />)
    expect(await screen.findByText('No accounts are connected yet.')).toBeTruthy()
  })

  test('shows an error with a retry that recovers', async () => {
    platform.seedConnections([{ provider: 'hubspot', status: 'working' }])
    platform.fail('listConnections', { status: 500, problem: { title: 'Internal Server Error', status: 500, detail: 'The database is unavailable.' }, times: 1 })
    renderWithKit(<ConnectionList />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Could not load connections. The database is unavailable.')
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('rowheader', { name: /HubSpot/ })).toBeTruthy()
  })

  test('delete asks for confirmation; Cancel sends nothing; Delete removes the row', async () => {
    const [hubspot] = platform.seedConnections([
      { provider: 'hubspot', status: 'working' },
      { provider: 'openAI', status: 'working' },
    ])
    const onDelete = vi.fn()
    renderWithKit(<ConnectionList onDelete={onDelete} />)
    await userEvent.click(await screen.findByRole('button', { name: 'Delete HubSpot connection' }))
    let dialog = await screen.findByRole('alertdialog', { name: 'Delete the HubSpot connection?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect((dialog as HTMLDialogElement).open).toBe(false))
    expect(platform.requests.some((r) => r.method === 'DELETE')).toBe(false)

    await userEvent.click(screen.getByRole('button', { name: 'Delete HubSpot connection' }))
    dialog = await screen.findByRole('alertdialog', { name: 'Delete the HubSpot connection?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: /HubSpot/ })).toBeNull())
    expect(screen.getByRole('rowheader', { name: /OpenAI/ })).toBeTruthy()
    const deletes = platform.requests.filter((r) => r.method === 'DELETE')
    expect(deletes.map((r) => r.path)).toEqual([`/api/v1/projects/proj-1/connections/${hubspot!.id}`])
    expect(onDelete).toHaveBeenCalledWith(expect.objectContaining({ id: hubspot!.id }))
  })

  test('a failed delete is explained in the dialog and the row stays', async () => {
    platform.seedConnections([{ provider: 'hubspot', status: 'working' }])
    platform.fail('deleteConnection', { status: 502, html: true })
    renderWithKit(<ConnectionList />)
    await userEvent.click(await screen.findByRole('button', { name: 'Delete HubSpot connection' }))
    const dialog = await screen.findByRole('alertdialog')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Could not delete the HubSpot connection.')
    expect(screen.getByRole('rowheader', { name: /HubSpot/ })).toBeTruthy()
  })

  test('reconnecting an API key connection replaces its key with PATCH and an update mask', async () => {
    const [openAI] = platform.seedConnections([{ provider: 'openAI', status: 'bad_credentials' }])
    renderWithKit(<ConnectionList />)
    await userEvent.click(await screen.findByRole('button', { name: 'Reconnect OpenAI' }))
    const dialog = await screen.findByRole('dialog', { name: 'Reconnect OpenAI' })
    await userEvent.fill(within(dialog).getByLabelText('API key'), 'sk-new')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save credentials' }))
    await waitFor(() => expect((dialog as HTMLDialogElement).open).toBe(false))
    const patches = platform.requests.filter((r) => r.method === 'PATCH')
    expect(patches).toHaveLength(1)
    expect(patches[0]!.path).toBe(`/api/v1/projects/proj-1/connections/${openAI!.id}`)
    expect(patches[0]!.body).toEqual({ updateMask: ['apiKey'], connection: { apiKey: 'sk-new' } })
    // The list reloaded and shows the new state.
    await waitFor(() => expect(screen.getByRole('row', { name: /OpenAI/ }).textContent).not.toContain('Credentials need attention'))
  })
})

/**
 * A backend with as many connections as a test needs (the fake platform keeps one per provider and
 * consumer), over three providers: two API-key ones and an OAuth one. Records what it is asked to
 * change, as a platform would receive it.
 */
function manyConnections(count: number) {
  const providers: ProviderSpec[] = [
    { id: 'keyly', displayName: 'Keyly', methods: [{ id: 'apiKey', flow: 'form', parts: [{ scheme: 'apiKey' }] }], connectionFields: [] },
    { id: 'mailbox', displayName: 'Mailbox', methods: [{ id: 'apiKey', flow: 'form', parts: [{ scheme: 'apiKey' }] }], connectionFields: [] },
    { id: 'signon', displayName: 'SignOn', methods: [{ id: 'oauth', flow: 'popup', parts: [{ scheme: 'oauth2/authorizationCode', pkce: false }] }], connectionFields: [] },
  ]
  const connections: Connection[] = Array.from({ length: count }, (_, index) => ({
    id: `conn-${index + 1}`,
    provider: providers[index % 3]!.id,
    authScheme: index % 3 === 2 ? 'oauth2/authorizationCode' : 'apiKey',
    status: 'working',
    createTime: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
    providerWorkspaceRef: `ws-${index + 1}`,
  }))
  const updates: { connectionId: string; input: ConnectionInput }[] = []
  const deletes: string[] = []
  const find = (id: string) => {
    const found = connections.find((connection) => connection.id === id)
    if (!found) throw new ConnectError('http', 'No such connection.', { status: 404 })
    return found
  }
  const backend: ConnectBackend = {
    id: 'many',
    getProvider: async (id) => providers.find((provider) => provider.id === id)!,
    listConnections: async () => connections.map((connection) => ({ ...connection })),
    getConnection: async (id) => ({ ...find(id) }),
    createConnection: async () => {
      throw new ConnectError('http', 'Not in this test.', { status: 400 })
    },
    updateConnection: async (_scope, connectionId, input) => {
      updates.push({ connectionId, input })
      return Object.assign(find(connectionId), { updateTime: new Date().toISOString() })
    },
    deleteConnection: async (connectionId) => {
      deletes.push(connectionId)
      connections.splice(connections.indexOf(find(connectionId)), 1)
    },
    startOAuth: async () => {
      throw new ConnectError('http', 'Not in this test.', { status: 400 })
    },
  }
  return { backend, updates, deletes }
}

describe('ConnectionList with many connections', () => {
  const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1)
  const workspaces = () => bodyRows().map((row) => row.querySelector('.plugboard-connection-workspace')?.textContent)
  const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, index) => `ws-${first + index}`)

  test('1,000 connections come 50 at a time; the labelled page control moves on and announces the rows shown', async () => {
    const many = manyConnections(1000)
    const getProvider = vi.spyOn(many.backend, 'getProvider')
    const { container } = renderWithKit(<ConnectionList />, { backend: many.backend })
    await waitFor(() => expect(workspaces()).toEqual(range(1, 50)))
    await screen.findAllByRole('rowheader', { name: /^Keyly/ })
    const pages = screen.getByRole('navigation', { name: 'Connection pages' })
    const shown = within(pages).getByRole('status')
    expect(shown.textContent).toBe('Showing 1–50 of 1,000 connections')
    const previous = within(pages).getByRole('button', { name: 'Previous page' })
    const next = within(pages).getByRole('button', { name: 'Next page' })
    expect(previous.getAttribute('aria-disabled')).toBe('true')
    // The table tells assistive technology it holds part of a longer list, and which part.
    const table = screen.getByRole('table')
    expect(table.getAttribute('aria-rowcount')).toBe('1001')
    expect(table).toHaveAccessibleDescription('Showing 1–50 of 1,000 connections')
    expect(bodyRows()[0]!.getAttribute('aria-rowindex')).toBe('2')

    await userEvent.click(next)
    await waitFor(() => expect(workspaces()).toEqual(range(51, 100)))
    expect(shown.textContent).toBe('Showing 51–100 of 1,000 connections')
    expect(bodyRows()[0]!.getAttribute('aria-rowindex')).toBe('52')
    expect(document.activeElement).toBe(next)
    expect(previous.getAttribute('aria-disabled')).toBe('false')
    await userEvent.click(previous)
    await waitFor(() => expect(workspaces()).toEqual(range(1, 50)))
    await expectNoAxeViolations(container)
    // One catalog request per provider, not one per row.
    expect(getProvider.mock.calls.map(([id]) => id).sort()).toEqual(['keyly', 'mailbox', 'signon'])
  })

  test('the last page holds the rest; Next there stays focusable but goes nowhere', async () => {
    renderWithKit(<ConnectionList pageSize={2} />, { backend: manyConnections(5).backend })
    await waitFor(() => expect(workspaces()).toEqual(range(1, 2)))
    const next = screen.getByRole('button', { name: 'Next page' })
    await userEvent.click(next)
    await userEvent.click(next)
    await waitFor(() => expect(workspaces()).toEqual(['ws-5']))
    expect(screen.getByRole('status').textContent).toBe('Showing 5–5 of 5 connections')
    expect(next.getAttribute('aria-disabled')).toBe('true')
    next.click()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(workspaces()).toEqual(['ws-5'])
    expect(screen.getByRole('status').textContent).toBe('Showing 5–5 of 5 connections')
    expect(document.activeElement).toBe(next)
  })

  test('a list that fits one page has no page control', async () => {
    renderWithKit(<ConnectionList pageSize={3} />, { backend: manyConnections(3).backend })
    await waitFor(() => expect(workspaces()).toEqual(range(1, 3)))
    expect(screen.queryByRole('navigation')).toBeNull()
    expect(screen.getByRole('table').hasAttribute('aria-rowcount')).toBe(false)
  })

  test('pageSize={Infinity} shows every row at once', async () => {
    renderWithKit(<ConnectionList pageSize={Infinity} />, { backend: manyConnections(120).backend })
    await waitFor(() => expect(workspaces()).toEqual(range(1, 120)))
    expect(screen.queryByRole('navigation')).toBeNull()
  })

  test('deleting the only row of the last page shows the page before it', async () => {
    const many = manyConnections(3)
    renderWithKit(<ConnectionList pageSize={2} />, { backend: many.backend })
    await waitFor(() => expect(workspaces()).toEqual(range(1, 2)))
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }))
    await waitFor(() => expect(workspaces()).toEqual(['ws-3']))
    await userEvent.click(await screen.findByRole('button', { name: 'Delete SignOn connection' }))
    await userEvent.click(within(await screen.findByRole('alertdialog', { name: 'Delete the SignOn connection?' })).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(workspaces()).toEqual(range(1, 2)))
    expect(screen.queryByRole('navigation')).toBeNull()
    expect(many.deletes).toEqual(['conn-3'])
  })

  test('Reconnect on a row of a later page opens the form for that row’s connection and replaces its key', async () => {
    const many = manyConnections(1000)
    const onReconnect = vi.fn()
    renderWithKit(<ConnectionList onReconnect={onReconnect} />, { backend: many.backend })
    await waitFor(() => expect(workspaces()).toEqual(range(1, 50)))
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }))
    await waitFor(() => expect(workspaces()).toEqual(range(51, 100)))
    // ws-53 is a Mailbox (API key) connection, between two others of the same provider's on the page.
    const row = screen.getByRole('row', { name: /ws-53/ })
    await userEvent.click(within(row).getByRole('button', { name: 'Reconnect Mailbox' }))
    const dialog = (await screen.findByRole('dialog', { name: 'Reconnect Mailbox' })) as HTMLDialogElement
    await userEvent.fill(within(dialog).getByLabelText('API key'), 'sk-page-two')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save credentials' }))
    await waitFor(() => expect(dialog.open).toBe(false))
    expect(many.updates).toEqual([{ connectionId: 'conn-53', input: expect.objectContaining({ provider: 'mailbox', credentials: [{ scheme: 'apiKey', apiKey: 'sk-page-two' }] }) }])
    expect(onReconnect).toHaveBeenCalledWith(expect.objectContaining({ id: 'conn-53' }))
    // Still on page 2; the row's Reconnect is still there, named the same, and has focus back.
    expect(workspaces()).toEqual(range(51, 100))
    expect(document.activeElement).toBe(within(screen.getByRole('row', { name: /ws-53/ })).getByRole('button', { name: 'Reconnect Mailbox' }))
  })
})

describe('ConnectionList rows', () => {
  test('from the keyboard: Enter on Reconnect opens the form; Escape closes it and focus is back on Reconnect', async () => {
    platform.seedConnections([{ provider: 'openAI', status: 'working' }])
    renderWithKit(<ConnectionList />)
    const reconnect = await screen.findByRole('button', { name: 'Reconnect OpenAI' })
    await waitFor(() => expect(reconnect.getAttribute('aria-disabled')).toBe('false'))
    reconnect.focus()
    await userEvent.keyboard('{Enter}')
    const dialog = (await screen.findByRole('dialog', { name: 'Reconnect OpenAI' })) as HTMLDialogElement
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(dialog.open).toBe(false))
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reconnect OpenAI' }))
  })

  test('Reconnect on an OAuth row opens the sign-in window inside the click, and the row updates', async () => {
    platform.configure({ autoAuthorize: 'allow' })
    platform.seedConnections([
      { provider: 'openAI', status: 'working' },
      { provider: 'hubspot', status: 'bad_credentials' },
    ])
    const popups = spyOnPopups()
    const onReconnect = vi.fn()
    renderWithKit(<ConnectionList onReconnect={onReconnect} />)
    const reconnect = await screen.findByRole('button', { name: 'Reconnect HubSpot' })
    await waitFor(() => expect(reconnect.getAttribute('aria-disabled')).toBe('false'))
    await userEvent.click(reconnect)
    expect(popups.spy).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(onReconnect).toHaveBeenCalledWith(expect.objectContaining({ provider: 'hubspot' })), { timeout: 10_000 })
    await waitFor(() => expect(screen.getByRole('row', { name: /HubSpot/ }).textContent).toContain('Working'))
    expect(platform.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(':oauth-update'))).toHaveLength(1)
  })

  test('a row whose provider cannot be loaded says so, with Retry, instead of a Reconnect that cannot work', async () => {
    platform.seedConnections([
      { provider: 'openAI', status: 'working' },
      { provider: 'noSuchProvider', status: 'working' },
    ])
    renderWithKit(<ConnectionList />)
    const row = await screen.findByRole('row', { name: /noSuchProvider/ })
    const alert = await within(row).findByRole('alert')
    expect(alert.textContent).toContain("Could not load noSuchProvider's connection settings.")
    expect(within(row).queryByRole('button', { name: /^Reconnect/ })).toBeNull()
    expect(await screen.findByRole('button', { name: 'Reconnect OpenAI' })).toBeTruthy()
    const asked = () => platform.requests.filter((r) => r.path.endsWith('/providers/noSuchProvider')).length
    expect(asked()).toBe(1)
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(asked()).toBe(2))
    expect((await within(row).findByRole('alert')).textContent).toContain("Could not load noSuchProvider's connection settings.")
  })
})
