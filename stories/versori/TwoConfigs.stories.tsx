import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { AuthSchemeForm, ConnectButton } from '../../src/index'
import { FAKE_VERSORI } from '../../test/fakeVersori'
import type { Canvas } from '../support'
import {
  connectButton,
  expectNothingSent,
  credentialsOf,
  defaultName,
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

const TEMPLATE = 'Acme Regions'
const PICKER = 'How do you want to connect?'

/**
 * A template with two `api-key` configs (template "Acme Regions"): each is a sign-in method, named
 * by its description, so the form opens with a picker (Production or Sandbox). The connection
 * fields are shared by both. Over the fake Versori platform.
 */
const meta = {
  title: 'Versori/TwoConfigs',
  component: AuthSchemeForm,
  ...withFakeVersori,
  args: { provider: providerOf(TEMPLATE), onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

const picker = (canvas: Canvas) => canvas.findByRole('group', { name: PICKER })
const radio = (canvas: Canvas, name: string) => canvas.getByRole('radio', { name })
/** The method labels in order, as a person reads the picker. */
const methodsShown = (canvas: Canvas) => canvas.getAllByRole('radio').map((input: HTMLElement) => input.parentElement?.textContent)
/** The id of the template's config with this description. */
const configIdOf = (loaded: Record<string, unknown>, description: string) =>
  (fakeVersori(loaded).template(TEMPLATE).authSchemeConfigs.find((config) => (config.apiKey as { description?: string } | undefined)?.description === description)?.apiKey as { id: string }).id

/** As first shown: the picker with Production checked, one API key field, the shared prefilled name. */
export const Empty: Story = {
  play: async ({ canvas, loaded }) => {
    const group = await picker(canvas)
    await expect(methodsShown(canvas)).toEqual(['Production', 'Sandbox'])
    for (const name of ['Production', 'Sandbox']) await expect(group).toContainElement(radio(canvas, name))
    await expect(radio(canvas, 'Production')).toBeChecked()
    await expect(radio(canvas, 'Sandbox')).not.toBeChecked()
    await expect(canvas.getAllByLabelText('API key')).toHaveLength(1)
    await expect(canvas.getByLabelText('API key')).toHaveValue('')
    await expect(canvas.getByRole('textbox', { name: 'Connection name' })).toHaveValue(defaultName(TEMPLATE))
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expectNothingSent(loaded)
  },
}

/**
 * Switching to Sandbox: the key typed for Production does not follow (another method's secret), the
 * typed connection name does; arrow keys move between the methods as native radios do.
 */
export const SwitchMethod: Story = {
  play: async ({ canvas, loaded }) => {
    await picker(canvas)
    await userEvent.type(canvas.getByLabelText('API key'), 'ak_prod_1')
    const name = canvas.getByRole('textbox', { name: 'Connection name' })
    await userEvent.clear(name)
    await userEvent.type(name, 'Acme EU')
    await userEvent.click(radio(canvas, 'Sandbox'))
    await waitFor(() => expect(radio(canvas, 'Sandbox')).toBeChecked())
    await expect(radio(canvas, 'Production')).not.toBeChecked()
    await waitFor(() => expect(canvas.getByLabelText('API key')).toHaveValue(''))
    await expect(canvas.getByRole('textbox', { name: 'Connection name' })).toHaveValue('Acme EU')
    radio(canvas, 'Sandbox').focus()
    await userEvent.keyboard('{ArrowUp}')
    await waitFor(() => expect(radio(canvas, 'Production')).toBeChecked())
    await expectNothingSent(loaded)
  },
}

/** Sandbox chosen, nothing typed: "API key is required." beside the key; Sandbox stays chosen; nothing is sent. */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await picker(canvas)
    await userEvent.click(radio(canvas, 'Sandbox'))
    await submit(canvas)
    const apiKey = canvas.getByLabelText('API key')
    await expect(await canvas.findByText('API key is required.')).toBeVisible()
    await expect(apiKey).toHaveAttribute('aria-invalid', 'true')
    await expect(apiKey).toHaveFocus()
    await expect(radio(canvas, 'Sandbox')).toBeChecked()
    await expectNothingSent(loaded)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** Sandbox with `wrong`: the 422 sits under API key; the method, the key and the name stay; it was the Sandbox config that was sent. */
export const ServerError: Story = {
  play: async ({ canvas, args, loaded }) => {
    await picker(canvas)
    await userEvent.click(radio(canvas, 'Sandbox'))
    const apiKey = canvas.getByLabelText('API key')
    await userEvent.type(apiKey, 'wrong')
    await submit(canvas)
    await expectRefusedUnder(canvas, apiKey, rejected('API key'))
    await expect(apiKey).toHaveValue('wrong')
    await expect(radio(canvas, 'Sandbox')).toBeChecked()
    await expect(canvas.getByRole('textbox', { name: 'Connection name' })).toHaveValue(defaultName(TEMPLATE))
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
    const body = onlyCreateBody(loaded)
    await expect(body.connection.credentials[0]!.authSchemeConfig).toMatchObject({ type: 'api-key', apiKey: { id: configIdOf(loaded, 'Sandbox') } })
    await expect(credentialsOf(body)).toEqual([{ type: 'string', data: { string: { value: 'wrong' } } }])
  },
}

/** While the key is being saved: "Connecting…", an aria-busy form, and no second CreateConnection. */
export const Pending: Story = {
  parameters: fakeVersoriParameters({ faults: { createConnection: { delayMs: 60_000 } } }),
  play: async ({ canvas, loaded }) => {
    await picker(canvas)
    await userEvent.type(canvas.getByLabelText('API key'), 'ak_prod_1')
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/**
 * A Sandbox key: one credential, for the template's Sandbox config (by its id), not Production's;
 * the platform stores it under that config. Afterwards the key is gone; Sandbox stays chosen.
 */
export const Success: Story = {
  play: async ({ canvas, args, loaded }) => {
    await picker(canvas)
    await userEvent.click(radio(canvas, 'Sandbox'))
    const apiKey = canvas.getByLabelText('API key')
    await userEvent.type(apiKey, 'ak_test_9')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: providerOf(TEMPLATE), authScheme: 'apiKey', status: 'working' })))
    const body = onlyCreateBody(loaded)
    await expect(body).toMatchObject({ connectionTemplateId: providerOf(TEMPLATE), externalId: FAKE_VERSORI.externalId, connection: { name: defaultName(TEMPLATE) } })
    await expect(body.connection.credentials).toHaveLength(1)
    await expect(body.connection.credentials[0]!.authSchemeConfig).toMatchObject({ type: 'api-key', apiKey: { id: configIdOf(loaded, 'Sandbox'), description: 'Sandbox' } })
    await expect(configIdOf(loaded, 'Sandbox')).not.toBe(configIdOf(loaded, 'Production'))
    await expect(credentialsOf(body)).toEqual([{ type: 'string', data: { string: { value: 'ak_test_9' } } }])
    await expect(fakeVersori(loaded).connections[0]?.credentials[0]?.authSchemeConfig).toMatchObject({ apiKey: { description: 'Sandbox' } })
    await waitFor(() => expect(apiKey).toHaveValue(''))
    await expect(radio(canvas, 'Sandbox')).toBeChecked()
  },
}

/** From ConnectButton: with two methods a click always opens the form, picker first. */
export const FromConnectButton: Story = {
  render: (args) => <ConnectButton provider={args.provider} onSuccess={args.onSuccess} />,
  play: async ({ canvas, args, loaded }) => {
    const button = await canvas.findByRole('button', { name: `Connect ${TEMPLATE}` })
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'))
    await userEvent.click(button)
    const dialog = within(await canvas.findByRole('dialog', { name: `Connect ${TEMPLATE}` }))
    await expect(dialog.getByRole('group', { name: PICKER })).toBeVisible()
    await userEvent.click(dialog.getByRole('radio', { name: 'Sandbox' }))
    await userEvent.type(dialog.getByLabelText('API key'), 'ak_test_9')
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await expect(await canvas.findByRole('status')).toHaveTextContent(`${TEMPLATE} is connected`)
    await expect(onlyCreateBody(loaded).connection.credentials[0]!.authSchemeConfig).toMatchObject({ apiKey: { description: 'Sandbox' } })
  },
}
