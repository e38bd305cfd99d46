import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import { Component } from 'react'
import type { ReactNode } from 'react'
import { describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { useAuthSchemeForm } from '../../src/forms'
import { ampersand, connectKeys, ConnectProvider, useConnect, useConnections } from '../../src/index'
import { platform } from '../platform'
import { renderWithKit } from '../renderWithKit'

class Catch extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {}
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  override render() {
    return this.state.error ? <p role="alert">{this.state.error.message}</p> : this.props.children
  }
}

function Plain() {
  useConnections()
  return null
}

describe('headless hooks', () => {
  test('a host builds its own connect UI from the hooks alone', async () => {
    function MyForm() {
      const form = useAuthSchemeForm({ provider: 'mailgun', onSuccess: () => undefined })
      if (form.status !== 'ready') return <p>wait</p>
      return (
        <form onSubmit={form.onSubmit} aria-label="My Mailgun form">
          {form.fields.map(({ field, labelProps, inputProps, error, errorProps }) => (
            <div key={field.name}>
              <label {...labelProps}>{field.label.toUpperCase()}</label>
              <input {...inputProps} />
              {error ? <span {...errorProps}>{error}</span> : null}
            </div>
          ))}
          <button type="submit">Save</button>
        </form>
      )
    }
    function MyList() {
      const { data = [] } = useConnections()
      return <ul aria-label="mine">{data.map((c) => <li key={c.id}>{c.provider}:{c.status}</li>)}</ul>
    }
    renderWithKit(
      <>
        <MyForm />
        <MyList />
      </>,
    )
    await userEvent.fill(await screen.findByLabelText('USERNAME'), 'api')
    await userEvent.fill(screen.getByLabelText('PASSWORD'), 'secret-pw')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('mailgun:created')).toBeTruthy()
  })

  test('useConnect tells a custom button which flow a click runs', async () => {
    function Probe({ provider }: { provider: string }) {
      const c = useConnect({ provider })
      return <output aria-label={provider}>{`${c.status}/${c.mode ?? '-'}/${c.method?.id ?? '-'}`}</output>
    }
    renderWithKit(
      <>
        <Probe provider="hubspot" />
        <Probe provider="salesforce" />
        <Probe provider="openAI" />
      </>,
    )
    await waitFor(() => expect(screen.getByLabelText('hubspot').textContent).toBe('ready/popup/oauth2/authorizationCode'))
    await waitFor(() => expect(screen.getByLabelText('salesforce').textContent).toBe('ready/form/oauth2/authorizationCodePKCE'))
    await waitFor(() => expect(screen.getByLabelText('openAI').textContent).toBe('ready/form/apiKey'))
  })

  test('hooks outside ConnectProvider throw an error that says what to do', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    render(
      <Catch>
        <Plain />
      </Catch>,
    )
    expect(screen.getByRole('alert').textContent).toMatch(/`useConnections` must be used within <ConnectProvider>/)
  })

  test('ampersand() refuses both or neither of apiKey and getToken, saying what to pass', () => {
    expect(() => ampersand({ project: 'p' } as never)).toThrow(/Pass `apiKey`.*or `getToken`/)
    expect(() => ampersand({ project: 'p', apiKey: 'k', getToken: () => 't' } as never)).toThrow(/Pass exactly one/)
  })

  test('the kit uses its own query cache, never the host QueryClientProvider, with prefixed keys', async () => {
    const host = new QueryClient()
    const kit = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const backend = ampersand({ project: 'proj-1', apiKey: 'test-key', baseUrl: `${location.origin}/api/v1` })
    function List() {
      const { data } = useConnections()
      return <p>{data ? `loaded ${data.length}` : 'loading'}</p>
    }
    render(
      <QueryClientProvider client={host}>
        <ConnectProvider backend={backend} groupRef="group-1" consumerRef="consumer-1" queryClient={kit}>
          <List />
        </ConnectProvider>
      </QueryClientProvider>,
    )
    expect(await screen.findByText('loaded 0')).toBeTruthy()
    expect(host.getQueryCache().getAll()).toHaveLength(0)
    const keys = kit.getQueryCache().getAll().map((query) => query.queryKey)
    expect(keys.length).toBeGreaterThan(0)
    for (const key of keys) expect(key[0]).toBe(connectKeys.all[0])
  })

  test('getToken is awaited and sent as a bearer token', async () => {
    const backend = ampersand({ project: 'proj-1', baseUrl: `${location.origin}/api/v1`, getToken: async () => 'tok-123' })
    function List() {
      const { data } = useConnections()
      return <p>{data ? 'done' : 'loading'}</p>
    }
    render(
      <ConnectProvider backend={backend} groupRef="group-1" consumerRef="consumer-1">
        <List />
      </ConnectProvider>,
    )
    await screen.findByText('done')
    const request = platform.requests.find((r) => r.path.endsWith('/connections'))!
    expect(request.headers.authorization).toBe('Bearer tok-123')
    expect(request.headers['x-api-key']).toBeUndefined()
  })
})
