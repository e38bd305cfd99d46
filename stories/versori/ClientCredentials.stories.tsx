import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { AuthSchemeForm } from '../../src/index'
import { FAKE_VERSORI, FAKE_VERSORI_ISSUER } from '../../test/fakeVersori'
import type { Canvas } from '../support'
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

const TEMPLATE = 'Acme Client Credentials'

/**
 * Versori `oauth2` with the client credentials grant (template "Acme Client Credentials"): client
 * ID, masked client secret and the template's scopes as checkboxes (its default checked). The token
 * URL is the template's, never typed. Over the fake Versori platform.
 */
const meta = {
  title: 'Versori/ClientCredentials',
  component: AuthSchemeForm,
  ...withFakeVersori,
  args: { provider: providerOf(TEMPLATE), onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

const scopes = (canvas: Canvas) => within(canvas.getByRole('group', { name: /^Scopes\s*\(optional\)$/ }))

/** As first shown: client ID, masked client secret, the two scopes with "Read your Acme data" checked, the prefilled name. */
export const Empty: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    await expect(canvas.getByRole('textbox', { name: 'Client ID' })).toHaveValue('')
    await expect(canvas.getByLabelText('Client secret')).toHaveAttribute('type', 'password')
    await expect(canvas.getByLabelText('Client secret')).toHaveValue('')
    await expect(scopes(canvas).getAllByRole('checkbox').map((box: HTMLElement) => box.parentElement?.textContent)).toEqual(['Read your Acme data', 'Change your Acme data'])
    await expect(scopes(canvas).getByRole('checkbox', { name: 'Read your Acme data' })).toBeChecked()
    await expect(scopes(canvas).getByRole('checkbox', { name: 'Change your Acme data' })).not.toBeChecked()
    await expect(canvas.queryByLabelText(/token url/i)).toBeNull()
    await expectConnectionFields(canvas, TEMPLATE)
    await expectNothingSent(loaded)
  },
}

/** Nothing typed: Client ID and Client secret say they are required; the optional scopes do not; nothing is sent. */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    await expect(await canvas.findByText('Client ID is required.')).toBeVisible()
    await expect(canvas.getByText('Client secret is required.')).toBeVisible()
    await expect(canvas.getByRole('textbox', { name: 'Client ID' })).toHaveFocus()
    await expect(canvas.getByLabelText('Client secret')).toHaveAccessibleDescription('Client secret is required.')
    await expect(scopes(canvas).getByRole('checkbox', { name: 'Read your Acme data' })).toHaveAttribute('aria-invalid', 'false')
    await expectNothingSent(loaded)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/**
 * The platform refuses the client secret (`wrong`: 422 at `…data.oauth2Client.clientSecret`): the
 * message sits under Client secret; client ID, secret and the scopes chosen all stay.
 */
export const ServerError: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const clientId = canvas.getByRole('textbox', { name: 'Client ID' })
    const clientSecret = canvas.getByLabelText('Client secret')
    await userEvent.type(clientId, 'demo-cc')
    await userEvent.type(clientSecret, 'wrong')
    await userEvent.click(scopes(canvas).getByRole('checkbox', { name: 'Change your Acme data' }))
    await submit(canvas)
    await expectRefusedUnder(canvas, clientSecret, rejected('client secret'))
    await expect(clientId).toHaveAttribute('aria-invalid', 'false')
    await expect(clientId).toHaveValue('demo-cc')
    await expect(clientSecret).toHaveValue('wrong')
    await expect(scopes(canvas).getByRole('checkbox', { name: 'Change your Acme data' })).toBeChecked()
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
    await expect(credentialsOf(onlyCreateBody(loaded))).toEqual([
      {
        type: 'oauth2-client',
        data: { oauth2Client: { clientId: 'demo-cc', clientSecret: 'wrong', tokenUrl: `${FAKE_VERSORI_ISSUER}/token`, scopes: ['api:read', 'api:write'] } },
      },
    ])
    await expect(fakeVersori(loaded).connections).toHaveLength(0)
  },
}

/** While the client is being saved: "Connecting…", an aria-busy form, and no second CreateConnection. */
export const Pending: Story = {
  parameters: fakeVersoriParameters({ faults: { createConnection: { delayMs: 60_000 } } }),
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Client ID' }), 'demo-cc')
    await userEvent.type(canvas.getByLabelText('Client secret'), 'demo-cc-secret')
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/**
 * The default scope alone: an `oauth2-client` credential with the template's token URL and
 * `['api:read']`. Afterwards the client secret is gone; the client ID and scopes stay.
 */
export const Success: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const clientSecret = canvas.getByLabelText('Client secret')
    await userEvent.type(canvas.getByRole('textbox', { name: 'Client ID' }), 'demo-cc')
    await userEvent.type(clientSecret, 'demo-cc-secret')
    await submit(canvas)
    await waitFor(() =>
      expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: providerOf(TEMPLATE), authScheme: 'oauth2/clientCredentials', status: 'working' })),
    )
    const body = onlyCreateBody(loaded)
    await expect(body).toMatchObject({ connectionTemplateId: providerOf(TEMPLATE), externalId: FAKE_VERSORI.externalId, connection: { name: defaultName(TEMPLATE) } })
    await expect(body.connection.credentials[0]!.authSchemeConfig).toMatchObject({ type: 'oauth2', oauth2: { grant: { type: 'clientCredentials' } } })
    await expect(credentialsOf(body)).toEqual([
      { type: 'oauth2-client', data: { oauth2Client: { clientId: 'demo-cc', clientSecret: 'demo-cc-secret', tokenUrl: `${FAKE_VERSORI_ISSUER}/token`, scopes: ['api:read'] } } },
    ])
    await waitFor(() => expect(clientSecret).toHaveValue(''))
    await expect(canvas.getByRole('textbox', { name: 'Client ID' })).toHaveValue('demo-cc')
    await expect(scopes(canvas).getByRole('checkbox', { name: 'Read your Acme data' })).toBeChecked()
    await expect(fakeVersori(loaded).connections[0]?.credentials[0]?.credential.data).toMatchObject({ oauth2Client: { clientId: 'demo-cc', clientSecret: '' } })
  },
}
