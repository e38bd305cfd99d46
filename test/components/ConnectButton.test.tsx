import { screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ConnectButton, ConnectionList } from '../../src/index'
import { expectNoAxeViolations } from '../axe'
import { platform } from '../platform'
import { readyButton, spyOnPopups as spyOnAllPopups } from '../popups'
import { renderWithKit } from '../renderWithKit'

const scope = { groupRef: 'group-1', consumerRef: 'consumer-1' }
const oauthConnects = () => platform.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/oauth-connect'))

const spyOnPopups = () => spyOnAllPopups(() => oauthConnects().length)

afterEach(() => {
  vi.restoreAllMocks()
})

describe('ConnectButton, OAuth popup flow', () => {
  test('opens the popup inside the click, before any request, and connects', async () => {
    platform.configure({ autoAuthorize: 'allow' })
    const popups = spyOnPopups()
    const onSuccess = vi.fn()
    renderWithKit(
      <>
        <ConnectButton provider="hubspot" onSuccess={onSuccess} />
        <ConnectionList />
      </>,
    )
    await screen.findByText('No accounts are connected yet.')
    await userEvent.click(await readyButton('Connect HubSpot'))
    expect(popups.spy).toHaveBeenCalledTimes(1)
    expect(popups.countsAtOpen).toEqual([0])
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), { timeout: 10_000 })
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ provider: 'hubspot', authScheme: 'oauth2/authorizationCode' })
    expect(oauthConnects()[0]!.body).toEqual({ projectIdOrName: 'proj-1', provider: 'hubspot', ...scope })
    expect(await screen.findByText('HubSpot is connected')).toBeTruthy()
    // The list refreshed by itself: its row offers Reconnect too.
    expect(await screen.findByRole('rowheader', { name: /HubSpot/ })).toBeTruthy()
    expect(screen.getAllByRole('button', { name: 'Reconnect HubSpot' })).toHaveLength(2)
  })

  test('a double click opens one popup and sends one request', async () => {
    platform.configure({ autoAuthorize: 'none' })
    const popups = spyOnPopups()
    renderWithKit(<ConnectButton provider="hubspot" />)
    await userEvent.dblClick(await readyButton('Connect HubSpot'))
    await waitFor(() => expect(popups.windows[0]?.location.href).toContain('/fake-authorize.html'))
    expect(popups.spy).toHaveBeenCalledTimes(1)
    expect(oauthConnects()).toHaveLength(1)
    popups.windows[0]?.close()
  })

  test('consent denied shows why, and the button works again', async () => {
    platform.configure({ autoAuthorize: 'deny' })
    const onError = vi.fn()
    renderWithKit(<ConnectButton provider="hubspot" onError={onError} />)
    await userEvent.click(await readyButton('Connect HubSpot'))
    const alert = await screen.findByText(/HubSpot did not authorize the connection: The user denied access/, {}, { timeout: 10_000 })
    expect(alert.closest('[role="alert"]')).toBeTruthy()
    expect(onError.mock.calls[0]![0]).toMatchObject({ kind: 'authorization_failed' })
    await readyButton('Connect HubSpot')
  })

  test('a blocked popup says so and offers a button that continues', async () => {
    platform.configure({ autoAuthorize: 'allow' })
    const realOpen = window.open.bind(window)
    const spy = vi.spyOn(window, 'open').mockImplementationOnce(() => null).mockImplementation(realOpen)
    const onSuccess = vi.fn()
    renderWithKit(<ConnectButton provider="hubspot" onSuccess={onSuccess} />)
    await userEvent.click(await readyButton('Connect HubSpot'))
    expect(await screen.findByText(/blocked the HubSpot sign-in window/)).toBeTruthy()
    await userEvent.click(await screen.findByRole('button', { name: 'Open sign-in window' }))
    expect(spy).toHaveBeenCalledTimes(2)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), { timeout: 10_000 })
    expect(oauthConnects()).toHaveLength(1)
  })

  test('closing the popup cancels, and the button is usable again', async () => {
    platform.configure({ autoAuthorize: 'none' })
    const popups = spyOnPopups()
    const onCancel = vi.fn()
    renderWithKit(<ConnectButton provider="hubspot" onCancel={onCancel} />)
    await userEvent.click(await readyButton('Connect HubSpot'))
    await screen.findByText('Finish signing in to HubSpot in the window that opened.')
    popups.windows[0]!.close()
    // The kit polls `closed` every 400 ms, then waits 600 ms for a late result message.
    expect(await screen.findByText('The sign-in window was closed before the connection finished.', {}, { timeout: 5000 })).toBeTruthy()
    expect(onCancel).toHaveBeenCalledTimes(1)
    await readyButton('Connect HubSpot')
  })

  test('gives up after the configured timeout and closes the popup', async () => {
    platform.configure({ autoAuthorize: 'none' })
    const popups = spyOnPopups()
    renderWithKit(<ConnectButton provider="hubspot" popupTimeoutMs={600} />)
    await userEvent.click(await readyButton('Connect HubSpot'))
    expect(await screen.findByText('The sign-in took too long and was stopped. Please try again.', {}, { timeout: 3000 })).toBeTruthy()
    expect(popups.windows[0]!.closed).toBe(true)
    await readyButton('Connect HubSpot')
  })

  test('accepts the result only from the platform origin and from its own popup', async () => {
    platform.configure({ autoAuthorize: 'none' })
    const popups = spyOnPopups()
    const onSuccess = vi.fn()
    renderWithKit(<ConnectButton provider="hubspot" onSuccess={onSuccess} />)
    await userEvent.click(await readyButton('Connect HubSpot'))
    await screen.findByText('Finish signing in to HubSpot in the window that opened.')
    const popup = popups.windows[0]!
    await waitFor(() => expect(popup.location.href).toContain('state='))
    const state = new URL(popup.location.href).searchParams.get('state')!
    const result = platform.authorize(state, true)
    window.dispatchEvent(new MessageEvent('message', { data: result, origin: 'https://evil.example', source: popup }))
    window.dispatchEvent(new MessageEvent('message', { data: result, origin: location.origin, source: window }))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(onSuccess).not.toHaveBeenCalled()
    window.dispatchEvent(new MessageEvent('message', { data: result, origin: location.origin, source: popup }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    popup.close()
  })

  test('a result that arrives just after the callback page closed itself still counts', async () => {
    platform.configure({ autoAuthorize: 'none' })
    const popups = spyOnPopups()
    const onSuccess = vi.fn()
    const onCancel = vi.fn()
    renderWithKit(<ConnectButton provider="hubspot" onSuccess={onSuccess} onCancel={onCancel} />)
    await userEvent.click(await readyButton('Connect HubSpot'))
    const popup = popups.windows[0]!
    await waitFor(() => expect(popup.location.href).toContain('state='))
    const result = platform.authorize(new URL(popup.location.href).searchParams.get('state')!, true)
    popup.close()
    // Let the closed-window poll see it first, as happens when the page posts and closes at once.
    await new Promise((resolve) => setTimeout(resolve, 450))
    window.dispatchEvent(new MessageEvent('message', { data: result, origin: location.origin, source: popup }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onCancel).not.toHaveBeenCalled()
  })

  test('an existing connection is shown, and Reconnect re-authorizes it with oauth-update', async () => {
    platform.configure({ autoAuthorize: 'allow' })
    const [existing] = platform.seedConnections([{ provider: 'hubspot', status: 'working' }])
    const onSuccess = vi.fn()
    renderWithKit(<ConnectButton provider="hubspot" onSuccess={onSuccess} />)
    expect(await screen.findByText('HubSpot is connected')).toBeTruthy()
    await userEvent.click(await readyButton('Reconnect HubSpot'))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), { timeout: 10_000 })
    expect(oauthConnects()).toHaveLength(0)
    const updates = platform.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(`/connections/${existing!.id}:oauth-update`))
    expect(updates).toHaveLength(1)
  })

  test('a failing oauth-connect closes the popup and leaves the button usable', async () => {
    platform.fail('oauthConnect', { status: 500, empty: true })
    const popups = spyOnPopups()
    renderWithKit(<ConnectButton provider="hubspot" />)
    await userEvent.click(await readyButton('Connect HubSpot'))
    expect(await screen.findByText(/unexpected answer \(error 500\)/)).toBeTruthy()
    expect(popups.windows[0]!.closed).toBe(true)
    await readyButton('Connect HubSpot')
  })
})

describe('ConnectButton, credential and pre-popup forms', () => {
  test('a form scheme opens an accessible modal dialog; success closes it and reports the connection', async () => {
    const onSuccess = vi.fn()
    const { container } = renderWithKit(<ConnectButton provider="openAI" onSuccess={onSuccess} />)
    await userEvent.click(await readyButton('Connect OpenAI'))
    const dialog = await screen.findByRole('dialog', { name: 'Connect OpenAI' })
    expect((dialog as HTMLDialogElement).open).toBe(true)
    await expectNoAxeViolations(container)
    await userEvent.fill(screen.getByLabelText('API key'), 'sk-test')
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    await waitFor(() => expect((dialog as HTMLDialogElement).open).toBe(false))
    expect(await screen.findByText('OpenAI is connected')).toBeTruthy()
  })

  test('Escape closes the dialog and counts as cancel', async () => {
    const onCancel = vi.fn()
    renderWithKit(<ConnectButton provider="openAI" onCancel={onCancel} />)
    await userEvent.click(await readyButton('Connect OpenAI'))
    const dialog = (await screen.findByRole('dialog', { name: 'Connect OpenAI' })) as HTMLDialogElement
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(dialog.open).toBe(false))
    expect(onCancel).toHaveBeenCalledTimes(1)
  })

  test('an OAuth provider that needs a workspace asks for it, then opens the popup with it', async () => {
    platform.configure({ autoAuthorize: 'allow' })
    const popups = spyOnPopups()
    const onSuccess = vi.fn()
    renderWithKit(<ConnectButton provider="salesforce" onSuccess={onSuccess} />)
    await userEvent.click(await readyButton('Connect Salesforce'))
    await screen.findByRole('dialog', { name: 'Connect Salesforce' })
    await userEvent.click(screen.getByRole('button', { name: 'Continue to Salesforce' }))
    expect(await screen.findByText('Subdomain is required.')).toBeTruthy()
    expect(popups.spy).not.toHaveBeenCalled()
    await userEvent.fill(screen.getByLabelText('Subdomain'), 'acme')
    await waitFor(() => expect(screen.queryByText('Subdomain is required.')).toBeNull())
    await userEvent.click(screen.getByRole('button', { name: 'Continue to Salesforce' }))
    expect(popups.countsAtOpen).toEqual([0])
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), { timeout: 10_000 })
    expect(oauthConnects()[0]!.body).toEqual({
      projectIdOrName: 'proj-1',
      provider: 'salesforce',
      ...scope,
      providerWorkspaceRef: 'acme',
      providerMetadata: { workspace: { value: 'acme', source: 'input' } },
    })
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ provider: 'salesforce', authScheme: 'oauth2/authorizationCodePKCE' })
  })

  test('a provider that fails to load says so, with a retry', async () => {
    platform.fail('provider', { status: 502, html: true, times: 1 })
    renderWithKit(<ConnectButton provider="openAI" />)
    expect(await screen.findByText(/Could not load openAI's connection settings/)).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await readyButton('Connect OpenAI')
  })
})
