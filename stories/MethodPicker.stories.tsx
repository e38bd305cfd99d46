import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { AuthSchemeForm } from '../src/index'
import type { Canvas } from './support'
import { memory, withMemoryBackend } from './withMemoryBackend'

/**
 * A provider with several sign-in methods (PayStream: a production key, a sandbox key, or a
 * username and password) and connection fields every method shares (a prefilled connection name,
 * an optional base URL), over the memory backend.
 */
const meta = {
  title: 'Components/AuthSchemeForm/Method picker',
  component: AuthSchemeForm,
  ...withMemoryBackend,
  args: { provider: 'paystream', onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

const METHODS = ['Production key', 'Sandbox key', 'Username and password']
const DEFAULT_NAME = 'PayStream – Ada Lovelace'

const submit = (canvas: Canvas) => userEvent.click(canvas.getByRole('button', { name: 'Connect' }))
/** The picker, once the provider has loaded. */
const picker = (canvas: Canvas) => canvas.findByRole('group', { name: 'How do you want to connect?' })
const radio = (canvas: Canvas, name: string) => canvas.getByRole('radio', { name })
/** Which methods are checked, in order, as a person reads the picker. */
const checkedMethods = (canvas: Canvas) =>
  canvas.getAllByRole('radio').filter((input: HTMLElement) => (input as HTMLInputElement).checked).map((input: HTMLElement) => input.parentElement?.textContent)

/** The picker as first shown: three methods with the first checked, its API key, and the shared connection fields. */
export const Empty: Story = {
  play: async ({ canvas, loaded }) => {
    const group = await picker(canvas)
    await expect(group).toBeVisible()
    const radios = canvas.getAllByRole('radio')
    await expect(radios.map((input: HTMLElement) => input.parentElement?.textContent)).toEqual(METHODS)
    for (const name of METHODS) await expect(group).toContainElement(radio(canvas, name))
    await expect(radio(canvas, 'Production key')).toBeChecked()
    await expect(radio(canvas, 'Sandbox key')).not.toBeChecked()
    await expect(radio(canvas, 'Username and password')).not.toBeChecked()
    const apiKey = canvas.getByLabelText('API key')
    await expect(apiKey).toHaveAttribute('type', 'password')
    await expect(apiKey).toHaveValue('')
    await expect(canvas.queryByLabelText('Username')).toBeNull()
    await expect(canvas.getByRole('textbox', { name: 'Connection name' })).toHaveValue(DEFAULT_NAME)
    const baseUrl = canvas.getByLabelText('Base URL (optional)')
    await expect(baseUrl).toHaveValue('')
    await expect(baseUrl).toHaveAttribute('aria-required', 'false')
    await expect(baseUrl).toHaveAccessibleDescription('Leave empty for https://api.paystream.test.')
    await expect(canvas.getByText('https://api.paystream.test').tagName).toBe('CODE')
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expect(memory(loaded).saved).toHaveLength(0)
  },
}

/** Submitting with no key and the connection name cleared: both say they are required; nothing is sent. */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await picker(canvas)
    await userEvent.clear(canvas.getByRole('textbox', { name: 'Connection name' }))
    await submit(canvas)
    await expect(await canvas.findByText('API key is required.')).toBeVisible()
    await expect(canvas.getByText('Connection name is required.')).toBeVisible()
    await expect(canvas.getByLabelText('API key')).toHaveAttribute('aria-invalid', 'true')
    await expect(canvas.getByLabelText('API key')).toHaveFocus()
    // The kit's help for a connection name comes first, then the error.
    await expect(canvas.getByRole('textbox', { name: 'Connection name' })).toHaveAccessibleDescription(
      'How this connection is listed. It must differ from your other connections to this app. Connection name is required.',
    )
    await expect(canvas.getByLabelText('Base URL (optional)')).toHaveAttribute('aria-invalid', 'false')
    await expect(radio(canvas, 'Production key')).toBeChecked()
    await expect(memory(loaded).saved).toHaveLength(0)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** The backend refuses the key (422 naming `credentials.0.apiKey`): the message sits under API key; the method, name and base URL stay. */
export const ServerError: Story = {
  play: async ({ canvas, args, loaded }) => {
    await picker(canvas)
    await userEvent.click(radio(canvas, 'Sandbox key'))
    await userEvent.type(canvas.getByLabelText('API key'), 'wrong')
    await userEvent.click(canvas.getByText('Advanced'))
    await userEvent.type(canvas.getByLabelText('Base URL (optional)'), 'https://eu.paystream.test')
    await submit(canvas)
    const apiKey = canvas.getByLabelText('API key')
    await expect(await canvas.findByText('The provider refused this value.')).toBeVisible()
    await expect(apiKey).toHaveAttribute('aria-invalid', 'true')
    await expect(apiKey).toHaveAccessibleDescription('The provider refused this value.')
    await expect(apiKey).toHaveFocus()
    await expect(canvas.getByText('Check the highlighted fields and try again.')).toBeVisible()
    await expect(apiKey).toHaveValue('wrong')
    await expect(checkedMethods(canvas)).toEqual(['Sandbox key'])
    await expect(canvas.getByRole('textbox', { name: 'Connection name' })).toHaveValue(DEFAULT_NAME)
    await expect(canvas.getByLabelText('Base URL (optional)')).toHaveValue('https://eu.paystream.test')
    await expect(memory(loaded).saved).toEqual([expect.objectContaining({ methodId: 'sandbox-key' })])
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** While the key is being saved: "Connecting…", an aria-busy form, and no second save. */
export const Pending: Story = {
  play: async ({ canvas, loaded }) => {
    memory(loaded).setDelay(60_000)
    await picker(canvas)
    await userEvent.type(canvas.getByLabelText('API key'), 'ps-live-30c9')
    await submit(canvas)
    const pending = await canvas.findByRole('button', { name: 'Connecting…' })
    await expect(pending).toHaveAttribute('aria-disabled', 'true')
    await expect(pending.closest('form')).toHaveAttribute('aria-busy', 'true')
    await userEvent.click(pending)
    await new Promise((resolve) => setTimeout(resolve, 200))
    await expect(memory(loaded).saved).toHaveLength(1)
  },
}

/** The sandbox key, with a base URL: the backend gets `methodId: 'sandbox-key'`, the key and both connection fields; the key then leaves the form. */
export const Success: Story = {
  play: async ({ canvas, args, loaded }) => {
    await picker(canvas)
    await userEvent.click(radio(canvas, 'Sandbox key'))
    await expect(radio(canvas, 'Sandbox key')).toBeChecked()
    await userEvent.type(canvas.getByLabelText('API key'), 'ps-test-77e1')
    await userEvent.click(canvas.getByText('Advanced'))
    await userEvent.type(canvas.getByLabelText('Base URL (optional)'), 'https://sandbox.paystream.test')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'paystream', authScheme: 'apiKey' })))
    await expect(memory(loaded).saved).toEqual([
      {
        provider: 'paystream',
        methodId: 'sandbox-key',
        credentials: [{ scheme: 'apiKey', apiKey: 'ps-test-77e1' }],
        connection: { name: DEFAULT_NAME, baseUrl: 'https://sandbox.paystream.test' },
      },
    ])
    await expect(canvas.getByLabelText('API key')).toHaveValue('')
    await expect(canvas.getByLabelText('Base URL (optional)')).toHaveValue('https://sandbox.paystream.test')
    await expect(checkedMethods(canvas)).toEqual(['Sandbox key'])
  },
}

/** A connection name already taken (the backend answers 422 naming `connection.name`): the message sits under Connection name. */
export const ConnectionNameTaken: Story = {
  play: async ({ canvas, args, loaded }) => {
    await picker(canvas)
    await userEvent.type(canvas.getByLabelText('API key'), 'ps-live-30c9')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    // The same name again, with a new key.
    await userEvent.type(canvas.getByLabelText('API key'), 'ps-live-41da')
    await submit(canvas)
    const name = canvas.getByRole('textbox', { name: 'Connection name' })
    await expect(await canvas.findByText('A connection with this name already exists.')).toBeVisible()
    await expect(name).toHaveAttribute('aria-invalid', 'true')
    await expect(name).toHaveFocus()
    await expect(canvas.getByLabelText('API key')).toHaveAttribute('aria-invalid', 'false')
    await expect(canvas.getByLabelText('API key')).toHaveValue('ps-live-41da')
    await expect(memory(loaded).saved).toHaveLength(2)
    await expect(memory(loaded).connections).toHaveLength(1)
    await expect(args.onSuccess).toHaveBeenCalledTimes(1)
  },
}

/**
 * Switching method keeps the connection fields typed so far and nothing of the other method's
 * credentials: the edited name and the base URL stay, the API key goes, username and password
 * start empty; switching back brings an empty API key.
 */
export const SwitchKeepsConnectionFields: Story = {
  play: async ({ canvas, loaded }) => {
    await picker(canvas)
    const name = canvas.getByRole('textbox', { name: 'Connection name' })
    await userEvent.clear(name)
    await userEvent.type(name, 'PayStream EU')
    await userEvent.click(canvas.getByText('Advanced'))
    await userEvent.type(canvas.getByLabelText('Base URL (optional)'), 'https://eu.paystream.test')
    await userEvent.type(canvas.getByLabelText('API key'), 'ps-live-30c9')
    await userEvent.click(radio(canvas, 'Username and password'))
    await expect(await canvas.findByLabelText('Username')).toHaveValue('')
    await expect(canvas.getByLabelText('Password')).toHaveValue('')
    await expect(canvas.queryByLabelText('API key')).toBeNull()
    await expect(canvas.getByLabelText('Base URL (optional)')).toHaveValue('https://eu.paystream.test')
    await expect(canvas.getByRole('textbox', { name: 'Connection name' })).toHaveValue('PayStream EU')
    await expect(checkedMethods(canvas)).toEqual(['Username and password'])
    await userEvent.click(radio(canvas, 'Production key'))
    await expect(await canvas.findByLabelText('API key')).toHaveValue('')
    await expect(canvas.queryByLabelText('Username')).toBeNull()
    await expect(canvas.getByLabelText('Base URL (optional)')).toHaveValue('https://eu.paystream.test')
    await expect(canvas.getByRole('textbox', { name: 'Connection name' })).toHaveValue('PayStream EU')
    await expect(memory(loaded).saved).toHaveLength(0)
  },
}

/** The picker by keyboard: focus the checked method, ArrowDown checks the next one and its fields show. */
export const KeyboardChoice: Story = {
  play: async ({ canvas, args, loaded }) => {
    await picker(canvas)
    const production = radio(canvas, 'Production key')
    production.focus()
    await expect(production).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}')
    await expect(radio(canvas, 'Sandbox key')).toBeChecked()
    await expect(radio(canvas, 'Sandbox key')).toHaveFocus()
    await expect(production).not.toBeChecked()
    await expect(canvas.getByLabelText('API key')).toBeVisible()
    await userEvent.keyboard('{ArrowDown}')
    await expect(radio(canvas, 'Username and password')).toBeChecked()
    await expect(radio(canvas, 'Username and password')).toHaveFocus()
    await expect(await canvas.findByLabelText('Username')).toBeVisible()
    await expect(canvas.getByLabelText('Password')).toBeVisible()
    await expect(canvas.queryByLabelText('API key')).toBeNull()
    // The method chosen by keyboard is the one sent.
    await userEvent.type(canvas.getByLabelText('Username'), 'ada')
    await userEvent.type(canvas.getByLabelText('Password'), 'ps-pass')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await expect(memory(loaded).saved).toEqual([
      expect.objectContaining({ methodId: 'basic', credentials: [{ scheme: 'basic', username: 'ada', password: 'ps-pass' }] }),
    ])
  },
}
