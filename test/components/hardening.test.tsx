import '../../src/styles.css'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ampersand, AuthSchemeForm, ConnectButton, ConnectError, ConnectionList } from '../../src/index'
import type { ConnectBackend, ProviderSpec } from '../../src/index'
import { createMemoryBackend, sampleProviders as memoryProviders } from '../../src/testing'
import { spyOnPopups } from '../popups'
import { renderWithKit } from '../renderWithKit'

// Issue 8: the kit against a hostile platform, a hostile catalog and a slow network, in Chromium.

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement & HTMLTextAreaElement
const connect = () => userEvent.click(screen.getByRole('button', { name: 'Connect' }))

describe('secrets never leave inside an error', () => {
  test('a platform echoing the secret (raw, URL-encoded, JSON-escaped) reaches onError masked everywhere', async () => {
    const memory = createMemoryBackend({ providers: memoryProviders })
    const secret = 'sk live/42"x'
    memory.failNext(
      new ConnectError('http', `Key ${secret} is revoked`, {
        status: 422,
        detail: `Key ${encodeURIComponent(secret)} or ${JSON.stringify(secret).slice(1, -1)} is revoked`,
        fieldErrors: { 'credentials.0.secret': `The secret ${encodeURIComponent(secret).replace(/%20/g, '+')} is revoked.` },
      }),
    )
    const onError = vi.fn()
    renderWithKit(<AuthSchemeForm provider="vaultly" onError={onError} />, { backend: memory.backend })
    await userEvent.fill(await screen.findByLabelText('Secret'), secret)
    await connect()
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    const error = onError.mock.calls[0]![0] as ConnectError
    const seen = JSON.stringify({ message: error.message, detail: error.detail, fieldErrors: error.fieldErrors })
    for (const form of [secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+'), JSON.stringify(secret).slice(1, -1)]) {
      expect(seen).not.toContain(form)
    }
    expect(error.message).toBe('Key •••• is revoked')
    expect(document.body.textContent).not.toContain(secret)
  })

  test('a short secret counts too, where it stands alone', async () => {
    const memory = createMemoryBackend({ providers: memoryProviders })
    memory.failNext(new ConnectError('http', 'Password abc is wrong for user abcdef', { status: 422 }))
    const onError = vi.fn()
    renderWithKit(<AuthSchemeForm provider="paystream" onError={onError} />, { backend: memory.backend })
    await userEvent.click(await screen.findByRole('radio', { name: 'Username and password' }))
    await userEvent.fill(field('Username'), 'abcdef')
    await userEvent.fill(field('Password'), 'abc')
    await connect()
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    expect((onError.mock.calls[0]![0] as ConnectError).message).toBe('Password •••• is wrong for user abcdef')
  })

  test('third-party passwords do not invite the browser to fill in or save the host’s own login', async () => {
    renderWithKit(<AuthSchemeForm provider="paystream" />, { backend: createMemoryBackend({ providers: memoryProviders }).backend })
    await userEvent.click(await screen.findByRole('radio', { name: 'Username and password' }))
    expect(field('Password').getAttribute('autocomplete')).not.toBe('current-password')
    expect(field('Username').getAttribute('autocomplete')).not.toBe('username')
  })

  test('a revealed secret is masked again after a failed submit, and after a successful one', async () => {
    const memory = createMemoryBackend({ providers: memoryProviders })
    memory.failNext(new ConnectError('http', 'Refused.', { status: 422, detail: 'Refused.' }))
    renderWithKit(<AuthSchemeForm provider="vaultly" />, { backend: memory.backend })
    await userEvent.fill(await screen.findByLabelText('Secret'), 'top-secret-value')
    await userEvent.click(screen.getByRole('button', { name: 'Show Secret' }))
    expect(field('Secret').hasAttribute('data-masked')).toBe(false)
    await connect()
    await screen.findByText('Refused.')
    expect(field('Secret').hasAttribute('data-masked')).toBe(true)
    expect(field('Secret').value).toBe('top-secret-value')
  })
})

describe('the network', () => {
  const listing = (fetch: typeof globalThis.fetch, extra: Partial<Parameters<typeof ampersand>[0]> = {}) =>
    renderWithKit(<ConnectionList />, { kitRetries: true, backend: ampersand({ project: 'p', apiKey: 'key-1', baseUrl: `${location.origin}/hostile/v1`, fetch, ...extra } as never) })

  test('a redirect is never followed with the API key: the list says so', async () => {
    const seen: RequestInit[] = []
    listing(async (_input, init = {}) => {
      seen.push(init)
      return new Response(null, { status: 302, headers: { Location: 'https://evil.example/steal' } })
    })
    expect(await screen.findByText(/tried to send this request to a different address/)).toBeTruthy()
    expect(seen[0]!.redirect).toBe('manual')
  })

  test('a platform that sends headers, then stalls, fails within the timeout with Retry', { timeout: 20_000 }, async () => {
    listing(
      async (_input, init = {}) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('['))
              init.signal?.addEventListener('abort', () => controller.error(init.signal!.reason))
            },
          }),
          { status: 200, headers: { 'Content-Type': 'application/json' } },
        ),
      { timeoutMs: 300 },
    )
    // Reads are retried twice first (with backoff), each cut off at the timeout.
    expect(await screen.findByText(/took too long to answer/, {}, { timeout: 15_000 })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy()
  })

  test('a 429 on a read is retried after its Retry-After', async () => {
    const times: number[] = []
    let calls = 0
    listing(async () => {
      times.push(performance.now())
      calls += 1
      return calls === 1
        ? new Response(JSON.stringify({ title: 'Too Many Requests', status: 429 }), { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '2' } })
        : Response.json([])
    })
    expect(await screen.findByText('No accounts are connected yet.', {}, { timeout: 8000 })).toBeTruthy()
    expect(times).toHaveLength(2)
    // The platform's two seconds, not the kit's own one-second backoff.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1900)
  })

  test('a 429 on a write is shown, not retried', async () => {
    let posts = 0
    const backend = ampersand({
      project: 'p',
      apiKey: 'key-1',
      baseUrl: `${location.origin}/hostile/v1`,
      fetch: async (input, init = {}) => {
        if (String(input).includes('/providers/')) return Response.json({ name: 'openAI', displayName: 'OpenAI', authType: 'apiKey', apiKeyOpts: { attachmentType: 'header', header: { name: 'Authorization', valuePrefix: 'Bearer ' } } })
        if (init.method === 'POST') posts += 1
        return new Response(JSON.stringify({ title: 'Too Many Requests', status: 429 }), { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' } })
      },
    })
    renderWithKit(<AuthSchemeForm provider="openAI" />, { backend })
    await userEvent.fill(await screen.findByLabelText('API key'), 'sk-1')
    await connect()
    await screen.findByRole('alert')
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(posts).toBe(1)
  })
})

describe('catalog content the kit does not control', () => {
  const hostile: ProviderSpec = {
    id: 'hostile',
    displayName: 'Acme \u202Eliam',
    iconUrl: 'javascript:alert(1)',
    methods: [{ id: 'key', flow: 'form', parts: [{ scheme: 'apiKey', docsUrl: 'http://evil.example/docs' }] }],
    connectionFields: [{ name: 'region', label: 'Region', help: 'See <http://evil.example/regions> or <https://docs.acme.example/regions>.' }],
  }

  test('a right-to-left override in a name is isolated inside the kit’s own sentence', async () => {
    renderWithKit(<ConnectButton provider="hostile" />, { backend: createMemoryBackend({ providers: [hostile] }).backend })
    const button = await screen.findByRole('button', { name: /^Connect / })
    await waitFor(() => expect(button.textContent).toBe('Connect \u2068Acme \u202Eliam\u2069'))
  })

  test('links from the platform are used only when https: plain http and javascript: are dropped', async () => {
    renderWithKit(<AuthSchemeForm provider="hostile" />, { backend: createMemoryBackend({ providers: [hostile] }).backend })
    await screen.findByLabelText('API key')
    const hrefs = [...document.querySelectorAll('a')].map((link) => link.getAttribute('href'))
    expect(hrefs).toEqual(['https://docs.acme.example/regions'])
    expect(document.querySelector('img')).toBeNull()
  })

  test('an authorize URL that is not https is refused before the window goes there', async () => {
    const memory = createMemoryBackend({ providers: [{ id: 'oauthy', displayName: 'OAuthy', methods: [{ id: 'code', flow: 'popup', parts: [{ scheme: 'oauth2/authorizationCode', pkce: true }] }], connectionFields: [] }] })
    const backend: ConnectBackend = {
      ...memory.backend,
      startOAuth: async () => ({ kind: 'redirect', url: 'http://evil.example/authorize', protocol: { origin: 'http://evil.example', read: () => undefined } }),
    }
    const popups = spyOnPopups()
    const onError = vi.fn()
    renderWithKit(<ConnectButton provider="oauthy" onError={onError} />, { backend })
    const button = await screen.findByRole('button', { name: 'Connect OAuthy' })
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('false'))
    await userEvent.click(button)
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    expect((onError.mock.calls[0]![0] as ConnectError).message).toContain('its address is not secure (https)')
    for (const opened of popups.windows) expect(opened?.closed ?? true).toBe(true)
    popups.spy.mockRestore()
    expect(within(document.body).getByRole('alert').textContent).toContain('its address is not secure (https)')
  })
})

describe('correctness under timing', () => {
  test('a ConnectButton is not actionable until the consumer’s connections are known; then it reconnects', async () => {
    const memory = createMemoryBackend({ providers: memoryProviders })
    await memory.backend.createConnection({ groupRef: 'group-1', consumerRef: 'consumer-1' }, { provider: 'vaultly', credentials: [{ scheme: 'secret', secret: 's3cret' }] })
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const backend: ConnectBackend = { ...memory.backend, listConnections: async (...args) => (await gate, memory.backend.listConnections(...args)) }
    renderWithKit(<ConnectButton provider="vaultly" />, { backend })
    const button = await screen.findByRole('button', { name: 'Loading…' })
    expect(button.getAttribute('aria-disabled')).toBe('true')
    // A click while it loads (aria-disabled: a pointer still fires it) does nothing.
    button.click()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(memory.calls.filter((call) => call.method === 'createConnection')).toHaveLength(1)
    expect(screen.queryByRole('button', { name: 'Connect Vaultly' })).toBeNull()
    release()
    const reconnect = await screen.findByRole('button', { name: 'Reconnect Vaultly' })
    expect(reconnect.getAttribute('aria-disabled')).toBe('false')
  })

  test('connections that fail to load offer Retry, not Connect', async () => {
    const memory = createMemoryBackend({ providers: memoryProviders })
    let fail = true
    const backend: ConnectBackend = {
      ...memory.backend,
      listConnections: async (...args) => {
        if (fail) throw new ConnectError('http', 'Unavailable.', { status: 400 })
        return memory.backend.listConnections(...args)
      },
    }
    renderWithKit(<ConnectButton provider="vaultly" />, { backend })
    const retry = await screen.findByRole('button', { name: 'Retry' })
    expect(screen.getByRole('alert').textContent).toContain('Could not load connections.')
    expect(screen.queryByRole('button', { name: 'Connect Vaultly' })).toBeNull()
    fail = false
    await userEvent.click(retry)
    expect(await screen.findByRole('button', { name: 'Connect Vaultly' })).toBeTruthy()
  })
})

test('platform error text is plain, capped and wraps inside the form; the request id is shown in small print', async () => {
  const memory = createMemoryBackend({ providers: memoryProviders })
  const runaway = `<b>${'x'.repeat(3000)}</b>`
  memory.failNext(new ConnectError('http', runaway, { status: 500, detail: runaway, requestId: 'req-7f3a' }))
  const { container } = renderWithKit(
    <div style={{ width: 360 }}>
      <AuthSchemeForm provider="vaultly" />
    </div>,
    { backend: memory.backend },
  )
  await userEvent.fill(await screen.findByLabelText('Secret'), 'top-secret-value')
  await connect()
  const alert = await screen.findByRole('alert')
  expect(alert.textContent).toContain('Request ID: req-7f3a')
  expect(alert.querySelector('b')).toBeNull()
  expect(alert.textContent!.length).toBeLessThan(700)
  const form = container.querySelector('form')!
  expect(form.scrollWidth).toBeLessThanOrEqual(form.clientWidth + 1)
})

test('a very long provider name is bounded: two lines at most, the full name on hover and as the accessible name', async () => {
  const name = `Acme ${'Enterprise '.repeat(40)}Cloud`
  const long: ProviderSpec = { id: 'long', displayName: name, methods: [{ id: 'secret', flow: 'form', parts: [{ scheme: 'secret' }] }], connectionFields: [] }
  const { container } = renderWithKit(
    <div style={{ width: 280 }}>
      <ConnectButton provider="long" />
    </div>,
    { backend: createMemoryBackend({ providers: [long] }).backend },
  )
  const button = await screen.findByRole('button', { name: `Connect ${name}` })
  await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('false'))
  expect(button.getAttribute('title')).toBe(`Connect ${name}`)
  expect(button.getBoundingClientRect().width).toBeLessThanOrEqual(281)
  // Two lines of text at most (plus padding), not forty.
  expect(button.getBoundingClientRect().height).toBeLessThan(80)
  // Nothing inside the 280-pixel box overflows it.
  const box = container.firstElementChild as HTMLElement
  expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth + 1)
})

test('no platform request for a flow goes out while its window is blocked; "Open sign-in window" sends it', async () => {
  const memory = createMemoryBackend({ providers: [{ id: 'oauthy', displayName: 'OAuthy', methods: [{ id: 'code', flow: 'popup', parts: [{ scheme: 'oauth2/authorizationCode', pkce: true }] }], connectionFields: [] }] })
  const open = vi.spyOn(window, 'open').mockImplementation(() => null)
  renderWithKit(<ConnectButton provider="oauthy" />, { backend: memory.backend })
  const button = await screen.findByRole('button', { name: 'Connect OAuthy' })
  await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('false'))
  const before = memory.calls.length
  await userEvent.click(button)
  const again = await screen.findByRole('button', { name: 'Open sign-in window' })
  await new Promise((resolve) => setTimeout(resolve, 200))
  expect(memory.calls.slice(before).map((call) => call.method)).toEqual([])
  open.mockRestore()
  const popups = spyOnPopups()
  await userEvent.click(again)
  await waitFor(() => expect(memory.calls.slice(before).map((call) => call.method)).toContain('startOAuth'))
  expect(popups.windows).toHaveLength(1)
  popups.windows[0]?.close()
  popups.spy.mockRestore()
})
