import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { AuthSchemeForm } from '../../src/index'
import { memory, withMemoryBackend } from '../withMemoryBackend'
import { submit, credentialsSaved, connectButton, REFUSED, expectPending, expectRefusedUnder } from './formSupport'

/** OAuth 1 token (QuillPress): token, token secret and an editable realm. Over the memory backend; the states every kind has, then its own. */
const meta = {
  title: 'Components/AuthSchemeForm/Credential kinds/OAuth 1 token',
  component: AuthSchemeForm,
  ...withMemoryBackend,
  args: { provider: 'quillpress', onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

/** The OAuth 1 form as first shown: masked Token and Token secret, and an optional Realm with inline-code help. */
export const Empty: Story = {
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
export const Invalid: Story = {
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
export const ServerError: Story = {
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
export const Pending: Story = {
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
export const Success: Story = {
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
export const RealmOptional: Story = {
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
