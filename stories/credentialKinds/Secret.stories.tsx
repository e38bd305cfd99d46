import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { AuthSchemeForm } from '../../src/index'
import { memory, withMemoryBackend } from '../withMemoryBackend'
import { submit, credentialsSaved, connectButton, REFUSED, expectPending, expectRefusedUnder } from './formSupport'

/** Secret (Vaultly): one masked, multi-line secret. Over the memory backend; the states every kind has, then its own. */
const meta = {
  title: 'Components/AuthSchemeForm/Credential kinds/Secret',
  component: AuthSchemeForm,
  ...withMemoryBackend,
  args: { provider: 'vaultly', onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

/** The secret form as first shown: one masked multi-line "Secret" field, empty, and Connect. */
export const Empty: Story = {
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
export const Invalid: Story = {
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
export const ServerError: Story = {
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
export const Pending: Story = {
  play: async ({ canvas, loaded }) => {
    memory(loaded).setDelay(60_000)
    await connectButton(canvas)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Secret' }), 'vt-4f9c2d1e')
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/** A two-line secret, revealed to check it, is sent as typed (line break kept), then leaves the form masked again. */
export const Success: Story = {
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
