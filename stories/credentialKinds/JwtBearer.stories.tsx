import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { AuthSchemeForm } from '../../src/index'
import clientPem from '../../test/fixtures/pem/client.pem?raw'
import ecKeyPem from '../../test/fixtures/pem/ec-key.pem?raw'
import { memory, withMemoryBackend } from '../withMemoryBackend'
import { submit, paste, credentialsSaved, connectButton, REFUSED, expectPending, expectRefusedUnder } from './formSupport'

/** JWT bearer (TokenForge): a PEM private key or a shared secret. Over the memory backend; the states every kind has, then its own. */
const meta = {
  title: 'Components/AuthSchemeForm/Credential kinds/JWT bearer',
  component: AuthSchemeForm,
  ...withMemoryBackend,
  args: { provider: 'tokenforge', onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

/** The JWT form as first shown: a masked multi-line "Signing key" with its help and a file picker. */
export const Empty: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    const key = canvas.getByRole('textbox', { name: 'Signing key' })
    await expect(key).toBeVisible()
    await expect(key).toHaveValue('')
    await expect(key).toHaveAttribute('data-masked')
    await expect(key).toHaveAccessibleDescription('A private key (RSA or EC) as text starting with -----BEGIN, or the shared secret.')
    await expect(canvas.getByLabelText('Choose a file for Signing key')).toHaveAttribute('type', 'file')
    await expect(canvas.getByText('Choose file')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Show Signing key' })).toBeVisible()
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expect(memory(loaded).saved).toHaveLength(0)
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
export const ServerError: Story = {
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
export const Pending: Story = {
  play: async ({ canvas, loaded }) => {
    memory(loaded).setDelay(60_000)
    await connectButton(canvas)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Signing key' }), 'tf-shared-secret')
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/** A pasted EC key collapses to "EC private key loaded", is sent as the `jwtBearer` key, then leaves the form. */
export const Success: Story = {
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
export const SharedSecret: Story = {
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
