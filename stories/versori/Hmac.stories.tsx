import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, spyOn, userEvent, waitFor } from 'storybook/test'
import { AuthSchemeForm } from '../../src/index'
import { FAKE_VERSORI } from '../../test/fakeVersori'
import type { Canvas } from '../support'
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

const TEMPLATE = 'Acme Webhooks'

/**
 * Versori `hmac` (template "Acme Webhooks"): a masked shared secret the person pastes or generates,
 * with how Acme signs (from the template's config) shown as read-only facts. Over the fake Versori
 * platform.
 */
const meta = {
  title: 'Versori/Hmac',
  component: AuthSchemeForm,
  ...withFakeVersori,
  args: { provider: providerOf(TEMPLATE), onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

/** What the template's `hmac` config says, as a person reads it. */
const ACME_FACTS = {
  'Signature algorithm': 'HMAC-SHA256',
  'Signed content': 'Request body and URL',
  'Signature format': 'Hexadecimal',
  'Signature sent as': 'X-Acme-Signature header',
}

/** The read-only facts: term → detail. */
const factsShown = (canvas: Canvas) =>
  Object.fromEntries(canvas.getAllByRole('term').map((term: HTMLElement) => [term.textContent, term.nextElementSibling?.textContent]))

/** As first shown: the template's signing facts, an empty masked "Shared secret" with Generate and Copy, the prefilled name. */
export const Empty: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    await expect(factsShown(canvas)).toEqual(ACME_FACTS)
    const secret = canvas.getByLabelText('Shared secret')
    await expect(secret).toHaveAttribute('type', 'password')
    await expect(secret).toHaveValue('')
    await expect(secret).toHaveAccessibleDescription('Paste the secret both sides share, or generate one here and copy it to the other side.')
    await expect(canvas.getByRole('button', { name: 'Generate a new Shared secret' })).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Copy Shared secret' })).toBeVisible()
    await expectConnectionFields(canvas, TEMPLATE)
    await expectNothingSent(loaded)
  },
}

/** Nothing typed: "Shared secret is required." beside it, until Generate fills it in; nothing is sent. */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await submit(canvas)
    const secret = canvas.getByLabelText('Shared secret')
    await expect(await canvas.findByText('Shared secret is required.')).toBeVisible()
    await expect(secret).toHaveAttribute('aria-invalid', 'true')
    await expect(secret).toHaveAccessibleDescription(expect.stringContaining('Shared secret is required.'))
    await expect(secret).toHaveFocus()
    await userEvent.click(canvas.getByRole('button', { name: 'Generate a new Shared secret' }))
    await waitFor(() => expect(canvas.queryByText('Shared secret is required.')).toBeNull())
    await expect(secret).toHaveAttribute('aria-invalid', 'false')
    await expectNothingSent(loaded)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** The platform refuses the secret (`wrong`: 422 at `…data.string.value`): under Shared secret; the value and the facts stay. */
export const ServerError: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const secret = canvas.getByLabelText('Shared secret')
    await userEvent.type(secret, 'wrong')
    await submit(canvas)
    await expectRefusedUnder(canvas, secret, rejected('shared secret'))
    await expect(secret).toHaveValue('wrong')
    await expect(factsShown(canvas)).toEqual(ACME_FACTS)
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
    await userEvent.type(canvas.getByLabelText('Shared secret'), 'c0ffee'.repeat(4))
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/**
 * Generate fills in a 64-character hex secret (the template's encoding), Copy copies it; it is sent
 * as a `string` credential echoing the template's `hmac` config, then cleared from the form.
 */
export const Success: Story = {
  play: async ({ canvas, args, loaded, canvasElement }) => {
    const writeText = spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined)
    await connectButton(canvas)
    const secret = canvas.getByLabelText('Shared secret') as HTMLInputElement
    await userEvent.click(canvas.getByRole('button', { name: 'Generate a new Shared secret' }))
    await waitFor(() => expect(secret.value).toMatch(/^[0-9a-f]{64}$/))
    const generated = secret.value
    await expect(secret).toHaveAttribute('type', 'password')
    await userEvent.click(canvas.getByRole('button', { name: 'Copy Shared secret' }))
    await expect(writeText).toHaveBeenCalledWith(generated)
    await expect(await canvas.findByText('Copied')).toBeVisible()
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: providerOf(TEMPLATE), authScheme: 'hmac', status: 'working' })))
    const body = onlyCreateBody(loaded)
    await expect(body).toMatchObject({ connectionTemplateId: providerOf(TEMPLATE), externalId: FAKE_VERSORI.externalId, connection: { name: defaultName(TEMPLATE) } })
    await expect(body.connection.credentials[0]!.authSchemeConfig).toMatchObject({
      type: 'hmac',
      hmac: { name: 'X-Acme-Signature', in: 'header', algorithm: 'sha256', digestInputs: ['body', 'url'], encoding: 'hex' },
    })
    await expect(credentialsOf(body)).toEqual([{ type: 'string', data: { string: { value: generated } } }])
    await waitFor(() => expect(secret).toHaveValue(''))
    await expect(canvasElement.innerHTML).not.toContain(generated)
  },
}
