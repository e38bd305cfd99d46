import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ConnectButton, ConnectionList } from '../../src/index'
import { expectNoAxeViolations } from '../axe'
import { platform } from '../platform'
import { readyButton, spyOnPopups as spyOnAllPopups } from '../popups'
import { renderWithKit } from '../renderWithKit'

const scope = { groupRef: 'group-1', consumerRef: 'consumer-1' }
const customAuthCalls = () => platform.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/custom-auth/connect'))

const spyOnPopups = () => spyOnAllPopups(() => customAuthCalls().length)
const POPUP = { timeout: 10_000 }

afterEach(() => {
  vi.restoreAllMocks()
})

describe('multi-step custom sign-in (custom-auth/connect)', () => {
  test('Redtail: the form goes to custom-auth/connect, and its answer is the connection: no window opens', async () => {
    const popups = spyOnPopups()
    const onSuccess = vi.fn()
    renderWithKit(
      <>
        <ConnectButton provider="redtail" onSuccess={onSuccess} />
        <ConnectionList />
      </>,
    )
    await userEvent.click(await readyButton('Connect Redtail'))
    const dialog = await screen.findByRole('dialog', { name: 'Connect Redtail' })
    await expectNoAxeViolations(dialog)
    await userEvent.fill(within(dialog).getByLabelText('API Key'), 'rt-key')
    await userEvent.fill(within(dialog).getByLabelText('Username'), 'advisor')
    await userEvent.fill(within(dialog).getByLabelText('Password'), 'rt-pass')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ provider: 'redtail', authScheme: 'custom', status: 'working' })
    expect(customAuthCalls().map((r) => r.body)).toEqual([
      {
        projectIdOrName: 'proj-1',
        provider: 'redtail',
        ...scope,
        providerMetadata: { region: { value: 'crm', source: 'input' } },
        customAuth: { apiKey: 'rt-key', username: 'advisor', password: 'rt-pass' },
      },
    ])
    expect(platform.requests.some((r) => r.path.endsWith(':generate'))).toBe(false)
    expect(popups.spy).not.toHaveBeenCalled()
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(await screen.findByRole('rowheader', { name: /Redtail/ })).toBeTruthy()
  })

  test('Redtail: a refused password lands under Password and everything typed stays', async () => {
    renderWithKit(<ConnectButton provider="redtail" />)
    await userEvent.click(await readyButton('Connect Redtail'))
    const dialog = await screen.findByRole('dialog', { name: 'Connect Redtail' })
    await userEvent.fill(within(dialog).getByLabelText('API Key'), 'rt-key')
    await userEvent.fill(within(dialog).getByLabelText('Username'), 'advisor')
    await userEvent.fill(within(dialog).getByLabelText('Password'), 'wrong')
    await userEvent.keyboard('{Enter}')
    const password = within(dialog).getByLabelText('Password') as HTMLInputElement
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'))
    const errorId = password.getAttribute('aria-describedby')!.split(' ').at(-1)!
    expect(document.getElementById(errorId)?.textContent).toBe('The provider rejected this password.')
    expect((within(dialog).getByLabelText('API Key') as HTMLInputElement).value).toBe('rt-key')
    expect((within(dialog).getByLabelText('Username') as HTMLInputElement).value).toBe('advisor')
    expect(password.value).toBe('wrong')
    expect(platform.connections).toHaveLength(0)
  })

  test('admin consent: the window opens inside the click, the callback params are forwarded, and it connects', async () => {
    platform.configure({ autoAuthorize: 'allow' })
    const popups = spyOnPopups()
    const onSuccess = vi.fn()
    renderWithKit(
      <>
        <ConnectButton provider="microsoftAdminConsent" onSuccess={onSuccess} />
        <ConnectionList />
      </>,
    )
    await userEvent.click(await readyButton('Connect Microsoft (Admin consent)'))
    // No form: nothing to type. The window opened before the first request.
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(popups.countsAtOpen).toEqual([0])
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), POPUP)
    const [started, resumed] = customAuthCalls().map((r) => r.body as Record<string, unknown>)
    expect(started).toEqual({ projectIdOrName: 'proj-1', provider: 'microsoftAdminConsent', ...scope })
    expect(resumed).toEqual({
      projectIdOrName: 'proj-1',
      sessionId: expect.stringMatching(/^[\w-]{32,}$/),
      callbackParams: { admin_consent: 'True', tenant: 'tenant-fake', state: resumed!.sessionId },
    })
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ provider: 'microsoftAdminConsent', authScheme: 'custom' })
    expect(await screen.findByText('Microsoft (Admin consent) is connected')).toBeTruthy()
    expect(await screen.findByRole('rowheader', { name: /Microsoft \(Admin consent\)/ })).toBeTruthy()
    expect(popups.spy).toHaveBeenCalledTimes(1)
  })

  test('admin consent declined: the platform says why next to the button, and it works again', async () => {
    platform.configure({ autoAuthorize: 'deny' })
    const onError = vi.fn()
    renderWithKit(<ConnectButton provider="microsoftAdminConsent" onError={onError} />)
    await userEvent.click(await readyButton('Connect Microsoft (Admin consent)'))
    const message = await screen.findByText('Consent was declined on the provider’s page.', {}, POPUP)
    expect(message.closest('[role="alert"]')).toBeTruthy()
    expect(onError).toHaveBeenCalledTimes(1)
    expect(platform.connections).toHaveLength(0)
    await readyButton('Connect Microsoft (Admin consent)')
  })

  test('admin consent window closed by the person: cancelled, no second request', async () => {
    platform.configure({ autoAuthorize: 'none' })
    const popups = spyOnPopups()
    const onCancel = vi.fn()
    renderWithKit(<ConnectButton provider="microsoftAdminConsent" onCancel={onCancel} />)
    await userEvent.click(await readyButton('Connect Microsoft (Admin consent)'))
    await waitFor(() => expect(popups.windows[0]?.location.href).toContain('/fake-custom-auth.html'))
    popups.windows[0]!.close()
    expect(await screen.findByText('The sign-in window was closed before the connection finished.', {}, { timeout: 5000 })).toBeTruthy()
    expect(onCancel).toHaveBeenCalledTimes(1)
    expect(customAuthCalls()).toHaveLength(1)
  })

  test('inputs, then consent (Acme SSO): the form sends the domain, then the window opens at the consent page', async () => {
    platform.configure({ autoAuthorize: 'allow' })
    const popups = spyOnPopups()
    const onSuccess = vi.fn()
    renderWithKit(<ConnectButton provider="acmeSso" onSuccess={onSuccess} />)
    await userEvent.click(await readyButton('Connect Acme SSO'))
    const dialog = await screen.findByRole('dialog', { name: 'Connect Acme SSO' })
    await userEvent.fill(within(dialog).getByLabelText('Company domain'), 'acme.com')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), POPUP)
    // The window opened once the first answer named the consent page.
    expect(popups.countsAtOpen).toEqual([1])
    expect(customAuthCalls()[0]!.body).toEqual({ projectIdOrName: 'proj-1', provider: 'acmeSso', ...scope, customAuth: { domain: 'acme.com' } })
    expect(customAuthCalls()[1]!.body).toMatchObject({ callbackParams: { admin_consent: 'True' } })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  test('inputs, then consent, with the window blocked: the form offers to open it, and that finishes the flow', async () => {
    platform.configure({ autoAuthorize: 'allow' })
    const realOpen = window.open.bind(window)
    const spy = vi.spyOn(window, 'open').mockImplementationOnce(() => null).mockImplementation(realOpen)
    const onSuccess = vi.fn()
    renderWithKit(<ConnectButton provider="acmeSso" onSuccess={onSuccess} />)
    await userEvent.click(await readyButton('Connect Acme SSO'))
    const dialog = await screen.findByRole('dialog', { name: 'Connect Acme SSO' })
    await userEvent.fill(within(dialog).getByLabelText('Company domain'), 'acme.com')
    await userEvent.keyboard('{Enter}')
    expect(await within(dialog).findByText(/blocked the Acme SSO sign-in window/)).toBeTruthy()
    // What was typed is still there.
    expect((within(dialog).getByLabelText('Company domain') as HTMLInputElement).value).toBe('acme.com')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Open sign-in window' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), POPUP)
    expect(spy).toHaveBeenCalledTimes(2)
    expect(customAuthCalls()).toHaveLength(2)
  })

  test('reconnecting from the list runs the flow again and refreshes the one connection', async () => {
    platform.configure({ autoAuthorize: 'allow' })
    platform.seedConnections([{ provider: 'microsoftAdminConsent', status: 'bad_credentials', authScheme: 'custom' }])
    renderWithKit(<ConnectionList />)
    const row = await screen.findByRole('row', { name: /Microsoft \(Admin consent\)/ })
    expect(row.textContent).toContain('Credentials need attention')
    expect(row.textContent).toContain('Custom credentials')
    await userEvent.click(within(row).getByRole('button', { name: 'Reconnect Microsoft (Admin consent)' }))
    await waitFor(() => expect(customAuthCalls()).toHaveLength(2), POPUP)
    expect(customAuthCalls()[0]!.body).toMatchObject({ provider: 'microsoftAdminConsent' })
    await waitFor(() => expect(screen.getByRole('row', { name: /Microsoft \(Admin consent\)/ }).textContent).toContain('Working'))
    expect(platform.connections.filter((c) => c.provider === 'microsoftAdminConsent')).toHaveLength(1)
  })
})
