import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { AuthSchemeForm } from '../../src/index'
import { FAKE_VERSORI } from '../../test/fakeVersori'
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

const TEMPLATE = 'Acme OAuth 1 token'
/** The optional `realm` parameter ("realm (optional)"). */
const realmField = (canvas: Canvas) => canvas.getByRole('textbox', { name: /^realm\s*\(optional\)$/ })

/**
 * Versori `oauth1` with `tokenAuth` (template "Acme OAuth 1 token"): a token and token secret the
 * person already has, plus the config's one modifiable parameter, `realm` (its fixed `api_version`
 * is not asked for). Over the fake Versori platform.
 */
const meta = {
  title: 'Versori/OAuth1Token',
  component: AuthSchemeForm,
  ...withFakeVersori,
  args: { provider: providerOf(TEMPLATE), onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

/** As first shown: masked Token and Token secret, an optional `realm`, and the prefilled name. */
export const Empty: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    for (const label of ['Token', 'Token secret']) {
      const field = canvas.getByLabelText(label)
      await expect(field).toHaveAttribute('type', 'password')
      await expect(field).toHaveValue('')
      await expect(field).toHaveAttribute('aria-required', 'true')
    }
    const realm = realmField(canvas)
    await expect(realm).toHaveValue('')
    await expect(realm).toHaveAttribute('aria-required', 'false')
    await expect(canvas.queryByLabelText(/api_version/)).toBeNull()
    await expectConnectionFields(canvas, TEMPLATE)
    await expectNothingSent(loaded)
  },
}

/** Nothing typed: Token and Token secret say they are required, `realm` does not; nothing is sent. */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    await expect(await canvas.findByText('Token is required.')).toBeVisible()
    await expect(canvas.getByText('Token secret is required.')).toBeVisible()
    await expect(canvas.getByLabelText('Token')).toHaveFocus()
    await expect(canvas.getByLabelText('Token secret')).toHaveAttribute('aria-invalid', 'true')
    await expect(realmField(canvas)).toHaveAttribute('aria-invalid', 'false')
    await expectNothingSent(loaded)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/**
 * The platform refuses the token secret (`wrong`: 422 at `…data.oauth1Token.tokenSecret`): under
 * Token secret, not Token; token, secret and realm all stay.
 */
export const ServerError: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const token = canvas.getByLabelText('Token')
    const tokenSecret = canvas.getByLabelText('Token secret')
    const realm = realmField(canvas)
    await userEvent.type(token, 'acme-token')
    await userEvent.type(tokenSecret, 'wrong')
    await userEvent.type(realm, 'acme')
    await submit(canvas)
    await expectRefusedUnder(canvas, tokenSecret, rejected('token secret'))
    await expect(token).toHaveAttribute('aria-invalid', 'false')
    await expect(token).toHaveValue('acme-token')
    await expect(tokenSecret).toHaveValue('wrong')
    await expect(realm).toHaveValue('acme')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
    await expect(credentialsOf(onlyCreateBody(loaded))).toEqual([
      { type: 'oauth1-token', data: { oauth1Token: { token: 'acme-token', tokenSecret: 'wrong', additionalParams: [{ name: 'realm', value: 'acme' }] } } },
    ])
    await expect(fakeVersori(loaded).connections).toHaveLength(0)
  },
}

/** While the token is being saved: "Connecting…", an aria-busy form, and no second CreateConnection. */
export const Pending: Story = {
  parameters: fakeVersoriParameters({ faults: { createConnection: { delayMs: 60_000 } } }),
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    await userEvent.type(canvas.getByLabelText('Token'), 'acme-token')
    await userEvent.type(canvas.getByLabelText('Token secret'), 'acme-token-secret')
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/**
 * Token and secret with `realm` left empty: an `oauth1-token` credential with no additional
 * parameters (an empty optional one is not sent). Afterwards both secrets are gone from the form.
 */
export const Success: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const token = canvas.getByLabelText('Token')
    const tokenSecret = canvas.getByLabelText('Token secret')
    await userEvent.type(token, 'acme-token')
    await userEvent.type(tokenSecret, 'acme-token-secret')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: providerOf(TEMPLATE), authScheme: 'oauth1/token', status: 'working' })))
    const body = onlyCreateBody(loaded)
    await expect(body).toMatchObject({ connectionTemplateId: providerOf(TEMPLATE), externalId: FAKE_VERSORI.externalId, connection: { name: defaultName(TEMPLATE) } })
    await expect(body.connection.credentials[0]!.authSchemeConfig).toMatchObject({ type: 'oauth1', oauth1: { tokenAuth: true } })
    await expect(credentialsOf(body)).toEqual([{ type: 'oauth1-token', data: { oauth1Token: { token: 'acme-token', tokenSecret: 'acme-token-secret', additionalParams: [] } } }])
    await waitFor(() => expect(token).toHaveValue(''))
    await expect(tokenSecret).toHaveValue('')
    await expect(fakeVersori(loaded).connections[0]?.credentials[0]?.credential.data).toMatchObject({ oauth1Token: { token: 'acme-token', tokenSecret: '' } })
  },
}
