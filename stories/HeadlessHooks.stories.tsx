import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { useAuthSchemeForm } from '../src/forms'
import { useConnect } from '../src/index'
import type { Connection, UseConnectOptions } from '../src/index'
import { onlyBodyTo, requestsTo } from './requestsTo'
import { fakePlatform, KitDecorator } from './support'

/**
 * A host that builds its own UI from the headless hooks alone: its own button from `useConnect`,
 * its own credential form from `useAuthSchemeForm` (`@plugboard/react/forms`). No kit component
 * renders here; the kit only loads the provider, validates, and sends the credentials.
 */
function HostForm({ provider, flowId, onSuccess, onCancel }: { provider: string; flowId?: string; onSuccess?: (connection: Connection) => void; onCancel?: () => void }) {
  const f = useAuthSchemeForm({ provider, flowId, onSuccess })
  if (f.status === 'loading') return <p role="status">Loading the form…</p>
  if (f.status !== 'ready') return <p role="alert">This app cannot be connected here.</p>
  return (
    <form onSubmit={f.onSubmit} noValidate aria-label={`${f.displayName} credentials`}>
      {f.fields.map((props) => (
        <p key={props.field.name}>
          <label {...props.labelProps}>{props.field.label}</label>{' '}
          <input {...props.inputProps} />
          {props.error ? (
            <>
              {' '}
              <strong {...props.errorProps}>{props.error}</strong>
            </>
          ) : null}
        </p>
      ))}
      {f.formError ? <p role="alert">{f.formError}</p> : null}
      <button type="submit" disabled={f.isPending}>
        Save key
      </button>{' '}
      {onCancel ? (
        <button type="button" onClick={onCancel}>
          Not now
        </button>
      ) : null}
    </form>
  )
}

/** The host's button: its own words and markup; `useConnect` decides what a click does. */
function HostButton(options: UseConnectOptions) {
  const c = useConnect(options)
  if (c.status === 'loading') return <p role="status">Checking {c.displayName}…</p>
  if (c.status === 'error')
    return (
      <p role="alert">
        {c.displayName} is unavailable. <button onClick={c.retry}>Try again</button>
      </p>
    )
  return (
    <div>
      {c.existingConnection ? <p role="status">{c.displayName} is linked to your workspace.</p> : null}
      <button type="button" onClick={c.connect} disabled={c.isBusy}>
        {c.existingConnection ? `Relink ${c.displayName}` : `Link ${c.displayName}`}
      </button>
      {c.isFormOpen ? (
        <section aria-label={`Link ${c.displayName}`}>
          <HostForm provider={options.provider} flowId={c.flowId} onSuccess={c.completeForm} onCancel={c.closeForm} />
        </section>
      ) : null}
    </div>
  )
}

const meta: Meta<UseConnectOptions> = {
  title: 'Hooks/Headless',
  tags: ['autodocs'],
  decorators: [KitDecorator],
  args: { provider: 'openAI', onSuccess: fn(), onError: fn(), onCancel: fn() },
  argTypes: {
    provider: { control: 'text' },
    onSuccess: { action: 'success', table: { category: 'Events' } },
    onError: { action: 'error', table: { category: 'Events' } },
    onCancel: { action: 'cancel', table: { category: 'Events' } },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A host building its own UI from the headless hooks: a custom button from `useConnect` and a custom form from `useAuthSchemeForm`, over the fake Ampersand platform. See *Hooks* for the reference.',
      },
    },
  },
}
export default meta
type Story = StoryObj<UseConnectOptions>

/** `useConnect` behind the host's own button: a click opens the host's form; saving relinks the button. */
export const CustomButton: Story = {
  render: (args) => <HostButton {...args} />,
  play: async ({ canvas, args }) => {
    const link = await canvas.findByRole('button', { name: 'Link OpenAI' })
    await expect(canvas.queryByRole('region')).toBeNull()
    await userEvent.click(link)
    const region = await canvas.findByRole('region', { name: 'Link OpenAI' })
    const form = within(region)
    await userEvent.type(await form.findByLabelText('API key'), 'sk-host-7d1e')
    await userEvent.click(form.getByRole('button', { name: 'Save key' }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'openAI' })))
    await expect(onlyBodyTo('POST', '/connections:generate')).toMatchObject({ provider: 'openAI', apiKey: 'sk-host-7d1e' })
    await waitFor(() => expect(canvas.queryByRole('region')).toBeNull())
    await expect(await canvas.findByRole('status')).toHaveTextContent('OpenAI is linked to your workspace.')
    await expect(await canvas.findByRole('button', { name: 'Relink OpenAI' })).toBeEnabled()
  },
}

/** Closing the host's form through `closeForm` counts as a cancel; nothing is sent. */
export const CustomButtonCancelled: Story = {
  render: (args) => <HostButton {...args} />,
  play: async ({ canvas, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Link OpenAI' }))
    await userEvent.click(await canvas.findByRole('button', { name: 'Not now' }))
    await expect(canvas.queryByRole('region')).toBeNull()
    await expect(args.onCancel).toHaveBeenCalledTimes(1)
    await expect(requestsTo('POST', '/connections:generate')).toHaveLength(0)
  },
}

/** An existing connection: the host's button says so and offers to relink. */
export const CustomButtonConnected: Story = {
  render: (args) => <HostButton {...args} />,
  parameters: fakePlatform({ seed: [{ provider: 'openAI', status: 'working' }] }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('OpenAI is linked to your workspace.')).toHaveAttribute('role', 'status')
    await expect(await canvas.findByRole('button', { name: 'Relink OpenAI' })).toBeEnabled()
    await expect(canvas.queryByRole('button', { name: 'Link OpenAI' })).toBeNull()
  },
}

/** `useAuthSchemeForm` behind the host's own form: the kit's validation and errors, the host's markup. */
export const CustomForm: Story = {
  render: (args) => <HostForm provider={args.provider} onSuccess={args.onSuccess} />,
  play: async ({ canvas, args }) => {
    const form = await canvas.findByRole('form', { name: 'OpenAI credentials' })
    const input = within(form).getByLabelText('API key')
    await expect(input).toHaveAttribute('type', 'password')
    await userEvent.click(within(form).getByRole('button', { name: 'Save key' }))
    await expect(await canvas.findByText('API key is required.')).toBeVisible()
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await expect(requestsTo('POST', '/connections:generate')).toHaveLength(0)
    await userEvent.type(input, 'sk-host-91ab')
    await userEvent.click(within(form).getByRole('button', { name: 'Save key' }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await expect(onlyBodyTo('POST', '/connections:generate')).toMatchObject({ provider: 'openAI', apiKey: 'sk-host-91ab' })
  },
}

/** A server error that names no field lands in the host's own alert. */
export const CustomFormServerError: Story = {
  render: (args) => <HostForm provider={args.provider} onSuccess={args.onSuccess} />,
  parameters: fakePlatform({ faults: { generate: { status: 500, times: 1 } } }),
  play: async ({ canvas, args }) => {
    await userEvent.type(await canvas.findByLabelText('API key'), 'sk-host-5c2f')
    await userEvent.click(canvas.getByRole('button', { name: 'Save key' }))
    await expect(await canvas.findByRole('alert')).not.toBeEmptyDOMElement()
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}
