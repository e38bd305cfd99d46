import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { AuthSchemeForm, ConnectButton } from '../../src/index'
import { FAKE_VERSORI } from '../../test/fakeVersori'
import {
  connectButton,
  createRequests,
  expectNothingSent,
  credentialsOf,
  defaultName,
  expectConnectionFields,
  expectPending,
  expectRefusedUnder,
  fakeVersori,
  fakeVersoriParameters,
  onlyCreateBody,
  providerOf,
  submit,
  withFakeVersori,
} from './withFakeVersori'

const TEMPLATE = 'Acme (no auth)'
const NO_CREDENTIALS = `${TEMPLATE} needs no password or key. Select Connect to continue.`

/**
 * Versori `none` (template "Acme (no auth)"): nothing secret to type, only the connection's name
 * and, under Advanced, its base URL. Over the fake Versori platform.
 */
const meta = {
  title: 'Versori/None',
  component: AuthSchemeForm,
  ...withFakeVersori,
  args: { provider: providerOf(TEMPLATE), onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

/** As first shown: it says no credentials are needed; only the prefilled name and a closed Advanced follow. */
export const Empty: Story = {
  play: async ({ canvas, canvasElement, loaded }) => {
    await connectButton(canvas)
    await expect(canvas.getByText(NO_CREDENTIALS)).toBeVisible()
    await expectConnectionFields(canvas, TEMPLATE)
    // The name is the only text box in view; nothing is masked.
    await expect(canvas.getAllByRole('textbox').filter((box: HTMLElement) => box.checkVisibility())).toEqual([canvas.getByRole('textbox', { name: 'Connection name' })])
    await expect(canvasElement.querySelector('input[type="password"]')).toBeNull()
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expectNothingSent(loaded)
  },
}

/** The name cleared: "Connection name is required." beside it, focused; nothing is sent. */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const name = canvas.getByRole('textbox', { name: 'Connection name' })
    await userEvent.clear(name)
    await submit(canvas)
    await expect(await canvas.findByText('Connection name is required.')).toBeVisible()
    await expect(name).toHaveAttribute('aria-invalid', 'true')
    await expect(name).toHaveAccessibleDescription(expect.stringContaining('Connection name is required.'))
    await expect(name).toHaveFocus()
    await expectNothingSent(loaded)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/**
 * The name is taken (Ada already has "Acme (no auth) – Ada Lovelace"): the platform's 409 at
 * `connection.name` sits under Connection name; the typed base URL stays.
 */
export const ServerError: Story = {
  parameters: fakeVersoriParameters({ seed: [{ template: TEMPLATE, externalId: FAKE_VERSORI.externalId, name: defaultName(TEMPLATE), errors: [] }] }),
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await userEvent.click(canvas.getByText('Advanced'))
    await userEvent.type(canvas.getByLabelText('Account URL (optional)'), 'https://eu.acme.example')
    await submit(canvas)
    const name = canvas.getByRole('textbox', { name: 'Connection name' })
    await expectRefusedUnder(canvas, name, 'A connection with this name already exists.')
    await expect(name).toHaveValue(defaultName(TEMPLATE))
    await expect(canvas.getByLabelText('Account URL (optional)')).toHaveValue('https://eu.acme.example')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 409 }))
    await expect(onlyCreateBody(loaded).connection.name).toBe(defaultName(TEMPLATE))
    await expect(fakeVersori(loaded).connections).toHaveLength(1)
    // Another name goes through.
    await userEvent.clear(name)
    await userEvent.type(name, 'Acme (no auth) – staging')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ name: 'Acme (no auth) – staging' })))
    await expect(fakeVersori(loaded).connections.map((connection) => connection.name)).toEqual([defaultName(TEMPLATE), 'Acme (no auth) – staging'])
  },
}

/** While the connection is being saved: "Connecting…", an aria-busy form, and no second CreateConnection. */
export const Pending: Story = {
  parameters: fakeVersoriParameters({ faults: { createConnection: { delayMs: 60_000 } } }),
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/** Connect as it is: CreateConnection carries one `none` credential for the template's `none` config. */
export const Success: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    await waitFor(() =>
      expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: providerOf(TEMPLATE), authScheme: 'none', status: 'working', name: defaultName(TEMPLATE) })),
    )
    const body = onlyCreateBody(loaded)
    await expect(body).toMatchObject({ connectionTemplateId: providerOf(TEMPLATE), externalId: FAKE_VERSORI.externalId, connection: { name: defaultName(TEMPLATE) } })
    await expect(body.connection).not.toHaveProperty('baseUrl')
    await expect(body.connection.credentials[0]!.authSchemeConfig).toMatchObject({ type: 'none', none: { description: 'No authentication' } })
    await expect(credentialsOf(body)).toEqual([{ type: 'none', data: { none: {} } }])
    await expect(canvas.getByRole('textbox', { name: 'Connection name' })).toHaveValue(defaultName(TEMPLATE))
  },
}

/** From ConnectButton: the form opens in a dialog (there is a name to confirm); after Connect the button says it is connected. */
export const FromConnectButton: Story = {
  render: (args) => <ConnectButton provider={args.provider} onSuccess={args.onSuccess} />,
  play: async ({ canvas, args, loaded }) => {
    const button = await canvas.findByRole('button', { name: `Connect ${TEMPLATE}` })
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'))
    await userEvent.click(button)
    const dialog = await canvas.findByRole('dialog', { name: `Connect ${TEMPLATE}` })
    await expect(await within(dialog).findByText(NO_CREDENTIALS)).toBeVisible()
    await expect(within(dialog).getByRole('textbox', { name: 'Connection name' })).toHaveValue(defaultName(TEMPLATE))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(await canvas.findByRole('status')).toHaveTextContent(`${TEMPLATE} is connected`)
    await expect(createRequests(loaded)).toHaveLength(1)
  },
}
