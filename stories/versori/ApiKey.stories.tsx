import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { AuthSchemeForm, ConnectButton } from '../../src/index'
import { FAKE_VERSORI, FAKE_VERSORI_API_KEY } from '../../test/fakeVersori'
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
  versoriRequests,
  withFakeVersori,
} from './withFakeVersori'

const TEMPLATE = 'Acme API key'

/**
 * Versori `api-key` (template "Acme API key", sent in the `X-Api-Key` header): one masked API key,
 * then the connection's name and, under Advanced, its base URL. Over the fake Versori platform.
 */
const meta = {
  title: 'Versori/ApiKey',
  component: AuthSchemeForm,
  ...withFakeVersori,
  args: { provider: providerOf(TEMPLATE), onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

/** As first shown: an empty masked API key, the prefilled connection name, Base URL tucked under a closed Advanced. */
export const Empty: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    const apiKey = canvas.getByLabelText('API key')
    await expect(apiKey).toBeVisible()
    await expect(apiKey).toHaveAttribute('type', 'password')
    await expect(apiKey).toHaveValue('')
    await expect(apiKey).toHaveAttribute('aria-required', 'true')
    await expect(canvas.getByRole('button', { name: 'Show API key' })).toBeVisible()
    await expectConnectionFields(canvas, TEMPLATE)
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expect(canvas.queryByRole('group', { name: 'How do you want to connect?' })).toBeNull()
    // The kit read the project's templates for its environment, with the organisation key.
    const [listed] = versoriRequests(loaded, 'GET', `/projects/${FAKE_VERSORI.projectId}/connection-templates`)
    await expect(listed?.query).toEqual({ env_id: FAKE_VERSORI.environmentId })
    await expect(listed?.headers.authorization).toBe(`Bearer ${FAKE_VERSORI_API_KEY}`)
    await expectNothingSent(loaded)
  },
}

/**
 * Nothing typed, the name cleared and a base URL that is no address: each field says what is wrong
 * next to it, Advanced opens to show its own, the key gets focus, and nothing is sent.
 */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    await userEvent.clear(canvas.getByRole('textbox', { name: 'Connection name' }))
    await userEvent.click(canvas.getByText('Advanced'))
    await userEvent.type(canvas.getByLabelText('Account URL (optional)'), 'ftp://files.acme.example')
    await expect(canvas.getByLabelText('Account URL (optional)')).toHaveValue('ftp://files.acme.example')
    await submit(canvas)
    await expect(await canvas.findByText('API key is required.')).toBeVisible()
    await expect(canvas.getByText('Connection name is required.')).toBeVisible()
    const baseUrlMessage = 'Account URL must be a web address such as https://example.com.'
    await expect(canvas.getByText(baseUrlMessage)).toBeVisible()
    const apiKey = canvas.getByLabelText('API key')
    await expect(apiKey).toHaveAttribute('aria-invalid', 'true')
    await expect(apiKey).toHaveAccessibleDescription('API key is required.')
    await expect(apiKey).toHaveFocus()
    await expect(canvas.getByRole('textbox', { name: 'Connection name' })).toHaveAccessibleDescription(expect.stringContaining('Connection name is required.'))
    await expect(canvas.getByLabelText('Account URL (optional)')).toHaveAccessibleDescription(expect.stringContaining(baseUrlMessage))
    // Typing a key takes its message away; the others stay until fixed.
    await userEvent.type(apiKey, 'ak_live_1')
    await waitFor(() => expect(canvas.queryByText('API key is required.')).toBeNull())
    await expect(canvas.getByText('Connection name is required.')).toBeVisible()
    await expectNothingSent(loaded)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/**
 * The platform refuses the key (`wrong`: a 422 at `connection.credentials[0].credential.data.string.value`):
 * the message sits under API key, and the key, the typed name and the base URL all stay.
 */
export const ServerError: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const apiKey = canvas.getByLabelText('API key')
    await userEvent.type(apiKey, 'wrong')
    const name = canvas.getByRole('textbox', { name: 'Connection name' })
    await userEvent.clear(name)
    await userEvent.type(name, 'Acme for billing')
    await userEvent.click(canvas.getByText('Advanced'))
    await userEvent.type(canvas.getByLabelText('Account URL (optional)'), 'https://eu.acme.example')
    await submit(canvas)
    await expectRefusedUnder(canvas, apiKey, rejected('API key'))
    await expect(apiKey).toHaveValue('wrong')
    await expect(name).toHaveValue('Acme for billing')
    await expect(canvas.getByLabelText('Account URL (optional)')).toHaveValue('https://eu.acme.example')
    await expect(canvas.getByLabelText('Account URL (optional)')).toBeVisible()
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 }))
    await expect(args.onSuccess).not.toHaveBeenCalled()
    await expect(credentialsOf(onlyCreateBody(loaded))).toEqual([{ type: 'string', data: { string: { value: 'wrong' } } }])
    await expect(fakeVersori(loaded).connections).toHaveLength(0)
  },
}

/** While the key is being saved: "Connecting…", an aria-busy form, and no second CreateConnection. */
export const Pending: Story = {
  parameters: fakeVersoriParameters({ faults: { createConnection: { delayMs: 60_000 } } }),
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas)
    await userEvent.type(canvas.getByLabelText('API key'), 'ak_live_7f3c')
    await submit(canvas)
    await expectPending(canvas, loaded)
  },
}

/**
 * A key and a base URL typed without its scheme: CreateConnection carries the template, the end
 * user, the prefilled name, the base URL made absolute and a `string` credential for the template's
 * `api-key` config. Afterwards the key is gone from the form; the platform answers it redacted.
 */
export const Success: Story = {
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas)
    const apiKey = canvas.getByLabelText('API key')
    await userEvent.type(apiKey, 'ak_live_7f3c')
    await userEvent.click(canvas.getByText('Advanced'))
    await userEvent.type(canvas.getByLabelText('Account URL (optional)'), 'eu.acme.example')
    await submit(canvas)
    await waitFor(() =>
      expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: providerOf(TEMPLATE), authScheme: 'apiKey', status: 'working', name: defaultName(TEMPLATE) })),
    )
    const body = onlyCreateBody(loaded)
    await expect(body).toMatchObject({
      connectionTemplateId: providerOf(TEMPLATE),
      externalId: FAKE_VERSORI.externalId,
      connection: { name: defaultName(TEMPLATE), baseUrl: 'https://eu.acme.example' },
    })
    await expect(body.connection.credentials).toHaveLength(1)
    await expect(body.connection.credentials[0]!.authSchemeConfig).toMatchObject({ type: 'api-key', apiKey: { name: 'X-Api-Key', in: 'header' } })
    await expect(body.connection.credentials[0]!.credential.organisationId).toBe(FAKE_VERSORI.organisationId)
    await expect(credentialsOf(body)).toEqual([{ type: 'string', data: { string: { value: 'ak_live_7f3c' } } }])
    // The secret leaves the form; what is not secret stays.
    await waitFor(() => expect(apiKey).toHaveValue(''))
    await expect(canvas.getByRole('textbox', { name: 'Connection name' })).toHaveValue(defaultName(TEMPLATE))
    const [stored] = fakeVersori(loaded).connections
    await expect(stored?.credentials[0]?.credential).toMatchObject({ type: 'string', data: { string: { value: '' } }, errors: [] })
  },
}

/** Versori fails to list the templates once (a 503 with its message): the form says so; Retry loads it. */
export const TemplatesLoadError: Story = {
  parameters: fakeVersoriParameters({ faults: { listTemplates: { status: 503, times: 1, error: { message: 'Versori is down for maintenance.' } } } }),
  play: async ({ canvas, loaded }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent(/^Could not load .+'s connection settings\. Versori is down for maintenance\.$/)
    await expect(canvas.queryByLabelText('API key')).toBeNull()
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await expect(await canvas.findByLabelText('API key')).toHaveValue('')
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expect(versoriRequests(loaded, 'GET', `/projects/${FAKE_VERSORI.projectId}/connection-templates`)).toHaveLength(2)
  },
}

/** The template's sign-in is a modal form from ConnectButton; after connecting, the button says so. */
export const FromConnectButton: Story = {
  render: (args) => <ConnectButton provider={args.provider} onSuccess={args.onSuccess} />,
  play: async ({ canvas, args, loaded }) => {
    const button = await canvas.findByRole('button', { name: `Connect ${TEMPLATE}` })
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'))
    await userEvent.click(button)
    const dialog = await canvas.findByRole('dialog', { name: `Connect ${TEMPLATE}` })
    await userEvent.type(within(dialog).getByLabelText('API key'), 'ak_live_7f3c')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(await canvas.findByRole('status')).toHaveTextContent(`${TEMPLATE} is connected`)
    await expect(await canvas.findByRole('button', { name: `Reconnect ${TEMPLATE}` })).toBeVisible()
    await expect(credentialsOf(onlyCreateBody(loaded))).toEqual([{ type: 'string', data: { string: { value: 'ak_live_7f3c' } } }])
  },
}
