import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { AuthSchemeForm, ConnectError } from '../../src/index'
import caPem from '../../test/fixtures/pem/ca.pem?raw'
import clientKeyPem from '../../test/fixtures/pem/client-key.pem?raw'
import clientPem from '../../test/fixtures/pem/client.pem?raw'
import encryptedKeyPem from '../../test/fixtures/pem/encrypted-key.pem?raw'
import legacyEncryptedKeyPem from '../../test/fixtures/pem/legacy-encrypted-key.pem?raw'
import { memory, withMemoryBackend } from '../withMemoryBackend'
import { submit, paste, credentialsSaved, connectButton, expectPending, expectRefusedUnder, derBytes } from './formSupport'

/** Certificate (Ledger Bank): certificate, private key and CA chain, as PEM. Over the memory backend; the states every kind has, then its own. */
const meta = {
  title: 'Components/AuthSchemeForm/Credential kinds/Certificate',
  component: AuthSchemeForm,
  ...withMemoryBackend,
  args: { provider: 'ledgerbank', onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

/** The certificate form as first shown: three PEM fields (the CA chain required here), each with a file picker. */
export const Empty: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    for (const label of ['Certificate', 'Private key', 'CA certificate chain']) {
      const field = canvas.getByRole('textbox', { name: label })
      await expect(field).toBeVisible()
      await expect(field).toHaveValue('')
      await expect(field).toHaveAttribute('aria-required', 'true')
      await expect(field).toHaveAccessibleDescription('Paste the text that starts with -----BEGIN, or choose the file.')
      await expect(canvas.getByLabelText(`Choose a file for ${label}`)).toHaveAttribute('type', 'file')
    }
    await expect(canvas.getAllByText('Choose file')).toHaveLength(3)
    // Only the key is secret: masked, with a reveal toggle. Certificates are public.
    await expect(canvas.getByRole('textbox', { name: 'Private key' })).toHaveAttribute('data-masked')
    await expect(canvas.getByRole('textbox', { name: 'Certificate' })).not.toHaveAttribute('data-masked')
    await expect(canvas.getByRole('button', { name: 'Show Private key' })).toBeVisible()
    await expect(canvas.queryByRole('button', { name: 'Show Certificate' })).toBeNull()
    await expect(memory(loaded).saved).toHaveLength(0)
  },
}

/** Submitting the certificate form empty: each field says it is required; the first gets focus; nothing is sent. */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    for (const label of ['Certificate', 'Private key', 'CA certificate chain']) {
      await expect(await canvas.findByText(`${label} is required.`)).toBeVisible()
      const field = canvas.getByRole('textbox', { name: label })
      await expect(field).toHaveAttribute('aria-invalid', 'true')
      await expect(field).toHaveAccessibleDescription(`Paste the text that starts with -----BEGIN, or choose the file. ${label} is required.`)
    }
    await expect(canvas.getByRole('textbox', { name: 'Certificate' })).toHaveFocus()
    // Not PEM at all: said as soon as it is typed.
    await userEvent.type(canvas.getByRole('textbox', { name: 'CA certificate chain' }), 'not a certificate')
    await expect(await canvas.findByText('Paste the whole text, starting with the line -----BEGIN CERTIFICATE-----.')).toBeVisible()
    await expect(memory(loaded).saved).toHaveLength(0)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/**
 * The backend refuses the certificate (a 422 naming `credentials.0.certificate`, set up with
 * `failNext`, since `wrong` is not PEM and never leaves the form): the message sits under
 * Certificate; the certificate, the loaded key and the CA chain all stay.
 */
export const ServerError: Story = {
  play: async ({ canvas, args, loaded }) => {
    memory(loaded).failNext(
      new ConnectError('http', 'Ledger Bank refused the certificate.', {
        status: 422,
        fieldErrors: { 'credentials.0.certificate': 'This certificate has expired.' },
      }),
    )
    await connectButton(canvas)
    const certificate = canvas.getByRole('textbox', { name: 'Certificate' })
    await paste(certificate, clientPem)
    await paste(canvas.getByRole('textbox', { name: 'Private key' }), clientKeyPem)
    await expect(await canvas.findByText('RSA private key loaded')).toBeVisible()
    await paste(canvas.getByRole('textbox', { name: 'CA certificate chain' }), caPem)
    await submit(canvas)
    await expectRefusedUnder(canvas, certificate, 'This certificate has expired.')
    // Kept exactly as pasted.
    await expect(certificate).toHaveValue(clientPem)
    await expect(canvas.getByText('RSA private key loaded')).toBeVisible()
    await expect(canvas.getByRole('textbox', { name: 'CA certificate chain' })).toHaveValue(caPem)
    await expect(memory(loaded).saved).toHaveLength(1)
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
    await expect(args.onSuccess).not.toHaveBeenCalled()
    // The kept key is really kept, not only its summary: sending again sends it.
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await expect(credentialsSaved(loaded)[1]).toEqual([
      { scheme: 'certificate', certificate: clientPem.trim(), privateKey: clientKeyPem.trim(), ca: caPem.trim() },
    ])
  },
}

/** While the certificate is being saved: "Connecting…", an aria-busy form, and no second save. */
export const Pending: Story = {
  play: async ({ canvas, loaded }) => {
    memory(loaded).setDelay(60_000)
    await connectButton(canvas)
    await paste(canvas.getByRole('textbox', { name: 'Certificate' }), clientPem)
    await paste(canvas.getByRole('textbox', { name: 'Private key' }), clientKeyPem)
    await paste(canvas.getByRole('textbox', { name: 'CA certificate chain' }), caPem)
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/**
 * The certificate picked as a file, the key and CA chain pasted: all three are sent as PEM text;
 * afterwards the key is gone (an empty field again) and the public certificates stay.
 */
export const Success: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await userEvent.upload(canvas.getByLabelText('Choose a file for Certificate'), new File([clientPem], 'client.pem', { type: 'application/x-pem-file' }))
    const certificate = canvas.getByRole('textbox', { name: 'Certificate' })
    await waitFor(() => expect(certificate).toHaveValue(clientPem.trim()))
    await paste(canvas.getByRole('textbox', { name: 'Private key' }), clientKeyPem)
    await paste(canvas.getByRole('textbox', { name: 'CA certificate chain' }), caPem)
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'ledgerbank', authScheme: 'certificate' })))
    await expect(credentialsSaved(loaded)).toEqual([
      [{ scheme: 'certificate', certificate: clientPem.trim(), privateKey: clientKeyPem.trim(), ca: caPem.trim() }],
    ])
    await expect(await canvas.findByRole('textbox', { name: 'Private key' })).toHaveValue('')
    await expect(canvas.queryByText('RSA private key loaded')).toBeNull()
    await expect(certificate).toHaveValue(clientPem.trim())
    await expect(canvas.getByRole('textbox', { name: 'CA certificate chain' })).toHaveValue(caPem)
  },
}

/** A private key pasted into the Certificate field is refused as it is pasted, before any submit. */
export const KeyInCertificateField: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    const certificate = canvas.getByRole('textbox', { name: 'Certificate' })
    await paste(certificate, clientKeyPem)
    const message = 'This is a private key. Paste it into the Private key field; this one needs a certificate.'
    await expect(await canvas.findByText(message)).toBeVisible()
    await expect(certificate).toHaveAttribute('aria-invalid', 'true')
    await expect(certificate).toHaveAccessibleDescription(`Paste the text that starts with -----BEGIN, or choose the file. ${message}`)
    // Emptying the field takes the message away again.
    await userEvent.clear(certificate)
    await waitFor(() => expect(canvas.queryByText(message)).toBeNull())
    await expect(certificate).toHaveAttribute('aria-invalid', 'false')
    await expect(memory(loaded).saved).toHaveLength(0)
  },
}

/** A passphrase-protected key (PKCS#8 or legacy PEM) gets "Remove the passphrase first" and stays an editable field. */
export const EncryptedKey: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    const key = canvas.getByRole('textbox', { name: 'Private key' })
    const message = /^This private key is protected by a passphrase\. Remove the passphrase first/
    for (const encrypted of [encryptedKeyPem, legacyEncryptedKeyPem]) {
      await userEvent.clear(key)
      await paste(key, encrypted)
      await expect(await canvas.findByText(message)).toBeVisible()
      await expect(canvas.getByText(message)).toHaveTextContent('openssl pkey -in key.pem -out key-plain.pem')
      await expect(key).toHaveAttribute('aria-invalid', 'true')
      await expect(canvas.queryByText(/private key loaded/i)).toBeNull()
    }
    await expect(memory(loaded).saved).toHaveLength(0)
  },
}

/** A usable private key collapses to "RSA private key loaded · Replace"; Replace brings back the empty field, focused. */
export const KeyLoaded: Story = {
  play: async ({ canvas, canvasElement }) => {
    await connectButton(canvas)
    await paste(canvas.getByRole('textbox', { name: 'Private key' }), clientKeyPem)
    const summary = await canvas.findByText('RSA private key loaded')
    await expect(summary).toBeVisible()
    await expect(summary.parentElement).toHaveTextContent('RSA private key loaded · Replace')
    await expect(canvas.queryByRole('textbox', { name: 'Private key' })).toBeNull()
    await expect(canvas.queryByLabelText('Choose a file for Private key')).toBeNull()
    // Nothing of the key itself is on the page any more.
    await expect(canvasElement.innerHTML).not.toContain(clientKeyPem.split('\n')[1])
    const replace = canvas.getByRole('button', { name: 'Replace Private key' })
    await expect(replace).toHaveTextContent('Replace')
    await userEvent.click(replace)
    const key = await canvas.findByRole('textbox', { name: 'Private key' })
    await expect(key).toHaveValue('')
    await waitFor(() => expect(key).toHaveFocus())
    await expect(canvas.queryByText('RSA private key loaded')).toBeNull()
    await expect(canvas.getByLabelText('Choose a file for Private key')).toBeInTheDocument()
  },
}

/** Ready to connect: certificate and CA chain pasted, the private key put away as a summary. */
export const Ready: Story = {
  play: async ({ canvas, canvasElement }) => {
    await connectButton(canvas)
    await paste(canvas.getByRole('textbox', { name: 'Certificate' }), clientPem)
    await paste(canvas.getByRole('textbox', { name: 'Private key' }), clientKeyPem)
    await paste(canvas.getByRole('textbox', { name: 'CA certificate chain' }), caPem)
    await expect(await canvas.findByText('RSA private key loaded')).toBeVisible()
    await expect(canvas.queryAllByRole('alert')).toHaveLength(0)
    await expect(canvasElement.innerHTML).not.toContain(clientKeyPem.split('\n')[1])
  },
}

/**
 * A binary DER certificate picked as a file gets the conversion hint under Certificate (the picker
 * lists `.der`, `.p12` and `.pfx` beside the PEM extensions so that they can be chosen at all).
 */
export const BinaryFile: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    // The picker's accept list lets the person choose the .der file at all.
    const user = userEvent.setup({ applyAccept: true })
    await user.upload(canvas.getByLabelText('Choose a file for Certificate'), new File([derBytes], 'client.der', { type: 'application/x-x509-ca-cert' }))
    const hint = await canvas.findByText(/^client\.der is a binary file \(DER or PKCS#12\), not PEM text\. Convert it first/)
    await expect(hint).toBeVisible()
    await expect(hint).toHaveTextContent('openssl x509 -inform der -in cert.cer -out cert.pem')
    const certificate = canvas.getByRole('textbox', { name: 'Certificate' })
    await expect(certificate).toHaveValue('')
    await expect(certificate).toHaveAttribute('aria-invalid', 'true')
    await expect(certificate).toHaveAccessibleDescription(expect.stringContaining('client.der is a binary file'))
    await expect(memory(loaded).saved).toHaveLength(0)
    // Picking the PEM file instead fills the field and takes the hint away.
    await user.upload(canvas.getByLabelText('Choose a file for Certificate'), new File([clientPem], 'client.pem', { type: 'application/x-pem-file' }))
    await waitFor(() => expect(certificate).toHaveValue(clientPem.trim()))
    await waitFor(() => expect(canvas.queryByText(/is a binary file/)).toBeNull())
    await expect(certificate).toHaveAttribute('aria-invalid', 'false')
  },
}
