import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, spyOn, userEvent, waitFor } from 'storybook/test'
import { AuthSchemeForm } from '../../src/index'
import { memory, withMemoryBackend } from '../withMemoryBackend'
import { submit, credentialsSaved, factsShown, connectButton, REFUSED, expectPending, expectRefusedUnder } from './formSupport'

/** HMAC (HookRelay): a shared secret, generated or pasted, and how signatures are computed. Over the memory backend; the states every kind has, then its own. */
const meta = {
  title: 'Components/AuthSchemeForm/Credential kinds/HMAC',
  component: AuthSchemeForm,
  ...withMemoryBackend,
  args: { provider: 'hookrelay', onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

const HOOKRELAY_FACTS = {
  'Signature algorithm': 'HMAC-SHA256',
  'Signed content': 'Request body and URL',
  'Signature format': 'Hexadecimal',
  'Signature sent as': 'X-Signature header',
}

/** The HMAC form as first shown: the facts, a masked "Shared secret" with Generate and Copy. */
export const Empty: Story = {
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
export const Invalid: Story = {
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
export const ServerError: Story = {
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
export const Pending: Story = {
  play: async ({ canvas, loaded }) => {
    memory(loaded).setDelay(60_000)
    await connectButton(canvas)
    await userEvent.type(canvas.getByLabelText('Shared secret'), 'c0ffee'.repeat(4))
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/** A pasted shared secret is sent as the `hmac` credential, then cleared from the form. */
export const Success: Story = {
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
export const Generate: Story = {
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
