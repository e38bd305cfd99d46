import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { AuthSchemeForm } from '../../src/index'
import { FAKE_VERSORI } from '../../test/fakeVersori'
import {
  connectButton,
  expectNothingSent,
  credentialsOf,
  defaultName,
  expectConnectionFields,
  expectPending,
  expectRefusedUnder,
  fakeVersori,
  fakeVersoriParameters,
  onlyCreateBody,
  providerOf,
  rejected,
  submit,
  withFakeVersori,
} from './withFakeVersori'

const TEMPLATE = 'Acme Secret'

/**
 * Versori `secret` (template "Acme Secret", a config with no object of its own): one masked,
 * multi-line secret, then the connection's name and base URL. Over the fake Versori platform.
 */
const meta = {
  title: 'Versori/Secret',
  component: AuthSchemeForm,
  ...withFakeVersori,
  args: { provider: providerOf(TEMPLATE), onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

/** As first shown: an empty masked text area for the secret, with a reveal toggle; the prefilled name. */
export const Empty: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    const secret = canvas.getByRole('textbox', { name: 'Secret' })
    await expect(secret.tagName).toBe('TEXTAREA')
    await expect(secret).toHaveAttribute('data-masked')
    await expect(secret).toHaveValue('')
    await expect(secret).toHaveAttribute('aria-required', 'true')
    const reveal = canvas.getByRole('button', { name: 'Show Secret' })
    await expect(reveal).toHaveAttribute('aria-pressed', 'false')
    await userEvent.click(reveal)
    await expect(secret).not.toHaveAttribute('data-masked')
    await expect(canvas.getByRole('button', { name: 'Hide Secret' })).toHaveAttribute('aria-pressed', 'true')
    await expectConnectionFields(canvas, TEMPLATE)
    await expectNothingSent(loaded)
  },
}

/** Nothing typed (only white space): "Secret is required." beside it, focused; nothing is sent. */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const secret = canvas.getByRole('textbox', { name: 'Secret' })
    await userEvent.type(secret, '  {enter}  ')
    await submit(canvas)
    await expect(await canvas.findByText('Secret is required.')).toBeVisible()
    await expect(secret).toHaveAttribute('aria-invalid', 'true')
    await expect(secret).toHaveAccessibleDescription('Secret is required.')
    await expect(secret).toHaveFocus()
    await expectNothingSent(loaded)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** The platform refuses the secret (`wrong`: 422 at `…data.string.value`): the message sits under Secret, the value stays. */
export const ServerError: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const secret = canvas.getByRole('textbox', { name: 'Secret' })
    await userEvent.type(secret, 'wrong')
    await submit(canvas)
    await expectRefusedUnder(canvas, secret, rejected('secret'))
    await expect(secret).toHaveValue('wrong')
    await expect(canvas.getByRole('textbox', { name: 'Connection name' })).toHaveValue(defaultName(TEMPLATE))
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
    await expect(credentialsOf(onlyCreateBody(loaded))).toEqual([{ type: 'string', data: { string: { value: 'wrong' } } }])
    await expect(fakeVersori(loaded).connections).toHaveLength(0)
  },
}

/** While the secret is being saved: "Connecting…", an aria-busy form, and no second CreateConnection. */
export const Pending: Story = {
  parameters: fakeVersoriParameters({ faults: { createConnection: { delayMs: 60_000 } } }),
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Secret' }), 'sk_acme_91d2')
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/**
 * A two-line secret is sent as a `string` credential with the template's bare `{type: 'secret'}`
 * config; afterwards the text area is empty again.
 */
export const Success: Story = {
  play: async ({ canvas, args, loaded, canvasElement }) => {
    await connectButton(canvas)
    const secret = canvas.getByRole('textbox', { name: 'Secret' })
    await userEvent.type(secret, 'sk_acme_91d2{enter}part-two')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: providerOf(TEMPLATE), authScheme: 'secret', status: 'working' })))
    const body = onlyCreateBody(loaded)
    await expect(body).toMatchObject({ connectionTemplateId: providerOf(TEMPLATE), externalId: FAKE_VERSORI.externalId, connection: { name: defaultName(TEMPLATE) } })
    await expect(body.connection.credentials[0]!.authSchemeConfig).toEqual({ type: 'secret' })
    await expect(credentialsOf(body)).toEqual([{ type: 'string', data: { string: { value: 'sk_acme_91d2\npart-two' } } }])
    await waitFor(() => expect(secret).toHaveValue(''))
    await expect(canvasElement.innerHTML).not.toContain('sk_acme_91d2')
  },
}
