import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, spyOn, userEvent, waitFor } from 'storybook/test'
import { AuthSchemeForm, ConnectError } from '../src/index'
import caPem from '../test/fixtures/pem/ca.pem?raw'
import clientKeyPem from '../test/fixtures/pem/client-key.pem?raw'
import clientPem from '../test/fixtures/pem/client.pem?raw'
import ecKeyPem from '../test/fixtures/pem/ec-key.pem?raw'
import encryptedKeyPem from '../test/fixtures/pem/encrypted-key.pem?raw'
import legacyEncryptedKeyPem from '../test/fixtures/pem/legacy-encrypted-key.pem?raw'
import type { Canvas } from './support'
import { memory, withMemoryBackend } from './withMemoryBackend'

/**
 * The credential kinds no platform adapter speaks yet, each over the memory backend: a secret
 * (Vaultly), an HMAC shared secret (HookRelay), a JWT signing key (TokenForge), a client
 * certificate (Ledger Bank) and an OAuth 1 token (QuillPress). Every kind has the same states
 * (Empty, Invalid, ServerError, Pending, Success), then the extras only that kind has.
 */
const meta = {
  title: 'Components/AuthSchemeForm/Credential kinds',
  component: AuthSchemeForm,
  ...withMemoryBackend,
  args: { provider: 'vaultly', onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

// ---------------------------------------------------------------------------------------------
// Helpers

const submit = (canvas: Canvas) => userEvent.click(canvas.getByRole('button', { name: 'Connect' }))

/** Pastes `text` into a field, as a person does with a key or certificate. */
async function paste(field: HTMLElement, text: string) {
  await userEvent.click(field)
  await userEvent.paste(text)
}

/** The credentials of every save the memory backend received, oldest first. */
const credentialsSaved = (loaded: Record<string, unknown>) => memory(loaded).saved.map((input) => input.credentials)

/** The read-only facts as a person reads them: term → detail. */
const factsShown = (canvas: Canvas) =>
  Object.fromEntries(canvas.getAllByRole('term').map((term: HTMLElement) => [term.textContent, term.nextElementSibling?.textContent]))

/** While the provider loads the form is only a status; its Connect button means the fields are there. */
const connectButton = (canvas: Canvas) => canvas.findByRole('button', { name: 'Connect' })

/** The summary line the form shows after a server refusal that names fields. */
const FIX_FIELDS = 'Check the highlighted fields and try again.'
/** What the memory backend says under a field whose value was `wrong`. */
const REFUSED = 'The provider refused this value.'

/**
 * The pending state once a save is in flight: the button says so and is aria-disabled, the form is
 * aria-busy, and a second click sends nothing more.
 */
async function expectPending(canvas: Canvas, loaded: Record<string, unknown>) {
  const pending = await canvas.findByRole('button', { name: 'Connecting…' })
  await expect(pending).toHaveAttribute('aria-disabled', 'true')
  await expect(pending.closest('form')).toHaveAttribute('aria-busy', 'true')
  await expect(canvas.queryByRole('button', { name: 'Connect' })).toBeNull()
  await userEvent.click(pending)
  await new Promise((resolve) => setTimeout(resolve, 200))
  await expect(memory(loaded).saved).toHaveLength(1)
}

/** A server refusal shown under `field`: its message, described by it, invalid and focused, plus the summary. */
async function expectRefusedUnder(canvas: Canvas, field: HTMLElement, message: string) {
  await expect(await canvas.findByText(message)).toBeVisible()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(expect.stringContaining(message))
  await expect(field).toHaveFocus()
  await expect(canvas.getByText(FIX_FIELDS)).toBeVisible()
}

/** A DER certificate's first bytes: a SEQUENCE tag (0x30), then a long-form length. Not text. */
const derBytes = new Uint8Array([0x30, 0x82, 0x03, 0x1a, 0x30, 0x82, 0x02, 0x02, 0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x14, 0x4f])

// ---------------------------------------------------------------------------------------------
// Secret (Vaultly): one masked, multi-line secret.

/** The secret form as first shown: one masked multi-line "Secret" field, empty, and Connect. */
export const SecretEmpty: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    const secret = canvas.getByRole('textbox', { name: 'Secret' })
    await expect(secret).toBeVisible()
    await expect(secret.tagName).toBe('TEXTAREA')
    await expect(secret).toHaveValue('')
    await expect(secret).toHaveAttribute('aria-required', 'true')
    await expect(secret).toHaveAttribute('data-masked')
    await expect(canvas.getByRole('button', { name: 'Show Secret' })).toHaveAttribute('aria-pressed', 'false')
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expect(canvas.queryByRole('group', { name: 'How do you want to connect?' })).toBeNull()
    await expect(memory(loaded).saved).toHaveLength(0)
  },
}

/** Submitting the secret form empty: "Secret is required." under the field, which gets focus; nothing is sent. */
export const SecretInvalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    const secret = canvas.getByRole('textbox', { name: 'Secret' })
    await expect(await canvas.findByText('Secret is required.')).toBeVisible()
    await expect(secret).toHaveAttribute('aria-invalid', 'true')
    await expect(secret).toHaveAccessibleDescription('Secret is required.')
    await expect(secret).toHaveFocus()
    await expect(memory(loaded).saved).toHaveLength(0)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** The backend refuses the secret (422 naming `credentials.0.secret`): the message sits under Secret; the text stays to fix. */
export const SecretServerError: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const secret = canvas.getByRole('textbox', { name: 'Secret' })
    await userEvent.type(secret, 'wrong')
    await submit(canvas)
    await expectRefusedUnder(canvas, secret, REFUSED)
    await expect(secret).toHaveValue('wrong')
    await expect(credentialsSaved(loaded)).toEqual([[{ scheme: 'secret', secret: 'wrong' }]])
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** While the secret is being saved: "Connecting…", an aria-busy form, and no second save. */
export const SecretPending: Story = {
  play: async ({ canvas, loaded }) => {
    memory(loaded).setDelay(60_000)
    await connectButton(canvas)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Secret' }), 'vt-4f9c2d1e')
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/** A two-line secret, revealed to check it, is sent as typed (line break kept), then leaves the form masked again. */
export const SecretSuccess: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const secret = canvas.getByRole('textbox', { name: 'Secret' })
    await userEvent.type(secret, 'vt-line-one{Enter}vt-line-two')
    await userEvent.click(canvas.getByRole('button', { name: 'Show Secret' }))
    await expect(secret).not.toHaveAttribute('data-masked')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'vaultly', authScheme: 'secret' })))
    await expect(credentialsSaved(loaded)).toEqual([[{ scheme: 'secret', secret: 'vt-line-one\nvt-line-two' }]])
    await expect(secret).toHaveValue('')
    await expect(secret).toHaveAttribute('data-masked')
    await expect(canvas.getByRole('button', { name: 'Show Secret' })).toHaveAttribute('aria-pressed', 'false')
    await expect(canvas.getByRole('button', { name: 'Connect' })).toHaveAttribute('aria-disabled', 'false')
  },
}

// ---------------------------------------------------------------------------------------------
// HMAC (HookRelay): a shared secret, generated or pasted, and how signatures are computed.

const HOOKRELAY_FACTS = {
  Algorithm: 'HMAC-SHA256',
  'Signed parts': 'Request body, URL',
  Encoding: 'Hexadecimal',
  'Sent in': 'Header X-Signature',
}

/** The HMAC form as first shown: the facts, a masked "Shared secret" with Generate and Copy. */
export const HmacEmpty: Story = {
  args: { provider: 'hookrelay' },
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    const secret = canvas.getByLabelText('Shared secret')
    await expect(secret).toBeVisible()
    await expect(secret).toHaveAttribute('type', 'password')
    await expect(secret).toHaveValue('')
    await expect(factsShown(canvas)).toEqual(HOOKRELAY_FACTS)
    await expect(canvas.getByRole('button', { name: 'Generate a new Shared secret' })).toHaveTextContent('Generate')
    await expect(canvas.getByRole('button', { name: 'Copy Shared secret' })).toHaveTextContent('Copy')
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expect(memory(loaded).saved).toHaveLength(0)
  },
}

/** Submitting the HMAC form empty: "Shared secret is required." (until Generate fills it in); nothing is sent. */
export const HmacInvalid: Story = {
  args: { provider: 'hookrelay' },
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    const secret = canvas.getByLabelText('Shared secret')
    await expect(await canvas.findByText('Shared secret is required.')).toBeVisible()
    await expect(secret).toHaveAttribute('aria-invalid', 'true')
    await expect(secret).toHaveAccessibleDescription('Paste the secret both sides share, or generate one here and copy it to the other side. Shared secret is required.')
    await expect(secret).toHaveFocus()
    await expect(memory(loaded).saved).toHaveLength(0)
    await userEvent.click(canvas.getByRole('button', { name: 'Generate a new Shared secret' }))
    await waitFor(() => expect(canvas.queryByText('Shared secret is required.')).toBeNull())
    await expect(secret).toHaveAttribute('aria-invalid', 'false')
    await expect(memory(loaded).saved).toHaveLength(0)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** The backend refuses the shared secret: the message sits under it, the facts stay, the value stays to fix. */
export const HmacServerError: Story = {
  args: { provider: 'hookrelay' },
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const secret = canvas.getByLabelText('Shared secret')
    await userEvent.type(secret, 'wrong')
    await submit(canvas)
    await expectRefusedUnder(canvas, secret, REFUSED)
    await expect(secret).toHaveValue('wrong')
    await expect(factsShown(canvas)).toEqual(HOOKRELAY_FACTS)
    await expect(credentialsSaved(loaded)).toEqual([[{ scheme: 'hmac', secret: 'wrong' }]])
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
  },
}

/** While the shared secret is being saved: "Connecting…", an aria-busy form, and no second save. */
export const HmacPending: Story = {
  args: { provider: 'hookrelay' },
  play: async ({ canvas, loaded }) => {
    memory(loaded).setDelay(60_000)
    await connectButton(canvas)
    await userEvent.type(canvas.getByLabelText('Shared secret'), 'c0ffee'.repeat(4))
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/** A pasted shared secret is sent as the `hmac` credential, then cleared from the form. */
export const HmacSuccess: Story = {
  args: { provider: 'hookrelay' },
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const secret = canvas.getByLabelText('Shared secret')
    await userEvent.type(secret, 'whsec-8b1f3e77a2')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'hookrelay', authScheme: 'hmac' })))
    await expect(credentialsSaved(loaded)).toEqual([[{ scheme: 'hmac', secret: 'whsec-8b1f3e77a2' }]])
    await expect(secret).toHaveValue('')
  },
}

/** Generate fills in a new 64-character hex secret (each click a new one); Copy copies it; that secret is sent. */
export const HmacGenerate: Story = {
  args: { provider: 'hookrelay' },
  play: async ({ canvas, args, loaded }) => {
    const writeText = spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined)
    await connectButton(canvas)
    await expect(factsShown(canvas)).toEqual(HOOKRELAY_FACTS)
    const secret = canvas.getByLabelText('Shared secret')
    const generate = canvas.getByRole('button', { name: 'Generate a new Shared secret' })
    await userEvent.click(generate)
    const value = () => (secret as HTMLInputElement).value
    await waitFor(() => expect(value()).toMatch(/^[0-9a-f]{64}$/))
    const first = value()
    await userEvent.click(generate)
    await waitFor(() => expect(value()).not.toBe(first))
    await expect(value()).toMatch(/^[0-9a-f]{64}$/)
    const generated = value()
    // Still masked: generating is not revealing.
    await expect(secret).toHaveAttribute('type', 'password')
    await userEvent.click(canvas.getByRole('button', { name: 'Copy Shared secret' }))
    await expect(writeText).toHaveBeenCalledWith(generated)
    await expect(await canvas.findByText('Copied')).toBeVisible()
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await expect(credentialsSaved(loaded)).toEqual([[{ scheme: 'hmac', secret: generated }]])
  },
}

// ---------------------------------------------------------------------------------------------
// JWT bearer (TokenForge): a PEM private key or a shared secret.

/** The JWT form as first shown: a masked multi-line "Signing key" with its help and a file picker. */
export const JwtEmpty: Story = {
  args: { provider: 'tokenforge' },
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    const key = canvas.getByRole('textbox', { name: 'Signing key' })
    await expect(key).toBeVisible()
    await expect(key).toHaveValue('')
    await expect(key).toHaveAttribute('data-masked')
    await expect(key).toHaveAccessibleDescription('A PEM private key (RSA or EC), or the shared secret.')
    await expect(canvas.getByLabelText('Choose a file for Signing key')).toHaveAttribute('type', 'file')
    await expect(canvas.getByText('Choose file')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Show Signing key' })).toBeVisible()
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expect(memory(loaded).saved).toHaveLength(0)
  },
}

/** Empty, then a certificate where the key goes: each gets its message under Signing key; nothing is sent. */
export const JwtInvalid: Story = {
  args: { provider: 'tokenforge' },
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    const key = canvas.getByRole('textbox', { name: 'Signing key' })
    await expect(await canvas.findByText('Signing key is required.')).toBeVisible()
    await expect(key).toHaveAttribute('aria-invalid', 'true')
    await expect(key).toHaveFocus()
    await paste(key, clientPem)
    await expect(await canvas.findByText('This is a certificate, not a private key.')).toBeVisible()
    await expect(canvas.queryByText('Signing key is required.')).toBeNull()
    await expect(key).toHaveAccessibleDescription(/This is a certificate, not a private key\./)
    await submit(canvas)
    await expect(canvas.getByText('This is a certificate, not a private key.')).toBeVisible()
    await expect(memory(loaded).saved).toHaveLength(0)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** The backend refuses the signing key: the message sits under it; the value stays to fix. */
export const JwtServerError: Story = {
  args: { provider: 'tokenforge' },
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const key = canvas.getByRole('textbox', { name: 'Signing key' })
    await userEvent.type(key, 'wrong')
    await submit(canvas)
    await expectRefusedUnder(canvas, key, REFUSED)
    await expect(key).toHaveValue('wrong')
    await expect(credentialsSaved(loaded)).toEqual([[{ scheme: 'jwtBearer', key: 'wrong' }]])
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
  },
}

/** While the signing key is being saved: "Connecting…", an aria-busy form, and no second save. */
export const JwtPending: Story = {
  args: { provider: 'tokenforge' },
  play: async ({ canvas, loaded }) => {
    memory(loaded).setDelay(60_000)
    await connectButton(canvas)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Signing key' }), 'tf-shared-secret')
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/** A pasted EC key collapses to "EC private key loaded", is sent as the `jwtBearer` key, then leaves the form. */
export const JwtSuccess: Story = {
  args: { provider: 'tokenforge' },
  play: async ({ canvas, args, loaded, canvasElement }) => {
    await connectButton(canvas)
    await paste(canvas.getByRole('textbox', { name: 'Signing key' }), ecKeyPem)
    await expect(await canvas.findByText('EC private key loaded')).toBeVisible()
    await expect(canvas.queryByRole('textbox', { name: 'Signing key' })).toBeNull()
    await expect(canvas.getByRole('button', { name: 'Replace Signing key' })).toBeVisible()
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'tokenforge', authScheme: 'jwtBearer' })))
    await expect(credentialsSaved(loaded)).toEqual([[{ scheme: 'jwtBearer', key: ecKeyPem.trim() }]])
    // The key is gone: an empty text area again, and nothing of the key on the page.
    await expect(await canvas.findByRole('textbox', { name: 'Signing key' })).toHaveValue('')
    await expect(canvas.queryByText('EC private key loaded')).toBeNull()
    await expect(canvasElement.innerHTML).not.toContain('BEGIN EC PRIVATE KEY')
  },
}

/** A plain shared secret (no PEM) is accepted as the signing key as well: no message, no summary, sent as typed. */
export const JwtSharedSecret: Story = {
  args: { provider: 'tokenforge' },
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const key = canvas.getByRole('textbox', { name: 'Signing key' })
    await userEvent.type(key, 'tf-hs256-shared-5e8a91')
    await expect(key).toHaveAttribute('aria-invalid', 'false')
    await expect(canvas.queryByText(/private key loaded/i)).toBeNull()
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await expect(credentialsSaved(loaded)).toEqual([[{ scheme: 'jwtBearer', key: 'tf-hs256-shared-5e8a91' }]])
    await expect(key).toHaveValue('')
  },
}

// ---------------------------------------------------------------------------------------------
// Certificate (Ledger Bank): certificate, private key and CA chain, as PEM.

/** The certificate form as first shown: three PEM fields (the CA chain required here), each with a file picker. */
export const CertificateEmpty: Story = {
  args: { provider: 'ledgerbank' },
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    for (const label of ['Certificate', 'Private key', 'CA certificate chain']) {
      const field = canvas.getByRole('textbox', { name: label })
      await expect(field).toBeVisible()
      await expect(field).toHaveValue('')
      await expect(field).toHaveAttribute('aria-required', 'true')
      await expect(field).toHaveAccessibleDescription('Paste the PEM text or choose a file.')
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
export const CertificateInvalid: Story = {
  args: { provider: 'ledgerbank' },
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    for (const label of ['Certificate', 'Private key', 'CA certificate chain']) {
      await expect(await canvas.findByText(`${label} is required.`)).toBeVisible()
      const field = canvas.getByRole('textbox', { name: label })
      await expect(field).toHaveAttribute('aria-invalid', 'true')
      await expect(field).toHaveAccessibleDescription(`Paste the PEM text or choose a file. ${label} is required.`)
    }
    await expect(canvas.getByRole('textbox', { name: 'Certificate' })).toHaveFocus()
    // Not PEM at all: said as soon as it is typed.
    await userEvent.type(canvas.getByRole('textbox', { name: 'CA certificate chain' }), 'not a certificate')
    await expect(await canvas.findByText('Paste a PEM block that starts with -----BEGIN CERTIFICATE-----.')).toBeVisible()
    await expect(memory(loaded).saved).toHaveLength(0)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/**
 * The backend refuses the certificate (a 422 naming `credentials.0.certificate`, set up with
 * `failNext`, since `wrong` is not PEM and never leaves the form): the message sits under
 * Certificate; the certificate, the loaded key and the CA chain all stay.
 */
export const CertificateServerError: Story = {
  args: { provider: 'ledgerbank' },
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
export const CertificatePending: Story = {
  args: { provider: 'ledgerbank' },
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
export const CertificateSuccess: Story = {
  args: { provider: 'ledgerbank' },
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
export const CertificateKeyInCertificateField: Story = {
  args: { provider: 'ledgerbank' },
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    const certificate = canvas.getByRole('textbox', { name: 'Certificate' })
    await paste(certificate, clientKeyPem)
    const message = 'This is a private key. Paste it under Private key; this field takes a certificate.'
    await expect(await canvas.findByText(message)).toBeVisible()
    await expect(certificate).toHaveAttribute('aria-invalid', 'true')
    await expect(certificate).toHaveAccessibleDescription(`Paste the PEM text or choose a file. ${message}`)
    // Emptying the field takes the message away again.
    await userEvent.clear(certificate)
    await waitFor(() => expect(canvas.queryByText(message)).toBeNull())
    await expect(certificate).toHaveAttribute('aria-invalid', 'false')
    await expect(memory(loaded).saved).toHaveLength(0)
  },
}

/** A passphrase-protected key (PKCS#8 or legacy PEM) gets "Remove the passphrase first" and stays an editable field. */
export const CertificateEncryptedKey: Story = {
  args: { provider: 'ledgerbank' },
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
export const CertificateKeyLoaded: Story = {
  args: { provider: 'ledgerbank' },
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
export const CertificateReady: Story = {
  args: { provider: 'ledgerbank' },
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
export const CertificateBinaryFile: Story = {
  args: { provider: 'ledgerbank' },
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

// ---------------------------------------------------------------------------------------------
// OAuth 1 token (QuillPress): token, token secret and an editable realm.

/** The OAuth 1 form as first shown: masked Token and Token secret, and an optional Realm with inline-code help. */
export const OAuth1Empty: Story = {
  args: { provider: 'quillpress' },
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    for (const label of ['Token', 'Token secret']) {
      const field = canvas.getByLabelText(label)
      await expect(field).toBeVisible()
      await expect(field).toHaveAttribute('type', 'password')
      await expect(field).toHaveValue('')
      await expect(field).toHaveAttribute('aria-required', 'true')
    }
    const realm = canvas.getByLabelText('Realm (optional)')
    await expect(realm).toHaveValue('')
    await expect(realm).toHaveAttribute('aria-required', 'false')
    await expect(realm).toHaveAccessibleDescription('Your account ID, as in 1234567_SB1.')
    await expect(memory(loaded).saved).toHaveLength(0)
  },
}

/** Submitting the OAuth 1 form empty: Token and Token secret are required, Realm is not; nothing is sent. */
export const OAuth1Invalid: Story = {
  args: { provider: 'quillpress' },
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    await expect(await canvas.findByText('Token is required.')).toBeVisible()
    await expect(canvas.getByText('Token secret is required.')).toBeVisible()
    await expect(canvas.queryByText(/Realm is required/)).toBeNull()
    await expect(canvas.getByLabelText('Realm (optional)')).toHaveAttribute('aria-invalid', 'false')
    await expect(canvas.getByLabelText('Token')).toHaveAttribute('aria-invalid', 'true')
    await expect(canvas.getByLabelText('Token')).toHaveFocus()
    await expect(memory(loaded).saved).toHaveLength(0)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** The backend refuses the token: the message sits under Token; the token secret and realm stay. */
export const OAuth1ServerError: Story = {
  args: { provider: 'quillpress' },
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await userEvent.type(canvas.getByLabelText('Token'), 'wrong')
    await userEvent.type(canvas.getByLabelText('Token secret'), 'qp-ts-71c0')
    await userEvent.type(canvas.getByLabelText('Realm (optional)'), '1234567_SB1')
    await submit(canvas)
    await expectRefusedUnder(canvas, canvas.getByLabelText('Token'), REFUSED)
    await expect(canvas.getByLabelText('Token')).toHaveValue('wrong')
    await expect(canvas.getByLabelText('Token secret')).toHaveValue('qp-ts-71c0')
    await expect(canvas.getByLabelText('Token secret')).toHaveAttribute('aria-invalid', 'false')
    await expect(canvas.getByLabelText('Realm (optional)')).toHaveValue('1234567_SB1')
    await expect(memory(loaded).saved).toHaveLength(1)
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
  },
}

/** While the token is being saved: "Connecting…", an aria-busy form, and no second save. */
export const OAuth1Pending: Story = {
  args: { provider: 'quillpress' },
  play: async ({ canvas, loaded }) => {
    memory(loaded).setDelay(60_000)
    await connectButton(canvas)
    await userEvent.type(canvas.getByLabelText('Token'), 'qp-token-5b2e')
    await userEvent.type(canvas.getByLabelText('Token secret'), 'qp-ts-71c0')
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/** Token, token secret and realm are sent as the `oauth1/token` credential; the two secrets leave the form, the realm stays. */
export const OAuth1Success: Story = {
  args: { provider: 'quillpress' },
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await userEvent.type(canvas.getByLabelText('Token'), 'qp-token-5b2e')
    await userEvent.type(canvas.getByLabelText('Token secret'), 'qp-ts-71c0')
    await userEvent.type(canvas.getByLabelText('Realm (optional)'), '1234567_SB1')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'quillpress', authScheme: 'oauth1/token' })))
    await expect(credentialsSaved(loaded)).toEqual([
      [{ scheme: 'oauth1/token', token: 'qp-token-5b2e', tokenSecret: 'qp-ts-71c0', params: { realm: '1234567_SB1' } }],
    ])
    await expect(canvas.getByLabelText('Token')).toHaveValue('')
    await expect(canvas.getByLabelText('Token secret')).toHaveValue('')
    await expect(canvas.getByLabelText('Realm (optional)')).toHaveValue('1234567_SB1')
  },
}

/** The editable Realm parameter is optional (left empty, the form still connects) and its help shows `1234567_SB1` as code. */
export const OAuth1RealmOptional: Story = {
  args: { provider: 'quillpress' },
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const realm = canvas.getByLabelText('Realm (optional)')
    await expect(canvas.getByText('(optional)')).toBeVisible()
    const example = canvas.getByText('1234567_SB1')
    await expect(example.tagName).toBe('CODE')
    await expect(example.parentElement).toHaveTextContent('Your account ID, as in 1234567_SB1.')
    await expect(example.parentElement).not.toHaveTextContent('`')
    // An example in the help is not a value: nothing is prefilled.
    await expect(realm).toHaveValue('')
    await userEvent.type(canvas.getByLabelText('Token'), 'qp-token-5b2e')
    await userEvent.type(canvas.getByLabelText('Token secret'), 'qp-ts-71c0')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    const [credentials] = credentialsSaved(loaded)
    await expect(credentials).toEqual([
      expect.objectContaining({ scheme: 'oauth1/token', token: 'qp-token-5b2e', tokenSecret: 'qp-ts-71c0' }),
    ])
    // No realm typed, none made up (whether an empty one is sent as '' or left out).
    const [part] = credentials ?? []
    await expect(part?.scheme === 'oauth1/token' ? (part.params.realm ?? '') : undefined).toBe('')
  },
}
