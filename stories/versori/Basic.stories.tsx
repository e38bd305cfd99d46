import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { AuthSchemeForm } from '../../src/index'
import { FAKE_VERSORI } from '../../test/fakeVersori'
import {
  connectButton,
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
  rejected,
  submit,
  withFakeVersori,
} from './withFakeVersori'

const TEMPLATE = 'Acme Basic'

/**
 * Versori `basic-auth` (template "Acme Basic"): username and a masked password, then the
 * connection's name and base URL. Over the fake Versori platform.
 */
const meta = {
  title: 'Versori/Basic',
  component: AuthSchemeForm,
  ...withFakeVersori,
  args: { provider: providerOf(TEMPLATE), onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

/** As first shown: an empty username, an empty masked password with a reveal toggle, the prefilled name. */
export const Empty: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    const username = canvas.getByRole('textbox', { name: 'Username' })
    await expect(username).toHaveValue('')
    await expect(username).toHaveAttribute('autocomplete', 'off')
    const password = canvas.getByLabelText('Password')
    await expect(password).toHaveAttribute('type', 'password')
    await expect(password).toHaveAttribute('autocomplete', 'new-password')
    await expect(password).toHaveValue('')
    await expect(canvas.getByRole('button', { name: 'Show Password' })).toBeVisible()
    await expectConnectionFields(canvas, TEMPLATE)
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expectNothingSent(loaded)
  },
}

/** Nothing typed: both fields say they are required, the username gets focus, nothing is sent. */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    await expect(await canvas.findByText('Username is required.')).toBeVisible()
    await expect(canvas.getByText('Password is required.')).toBeVisible()
    const username = canvas.getByRole('textbox', { name: 'Username' })
    await expect(username).toHaveAttribute('aria-invalid', 'true')
    await expect(username).toHaveFocus()
    await expect(canvas.getByLabelText('Password')).toHaveAccessibleDescription('Password is required.')
    // Spaces alone are no username.
    await userEvent.type(username, '   ')
    await expect(canvas.getByText('Username is required.')).toBeVisible()
    await expectNothingSent(loaded)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/**
 * The platform refuses the password (`wrong`: 422 at `…credential.data.basicAuth.password`): the
 * message sits under Password, not Username; both values and the typed name stay.
 */
export const ServerError: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const username = canvas.getByRole('textbox', { name: 'Username' })
    const password = canvas.getByLabelText('Password')
    await userEvent.type(username, 'ada@example.com')
    await userEvent.type(password, 'wrong')
    const name = canvas.getByRole('textbox', { name: 'Connection name' })
    await userEvent.clear(name)
    await userEvent.type(name, 'Acme support desk')
    await submit(canvas)
    await expectRefusedUnder(canvas, password, rejected('password'))
    await expect(username).toHaveAttribute('aria-invalid', 'false')
    await expect(username).toHaveValue('ada@example.com')
    await expect(password).toHaveValue('wrong')
    await expect(name).toHaveValue('Acme support desk')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
    await expect(credentialsOf(onlyCreateBody(loaded))).toEqual([{ type: 'basic-auth', data: { basicAuth: { username: 'ada@example.com', password: 'wrong' } } }])
    await expect(fakeVersori(loaded).connections).toHaveLength(0)
  },
}

/** While the credentials are being saved: "Connecting…", an aria-busy form, and no second CreateConnection. */
export const Pending: Story = {
  parameters: fakeVersoriParameters({ faults: { createConnection: { delayMs: 60_000 } } }),
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Username' }), 'ada@example.com')
    await userEvent.type(canvas.getByLabelText('Password'), 'plugboard')
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/**
 * A password with a trailing space is sent exactly as typed, as a `basic-auth` credential for the
 * template's config. Afterwards the password is gone from the form; the username stays.
 */
export const Success: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const username = canvas.getByRole('textbox', { name: 'Username' })
    const password = canvas.getByLabelText('Password')
    await userEvent.type(username, 'ada@example.com')
    await userEvent.type(password, 'correct horse ')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: providerOf(TEMPLATE), authScheme: 'basic', status: 'working' })))
    const body = onlyCreateBody(loaded)
    await expect(body).toMatchObject({ connectionTemplateId: providerOf(TEMPLATE), externalId: FAKE_VERSORI.externalId, connection: { name: defaultName(TEMPLATE) } })
    await expect(body.connection.credentials[0]!.authSchemeConfig).toMatchObject({ type: 'basic-auth', basicAuth: { description: 'Username and password' } })
    await expect(credentialsOf(body)).toEqual([{ type: 'basic-auth', data: { basicAuth: { username: 'ada@example.com', password: 'correct horse ' } } }])
    await waitFor(() => expect(password).toHaveValue(''))
    await expect(username).toHaveValue('ada@example.com')
    await expect(fakeVersori(loaded).connections[0]?.credentials[0]?.credential.data).toEqual({ basicAuth: { username: 'ada@example.com', password: '' } })
  },
}
