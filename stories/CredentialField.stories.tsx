import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { defaultMessages } from '../src/index'
import { CredentialField, useAuthSchemeForm } from '../src/forms'
import { withMemoryBackend } from './withMemoryBackend'

/**
 * A host's own form from `useAuthSchemeForm`, with the kit's CredentialField for each field: the
 * prop bags go straight in. Over the test kit's memory backend and its sample providers.
 */
function FieldsOf({ provider }: { provider: string }) {
  const form = useAuthSchemeForm({ provider })
  if (form.status !== 'ready') return <p role="status">Loading…</p>
  return (
    <form className="plugboard plugboard-form" onSubmit={form.onSubmit} noValidate aria-label={`Connect ${form.displayName}`}>
      {form.fields.map((props) => (
        <CredentialField key={props.field.name} {...props} />
      ))}
      <div className="plugboard-actions">
        <button type="submit" className="plugboard-button" data-variant="primary">
          Check
        </button>
      </div>
    </form>
  )
}

const meta: Meta<typeof CredentialField> = {
  title: 'Components/CredentialField',
  component: CredentialField,
  tags: ['autodocs'],
  ...withMemoryBackend,
  parameters: {
    controls: { disable: true },
    docs: {
      description: {
        component: [
          'One credential field of `AuthSchemeForm`, for a form of your own: its label (an optional field says so), the input that suits the field (text, masked secret with a reveal toggle, select, multi-line secret, PEM block with a file picker), Generate and Copy where the scheme offers them, help text and the error, all wired for screen readers (`aria-describedby`, `aria-invalid`). It takes one entry of `useAuthSchemeForm().fields` as its props.',
          '',
          '## Usage',
          '',
          '```tsx',
          "import { CredentialField, useAuthSchemeForm } from '@plugboard/react/forms'",
          '',
          'function MyForm({ provider }: { provider: string }) {',
          '  const form = useAuthSchemeForm({ provider })',
          "  if (form.status !== 'ready') return null",
          '  return (',
          '    <form onSubmit={form.onSubmit} noValidate>',
          '      {form.fields.map((props) => <CredentialField key={props.field.name} {...props} />)}',
          '      <button type="submit">Connect</button>',
          '    </form>',
          '  )',
          '}',
          '```',
        ].join('\n'),
      },
    },
  },
}
export default meta
type Story = StoryObj<typeof CredentialField>

/** A secret: required, masked, with a reveal toggle. */
export const Secret: Story = {
  render: () => <FieldsOf provider="vaultly" />,
  play: async ({ canvas }) => {
    const secret = await canvas.findByRole('textbox', { name: defaultMessages.secret })
    await expect(secret).toHaveAttribute('aria-required', 'true')
    await expect(canvas.getByRole('button', { name: defaultMessages.showSecret(defaultMessages.secret) })).toHaveAttribute('aria-pressed', 'false')
  },
}

/** Left empty and submitted: the error under the field, described by it, the field invalid. */
export const Invalid: Story = {
  render: () => <FieldsOf provider="vaultly" />,
  play: async ({ canvas }) => {
    const secret = await canvas.findByRole('textbox', { name: defaultMessages.secret })
    await userEvent.click(canvas.getByRole('button', { name: 'Check' }))
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent(defaultMessages.required(defaultMessages.secret))
    await waitFor(() => expect(secret).toHaveAttribute('aria-invalid', 'true'))
    await expect(secret.getAttribute('aria-describedby')).toContain(alert.id)
  },
}

/** An HMAC secret: Generate and Copy beside the input. */
export const GeneratedSecret: Story = {
  render: () => <FieldsOf provider="hookrelay" />,
  play: async ({ canvas }) => {
    await canvas.findByRole('form')
    await expect(canvas.getAllByRole('button').length).toBeGreaterThan(2)
  },
}

/** PEM blocks: multi-line, with a file picker each. */
export const Certificate: Story = {
  render: () => <FieldsOf provider="ledgerbank" />,
  play: async ({ canvasElement, canvas }) => {
    await canvas.findByRole('form')
    await expect(canvasElement.querySelectorAll('textarea').length).toBeGreaterThan(0)
    await expect(canvasElement.querySelectorAll('input[type="file"]').length).toBeGreaterThan(0)
  },
}

/** Optional fields with the platform's help (inline code), after the required ones. */
export const OptionalWithHelp: Story = {
  render: () => <FieldsOf provider="quillpress" />,
  play: async ({ canvasElement, canvas }) => {
    await canvas.findByRole('form')
    await expect(canvasElement.querySelector('.plugboard-help code')).toHaveTextContent('1234567_SB1')
  },
}
