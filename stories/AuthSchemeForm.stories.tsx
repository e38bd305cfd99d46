import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, spyOn, userEvent, waitFor, within } from 'storybook/test'
import catalog from '../contracts/ampersand/providers.json'
import { AuthSchemeForm } from '../src/index'
import { onlyBodyTo, requestsTo } from './requestsTo'
import { type Canvas, fakePlatform, KitDecorator } from './support'

/**
 * One story per sign-in scheme, each with a real provider from the catalog: the fields a person
 * sees, and the request the platform receives when they submit.
 */
const meta = {
  title: 'Components/AuthSchemeForm/Schemes',
  component: AuthSchemeForm,
  tags: ['autodocs'],
  decorators: [KitDecorator],
  args: { provider: 'openAI', onSuccess: fn(), onError: fn(), onCancel: fn() },
  argTypes: {
    provider: { control: 'select', options: Object.keys(catalog).sort(), description: "The provider's id: a name in Ampersand's catalog here." },
    popupTimeoutMs: { control: { type: 'number', min: 1000, step: 1000 } },
    className: { control: 'text' },
    connection: { control: false },
    flowId: { control: false },
    onSuccess: { action: 'success', table: { category: 'Events' } },
    onError: { action: 'error', table: { category: 'Events' } },
    onCancel: { action: 'cancel', table: { category: 'Events' } },
    onDismiss: { action: 'dismiss', table: { category: 'Events' } },
    onEvent: { action: 'event', table: { category: 'Events' } },
  },
  parameters: {
    docs: {
      description: {
        component: [
          "The credential form for one provider, chosen from its catalog entry: a real `<form>` (Enter submits) with a visible label on every input, help and errors tied by `aria-describedby`, masked secrets with a reveal toggle, and server field errors under the right input. For OAuth providers it collects any workspace or metadata, then opens the sign-in window.",
          '',
          "The main entry's `AuthSchemeForm` loads the form code on first use (call `preloadAuthSchemeForm()` to fetch it early); `@plugboard/react/forms` exports the same component eagerly, with its hook `useAuthSchemeForm` (see *Hooks*).",
          '',
          '## Usage',
          '',
          '```tsx',
          "import { AuthSchemeForm, ConnectProvider } from '@plugboard/react'",
          '',
          '<ConnectProvider backend={backend} groupRef={org.id} consumerRef={user.id}>',
          '  <AuthSchemeForm provider="openAI" onSuccess={() => navigate(\'/integrations\')} onDismiss={close} />',
          '</ConnectProvider>',
          '```',
          '',
          'One story per sign-in scheme follows, each with a real catalog provider; the states around the fields are under *AuthSchemeForm/States*, several methods under *AuthSchemeForm/Method picker*.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

const submit = async (canvas: Canvas, name = 'Connect') => userEvent.click(canvas.getByRole('button', { name }))
const generated = () => onlyBodyTo('POST', '/connections:generate')
const scope = { groupRef: 'group-1', consumerRef: 'consumer-1' }

/** API key sent in a header with a `Bearer ` prefix: the kit adds the prefix, and drops a pasted one; the help asks for the key alone. */
export const ApiKeyInHeader: Story = {
  play: async ({ canvas, args }) => {
    const input = await canvas.findByLabelText('API key')
    await expect(input).toHaveAttribute('type', 'password')
    await expect(input).toHaveAccessibleDescription(/^Paste only the key, without “Bearer” in front of it\./)
    await expect(canvas.getByRole('link', { name: 'Where to find this' })).toHaveAttribute(
      'href',
      'https://platform.openai.com/docs/api-reference/api-keys',
    )
    await userEvent.type(input, 'Bearer sk-live-4f9c2d1e')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'openAI' })))
    await expect(generated()).toMatchObject({ ...scope, provider: 'openAI', apiKey: 'sk-live-4f9c2d1e' })
  },
}

/** API key sent as a query parameter: no prefix hint; the reveal toggle shows what was typed. */
export const ApiKeyInQuery: Story = {
  args: { provider: 'hunter' },
  play: async ({ canvas, args }) => {
    const input = await canvas.findByLabelText('API key')
    await expect(input).toHaveAccessibleDescription('Where to find this')
    await userEvent.type(input, 'hk-93ab71')
    const reveal = canvas.getByRole('button', { name: 'Show API key' })
    await expect(reveal).toHaveAttribute('aria-pressed', 'false')
    await userEvent.click(reveal)
    await expect(input).toHaveAttribute('type', 'text')
    await expect(canvas.getByRole('button', { name: 'Hide API key' })).toHaveAttribute('aria-pressed', 'true')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await expect(generated()).toMatchObject({ provider: 'hunter', apiKey: 'hk-93ab71' })
  },
}

/** Basic auth with a docs link; the password keeps its spaces. */
export const Basic: Story = {
  args: { provider: 'mailgun' },
  play: async ({ canvas, args }) => {
    const username = await canvas.findByLabelText('Username')
    const password = canvas.getByLabelText('Password')
    await expect(username).toHaveAttribute('autocomplete', 'off')
    await expect(password).toHaveAttribute('type', 'password')
    await expect(password).toHaveAttribute('autocomplete', 'new-password')
    const docs = canvas.getByRole('link', { name: 'Where to find this' })
    await expect(docs).toHaveAttribute('href', 'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/')
    await expect(docs).toHaveAttribute('target', '_blank')
    await expect(docs).toHaveAttribute('rel', expect.stringContaining('noopener'))
    await userEvent.type(username, 'api')
    await userEvent.type(password, ' correct horse ')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await expect(generated()).toMatchObject({ provider: 'mailgun', basicAuth: { username: 'api', password: ' correct horse ' } })
  },
}

/** Basic auth plus the provider's workspace metadata (Freshdesk's domain). */
export const BasicWithWorkspace: Story = {
  args: { provider: 'freshdesk' },
  play: async ({ canvas, args }) => {
    await userEvent.type(await canvas.findByLabelText('Username'), 'ada@acme.test')
    await userEvent.type(canvas.getByLabelText('Password'), 'fd-secret')
    await userEvent.type(canvas.getByLabelText('Domain'), 'acme')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await expect(generated()).toMatchObject({
      provider: 'freshdesk',
      providerWorkspaceRef: 'acme',
      providerMetadata: { workspace: { value: 'acme', source: 'input' } },
      basicAuth: { username: 'ada@acme.test', password: 'fd-secret' },
    })
  },
}

/** OAuth client credentials where the provider needs scopes named: they are required. */
export const ClientCredentialsWithScopes: Story = {
  args: { provider: 'adobe' },
  play: async ({ canvas, args }) => {
    await userEvent.type(await canvas.findByLabelText('Client ID'), 'adobe-client')
    await userEvent.type(canvas.getByLabelText('Client secret'), 'adobe-secret')
    const scopes = canvas.getByLabelText('Scopes')
    await expect(scopes).toHaveAccessibleDescription('Separate scopes with spaces or commas.')
    await submit(canvas)
    await expect(await canvas.findByText('Scopes is required.')).toBeVisible()
    await expect(requestsTo('POST', '/connections:generate')).toHaveLength(0)
    await userEvent.type(scopes, 'openid, AdobeID read_organizations')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await expect(generated()).toMatchObject({
      provider: 'adobe',
      oauth2ClientCredentials: { clientId: 'adobe-client', clientSecret: 'adobe-secret', scopes: ['openid', 'AdobeID', 'read_organizations'] },
    })
  },
}

/** OAuth client credentials with a workspace and no scopes field. */
export const ClientCredentialsWithWorkspace: Story = {
  args: { provider: 'zuora' },
  play: async ({ canvas, args }) => {
    await userEvent.type(await canvas.findByLabelText('Client ID'), 'zuora-client')
    await userEvent.type(canvas.getByLabelText('Client secret'), 'zuora-secret')
    await userEvent.type(canvas.getByLabelText('Workspace'), 'rest.apisandbox')
    await expect(canvas.queryByLabelText(/Scopes/)).toBeNull()
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    const body = generated()
    await expect(body).toMatchObject({
      provider: 'zuora',
      providerWorkspaceRef: 'rest.apisandbox',
      oauth2ClientCredentials: { clientId: 'zuora-client', clientSecret: 'zuora-secret' },
    })
    await expect(body.oauth2ClientCredentials).not.toHaveProperty('scopes')
  },
}

/** OAuth password grant: person's and app's credentials, optional scopes, and the base URL. */
export const PasswordGrant: Story = {
  args: { provider: 'sugarCRM' },
  play: async ({ canvas, args }) => {
    await userEvent.type(await canvas.findByLabelText('Username'), 'ada')
    await userEvent.type(canvas.getByLabelText('Password'), 'sugar-pass')
    await userEvent.type(canvas.getByLabelText('Client ID'), 'sugar')
    await userEvent.type(canvas.getByLabelText('Client secret'), 'sugar-secret')
    await expect(canvas.getByLabelText('Scopes (optional)')).toHaveAttribute('aria-required', 'false')
    await userEvent.type(canvas.getByLabelText('Base URL'), 'https://acme.sugarondemand.com')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await expect(generated()).toMatchObject({
      provider: 'sugarCRM',
      providerWorkspaceRef: 'https://acme.sugarondemand.com',
      oauth2PasswordCredentials: { username: 'ada', password: 'sugar-pass', clientId: 'sugar', clientSecret: 'sugar-secret' },
    })
  },
}

/**
 * Multi-step custom auth (Redtail): text and password inputs from the catalog, plus region
 * metadata with a default, sent to `custom-auth/connect`; the platform answers the connection.
 */
export const MultiStepCustomInputs: Story = {
  args: { provider: 'redtail' },
  play: async ({ canvas, args }) => {
    const region = await canvas.findByLabelText('Region')
    await expect(region).toHaveValue('crm')
    await expect(region).toHaveAccessibleDescription(/The host of your Redtail CRM environment/)
    await expect(canvas.getByLabelText('API Key')).toHaveAttribute('type', 'password')
    await expect(canvas.getByLabelText('Username')).toHaveAttribute('type', 'text')
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('type', 'password')
    await userEvent.type(canvas.getByLabelText('API Key'), 'rt-key')
    await userEvent.type(canvas.getByLabelText('Username'), 'ada')
    await userEvent.type(canvas.getByLabelText('Password'), 'rt-pass')
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await expect(requestsTo('POST', '/connections:generate')).toHaveLength(0)
    await expect(onlyBodyTo('POST', '/custom-auth/connect')).toMatchObject({
      projectIdOrName: 'proj-1',
      provider: 'redtail',
      customAuth: { apiKey: 'rt-key', username: 'ada', password: 'rt-pass' },
      providerMetadata: { region: { value: 'crm', source: 'input' } },
    })
  },
}

/** Custom auth with several secret inputs, each with help and a docs link; every one is required. */
export const CustomManyInputs: Story = {
  args: { provider: 'netsuiteM2M' },
  play: async ({ canvas }) => {
    const labels = ['Client ID', 'Certificate ID', 'Base64 encoded Private Key (PEM)']
    await canvas.findByLabelText(labels[0]!)
    for (const label of labels) await expect(canvas.getByLabelText(label)).toHaveAttribute('type', 'password')
    await expect(canvas.getByLabelText('Certificate ID')).toHaveAccessibleDescription(/From the M2M Setup page/)
    // The prompt shows `1234567-sb` as an example account: a placeholder, not a value.
    await expect(canvas.getByLabelText('Netsuite URL Prefix')).toHaveValue('')
    await expect(canvas.getByLabelText('Netsuite URL Prefix')).toHaveAttribute('placeholder', '1234567-sb')
    await expect(canvas.getByLabelText('RESTlet Deployment URL (optional)')).toHaveValue('/app/site/hosting/restlet.nl?script=3277&deploy=1')
    await expect(canvas.getAllByRole('link', { name: 'Where to find this' })).toHaveLength(5)
    await submit(canvas)
    for (const label of [...labels, 'Netsuite URL Prefix']) await expect(await canvas.findByText(`${label} is required.`)).toBeVisible()
    await expect(canvas.getByLabelText('Client ID')).toHaveFocus()
    await expect(requestsTo('POST', '/connections:generate')).toHaveLength(0)
  },
}

/** OAuth authorization code with metadata: the person fills it in, then signs in in a popup. */
export const OAuthWithMetadataBeforePopup: Story = {
  args: { provider: 'netsuite' },
  parameters: fakePlatform({ autoAuthorize: 'allow' }),
  play: async ({ canvas, args }) => {
    const open = spyOn(window, 'open')
    await expect(await canvas.findByText('Enter these details, then sign in to Netsuite in a new window.')).toBeVisible()
    await expect(canvas.getByLabelText('Netsuite URL Prefix')).toHaveValue('')
    await expect(canvas.getByLabelText('RESTlet Script ID (optional)')).toHaveValue('')
    await userEvent.type(canvas.getByLabelText('Netsuite URL Prefix'), 'tstdrv2212')
    await userEvent.type(canvas.getByLabelText('RESTlet Script ID (optional)'), '3046')
    await submit(canvas, 'Continue to Netsuite')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'netsuite' })), { timeout: 10_000 })
    await expect(open).toHaveBeenCalledTimes(1)
    await expect(onlyBodyTo('POST', '/oauth-connect')).toMatchObject({
      provider: 'netsuite',
      providerWorkspaceRef: 'tstdrv2212',
      providerMetadata: { workspace: { value: 'tstdrv2212', source: 'input' }, scriptId: { value: '3046', source: 'input' } },
    })
  },
}

/** OAuth with a required metadata field left empty: no window opens until it is filled in. */
export const OAuthMetadataMissing: Story = {
  args: { provider: 'netsuite' },
  play: async ({ canvas }) => {
    const open = spyOn(window, 'open')
    await userEvent.clear(await canvas.findByLabelText('Netsuite URL Prefix'))
    await submit(canvas, 'Continue to Netsuite')
    await expect(await canvas.findByText('Netsuite URL Prefix is required.')).toBeVisible()
    await expect(canvas.getByLabelText('Netsuite URL Prefix')).toHaveAttribute('aria-invalid', 'true')
    await expect(open).not.toHaveBeenCalled()
    await expect(requestsTo('POST', '/oauth-connect')).toHaveLength(0)
  },
}

/** No credentials at all: one click connects. */
export const NoAuth: Story = {
  args: { provider: 'mock' },
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByText('Mock needs no password or key. Select Connect to continue.')).toBeVisible()
    await expect(canvas.queryAllByRole('textbox')).toHaveLength(0)
    await submit(canvas)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'mock' })))
    await expect(Object.keys(generated()).sort()).toEqual(['consumerName', 'consumerRef', 'groupName', 'groupRef', 'provider'])
  },
}
