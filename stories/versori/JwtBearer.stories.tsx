import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import rsaPrivatePem from '../../demo/fixtures/jwt/rsa-private.pem?raw'
import clientPem from '../../demo/fixtures/mtls/client.pem?raw'
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

const TEMPLATE = 'Acme JWT'

/**
 * Versori `jwt-bearer` (template "Acme JWT", a config with no object of its own): the key that
 * signs assertions, a PEM private key or a shared secret, sent as a `binary` credential (base64 of
 * the text). Over the fake Versori platform.
 */
const meta = {
  title: 'Versori/JwtBearer',
  component: AuthSchemeForm,
  ...withFakeVersori,
  args: { provider: providerOf(TEMPLATE), onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

/** UTF-8 text as base64, as Versori's `binary.valueBase64` holds it. */
const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)))

/** As first shown: a masked multi-line "Signing key" with its help and a file picker; the prefilled name. */
export const Empty: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    const key = canvas.getByRole('textbox', { name: 'Signing key' })
    await expect(key).toHaveValue('')
    await expect(key).toHaveAttribute('data-masked')
    await expect(key).toHaveAccessibleDescription('A private key (RSA or EC) as text starting with -----BEGIN, or the shared secret.')
    await expect(canvas.getByLabelText('Choose a file for Signing key')).toHaveAttribute('type', 'file')
    await expect(canvas.getByText('Choose file')).toBeVisible()
    await expectConnectionFields(canvas, TEMPLATE)
    await expectNothingSent(loaded)
  },
}

/** Empty, then a certificate where the key goes: each gets its message under Signing key; nothing is sent. */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    const key = canvas.getByRole('textbox', { name: 'Signing key' })
    await expect(await canvas.findByText('Signing key is required.')).toBeVisible()
    await expect(key).toHaveAttribute('aria-invalid', 'true')
    await expect(key).toHaveFocus()
    await userEvent.upload(canvas.getByLabelText('Choose a file for Signing key'), new File([clientPem], 'client.pem', { type: 'application/x-pem-file' }))
    await expect(await canvas.findByText('This is a certificate, not a private key.')).toBeVisible()
    await expect(canvas.queryByText('Signing key is required.')).toBeNull()
    await expect(key).toHaveAccessibleDescription(expect.stringContaining('This is a certificate, not a private key.'))
    await submit(canvas)
    await expect(canvas.getByText('This is a certificate, not a private key.')).toBeVisible()
    await expectNothingSent(loaded)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/**
 * The platform refuses the key (`wrong`, as a shared secret: 422 at `…data.binary.valueBase64`,
 * which it decodes first): the message sits under Signing key; the value stays.
 */
export const ServerError: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const key = canvas.getByRole('textbox', { name: 'Signing key' })
    await userEvent.type(key, 'wrong')
    await submit(canvas)
    await expectRefusedUnder(canvas, key, rejected('key'))
    await expect(key).toHaveValue('wrong')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
    await expect(credentialsOf(onlyCreateBody(loaded))).toEqual([{ type: 'binary', data: { binary: { valueBase64: base64('wrong') } } }])
    await expect(fakeVersori(loaded).connections).toHaveLength(0)
  },
}

/** While the key is being saved: "Connecting…", an aria-busy form, and no second CreateConnection. */
export const Pending: Story = {
  parameters: fakeVersoriParameters({ faults: { createConnection: { delayMs: 60_000 } } }),
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Signing key' }), 'acme-hs256-shared')
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/**
 * The RSA key chosen as a file collapses to "RSA private key loaded"; it is sent as a `binary`
 * credential holding the PEM text in base64, with the template's bare `{type: 'jwt-bearer'}`
 * config. Afterwards nothing of the key is left on the page.
 */
export const Success: Story = {
  play: async ({ canvas, args, loaded, canvasElement }) => {
    await connectButton(canvas)
    await userEvent.upload(canvas.getByLabelText('Choose a file for Signing key'), new File([rsaPrivatePem], 'rsa-private.pem', { type: 'application/x-pem-file' }))
    await expect(await canvas.findByText('RSA private key loaded')).toBeVisible()
    await expect(canvas.queryByRole('textbox', { name: 'Signing key' })).toBeNull()
    await expect(canvasElement.innerHTML).not.toContain(rsaPrivatePem.split('\n')[1])
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: providerOf(TEMPLATE), authScheme: 'jwtBearer', status: 'working' })))
    const body = onlyCreateBody(loaded)
    await expect(body).toMatchObject({ connectionTemplateId: providerOf(TEMPLATE), externalId: FAKE_VERSORI.externalId, connection: { name: defaultName(TEMPLATE) } })
    await expect(body.connection.credentials[0]!.authSchemeConfig).toEqual({ type: 'jwt-bearer' })
    await expect(credentialsOf(body)).toEqual([{ type: 'binary', data: { binary: { valueBase64: base64(rsaPrivatePem.trim()) } } }])
    // The key is gone: an empty text area again, no summary, nothing of it on the page.
    await expect(await canvas.findByRole('textbox', { name: 'Signing key' })).toHaveValue('')
    await expect(canvas.queryByText('RSA private key loaded')).toBeNull()
    await expect(canvasElement.innerHTML).not.toContain('PRIVATE KEY')
    await expect(fakeVersori(loaded).connections[0]?.credentials[0]?.credential.data).toEqual({ binary: { valueBase64: '' } })
  },
}
