import { screen, waitFor, within } from '@testing-library/react'
import { expect, test, describe, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { AuthSchemeForm } from '../../src/index'
import { expectNoAxeViolations } from '../axe'
import { platform } from '../platform'
import { renderWithKit } from '../renderWithKit'

const scope = { groupRef: 'group-1', consumerRef: 'consumer-1' }

interface SchemeCase {
  /** The provider's sign-in method, as Ampersand's adapter names it. */
  scheme: string
  provider: string
  /** label → what the person types */
  fill: Record<string, string>
  /** where the form sends it @default '/connections:generate' */
  endpoint?: string
  /** the part of the body beyond group, consumer and provider */
  body: Record<string, unknown>
  secrets: string[]
}

const formCases: SchemeCase[] = [
  {
    scheme: 'apiKey',
    provider: 'openAI',
    fill: { 'API key': 'Bearer sk-live-123' },
    body: { apiKey: 'sk-live-123' },
    secrets: ['API key'],
  },
  {
    scheme: 'basic',
    provider: 'freshdesk',
    fill: { Username: 'agent@acme.test', Password: ' pass word ', Domain: 'acme' },
    body: {
      basicAuth: { username: 'agent@acme.test', password: ' pass word ' },
      providerWorkspaceRef: 'acme',
      providerMetadata: { workspace: { value: 'acme', source: 'input' } },
    },
    secrets: ['Password'],
  },
  {
    scheme: 'oauth2/clientCredentials',
    provider: 'adobe',
    fill: { 'Client ID': 'cid', 'Client secret': 'csecret', Scopes: 'openid, AdobeID read_organizations' },
    body: { oauth2ClientCredentials: { clientId: 'cid', clientSecret: 'csecret', scopes: ['openid', 'AdobeID', 'read_organizations'] } },
    secrets: ['Client secret'],
  },
  {
    scheme: 'oauth2/password',
    provider: 'sugarCRM',
    fill: { Username: 'jim', Password: 'pw', 'Client ID': 'sugar', 'Client secret': 'shh', 'Base URL': 'https://acme.sugarondemand.com' },
    body: {
      oauth2PasswordCredentials: { username: 'jim', password: 'pw', clientId: 'sugar', clientSecret: 'shh' },
      providerWorkspaceRef: 'https://acme.sugarondemand.com',
      providerMetadata: { workspace: { value: 'https://acme.sugarondemand.com', source: 'input' } },
    },
    secrets: ['Password', 'Client secret'],
  },
  {
    scheme: 'custom',
    provider: 'discourse',
    fill: { 'API Key': 'dc-key', 'API Username': 'system', 'Your domain': 'forum.acme.com' },
    body: {
      customAuth: { apiKey: 'dc-key', username: 'system' },
      providerWorkspaceRef: 'forum.acme.com',
      providerMetadata: { workspace: { value: 'forum.acme.com', source: 'input' } },
    },
    secrets: ['API Key', 'API Username'],
  },
  {
    scheme: 'custom/multiStep',
    provider: 'redtail',
    endpoint: '/custom-auth/connect',
    fill: { 'API Key': 'rt-key', Username: 'advisor', Password: 'rt-pass' },
    body: {
      projectIdOrName: 'proj-1',
      customAuth: { apiKey: 'rt-key', username: 'advisor', password: 'rt-pass' },
      providerMetadata: { region: { value: 'crm', source: 'input' } },
    },
    secrets: ['API Key', 'Password'],
  },
  { scheme: 'none', provider: 'mock', fill: {}, body: {}, secrets: [] },
]

test('every form method Ampersand offers has a case here', () => {
  const covered = new Set(formCases.map((c) => c.scheme))
  const formMethods = ['apiKey', 'basic', 'oauth2/clientCredentials', 'oauth2/password', 'custom', 'custom/multiStep', 'none']
  expect(formMethods.filter((id) => !covered.has(id))).toEqual([])
})

describe.each(formCases)('$scheme form ($provider)', ({ provider, fill, body, secrets, endpoint = '/connections:generate' }) => {
  test('has no axe violations and labels every input', async () => {
    const { container } = renderWithKit(<AuthSchemeForm provider={provider} />)
    await screen.findByRole('button', { name: 'Connect' })
    for (const label of Object.keys(fill)) expect(screen.getByLabelText(label)).toBeTruthy()
    await expectNoAxeViolations(container)
  })

  test('submits exactly the body the spec describes and clears secrets after success', async () => {
    const onSuccess = vi.fn()
    const { queryClient } = renderWithKit(<AuthSchemeForm provider={provider} onSuccess={onSuccess} />)
    await screen.findByRole('button', { name: 'Connect' })
    for (const [label, value] of Object.entries(fill)) {
      await userEvent.fill(screen.getByLabelText(label), value)
    }
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    const sent = platform.requests.filter((r) => r.method === 'POST' && r.path.endsWith(endpoint))
    expect(sent).toHaveLength(1)
    expect(platform.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(sent[0]!.body).toEqual({ ...scope, provider, ...body })
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ provider })
    for (const label of secrets) expect((screen.getByLabelText(label) as HTMLInputElement).value).toBe('')
    // Nor do the secrets stay in the query cache.
    await waitFor(() => expect(queryClient.getMutationCache().getAll()).toHaveLength(0))
    const cached = JSON.stringify(queryClient.getQueryCache().getAll().map((query) => query.state.data))
    for (const label of secrets) expect(cached).not.toContain(fill[label]!)
  })
})

describe('AuthSchemeForm behaviour', () => {
  test('Enter submits, and an empty required field gets its message next to it without a request', async () => {
    renderWithKit(<AuthSchemeForm provider="openAI" />)
    const input = await screen.findByLabelText('API key')
    await userEvent.click(input)
    await userEvent.keyboard('{Enter}')
    const error = await screen.findByText('API key is required.')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(error.id)
    expect(platform.requests.some((r) => r.path.endsWith(':generate'))).toBe(false)
  })

  test('help text and docs link are tied to the input', async () => {
    renderWithKit(<AuthSchemeForm provider="openAI" />)
    const input = await screen.findByLabelText('API key')
    const help = document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!)
    expect(help?.textContent).toContain('Paste only the key, without “Bearer” in front of it.')
    expect(within(help!).getByRole('link', { name: 'Where to find this' }).getAttribute('href')).toBe(
      'https://platform.openai.com/docs/api-reference/api-keys',
    )
  })

  test('secrets are masked and the toggle reveals and hides them', async () => {
    renderWithKit(<AuthSchemeForm provider="mailgun" />)
    const password = (await screen.findByLabelText('Password')) as HTMLInputElement
    expect(password.type).toBe('password')
    const toggle = screen.getByRole('button', { name: 'Show Password' })
    await userEvent.click(toggle)
    expect(password.type).toBe('text')
    expect(screen.getByRole('button', { name: 'Hide Password' }).getAttribute('aria-pressed')).toBe('true')
    await userEvent.click(screen.getByRole('button', { name: 'Hide Password' }))
    expect(password.type).toBe('password')
    expect((screen.getByLabelText('Username') as HTMLInputElement).type).toBe('text')
  })

  test('a server field error lands under the matching input and nothing typed is lost', async () => {
    platform.fail('generate', {
      status: 400,
      problem: {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Invalid credentials',
        issues: [{ name: 'basicAuth.password', in: 'body', detail: 'The password hunter22 was rejected by Mailgun.' }],
      },
    })
    const onError = vi.fn()
    renderWithKit(<AuthSchemeForm provider="mailgun" onError={onError} />)
    await userEvent.fill(await screen.findByLabelText('Username'), 'api')
    await userEvent.fill(screen.getByLabelText('Password'), 'hunter22')
    await userEvent.keyboard('{Enter}')
    const password = screen.getByLabelText('Password') as HTMLInputElement
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'))
    const errorId = password.getAttribute('aria-describedby')!.split(' ').at(-1)!
    // The secret is never echoed back in error text.
    expect(document.getElementById(errorId)?.textContent).toBe('The password •••• was rejected by Mailgun.')
    expect(document.body.textContent).not.toContain('hunter22')
    expect(password.value).toBe('hunter22')
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('api')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(document.activeElement).toBe(password)
  })

  test('an HTML 502 page gives a clear message, never the raw page', async () => {
    platform.fail('generate', { status: 502, html: true })
    renderWithKit(<AuthSchemeForm provider="openAI" />)
    await userEvent.fill(await screen.findByLabelText('API key'), 'sk-1')
    await userEvent.keyboard('{Enter}')
    const alert = await screen.findByText(/unexpected answer \(error 502\)/)
    expect(alert.textContent).not.toMatch(/<|html/i)
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('sk-1')
  })

  test('while pending, the submit button says so and a second submit sends nothing more', async () => {
    platform.fail('generate', { delayMs: 400 })
    renderWithKit(<AuthSchemeForm provider="openAI" />)
    await userEvent.fill(await screen.findByLabelText('API key'), 'sk-1')
    await userEvent.keyboard('{Enter}')
    const pending = await screen.findByRole('button', { name: 'Connecting…' })
    expect(pending.getAttribute('aria-disabled')).toBe('true')
    await userEvent.click(pending)
    await userEvent.keyboard('{Enter}')
    await screen.findByRole('button', { name: 'Connect' }, { timeout: 3000 })
    expect(platform.requests.filter((r) => r.path.endsWith(':generate'))).toHaveLength(1)
  })

  test('metadata: an example default is a placeholder, real defaults prefill, optional inputs marked, required ones enforced', async () => {
    renderWithKit(<AuthSchemeForm provider="netsuiteM2M" />)
    // The prompt shows `1234567-sb` as an example account: nobody should connect it without typing.
    const prefix = (await screen.findByLabelText('Netsuite URL Prefix')) as HTMLInputElement
    expect([prefix.value, prefix.placeholder]).toEqual(['', '1234567-sb'])
    expect((screen.getByLabelText(/RESTlet Deployment URL/) as HTMLInputElement).value).toBe('/app/site/hosting/restlet.nl?script=3277&deploy=1')
    expect(screen.getByText('RESTlet Deployment URL').textContent).toContain('optional')
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    expect(await screen.findByText('Netsuite URL Prefix is required.')).toBeTruthy()
    expect(screen.getByText('Client ID is required.')).toBeTruthy()
  })

  test('a provider that cannot be loaded shows the error with a retry that works', async () => {
    platform.fail('provider', { status: 500, empty: true, times: 1 })
    renderWithKit(<AuthSchemeForm provider="openAI" />)
    expect(await screen.findByText(/Could not load openAI's connection settings/)).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(await screen.findByLabelText('API key')).toBeTruthy()
  })
})
