import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import caPem from '../../demo/fixtures/mtls/ca.pem?raw'
import clientKeyPem from '../../demo/fixtures/mtls/client-key.pem?raw'
import clientPem from '../../demo/fixtures/mtls/client.pem?raw'
import { AuthSchemeForm } from '../../src/index'
import { FAKE_VERSORI, FAKE_VERSORI_ISSUER } from '../../test/fakeVersori'
import type { Canvas } from '../support'
import {
  connectButton,
  createRequests,
  expectNothingSent,
  credentialsOf,
  defaultName,
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

const TEMPLATE = 'Acme Secure OAuth'

/**
 * An `oauth2` client-credentials config with `mtlsEnabled` and the template's `certificate` config
 * (template "Acme Secure OAuth") form one two-part method: the client (ID, secret, scopes), then the
 * client certificate, key and CA chain, sent as two credentials in the template's order. Over the
 * fake Versori platform.
 */
const meta = {
  title: 'Versori/MtlsTwoParts',
  component: AuthSchemeForm,
  ...withFakeVersori,
  args: { provider: providerOf(TEMPLATE), onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

const pemFile = (text: string, name: string) => new File([text], name, { type: 'application/x-pem-file' })

/** Fills both parts: the client, then the three demo files chosen with the pickers. */
async function fillBothParts(canvas: Canvas, clientSecret: string) {
  await userEvent.type(canvas.getByRole('textbox', { name: 'Client ID' }), 'demo-cc')
  await userEvent.type(canvas.getByLabelText('Client secret'), clientSecret)
  await userEvent.upload(canvas.getByLabelText('Choose a file for Certificate'), pemFile(clientPem, 'client.pem'))
  await waitFor(() => expect(canvas.getByRole('textbox', { name: 'Certificate' })).toHaveValue(clientPem.trim()))
  await userEvent.upload(canvas.getByLabelText('Choose a file for Private key'), pemFile(clientKeyPem, 'client-key.pem'))
  await expect(await canvas.findByText('RSA private key loaded')).toBeVisible()
  await userEvent.upload(canvas.getByLabelText('Choose a file for CA certificate chain'), pemFile(caPem, 'ca.pem'))
  await waitFor(() => expect(canvas.getByRole('textbox', { name: 'CA certificate chain' })).toHaveValue(caPem.trim()))
}

/** The two credentials Versori receives, in the template's order. */
const sent = (clientSecret: string) => [
  { type: 'oauth2-client', data: { oauth2Client: { clientId: 'demo-cc', clientSecret, tokenUrl: `${FAKE_VERSORI_ISSUER}/token`, scopes: ['api:read'] } } },
  { type: 'certificate', data: { certificate: { certificate: clientPem.trim(), key: clientKeyPem.trim(), ca: caPem.trim() } } },
]

/** As first shown: one method, no picker; the client's fields, then the certificate's, then the prefilled name. */
export const Empty: Story = {
  play: async ({ canvas, canvasElement, loaded }) => {
    await connectButton(canvas)
    await expect(canvas.queryByRole('group', { name: 'How do you want to connect?' })).toBeNull()
    const labels = [...canvasElement.querySelectorAll('.plugboard-label')].filter((label) => !label.closest('details')).map((label) => label.firstChild?.textContent)
    await expect(labels).toEqual(['Client ID', 'Client secret', 'Scopes', 'Certificate', 'Private key', 'CA certificate chain', 'Connection name'])
    for (const label of ['Client ID', 'Certificate', 'Private key', 'CA certificate chain']) {
      await expect(canvas.getByRole('textbox', { name: label })).toHaveValue('')
    }
    await expect(canvas.getByLabelText('Client secret')).toHaveAttribute('type', 'password')
    await expect(canvas.getByRole('checkbox', { name: 'Read your Acme data' })).toBeChecked()
    await expect(canvas.getByRole('textbox', { name: 'Connection name' })).toHaveValue(defaultName(TEMPLATE))
    await expectNothingSent(loaded)
  },
}

/** Nothing typed: every required field of both parts says so; the first (Client ID) gets focus; nothing is sent. */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    for (const label of ['Client ID', 'Client secret', 'Certificate', 'Private key', 'CA certificate chain']) {
      await expect(await canvas.findByText(`${label} is required.`)).toBeVisible()
    }
    await expect(canvas.getByRole('textbox', { name: 'Client ID' })).toHaveFocus()
    // Fixing the first part leaves the second part's messages.
    await userEvent.type(canvas.getByRole('textbox', { name: 'Client ID' }), 'demo-cc')
    await userEvent.type(canvas.getByLabelText('Client secret'), 'demo-cc-secret')
    await waitFor(() => expect(canvas.queryByText('Client ID is required.')).toBeNull())
    await expect(canvas.getByText('Certificate is required.')).toBeVisible()
    await submit(canvas)
    await expect(canvas.getByRole('textbox', { name: 'Certificate' })).toHaveFocus()
    await expectNothingSent(loaded)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/**
 * The client secret `wrong` (422 at `connection.credentials[0]…oauth2Client.clientSecret`): the
 * message sits under Client secret in the first part; the second part (certificate, loaded key,
 * CA chain) stays as chosen.
 */
export const ServerError: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await fillBothParts(canvas, 'wrong')
    await submit(canvas)
    const clientSecret = canvas.getByLabelText('Client secret')
    await expectRefusedUnder(canvas, clientSecret, rejected('client secret'))
    await expect(clientSecret).toHaveValue('wrong')
    await expect(canvas.getByRole('textbox', { name: 'Client ID' })).toHaveValue('demo-cc')
    await expect(canvas.getByRole('textbox', { name: 'Certificate' })).toHaveValue(clientPem.trim())
    await expect(canvas.getByRole('textbox', { name: 'Certificate' })).toHaveAttribute('aria-invalid', 'false')
    await expect(canvas.getByText('RSA private key loaded')).toBeVisible()
    await expect(canvas.getByRole('textbox', { name: 'CA certificate chain' })).toHaveValue(caPem.trim())
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
    await expect(credentialsOf(onlyCreateBody(loaded))).toEqual(sent('wrong'))
    await expect(fakeVersori(loaded).connections).toHaveLength(0)
  },
}

/** A refusal in the second credential (`connection.credentials[1]…certificate.certificate`) lands under Certificate, not in the first part. */
export const SecondPartRefused: Story = {
  parameters: fakeVersoriParameters({
    faults: {
      createConnection: {
        status: 422,
        error: { fields: [{ field: 'connection.credentials[1].credential.data.certificate.certificate', message: 'Acme does not trust this certificate.' }] },
      },
    },
  }),
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    await fillBothParts(canvas, 'demo-cc-secret')
    await submit(canvas)
    const certificate = canvas.getByRole('textbox', { name: 'Certificate' })
    await expectRefusedUnder(canvas, certificate, 'Acme does not trust this certificate.')
    await expect(canvas.getByRole('textbox', { name: 'Client ID' })).toHaveAttribute('aria-invalid', 'false')
    await expect(canvas.getByLabelText('Client secret')).toHaveValue('demo-cc-secret')
    await expect(createRequests(loaded)).toHaveLength(1)
  },
}

/** While both credentials are being saved: "Connecting…", an aria-busy form, and no second CreateConnection. */
export const Pending: Story = {
  parameters: fakeVersoriParameters({ faults: { createConnection: { delayMs: 60_000 } } }),
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    await fillBothParts(canvas, 'demo-cc-secret')
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/**
 * Both parts go out as two credentials in the template's order, each echoing its config: the
 * mTLS-enabled `oauth2` one with an `oauth2-client` credential, the `certificate` one with the PEM
 * texts. Afterwards the client secret and the key are gone from the form.
 */
export const Success: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await fillBothParts(canvas, 'demo-cc-secret')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: providerOf(TEMPLATE), status: 'working' })))
    const body = onlyCreateBody(loaded)
    await expect(body).toMatchObject({ connectionTemplateId: providerOf(TEMPLATE), externalId: FAKE_VERSORI.externalId, connection: { name: defaultName(TEMPLATE) } })
    await expect(body.connection.credentials.map((entry) => entry.authSchemeConfig.type)).toEqual(['oauth2', 'certificate'])
    await expect(body.connection.credentials[0]!.authSchemeConfig).toMatchObject({ oauth2: { mtlsEnabled: true, grant: { type: 'clientCredentials' } } })
    await expect(credentialsOf(body)).toEqual(sent('demo-cc-secret'))
    await waitFor(() => expect(canvas.getByLabelText('Client secret')).toHaveValue(''))
    await expect(await canvas.findByRole('textbox', { name: 'Private key' })).toHaveValue('')
    await expect(canvas.getByRole('textbox', { name: 'Client ID' })).toHaveValue('demo-cc')
    await expect(fakeVersori(loaded).connections[0]?.credentials.map((entry) => entry.credential.type)).toEqual(['oauth2-client', 'certificate'])
  },
}
