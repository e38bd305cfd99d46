import '../../src/styles.css'
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import providers from '../../contracts/ampersand/providers.json'
import { useAuthSchemeForm } from '../../src/forms'
import { ampersand, AuthSchemeForm, ConnectButton } from '../../src/index'
import type { ConnectBackend, ProviderSpec } from '../../src/index'
import { spyOnPopups } from '../popups'
import { renderWithKit } from '../renderWithKit'

// Issue 8: what a component starts ends with it (requests, secrets), and a sign-in window that is
// about to time out says so first. In Chromium, through the public API.

type Entry = (typeof providers)[keyof typeof providers]

/**
 * An Ampersand platform whose catalog and connection list answer at once, and whose other requests
 * never answer until aborted. Records every request's method, path and signal.
 */
function hangingPlatform(options: { hangReads?: boolean } = {}) {
  const requests: { method: string; path: string; signal: AbortSignal | undefined }[] = []
  const backend = ampersand({
    project: 'p',
    apiKey: 'key-1',
    baseUrl: `${location.origin}/lifecycle/v1`,
    fetch: async (input, init = {}) => {
      const url = new URL(String(input))
      const method = init.method ?? 'GET'
      requests.push({ method, path: url.pathname, signal: init.signal ?? undefined })
      const name = /\/providers\/([^/]+)$/.exec(url.pathname)?.[1]
      if (!options.hangReads && name) return Response.json(providers[name as keyof typeof providers] satisfies Entry)
      if (!options.hangReads && method === 'GET') return Response.json([])
      return new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal!.reason))
      })
    },
  })
  return { backend, requests }
}

afterEach(() => {
  vi.restoreAllMocks()
})

const clickWhenReady = async (name: string) => {
  const button = await screen.findByRole('button', { name })
  await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('false'))
  await userEvent.click(button)
}

describe('requests end with the component that needs them', () => {
  test('a credential form closed while its request is under way aborts the request', async () => {
    const platform = hangingPlatform()
    const { unmount } = renderWithKit(<ConnectButton provider="openAI" />, { backend: platform.backend })
    await clickWhenReady('Connect OpenAI')
    await userEvent.fill(await screen.findByLabelText('API key'), 'sk-abort-me')
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(platform.requests.some((request) => request.method === 'POST')).toBe(true))
    const post = platform.requests.find((request) => request.method === 'POST')!
    expect(post.path).toBe('/lifecycle/v1/projects/p/connections:generate')
    expect(post.signal?.aborted).toBe(false)
    unmount()
    expect(post.signal?.aborted).toBe(true)
  })

  test('an OAuth sign-in unmounted while the platform prepares its page aborts that request and closes the window', async () => {
    const platform = hangingPlatform()
    const popups = spyOnPopups()
    const { unmount } = renderWithKit(<ConnectButton provider="hubspot" />, { backend: platform.backend })
    // HubSpot needs nothing typed: the click opens the window and asks the platform for the page.
    await clickWhenReady('Connect HubSpot')
    await waitFor(() => expect(platform.requests.some((request) => request.path.endsWith('/oauth-connect'))).toBe(true))
    const start = platform.requests.find((request) => request.path.endsWith('/oauth-connect'))!
    expect(popups.windows[0]?.closed).toBe(false)
    unmount()
    popups.spy.mockRestore()
    expect(start.signal?.aborted).toBe(true)
    expect(popups.windows[0]?.closed).toBe(true)
  })

  test('a button unmounted while the catalog entry and connections load aborts both reads', async () => {
    const platform = hangingPlatform({ hangReads: true })
    const { unmount } = renderWithKit(<ConnectButton provider="openAI" />, { backend: platform.backend })
    await waitFor(() => expect(platform.requests.map((request) => request.method)).toEqual(['GET', 'GET']))
    unmount()
    await waitFor(() => expect(platform.requests.every((request) => request.signal?.aborted)).toBe(true))
  })
})

describe('secrets leave memory with the form', () => {
  const ledger: ProviderSpec = {
    id: 'ledgerbank',
    displayName: 'LedgerBank',
    methods: [{ id: 'mtls', flow: 'form', parts: [{ scheme: 'certificate', caRequired: false }] }],
    connectionFields: [],
  }
  const vault: ProviderSpec = { id: 'vaultly', displayName: 'Vaultly', methods: [{ id: 'secret', flow: 'form', parts: [{ scheme: 'secret' }] }], connectionFields: [] }
  const offline = (spec: ProviderSpec): ConnectBackend => ({
    id: `offline:${spec.id}`,
    getProvider: async () => spec,
    listConnections: async () => [],
    getConnection: async () => {
      throw new Error('none')
    },
    createConnection: () => new Promise(() => undefined),
    updateConnection: () => new Promise(() => undefined),
    startOAuth: () => new Promise(() => undefined),
  })

  /** A host's own form over the headless hook, handing its `form` out (as a host might keep it). */
  function HostForm({ provider, keep }: { provider: string; keep: (form: UseFormReturn<FieldValues>) => void }) {
    const state = useAuthSchemeForm({ provider })
    keep(state.form)
    return (
      <form onSubmit={state.onSubmit}>
        {state.fields.map(({ field, labelProps, inputProps, file }) => (
          <div key={field.name}>
            <label {...labelProps}>{field.label}</label>
            {field.kind === 'pem' ? <textarea {...inputProps} /> : <input {...inputProps} />}
            {file ? <input {...file.inputProps} /> : null}
          </div>
        ))}
      </form>
    )
  }

  test('a typed secret is cleared from the form’s state when the form unmounts', async () => {
    let form: UseFormReturn<FieldValues> | undefined
    const { unmount } = renderWithKit(<HostForm provider="vaultly" keep={(kept) => (form = kept)} />, { backend: offline(vault) })
    const input = await screen.findByLabelText('Secret')
    await userEvent.fill(input, 'do-not-keep-me')
    const name = input.getAttribute('name')!
    expect(form!.getValues(name)).toBe('do-not-keep-me')
    unmount()
    expect(form!.getValues(name)).toBe('')
    expect(JSON.stringify(form!.getValues())).not.toContain('do-not-keep-me')
  })

  test('a key file still being read when the form unmounts is dropped, not loaded into the form', async () => {
    let form: UseFormReturn<FieldValues> | undefined
    const { unmount } = renderWithKit(<HostForm provider="ledgerbank" keep={(kept) => (form = kept)} />, { backend: offline(ledger) })
    await screen.findByLabelText('Private key')
    const key = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIPd1d3eynh0FqkeZMQ7MY7DV4JmYOo/RTV9oR1Wuki0d\n-----END PRIVATE KEY-----'
    const picker = screen.getByLabelText('Choose a file for Private key') as HTMLInputElement
    const file = new File([key], 'client-key.pem', { type: 'application/x-pem-file' })
    Object.defineProperty(picker, 'files', { value: [file], configurable: true })
    act(() => {
      fireEvent.change(picker)
      unmount()
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(JSON.stringify(form!.getValues())).not.toContain('BEGIN PRIVATE KEY')
  })

  test('the credentials sent are not kept in the query cache once the form is done with them', async () => {
    const platform = hangingPlatform()
    const { queryClient, unmount } = renderWithKit(<AuthSchemeForm provider="openAI" />, { backend: platform.backend })
    await userEvent.fill(await screen.findByLabelText('API key'), 'sk-in-flight')
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(platform.requests.some((request) => request.method === 'POST')).toBe(true))
    unmount()
    await waitFor(() => expect(JSON.stringify(queryClient.getMutationCache().getAll().map((m) => m.state.variables))).not.toContain('sk-in-flight'))
  })
})

describe('a sign-in window that is about to time out', () => {
  const oauthy: ProviderSpec = {
    id: 'oauthy',
    displayName: 'OAuthy',
    methods: [{ id: 'code', flow: 'popup', parts: [{ scheme: 'oauth2/authorizationCode', pkce: true }] }],
    connectionFields: [],
  }
  const waitingBackend = (): ConnectBackend => ({
    id: 'waiting',
    getProvider: async () => oauthy,
    listConnections: async () => [],
    getConnection: async () => {
      throw new Error('none')
    },
    createConnection: () => new Promise(() => undefined),
    updateConnection: () => new Promise(() => undefined),
    // A page on this origin that never answers: the person is still signing in.
    startOAuth: async () => ({ kind: 'redirect', url: `${location.origin}/lifecycle/never-answers`, protocol: { origin: location.origin, read: () => undefined } }),
  })

  test('warns before it gives up, and Keep waiting gives the person the whole time again', { timeout: 20_000 }, async () => {
    const popups = spyOnPopups()
    let failures = 0
    renderWithKit(<ConnectButton provider="oauthy" popupTimeoutMs={4000} onError={() => (failures += 1)} />, { backend: waitingBackend() })
    const button = await screen.findByRole('button', { name: 'Connect OAuthy' })
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('false'))
    const started = performance.now()
    await userEvent.click(button)
    await screen.findByText('Finish signing in to OAuthy in the window that opened.')
    // Half of a short timeout (a minute of the default five) before the end, the person is told.
    const warning = await screen.findByText('Still signing in to OAuthy? This sign-in stops in a few seconds.', {}, { timeout: 4000 })
    expect(performance.now() - started).toBeGreaterThanOrEqual(1950)
    expect(warning.closest('[role="status"]')).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Keep waiting' }))
    expect(screen.queryByText(/This sign-in stops/)).toBeNull()
    // Past the first deadline, the window is still open and the flow still waiting.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + 4500 - performance.now())))
    expect(failures).toBe(0)
    expect(popups.windows[0]?.closed).toBe(false)
    expect(screen.getByText('Finish signing in to OAuthy in the window that opened.')).toBeTruthy()
    // Without another Keep waiting, it stops in the end, and says why.
    expect(await screen.findByText('The sign-in took too long and was stopped. Please try again.', {}, { timeout: 6000 })).toBeTruthy()
    expect(failures).toBe(1)
    expect(popups.windows[0]?.closed).toBe(true)
    popups.spy.mockRestore()
  })
})
