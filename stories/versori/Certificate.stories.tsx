import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import caPem from '../../demo/fixtures/mtls/ca.pem?raw'
import clientKeyPem from '../../demo/fixtures/mtls/client-key.pem?raw'
import clientPem from '../../demo/fixtures/mtls/client.pem?raw'
import { AuthSchemeForm } from '../../src/index'
import { FAKE_VERSORI } from '../../test/fakeVersori'
import type { Canvas } from '../support'
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

const TEMPLATE = 'Acme mTLS'
const LABELS = ['Certificate', 'Private key', 'CA certificate chain']

/**
 * Versori `certificate` (template "Acme mTLS"): certificate, private key and CA chain as PEM, all
 * three required (Versori's certificate credential needs each), pasted or chosen as files. Over the
 * fake Versori platform.
 */
const meta = {
  title: 'Versori/Certificate',
  component: AuthSchemeForm,
  ...withFakeVersori,
  args: { provider: providerOf(TEMPLATE), onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

const pemFile = (text: string, name: string) => new File([text], name, { type: 'application/x-pem-file' })

/** Chooses the three demo files with the file pickers; the key collapses to its summary. */
async function chooseFiles(canvas: Canvas) {
  await userEvent.upload(canvas.getByLabelText('Choose a file for Certificate'), pemFile(clientPem, 'client.pem'))
  await waitFor(() => expect(canvas.getByRole('textbox', { name: 'Certificate' })).toHaveValue(clientPem.trim()))
  await userEvent.upload(canvas.getByLabelText('Choose a file for Private key'), pemFile(clientKeyPem, 'client-key.pem'))
  await expect(await canvas.findByText('RSA private key loaded')).toBeVisible()
  await userEvent.upload(canvas.getByLabelText('Choose a file for CA certificate chain'), pemFile(caPem, 'ca.pem'))
  await waitFor(() => expect(canvas.getByRole('textbox', { name: 'CA certificate chain' })).toHaveValue(caPem.trim()))
}

/** The certificate credential Versori stores for the three demo files. */
const SENT = { type: 'certificate', data: { certificate: { certificate: clientPem.trim(), key: clientKeyPem.trim(), ca: caPem.trim() } } }

/** As first shown: three required PEM fields with file pickers (only the key masked), the prefilled name. */
export const Empty: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    for (const label of LABELS) {
      const field = canvas.getByRole('textbox', { name: label })
      await expect(field).toHaveValue('')
      await expect(field).toHaveAttribute('aria-required', 'true')
      await expect(field).toHaveAccessibleDescription('Paste the text that starts with -----BEGIN, or choose the file.')
      await expect(canvas.getByLabelText(`Choose a file for ${label}`)).toHaveAttribute('type', 'file')
    }
    await expect(canvas.getByRole('textbox', { name: 'Private key' })).toHaveAttribute('data-masked')
    await expect(canvas.getByRole('textbox', { name: 'Certificate' })).not.toHaveAttribute('data-masked')
    await expect(canvas.getByRole('textbox', { name: 'CA certificate chain' })).not.toHaveAttribute('data-masked')
    await expectConnectionFields(canvas, TEMPLATE)
    await expectNothingSent(loaded)
  },
}

/** Nothing chosen: all three are required (the CA chain too); then a key in the Certificate field is refused as pasted. Nothing is sent. */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    for (const label of LABELS) {
      await expect(await canvas.findByText(`${label} is required.`)).toBeVisible()
      await expect(canvas.getByRole('textbox', { name: label })).toHaveAttribute('aria-invalid', 'true')
    }
    const certificate = canvas.getByRole('textbox', { name: 'Certificate' })
    await expect(certificate).toHaveFocus()
    await userEvent.upload(canvas.getByLabelText('Choose a file for Certificate'), pemFile(clientKeyPem, 'client-key.pem'))
    const message = 'This is a private key. Paste it into the Private key field; this one needs a certificate.'
    await expect(await canvas.findByText(message)).toBeVisible()
    await expect(certificate).toHaveAccessibleDescription(`Paste the text that starts with -----BEGIN, or choose the file. ${message}`)
    await expectNothingSent(loaded)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/**
 * The platform refuses the certificate with a 422 at the exact path
 * `connection.credentials[0].credential.data.certificate.certificate` (a fault: `wrong` is no PEM
 * and never leaves the form): the message sits under Certificate; all three values stay, and
 * sending again sends the kept key.
 */
export const ServerError: Story = {
  parameters: fakeVersoriParameters({
    faults: {
      createConnection: {
        status: 422,
        times: 1,
        error: {
          message: 'The provider rejected the credentials.',
          fields: [{ field: 'connection.credentials[0].credential.data.certificate.certificate', message: 'This certificate has expired.' }],
        },
      },
    },
  }),
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await chooseFiles(canvas)
    await submit(canvas)
    const certificate = canvas.getByRole('textbox', { name: 'Certificate' })
    await expectRefusedUnder(canvas, certificate, 'This certificate has expired.')
    await expect(certificate).toHaveValue(clientPem.trim())
    await expect(canvas.getByText('RSA private key loaded')).toBeVisible()
    await expect(canvas.getByRole('textbox', { name: 'CA certificate chain' })).toHaveValue(caPem.trim())
    await expect(canvas.getByRole('textbox', { name: 'CA certificate chain' })).toHaveAttribute('aria-invalid', 'false')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
    await expect(fakeVersori(loaded).connections).toHaveLength(0)
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    const sent = createRequests(loaded).map((request) => credentialsOf(request.body as Parameters<typeof credentialsOf>[0]))
    await expect(sent).toEqual([[SENT], [SENT]])
  },
}

/**
 * A refusal at `…certificate.key` lands on Private key, which is a loaded summary: its Replace
 * button gets focus and carries the message; the key stays loaded.
 */
export const KeyRefused: Story = {
  parameters: fakeVersoriParameters({
    faults: {
      createConnection: {
        status: 422,
        error: { fields: [{ field: 'connection.credentials[0].credential.data.certificate.key', message: 'This key does not belong to the certificate.' }] },
      },
    },
  }),
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    await chooseFiles(canvas)
    await submit(canvas)
    const message = 'This key does not belong to the certificate.'
    await expect(await canvas.findByText(message)).toBeVisible()
    const replace = canvas.getByRole('button', { name: 'Replace Private key' })
    await waitFor(() => expect(replace).toHaveFocus())
    await expect(replace).toHaveAccessibleDescription(expect.stringContaining(message))
    await expect(canvas.getByText('RSA private key loaded')).toBeVisible()
    await expect(canvas.getByRole('textbox', { name: 'Certificate' })).toHaveAttribute('aria-invalid', 'false')
    await expect(createRequests(loaded)).toHaveLength(1)
  },
}

/** While the certificate is being saved: "Connecting…", an aria-busy form, and no second CreateConnection. */
export const Pending: Story = {
  parameters: fakeVersoriParameters({ faults: { createConnection: { delayMs: 60_000 } } }),
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    await chooseFiles(canvas)
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/**
 * The three demo files chosen with the pickers go out as one `certificate` credential (certificate,
 * key and CA as PEM text) for the template's config. Afterwards the key is gone; the public
 * certificates stay.
 */
export const Success: Story = {
  play: async ({ canvas, args, loaded, canvasElement }) => {
    await connectButton(canvas)
    await chooseFiles(canvas)
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: providerOf(TEMPLATE), authScheme: 'certificate', status: 'working' })))
    const body = onlyCreateBody(loaded)
    await expect(body).toMatchObject({ connectionTemplateId: providerOf(TEMPLATE), externalId: FAKE_VERSORI.externalId, connection: { name: defaultName(TEMPLATE) } })
    await expect(body.connection.credentials[0]!.authSchemeConfig).toMatchObject({ type: 'certificate', certificate: { description: 'Client certificate' } })
    await expect(credentialsOf(body)).toEqual([SENT])
    await expect(await canvas.findByRole('textbox', { name: 'Private key' })).toHaveValue('')
    await expect(canvas.queryByText('RSA private key loaded')).toBeNull()
    await expect(canvasElement.innerHTML).not.toContain(clientKeyPem.split('\n')[1])
    await expect(canvas.getByRole('textbox', { name: 'Certificate' })).toHaveValue(clientPem.trim())
    await expect(canvas.getByRole('textbox', { name: 'CA certificate chain' })).toHaveValue(caPem.trim())
    await expect(fakeVersori(loaded).connections[0]?.credentials[0]?.credential.data).toMatchObject({ certificate: { key: '' } })
  },
}
