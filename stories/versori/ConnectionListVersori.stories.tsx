import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import type { VersoriSeedConnection } from '../../demo/server/versori/model'
import { ConnectionList } from '../../src/index'
import { FAKE_VERSORI } from '../../test/fakeVersori'
import {
  deleteRequests,
  expectRefusedUnder,
  fakeVersori,
  fakeVersoriParameters,
  providerOf,
  rejected,
  updateRequests,
  versoriRequests,
  withFakeVersori,
} from './withFakeVersori'

const ADA = FAKE_VERSORI.externalId

/**
 * Ada's three connections: one checked and working, one whose credential the provider refused,
 * and one never checked. Versori stores no status: the kit derives it from each credential's
 * `errors`. Bob's connection must never show up in Ada's list.
 */
const SEED: VersoriSeedConnection[] = [
  { template: 'Acme API key', externalId: ADA, errors: [], createdAt: '2026-09-02T14:12:00Z', updatedAt: '2026-11-20T08:30:00Z' },
  { template: 'Acme Basic', externalId: ADA, errors: ['The provider rejected the password.'], createdAt: '2026-06-11T09:00:00Z' },
  { template: 'Acme OAuth', externalId: ADA, createdAt: '2026-11-21T10:05:00Z' },
  { template: 'Acme Secret', externalId: 'bob', errors: [] },
]

/**
 * Ada's Versori connections in ConnectionList: status from credential errors, sign-in method,
 * times and Reconnect. Versori's API cannot delete, so Delete appears only when the host passes
 * `deleteConnection` (here a call to the fake's DELETE extension). Over the fake Versori platform.
 */
const meta = {
  title: 'Versori/ConnectionList',
  component: ConnectionList,
  ...withFakeVersori,
  args: { onDelete: fn(), onReconnect: fn(), onError: fn() },
  // An object literal, not the helper's call: Storybook's docs plugin adds this comment's text as
  // `parameters.docs` inside a literal, but next to a call it adds a second `parameters` key, which
  // drops the seed.
  parameters: { ...fakeVersoriParameters({ seed: SEED }) },
} satisfies Meta<typeof ConnectionList>
export default meta
type Story = StoryObj<typeof meta>

const POPUP = { timeout: 20_000 }

/** The body rows, once each shows its template's name rather than its id. */
async function bodyRows(canvasElement: HTMLElement, count: number) {
  const rows = () => [...canvasElement.querySelectorAll<HTMLElement>('tbody tr')]
  await waitFor(() => {
    expect(rows()).toHaveLength(count)
    for (const row of rows()) expect(within(row).getByRole('rowheader').textContent).toMatch(/^Acme/)
  })
  return rows()
}

/** The row of a template's connection. */
async function rowOf(canvasElement: HTMLElement, template: string) {
  await waitFor(() => expect(canvasElement.querySelector(`tr[data-provider="${providerOf(template)}"]`)).not.toBeNull())
  return canvasElement.querySelector(`tr[data-provider="${providerOf(template)}"]`) as HTMLElement
}

/** Status and sign-in method cells of a row, as read. */
const statusAndMethod = (row: HTMLElement) => within(row).getAllByRole('cell').slice(0, 2).map((cell) => cell.textContent)

export const Loading: Story = {
  parameters: fakeVersoriParameters({ seed: SEED, faults: { listConnections: { delayMs: 60_000 } } }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('Loading connections…')
    await expect(canvas.getByRole('region', { name: 'Connected accounts' })).toHaveAttribute('aria-busy', 'true')
    await expect(canvas.queryByRole('table')).toBeNull()
  },
}

/** Ada has none (Bob's does not count). */
export const Empty: Story = {
  parameters: fakeVersoriParameters({ seed: [{ template: 'Acme Secret', externalId: 'bob', errors: [] }] }),
  play: async ({ canvas, loaded }) => {
    await expect(await canvas.findByText('No accounts are connected yet.')).toBeVisible()
    await expect(canvas.queryByRole('table')).toBeNull()
    await expect(versoriRequests(loaded, 'GET', /\/connections$/).at(-1)?.query).toMatchObject({ end_user_id: ADA })
  },
}

/** The list fails once (a 503 with Versori's message); Retry loads it. */
export const LoadError: Story = {
  parameters: fakeVersoriParameters({ seed: SEED, faults: { listConnections: { status: 503, times: 1, error: { message: 'Versori is down for maintenance.' } } } }),
  play: async ({ canvas, canvasElement }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Could not load connections. Versori is down for maintenance.')
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await bodyRows(canvasElement, 3)
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/**
 * Working (checked, no errors), "Credentials need attention" (errors), "Connected" (never
 * checked), each with its template, name, sign-in method and times; Reconnect on every row and, with
 * no `deleteConnection` from the host, no Delete anywhere.
 */
export const Statuses: Story = {
  play: async ({ canvas, canvasElement, loaded }) => {
    const rows = await bodyRows(canvasElement, 3)
    await expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Acme API keyAcme API key – ada',
      'Acme BasicAcme Basic – ada',
      'Acme OAuthAcme OAuth – ada',
    ])
    await expect(rows.map(statusAndMethod)).toEqual([
      ['Working', 'API key'],
      ['Credentials need attention', 'Username and password'],
      ['Connected', 'Account sign-in'],
    ])
    await expect(rows.map((row) => row.dataset.status)).toEqual(['working', 'bad_credentials', 'created'])
    const [created, updated] = within(rows[0]!).getAllByRole('cell').slice(2, 4)
    await expect(created!.querySelector('time')).toHaveAttribute('datetime', '2026-09-02T14:12:00Z')
    await expect(updated!.querySelector('time')).toHaveAttribute('datetime', '2026-11-20T08:30:00Z')
    for (const name of ['Acme API key', 'Acme Basic', 'Acme OAuth']) {
      await expect(canvas.getByRole('button', { name: `Reconnect ${name}` })).toHaveTextContent('Reconnect')
    }
    await expect(canvas.queryByRole('button', { name: /^Delete/ })).toBeNull()
    await expect(canvas.queryByText('Delete')).toBeNull()
    // One list for Ada, read in pages of 100.
    const lists = versoriRequests(loaded, 'GET', /\/connections$/)
    await expect(lists.length).toBeGreaterThan(0)
    for (const request of lists) await expect(request.query).toEqual({ end_user_id: ADA, first: '100' })
  },
}

/** With the host's `deleteConnection`, every row offers Delete, which asks first. */
export const WithDelete: Story = {
  parameters: fakeVersoriParameters({ seed: SEED, deleteConnection: true }),
  play: async ({ canvas, canvasElement, loaded }) => {
    await bodyRows(canvasElement, 3)
    for (const name of ['Acme API key', 'Acme Basic', 'Acme OAuth']) {
      await expect(canvas.getByRole('button', { name: `Delete ${name} connection` })).toHaveTextContent('Delete')
    }
    await userEvent.click(canvas.getByRole('button', { name: 'Delete Acme Basic connection' }))
    const dialog = await canvas.findByRole('alertdialog', { name: 'Delete the Acme Basic connection?' })
    await expect(dialog).toHaveTextContent('Anything that uses this connection stops working until it is connected again.')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(canvas.queryByRole('alertdialog')).toBeNull())
    await expect(deleteRequests(loaded)).toHaveLength(0)
  },
}

/** Delete confirmed: the host's function deletes that connection at the platform, and its row goes. */
export const Deleted: Story = {
  parameters: fakeVersoriParameters({ seed: SEED, deleteConnection: true }),
  play: async ({ canvas, canvasElement, args, loaded }) => {
    await bodyRows(canvasElement, 3)
    const target = fakeVersori(loaded).connections.find((connection) => connection.connectionTemplateId === providerOf('Acme Basic'))!
    await userEvent.click(canvas.getByRole('button', { name: 'Delete Acme Basic connection' }))
    await userEvent.click(within(await canvas.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(args.onDelete).toHaveBeenCalledWith(expect.objectContaining({ id: target.id, provider: providerOf('Acme Basic') })))
    const rows = await bodyRows(canvasElement, 2)
    await expect(rows.map((row) => row.dataset.provider)).toEqual([providerOf('Acme API key'), providerOf('Acme OAuth')])
    await expect(canvas.queryByRole('alertdialog')).toBeNull()
    const [request, ...more] = deleteRequests(loaded)
    await expect(more).toHaveLength(0)
    await expect(request?.path).toMatch(new RegExp(`/connections/${target.id}$`))
    await expect(fakeVersori(loaded).connections.map((connection) => connection.id)).not.toContain(target.id)
  },
}

/** While the delete runs: "Deleting…", aria-disabled, and a second click sends nothing more. */
export const Deleting: Story = {
  parameters: fakeVersoriParameters({ seed: SEED, deleteConnection: true, faults: { deleteConnection: { delayMs: 60_000 } } }),
  play: async ({ canvas, canvasElement, loaded }) => {
    await bodyRows(canvasElement, 3)
    await userEvent.click(canvas.getByRole('button', { name: 'Delete Acme Basic connection' }))
    const dialog = await canvas.findByRole('alertdialog')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
    const pending = await within(dialog).findByRole('button', { name: 'Deleting…' })
    await expect(pending).toHaveAttribute('aria-disabled', 'true')
    await waitFor(() => expect(deleteRequests(loaded)).toHaveLength(1))
    await userEvent.click(pending)
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(deleteRequests(loaded)).toHaveLength(1)
  },
}

/** The host's delete fails: the dialog stays open and says so; the row stays. */
export const DeleteFails: Story = {
  parameters: fakeVersoriParameters({ seed: SEED, deleteConnection: true, faults: { deleteConnection: { status: 500 } } }),
  play: async ({ canvas, canvasElement, args, loaded }) => {
    await bodyRows(canvasElement, 3)
    await userEvent.click(canvas.getByRole('button', { name: 'Delete Acme Basic connection' }))
    const dialog = await canvas.findByRole('alertdialog')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent(/^Could not delete the Acme Basic connection\./)
    await expect(args.onDelete).not.toHaveBeenCalled()
    await expect(args.onError).toHaveBeenCalledTimes(1)
    await expect(within(dialog).getByRole('button', { name: 'Delete' })).toHaveAttribute('aria-disabled', 'false')
    await expect(deleteRequests(loaded)).toHaveLength(1)
    await expect(fakeVersori(loaded).connections).toHaveLength(4)
    await expect(await rowOf(canvasElement, 'Acme Basic')).toBeInTheDocument()
  },
}

/**
 * New credentials for the connection that needs attention: the dialog keeps its name; the update
 * keeps the connection's credential ids and sends the new `basic-auth` data; the row then works.
 */
export const ReconnectWithCredentials: Story = {
  play: async ({ canvas, canvasElement, args, loaded }) => {
    await bodyRows(canvasElement, 3)
    const existing = fakeVersori(loaded).connections.find((connection) => connection.connectionTemplateId === providerOf('Acme Basic'))!
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect Acme Basic' }))
    const dialog = within(await canvas.findByRole('dialog', { name: 'Reconnect Acme Basic' }))
    await expect(await dialog.findByRole('textbox', { name: 'Connection name' })).toHaveValue('Acme Basic – ada')
    await userEvent.type(dialog.getByRole('textbox', { name: 'Username' }), 'ada@example.com')
    await userEvent.type(dialog.getByLabelText('Password'), 'rotated-77c1')
    await userEvent.click(dialog.getByRole('button', { name: 'Save credentials' }))
    await waitFor(() => expect(args.onReconnect).toHaveBeenCalledWith(expect.objectContaining({ id: existing.id, status: 'working' })))
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    const row = await rowOf(canvasElement, 'Acme Basic')
    await waitFor(() => expect(statusAndMethod(row)).toEqual(['Working', 'Username and password']))
    const [update, ...more] = updateRequests(loaded)
    await expect(more).toHaveLength(0)
    await expect(update?.path).toMatch(new RegExp(`/connections/${existing.id}$`))
    const body = update?.body as { name: string; credentials: { id: string; credential: { id: string; type: string; data: unknown } }[] }
    await expect(body.name).toBe('Acme Basic – ada')
    await expect(body.credentials.map((entry) => ({ id: entry.id, credentialId: entry.credential.id, type: entry.credential.type, data: entry.credential.data }))).toEqual([
      {
        id: existing.credentials[0]!.id,
        credentialId: existing.credentials[0]!.credential.id,
        type: 'basic-auth',
        data: { basicAuth: { username: 'ada@example.com', password: 'rotated-77c1' } },
      },
    ])
    await expect(versoriRequests(loaded, 'POST', /\/connections$/)).toHaveLength(0)
  },
}

/** The new password is refused (`wrong`: a 422 at the update body's `credentials[0]…basicAuth.password`): under Password in the dialog; the row still needs attention. */
export const ReconnectRefused: Story = {
  play: async ({ canvas, canvasElement, args, loaded }) => {
    await bodyRows(canvasElement, 3)
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect Acme Basic' }))
    const dialogElement = await canvas.findByRole('dialog', { name: 'Reconnect Acme Basic' })
    const dialog = within(dialogElement)
    const username = await dialog.findByRole('textbox', { name: 'Username' })
    const password = dialog.getByLabelText('Password')
    await userEvent.type(username, 'ada@example.com')
    await userEvent.type(password, 'wrong')
    await userEvent.click(dialog.getByRole('button', { name: 'Save credentials' }))
    await expectRefusedUnder(dialog, password, rejected('password'))
    await expect(username).toHaveValue('ada@example.com')
    await expect(password).toHaveValue('wrong')
    await expect(args.onReconnect).not.toHaveBeenCalled()
    await expect(updateRequests(loaded)).toHaveLength(1)
    await expect(statusAndMethod(await rowOf(canvasElement, 'Acme Basic'))).toEqual(['Credentials need attention', 'Username and password'])
  },
}

/** The never-checked OAuth connection re-authorized in the sign-in window: UpdateConnection with a new code; the row then works. */
export const ReconnectOAuth: Story = {
  parameters: fakeVersoriParameters({ seed: SEED, autoAuthorize: 'allow' }),
  play: async ({ canvas, canvasElement, args, loaded }) => {
    await bodyRows(canvasElement, 3)
    const existing = fakeVersori(loaded).connections.find((connection) => connection.connectionTemplateId === providerOf('Acme OAuth'))!
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect Acme OAuth' }))
    await waitFor(() => expect(args.onReconnect).toHaveBeenCalledWith(expect.objectContaining({ id: existing.id, status: 'working' })), POPUP)
    const row = await rowOf(canvasElement, 'Acme OAuth')
    await waitFor(() => expect(statusAndMethod(row)).toEqual(['Working', 'Account sign-in']))
    const [update] = updateRequests(loaded)
    await expect(update?.path).toMatch(new RegExp(`/connections/${existing.id}$`))
    await expect((update?.body as { credentials: { credential: { type: string } }[] }).credentials.map((entry) => entry.credential.type)).toEqual(['oauth2-code'])
    await expect(versoriRequests(loaded, 'POST', /\/connections$/)).toHaveLength(0)
  },
}
