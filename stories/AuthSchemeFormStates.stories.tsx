import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { AuthSchemeForm } from '../src/index'
import { requestsTo } from './requestsTo'
import { fakePlatform, KitDecorator } from './support'
import { withCatalogEntry } from './withCatalogEntry'

/** Everything around the fields: loading, load errors, validation, pending, server errors, success. */
const meta = {
  title: 'Components/AuthSchemeForm/States',
  component: AuthSchemeForm,
  decorators: [KitDecorator],
  args: { provider: 'openAI', onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

const generateRequests = () => requestsTo('POST', '/connections:generate')

export const Loading: Story = {
  parameters: fakePlatform({ faults: { provider: { delayMs: 60_000 } } }),
  play: async ({ canvas }) => {
    const status = await canvas.findByRole('status')
    await expect(status).toHaveTextContent('Loading…')
    await expect(status).toHaveAttribute('aria-busy', 'true')
    await expect(canvas.queryByRole('button', { name: 'Connect' })).toBeNull()
  },
}

/** The catalog answers 500 once; Retry loads the form. */
export const ProviderLoadError: Story = {
  parameters: fakePlatform({
    faults: { provider: { status: 500, problem: { title: 'Internal Server Error', detail: 'The catalog is unavailable.' }, times: 1 } },
  }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent("Could not load openAI's connection settings. The catalog is unavailable.")
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await expect(await canvas.findByLabelText('API key')).toBeVisible()
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

export const UnknownProvider: Story = {
  args: { provider: 'not-in-catalog' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent("Could not load not-in-catalog's connection settings. No provider named not-in-catalog.")
  },
}

/** A catalog entry with an auth type the kit cannot render (JWT). */
export const UnsupportedScheme: Story = {
  args: { provider: 'legacyErp' },
  decorators: [withCatalogEntry({ name: 'legacyErp', displayName: 'Legacy ERP', authType: 'jwt' })],
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Legacy ERP cannot be connected here yet, because it uses a sign-in method this page does not support.')
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull()
    await expect(canvas.queryByRole('button', { name: 'Connect' })).toBeNull()
  },
}

/** Submitting empty: the message sits next to the field, which gets focus; nothing is sent. */
export const ClientValidationErrors: Story = {
  play: async ({ canvas, args }) => {
    const input = await canvas.findByLabelText('API key')
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }))
    await expect(await canvas.findByText('API key is required.')).toBeVisible()
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await expect(input).toHaveAccessibleDescription(/API key is required\./)
    await expect(input).toHaveFocus()
    await expect(generateRequests()).toHaveLength(0)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** While the platform answers, the button says so and a second click sends nothing more. */
export const Pending: Story = {
  parameters: fakePlatform({ faults: { generate: { delayMs: 60_000 } } }),
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByLabelText('API key'), 'sk-live-4f9c2d1e')
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }))
    const pending = await canvas.findByRole('button', { name: 'Connecting…' })
    await expect(pending).toHaveAttribute('aria-disabled', 'true')
    await expect(pending.closest('form')).toHaveAttribute('aria-busy', 'true')
    await userEvent.click(pending)
    // The request reaches the fake platform (a service worker) a moment after the UI changes.
    await waitFor(() => expect(generateRequests()).toHaveLength(1))
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(generateRequests()).toHaveLength(1)
  },
}

/** A 400 naming `basicAuth.password`: the message goes under Password; what was typed stays. */
export const ServerFieldErrors: Story = {
  args: { provider: 'mailgun' },
  parameters: fakePlatform({
    faults: {
      generate: {
        status: 400,
        problem: {
          type: 'https://docs.withampersand.com/errors/input-validation',
          title: 'InputValidationProblem',
          detail: 'Mailgun rejected the credentials.',
          issues: [{ name: 'basicAuth.password', in: 'body', detail: 'This password is not valid for the account.' }],
        },
      },
    },
  }),
  play: async ({ canvas, args }) => {
    await userEvent.type(await canvas.findByLabelText('Username'), 'api')
    await userEvent.type(canvas.getByLabelText('Password'), 'wrong-password')
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }))
    const password = canvas.getByLabelText('Password')
    await expect(await canvas.findByText('This password is not valid for the account.')).toBeVisible()
    await expect(password).toHaveAccessibleDescription('This password is not valid for the account.')
    await expect(password).toHaveAttribute('aria-invalid', 'true')
    await expect(password).toHaveFocus()
    await expect(canvas.getByText('Check the highlighted fields and try again.')).toBeVisible()
    await expect(canvas.getByLabelText('Username')).toHaveValue('api')
    await expect(canvas.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'false')
    await expect(args.onError).toHaveBeenCalledTimes(1)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** A server message that repeats the key back is shown with the key hidden. */
export const ServerErrorRepeatsSecret: Story = {
  parameters: fakePlatform({
    faults: { generate: { status: 422, problem: { title: 'Unprocessable Entity', detail: 'OpenAI refused the key sk-live-4f9c2d1e: it was revoked.' } } },
  }),
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByLabelText('API key'), 'sk-live-4f9c2d1e')
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }))
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('OpenAI refused the key ••••: it was revoked.')
    await expect(alert).not.toHaveTextContent('sk-live-4f9c2d1e')
  },
}

/** After success the secret leaves the form; the username stays. */
export const Succeeded: Story = {
  args: { provider: 'mailgun' },
  play: async ({ canvas, args }) => {
    await userEvent.type(await canvas.findByLabelText('Username'), 'api')
    await userEvent.type(canvas.getByLabelText('Password'), 'correct-horse')
    await userEvent.click(canvas.getByRole('button', { name: 'Show Password' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'mailgun', status: 'created' })))
    await expect(canvas.getByLabelText('Password')).toHaveValue('')
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('type', 'password')
    await expect(canvas.getByLabelText('Username')).toHaveValue('api')
    await expect(canvas.getByRole('button', { name: 'Connect' })).toHaveAttribute('aria-disabled', 'false')
  },
}

/** A proxy's HTML 502 page: a plain sentence, never the page's markup. */
export const BadGatewayPage: Story = {
  parameters: fakePlatform({ faults: { generate: { status: 502, html: true } } }),
  play: async ({ canvas, args }) => {
    await userEvent.type(await canvas.findByLabelText('API key'), 'sk-live-4f9c2d1e')
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }))
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('The server sent an unexpected answer (error 502). Please try again in a moment.')
    await expect(alert.textContent).not.toMatch(/<|Bad Gateway|html/i)
    await expect(canvas.getByLabelText('API key')).toHaveValue('sk-live-4f9c2d1e')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 502 }))
  },
}

export const NetworkFailure: Story = {
  parameters: fakePlatform({ faults: { generate: { network: true } } }),
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByLabelText('API key'), 'sk-live-4f9c2d1e')
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Could not reach the server. Check your connection and try again.')
  },
}

/** With `onDismiss`, a Cancel button sits beside the submit button. */
export const WithCancel: Story = {
  args: { onDismiss: fn() },
  play: async ({ canvas, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel' }))
    await expect(args.onDismiss).toHaveBeenCalledTimes(1)
    await expect(generateRequests()).toHaveLength(0)
  },
}
