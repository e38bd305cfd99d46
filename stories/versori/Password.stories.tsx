import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { AuthSchemeForm } from '../../src/index'
import { VERSORI_DEMO } from '../../demo/server/versori/types'
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

const TEMPLATE = 'Acme Password'

/**
 * Versori `oauth2` with the password grant (template "Acme Password"): the platform holds the OAuth
 * client, so the person gives only their username and password. Over the fake Versori platform.
 */
const meta = {
  title: 'Versori/Password',
  component: AuthSchemeForm,
  ...withFakeVersori,
  args: { provider: providerOf(TEMPLATE), onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

/** As first shown: username and masked password only (no client ID or secret, no scopes), the prefilled name. */
export const Empty: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    await expect(canvas.getByRole('textbox', { name: 'Username' })).toHaveValue('')
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('type', 'password')
    await expect(canvas.queryByLabelText('Client ID')).toBeNull()
    await expect(canvas.queryByLabelText('Client secret')).toBeNull()
    await expect(canvas.queryByRole('group', { name: /^Scopes/ })).toBeNull()
    await expect(canvas.queryAllByRole('checkbox')).toHaveLength(0)
    await expectConnectionFields(canvas, TEMPLATE)
    await expectNothingSent(loaded)
  },
}

/** Only a username: "Password is required." beside the password, which gets focus; nothing is sent. */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Username' }), 'ada@example.com')
    await submit(canvas)
    const password = canvas.getByLabelText('Password')
    await expect(await canvas.findByText('Password is required.')).toBeVisible()
    await expect(password).toHaveAttribute('aria-invalid', 'true')
    await expect(password).toHaveFocus()
    await expect(canvas.queryByText('Username is required.')).toBeNull()
    await expectNothingSent(loaded)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** The platform refuses the password (`wrong`: 422 at `…data.oauth2Password.password`): under Password; both values stay. */
export const ServerError: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const username = canvas.getByRole('textbox', { name: 'Username' })
    const password = canvas.getByLabelText('Password')
    await userEvent.type(username, 'ada@example.com')
    await userEvent.type(password, 'wrong')
    await submit(canvas)
    await expectRefusedUnder(canvas, password, rejected('password'))
    await expect(username).toHaveValue('ada@example.com')
    await expect(username).toHaveAttribute('aria-invalid', 'false')
    await expect(password).toHaveValue('wrong')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
    await expect(credentialsOf(onlyCreateBody(loaded))).toEqual([{ type: 'oauth2-password', data: { oauth2Password: { username: 'ada@example.com', password: 'wrong' } } }])
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
 * Username and password go out as an `oauth2-password` credential, echoing the template's password
 * grant (the platform's client id, never its secret). Afterwards the password is gone.
 */
export const Success: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const password = canvas.getByLabelText('Password')
    await userEvent.type(canvas.getByRole('textbox', { name: 'Username' }), 'ada@example.com')
    await userEvent.type(password, 'plugboard')
    await submit(canvas)
    await waitFor(() =>
      expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: providerOf(TEMPLATE), authScheme: 'oauth2/password', status: 'working' })),
    )
    const body = onlyCreateBody(loaded)
    await expect(body).toMatchObject({ connectionTemplateId: providerOf(TEMPLATE), externalId: FAKE_VERSORI.externalId, connection: { name: defaultName(TEMPLATE) } })
    await expect(body.connection.credentials[0]!.authSchemeConfig).toMatchObject({
      type: 'oauth2',
      oauth2: { grant: { type: 'password', password: { clientId: VERSORI_DEMO.passwordClient.id } } },
    })
    await expect(JSON.stringify(body)).not.toContain(VERSORI_DEMO.passwordClient.secret)
    await expect(credentialsOf(body)).toEqual([{ type: 'oauth2-password', data: { oauth2Password: { username: 'ada@example.com', password: 'plugboard' } } }])
    await waitFor(() => expect(password).toHaveValue(''))
    await expect(canvas.getByRole('textbox', { name: 'Username' })).toHaveValue('ada@example.com')
  },
}
