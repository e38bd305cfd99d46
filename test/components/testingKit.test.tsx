import { QueryClient } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import { getResponse } from 'msw'
import type { RequestHandler } from 'msw'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ampersand, ConnectButton, ConnectError, ConnectionList, ConnectProvider, versori } from '../../src/index'
import type { ConnectBackend, ProviderSpec } from '../../src/index'
import { ampersandHandlers, createMemoryBackend, mockSignInWindows, sampleProviders, versoriHandlers, versoriTemplates, versoriTestIds } from '../../src/testing'
import type { SignInWindows } from '../../src/testing'

// The testing kit (`@plugboard/react/testing`) as a host uses it: the kit rendered over the memory
// backend and over the mock platforms' MSW handlers, sign-ins finished with `completeOAuth` in fake
// windows, and assertions on what the person sees and what the platform received.
//
// Every browser test already runs test/setup.browser.ts' MSW worker (the reference platform); a
// second `setupWorker` would race it for every request. So here the handlers answer in the page
// through msw's `getResponse` (how MSW itself picks a handler), passed to the adapters' `fetch`.

let windows: SignInWindows | undefined
afterEach(() => {
  windows?.restore()
  windows = undefined
})

/** A fetch answered by MSW handlers, in the page. */
const through = (handlers: RequestHandler[]): typeof fetch => async (input, init) => {
  const response = await getResponse(handlers, new Request(input, init))
  if (!response) throw new TypeError(`No handler for ${String(input)}`)
  return response
}

/** A host's settings page: the kit over `backend`, for the organisation `acme` and the person `ada`. */
function renderPage(backend: ConnectBackend, ui: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(
    <ConnectProvider backend={backend} groupRef="acme" consumerRef="ada" consumerName="Ada Lovelace" queryClient={queryClient}>
      {ui}
    </ConnectProvider>,
  )
}

/** The named button once the kit knows the provider and the connections. */
async function ready(name: string): Promise<HTMLElement> {
  const button = await screen.findByRole('button', { name })
  await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('false'))
  return button
}

/** The error message tied to a control by `aria-describedby`. */
function errorOf(control: HTMLElement): string | undefined {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)).find((element) => element?.getAttribute('role') === 'alert')?.textContent ?? undefined
}

const oauthy: ProviderSpec = { id: 'oauthy', displayName: 'OAuthy', methods: [{ id: 'code', flow: 'popup', parts: [{ scheme: 'oauth2/authorizationCode', pkce: true }] }], connectionFields: [] }
const consenty: ProviderSpec = { id: 'consenty', displayName: 'Consenty', methods: [{ id: 'consent', flow: 'steps', parts: [{ scheme: 'custom', inputs: [] }] }], connectionFields: [] }

describe('createMemoryBackend', () => {
  test('OAuth: the fake window opens inside the click; completeOAuth approves, and the person sees the connection', async () => {
    windows = mockSignInWindows()
    const memory = createMemoryBackend({ providers: [oauthy] })
    const onSuccess = vi.fn()
    renderPage(
      memory.backend,
      <>
        <ConnectButton provider="oauthy" onSuccess={onSuccess} />
        <ConnectionList />
      </>,
    )
    await userEvent.click(await ready('Connect OAuthy'))
    expect(windows.windows).toHaveLength(1)
    const connection = await memory.completeOAuth()
    expect(connection).toMatchObject({ provider: 'oauthy', authScheme: 'oauth2/authorizationCode', consumerRef: 'ada', groupRef: 'acme' })
    expect(await screen.findByText('OAuthy is connected')).toBeTruthy()
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: connection!.id })))
    expect(await screen.findByRole('rowheader', { name: /OAuthy/ })).toBeTruthy()
    expect(windows.windows[0]!.closed).toBe(true)
    expect(memory.calls.map((call) => call.method)).toContain('startOAuth')
  })

  test('in an act environment (Testing Library with test globals), completeOAuth applies its updates inside act: no warning', async () => {
    windows = mockSignInWindows()
    const memory = createMemoryBackend({ providers: [oauthy] })
    renderPage(memory.backend, <ConnectButton provider="oauthy" />)
    await userEvent.click(await ready('Connect OAuthy'))
    const errors = vi.spyOn(console, 'error')
    const flag = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
    const before = flag.IS_REACT_ACT_ENVIRONMENT
    flag.IS_REACT_ACT_ENVIRONMENT = true
    try {
      await memory.completeOAuth()
      expect(screen.getByText('OAuthy is connected')).toBeTruthy()
    } finally {
      flag.IS_REACT_ACT_ENVIRONMENT = before
    }
    expect(errors.mock.calls.filter((call) => String(call[0]).includes('act('))).toEqual([])
    errors.mockRestore()
  })

  test('OAuth refused: the person reads the provider’s reason, and nothing is saved', async () => {
    windows = mockSignInWindows()
    const memory = createMemoryBackend({ providers: [oauthy] })
    renderPage(memory.backend, <ConnectButton provider="oauthy" />)
    await userEvent.click(await ready('Connect OAuthy'))
    expect(await memory.completeOAuth({ approve: false, reason: 'The admin said no.' })).toBeUndefined()
    expect((await screen.findByRole('alert')).textContent).toContain('OAuthy did not authorize the connection: The admin said no.')
    expect(memory.connections).toEqual([])
  })

  test('a multi-step sign-in goes through each page, then connects', async () => {
    windows = mockSignInWindows()
    const memory = createMemoryBackend({ providers: [consenty], stepPages: { consenty: 2 } })
    renderPage(memory.backend, <ConnectButton provider="consenty" />)
    await userEvent.click(await ready('Connect Consenty'))
    expect(await memory.completeOAuth()).toBeUndefined()
    await waitFor(() => expect(windows!.current?.url).toContain('page=1'))
    expect(await memory.completeOAuth()).toMatchObject({ provider: 'consenty' })
    expect(await screen.findByText('Consenty is connected')).toBeTruthy()
    expect(windows.windows).toHaveLength(1)
  })

  test('seeded connections are listed; a fault switch fails the list until Retry', async () => {
    const memory = createMemoryBackend({ providers: sampleProviders, connections: [{ provider: 'vaultly', createTime: '2026-01-02T03:04:05Z' }] })
    memory.fail('listConnections', { error: new ConnectError('http', 'Unavailable.', { status: 503 }), times: 1 })
    renderPage(memory.backend, <ConnectionList />)
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('rowheader', { name: /Vaultly/ })).toBeTruthy()
    expect(memory.calls.filter((call) => call.method === 'listConnections').length).toBeGreaterThanOrEqual(2)
  })
})

describe('ampersandHandlers', () => {
  const baseUrl = 'https://api.withampersand.com/v1'
  const backendFor = (mock: ReturnType<typeof ampersandHandlers>, fetch = through(mock.handlers)) => ampersand({ project: 'my-project', apiKey: 'test-key', baseUrl, fetch })

  test('an API key: `wrong` is refused under the field, a good key connects, and every body met the contract', async () => {
    const mock = ampersandHandlers({ baseUrl, project: 'my-project' })
    renderPage(backendFor(mock), <ConnectButton provider="openAI" />)
    await userEvent.click(await ready('Connect OpenAI'))
    const dialog = await screen.findByRole('dialog', { name: 'Connect OpenAI' })
    const key = within(dialog).getByLabelText('API key')
    await userEvent.fill(key, 'wrong')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(errorOf(key)).toBe('The provider refused this value.'))
    await userEvent.fill(key, 'sk-test')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    expect(await screen.findByText('OpenAI is connected')).toBeTruthy()
    const generated = mock.requests.filter((request) => request.path === '/projects/my-project/connections:generate')
    expect(generated.map((request) => [request.status, request.body])).toEqual([
      [422, { groupRef: 'acme', consumerRef: 'ada', consumerName: 'Ada Lovelace', provider: 'openAI', apiKey: 'wrong' }],
      [201, { groupRef: 'acme', consumerRef: 'ada', consumerName: 'Ada Lovelace', provider: 'openAI', apiKey: 'sk-test' }],
    ])
    expect(mock.violations).toEqual([])
    expect(mock.connections.map((connection) => [connection.provider, connection.group.groupRef, connection.consumer.consumerRef])).toEqual([['openAI', 'acme', 'ada']])
  })

  test('OAuth: the window goes to HubSpot’s authorize page; completeOAuth answers as the callback, and the list shows it', async () => {
    windows = mockSignInWindows()
    const mock = ampersandHandlers({ baseUrl })
    renderPage(
      backendFor(mock),
      <>
        <ConnectButton provider="hubspot" />
        <ConnectionList />
      </>,
    )
    await userEvent.click(await ready('Connect HubSpot'))
    const connection = await mock.completeOAuth({ provider: 'hubspot' })
    expect(new URL(windows.windows[0]!.url).origin + new URL(windows.windows[0]!.url).pathname).toBe('https://app.hubspot.com/oauth/authorize')
    expect(await screen.findByText('HubSpot is connected')).toBeTruthy()
    expect(await screen.findByRole('rowheader', { name: /HubSpot/ })).toBeTruthy()
    expect(mock.requests.find((request) => request.path === '/oauth-connect')?.body).toEqual({
      projectIdOrName: 'my-project',
      provider: 'hubspot',
      groupRef: 'acme',
      consumerRef: 'ada',
      consumerName: 'Ada Lovelace',
    })
    expect(mock.requests.map((request) => `${request.method} ${request.path}`)).toContain(`GET /projects/my-project/connections/${connection!.id}`)
    expect(mock.violations).toEqual([])
  })

  test('a body that breaks the contract: the person sees Ampersand’s issue under the field, and the test sees the violation', async () => {
    const mock = ampersandHandlers({ baseUrl })
    // Stands in for a bug in the kit: the password never reaches the body.
    const dropPassword: typeof fetch = (input, init) => {
      const body = init?.body ? (JSON.parse(String(init.body)) as { basicAuth?: Record<string, unknown> }) : undefined
      if (body?.basicAuth) delete body.basicAuth.password
      return through(mock.handlers)(input, { ...init, body: body ? JSON.stringify(body) : init?.body })
    }
    renderPage(backendFor(mock, dropPassword), <ConnectButton provider="mailgun" />)
    await userEvent.click(await ready('Connect Mailgun'))
    const dialog = await screen.findByRole('dialog', { name: 'Connect Mailgun' })
    await userEvent.fill(within(dialog).getByLabelText('Username'), 'api')
    const password = within(dialog).getByLabelText('Password')
    await userEvent.fill(password, 'key-123')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(errorOf(password)).toBe('basicAuth.password is required'))
    expect(mock.violations.map((request) => [request.status, request.path, request.issues])).toEqual([
      [400, '/projects/my-project/connections:generate', [{ path: 'basicAuth.password', message: 'is required' }]],
    ])
    expect(mock.connections).toEqual([])
  })
})

describe('versoriHandlers', () => {
  const baseUrl = 'https://platform.versori.com/api/v2'
  const template = (name: string) => versoriTemplates.find((entry) => entry.name === name)!
  const backendFor = (mock: ReturnType<typeof versoriHandlers>) => versori({ ...versoriTestIds, baseUrl, token: 'org-key', fetch: through(mock.handlers) })

  test('an API key: a name already taken is refused under Connection name; another connects', async () => {
    const mock = versoriHandlers({ baseUrl, seed: [{ template: 'Acme API key', externalId: 'someone-else', name: 'Acme API key – Ada Lovelace' }] })
    renderPage(backendFor(mock), <ConnectButton provider={template('Acme API key').connectionTemplateId} />)
    await userEvent.click(await ready('Connect Acme API key'))
    const dialog = await screen.findByRole('dialog', { name: 'Connect Acme API key' })
    await userEvent.fill(within(dialog).getByLabelText('API key'), 'acme-live-1')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    const name = within(dialog).getByLabelText('Connection name')
    await waitFor(() => expect(errorOf(name)).toBe('A connection with this name already exists.'))
    await userEvent.fill(name, 'Acme – Ada, live')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    expect(await screen.findByText('Acme API key is connected')).toBeTruthy()
    const creates = mock.requests.filter((request) => request.method === 'POST' && request.path === `/o/${versoriTestIds.organisationId}/connections`)
    expect(creates.map((request) => request.status)).toEqual([409, 201])
    expect(mock.violations).toEqual([])
    expect(mock.connections.map((connection) => connection.name)).toEqual(['Acme API key – Ada Lovelace', 'Acme – Ada, live'])
  })

  test('OAuth: completeOAuth plays the provider and the hosted callback page; the kit saves the code and the person sees the connection', async () => {
    windows = mockSignInWindows()
    const mock = versoriHandlers({ baseUrl })
    const oauth = template('Acme OAuth')
    renderPage(
      backendFor(mock),
      <>
        <ConnectButton provider={oauth.connectionTemplateId} />
        <ConnectionList />
      </>,
    )
    await userEvent.click(await ready('Connect Acme OAuth'))
    const dialog = await screen.findByRole('dialog', { name: 'Connect Acme OAuth' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue to Acme OAuth' }))
    const connection = await mock.completeOAuth({ provider: oauth.connectionTemplateId })
    expect(connection).toMatchObject({ connectionTemplateId: oauth.connectionTemplateId, name: 'Acme OAuth – Ada Lovelace' })
    expect(await screen.findByText('Acme OAuth is connected')).toBeTruthy()
    // The kit said hello to the callback page, as to Versori's own.
    expect(windows.windows[0]!.messages[0]).toMatchObject({ message: { type: 'hello' }, targetOrigin: 'https://platform.versori.com' })
    const [initialise, create] = mock.requests.filter((request) => request.method === 'POST')
    expect(initialise!.path).toBe(`/o/${versoriTestIds.organisationId}/systems/${oauth.id}/oauth2/initialise`)
    expect((create!.body as { connection: { credentials: { credential: { type: string } }[] } }).connection.credentials[0]!.credential.type).toBe('oauth2-code')
    expect(mock.violations).toEqual([])
  })
})
