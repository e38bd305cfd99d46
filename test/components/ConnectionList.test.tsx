import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ConnectionList } from '../../src/index'
import { expectNoAxeViolations } from '../axe'
import { platform } from '../platform'
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
    expect(byProvider.HubSpot).toContain('OAuth sign-in')
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
