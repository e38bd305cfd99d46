import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { requestBodyPointer, specIssues } from '../../demo/server/versori/contract.browser'
import { publicConfig } from '../../demo/server/versori/credentialRules'
import { VERSORI_DEMO } from '../../demo/server/versori/types'
import { ConnectButton, ConnectionList } from '../../src/index'
import { createFakeVersori, FAKE_VERSORI, fakeVersoriCallbackUrl } from '../fakeVersori'
import type { FakeVersori, RecordedVersoriRequest } from '../fakeVersori'
import { readyButton, spyOnPopups } from '../popups'
import { renderWithVersori, versoriProvider } from '../renderWithVersori'

// "Acme OAuth": OAuth 2 authorization code through Versori's hosted callback page, in a real
// window. The fake platform sends the window to a stand-in consent page on this origin
// (fake-versori-authorize.html), which returns to a static copy of the hosted callback page
// (fake-versori-callback.html); that page answers the kit's hello with its query string.

const TEMPLATE = 'Acme OAuth'
const PROVIDER = versoriProvider(TEMPLATE)
const NAME = `${TEMPLATE} – Ada Lovelace`
const CREATE = requestBodyPointer('/o/{organisation_id}/connections', 'post')
const UPDATE = requestBodyPointer('/o/{organisation_id}/connections/{connection_id}', 'put')
const INITIALISE = requestBodyPointer('/o/{organisation_id}/systems/{system_id}/oauth2/initialise', 'post')
const WAITING = `Finish signing in to ${TEMPLATE} in the window that opened.`
const CLOSED = 'The sign-in window was closed before the connection finished.'

interface SentCredential {
  id: string
  authSchemeConfig: Record<string, unknown>
  credential: { id: string; organisationId: string; type: string; data: { oauth2Code?: { code: string; state: string; additionalParams?: string } } }
}

const creates = (fake: FakeVersori) => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/connections'))
const updates = (fake: FakeVersori) => fake.requests.filter((r) => r.method === 'PUT')
const initialises = (fake: FakeVersori) => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/oauth2/initialise'))
const bodyOf = <T,>(request: RecordedVersoriRequest | undefined) => request?.body as T
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let opened: (Window | null)[] = []

afterEach(() => {
  for (const popup of opened) if (popup && !popup.closed) popup.close()
  opened = []
  vi.restoreAllMocks()
})

/** Spies on `window.open`, remembering the windows for cleanup and, per window, `countAtOpen()` then. */
function watchPopups(countAtOpen?: () => number) {
  const popups = spyOnPopups(countAtOpen)
  opened = popups.windows
  return popups
}

/** The stand-in consent page once a window shows it: its URL (with `state`, `code`, `scope`). */
async function consentPage(popup: Window | null | undefined): Promise<URL> {
  await waitFor(() => expect(popup?.location.href).toContain('/fake-versori-authorize.html'))
  await waitFor(() => {
    expect(popup!.document.readyState).toBe('complete')
    expect(popup!.document.getElementById('allow')).toBeTruthy()
  })
  return new URL(popup!.location.href)
}

/** What the person clicks on the consent page. */
const press = (popup: Window, button: 'allow' | 'deny') => popup.document.getElementById(button)!.click()

/** A message as the browser would deliver it from `source` at `origin`. */
function post(data: unknown, source: Window | null, origin = location.origin) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }))
}

/** The list's rows for the template. */
const rowsOf = (template: string) => screen.queryAllByRole('row').filter((row) => within(row).queryByRole('rowheader')?.querySelector('.plugboard-clamp')?.textContent === template)

/** Renders the Connect button beside the list and opens its dialog (scopes, name, Advanced). */
async function openDialog(options: Parameters<typeof renderWithVersori>[1] = {}) {
  const callbacks = { onSuccess: vi.fn(), onError: vi.fn(), onCancel: vi.fn() }
  const view = renderWithVersori(
    <>
      <ConnectButton provider={PROVIDER} {...callbacks} />
      <ConnectionList />
    </>,
    options,
  )
  await screen.findByText('No accounts are connected yet.')
  await userEvent.click(await readyButton(`Connect ${TEMPLATE}`))
  const dialog = (await screen.findByRole('dialog', { name: `Connect ${TEMPLATE}` })) as HTMLDialogElement
  return { ...view, ...callbacks, dialog }
}

const continueButton = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: `Continue to ${TEMPLATE}` })

describe('Acme OAuth sign-in window', () => {
  test('approve: the window opens inside the click, the platform gets an oauth2-code credential with the URL\'s state, and the list shows the connection', async () => {
    const fake = createFakeVersori()
    const popups = watchPopups(() => initialises(fake).length)
    const { dialog, onSuccess, onError } = await openDialog({ fake })
    const read = within(dialog).getByRole('checkbox', { name: 'Read your Acme data' }) as HTMLInputElement
    expect(read.checked).toBe(true)
    expect(within(dialog).getByText(`Enter these details, then sign in to ${TEMPLATE} in a new window.`)).toBeTruthy()
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Change your Acme data' }))
    await userEvent.click(continueButton(dialog))
    // Opened at once, before the kit asked the platform for the sign-in URL.
    expect(popups.spy).toHaveBeenCalledTimes(1)
    expect(popups.countsAtOpen).toEqual([0])
    expect(await within(dialog).findByText(WAITING)).toBeTruthy()

    const popup = popups.windows[0]!
    const page = await consentPage(popup)
    const state = page.searchParams.get('state')!
    expect(state).toBeTruthy()
    expect(page.searchParams.get('redirect_uri')).toBe(fakeVersoriCallbackUrl())
    expect(page.searchParams.get('scope')?.split(' ')).toEqual(['api:read', 'api:write', 'offline_access'])
    expect(page.searchParams.get('code_challenge_method')).toBe('S256')
    expect(page.searchParams.get('access_type')).toBe('offline')

    // InitialiseOAuth2Connection: the template's client, valid against the contract.
    expect(initialises(fake)).toHaveLength(1)
    const initialise = initialises(fake)[0]!
    const template = fake.template(TEMPLATE)
    expect(initialise.path).toBe(`/versori/api/v2/o/${FAKE_VERSORI.organisationId}/systems/${template.id}/oauth2/initialise`)
    expect(specIssues(INITIALISE, initialise.body)).toEqual([])
    expect(initialise.body).toEqual({
      credential: { id: VERSORI_DEMO.codeClient.credentialId, organisationId: FAKE_VERSORI.organisationId },
      authorizeUrl: 'https://id.acme.example/auth',
      clientId: VERSORI_DEMO.codeClient.id,
      scopes: ['api:read', 'api:write'],
      prompt: 'consent',
      additionalParams: 'access_type=offline',
    })
    expect(creates(fake)).toEqual([])

    press(popup, 'allow')
    // What the person sees: the dialog closes, the button and the list say connected.
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), { timeout: 5000 })
    await waitFor(() => expect(dialog.open).toBe(false))
    expect(await screen.findByText(`${TEMPLATE} is connected`)).toBeTruthy()
    expect(onError).not.toHaveBeenCalled()
    await waitFor(() => expect(popup.closed).toBe(true))

    // CreateConnection: one oauth2-code credential carrying the window's code and state.
    expect(creates(fake)).toHaveLength(1)
    const body = bodyOf<{ connectionTemplateId: string; externalId: string; connection: { name: string; credentials: SentCredential[] } }>(creates(fake)[0])
    expect(specIssues(CREATE, body)).toEqual([])
    expect(body.connectionTemplateId).toBe(PROVIDER)
    expect(body.externalId).toBe(FAKE_VERSORI.externalId)
    expect(body.connection.name).toBe(NAME)
    expect(body.connection.credentials).toHaveLength(1)
    const [sent] = body.connection.credentials
    expect(sent!.authSchemeConfig).toEqual(publicConfig(template.authSchemeConfigs[0]!))
    expect(sent!.credential.type).toBe('oauth2-code')
    expect(sent!.credential.organisationId).toBe(FAKE_VERSORI.organisationId)
    expect(sent!.credential.data.oauth2Code).toMatchObject({ state, code: page.searchParams.get('code') })
    // The platform exchanged the code and keeps a token.
    expect(fake.connections).toHaveLength(1)
    expect(fake.connections[0]!.credentials[0]!.credential.type).toBe('oauth2-token')
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ id: fake.connections[0]!.id, provider: PROVIDER, name: NAME, authScheme: 'oauth2/authorizationCode' })

    await waitFor(() => expect(rowsOf(TEMPLATE)).toHaveLength(1))
    const row = rowsOf(TEMPLATE)[0]!
    expect(within(row).getByRole('rowheader').textContent).toBe(`${TEMPLATE}${NAME}`)
    expect(within(row).getByText('Working')).toBeTruthy()
    expect(within(row).getByText('Account sign-in')).toBeTruthy()
  })

  test("deny: the provider's reason is shown, nothing is created, and the person can try again", async () => {
    const popups = watchPopups()
    const { fake, dialog, onSuccess, onError } = await openDialog()
    await userEvent.click(continueButton(dialog))
    const popup = popups.windows[0]!
    await consentPage(popup)
    press(popup, 'deny')

    const message = await within(dialog).findByText(`${TEMPLATE} did not authorize the connection: The user denied access.`, {}, { timeout: 5000 })
    expect(message.closest('[role="alert"]')).toBeTruthy()
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]![0]).toMatchObject({ kind: 'authorization_failed', detail: 'The user denied access.' })
    expect(onSuccess).not.toHaveBeenCalled()
    await pause(300)
    expect(creates(fake)).toEqual([])
    expect(fake.connections).toEqual([])
    expect(screen.getByText('No accounts are connected yet.')).toBeTruthy()
    // Still in the form, ready for another go.
    expect(dialog.open).toBe(true)
    expect(continueButton(dialog).getAttribute('aria-disabled')).toBe('false')
  })

  test('closing the window before answering cancels; nothing is created', async () => {
    const popups = watchPopups()
    const { fake, dialog, onCancel, onSuccess } = await openDialog()
    await userEvent.click(continueButton(dialog))
    const popup = popups.windows[0]!
    await consentPage(popup)
    popup.close()

    // The kit polls `closed`, waits a moment for a late answer, then checks the platform's list.
    expect(await within(dialog).findByText(CLOSED, {}, { timeout: 5000 })).toBeTruthy()
    expect(onCancel).toHaveBeenCalledTimes(1)
    expect(onSuccess).not.toHaveBeenCalled()
    expect(creates(fake)).toEqual([])
    expect(fake.connections).toEqual([])
    expect(continueButton(dialog).getAttribute('aria-disabled')).toBe('false')
  })

  test('a blocked window says so; "Open sign-in window" opens it from a fresh click and the sign-in completes', async () => {
    const fake = createFakeVersori({ autoAuthorize: 'allow' })
    const realOpen = window.open.bind(window)
    const windows: (Window | null)[] = []
    opened = windows
    const spy = vi
      .spyOn(window, 'open')
      .mockImplementationOnce(() => null)
      .mockImplementation((...args) => {
        const popup = realOpen(...args)
        windows.push(popup)
        return popup
      })
    const { dialog, onSuccess } = await openDialog({ fake })
    await userEvent.click(continueButton(dialog))

    const blocked = await within(dialog).findByText(`Your browser blocked the ${TEMPLATE} sign-in window. Allow pop-ups for this site, or open it with the button below.`)
    expect(blocked.closest('[role="alert"]')).toBeTruthy()
    expect(fake.connections).toEqual([])
    await userEvent.click(within(dialog).getByRole('button', { name: 'Open sign-in window' }))
    expect(spy).toHaveBeenCalledTimes(2)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), { timeout: 8000 })
    expect(await screen.findByText(`${TEMPLATE} is connected`)).toBeTruthy()
    expect(initialises(fake)).toHaveLength(1)
    expect(creates(fake)).toHaveLength(1)
    const state = bodyOf<{ connection: { credentials: SentCredential[] } }>(creates(fake)[0]).connection.credentials[0]!.credential.data.oauth2Code!.state
    expect(state).toBeTruthy()
    expect(fake.connections).toHaveLength(1)
  })

  test("an answer carrying another sign-in's state is ignored; the window's own answer then completes it", async () => {
    const popups = watchPopups()
    const { fake, dialog, onSuccess, onError } = await openDialog()
    await userEvent.click(continueButton(dialog))
    const popup = popups.windows[0]!
    const page = await consentPage(popup)
    const state = page.searchParams.get('state')!

    // From the right window and origin, in the right shape, but for another sign-in.
    post({ type: 'response', payload: { search: '?code=forged-code&state=someone-elses-state' } }, popup)
    post({ type: 'response', payload: { search: '?error=access_denied&error_description=Forged&state=someone-elses-state' } }, popup)
    await pause(400)
    expect(onSuccess).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
    expect(creates(fake)).toEqual([])
    expect(within(dialog).getByText(WAITING)).toBeTruthy()
    expect(popup.closed).toBe(false)

    press(popup, 'allow')
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), { timeout: 5000 })
    expect(creates(fake)).toHaveLength(1)
    const [sent] = bodyOf<{ connection: { credentials: SentCredential[] } }>(creates(fake)[0]).connection.credentials
    expect(sent!.credential.data.oauth2Code).toMatchObject({ state, code: page.searchParams.get('code') })
    expect(sent!.credential.data.oauth2Code!.code).not.toBe('forged-code')
  })

  /**
   * Seeds an Acme OAuth connection needing attention (after working ones named `others`), lists
   * them, and reconnects it through the window.
   */
  async function reconnectFromList(seedName: string, others: string[] = []) {
    const fake = createFakeVersori()
    const seeds = fake.seedConnections([
      ...others.map((name) => ({ template: TEMPLATE, externalId: FAKE_VERSORI.externalId, name, errors: [] })),
      { template: TEMPLATE, externalId: FAKE_VERSORI.externalId, name: seedName, errors: ['The provider revoked the token.'] },
    ])
    const seeded = seeds.at(-1)
    const popups = watchPopups()
    const onReconnect = vi.fn()
    const onError = vi.fn()
    renderWithVersori(<ConnectionList onReconnect={onReconnect} onError={onError} />, { fake })
    await waitFor(() => expect(rowsOf(TEMPLATE)).toHaveLength(others.length + 1))
    const row = rowsOf(TEMPLATE).at(-1)!
    expect(within(row).getByText(seedName)).toBeTruthy()
    expect(within(row).getByText('Credentials need attention')).toBeTruthy()

    // Nothing to type again: the window opens at once.
    await userEvent.click(within(row).getByRole('button', { name: `Reconnect ${TEMPLATE}` }))
    expect(popups.spy).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('dialog')).toBeNull()
    const popup = popups.windows[0]!
    const page = await consentPage(popup)
    press(popup, 'allow')
    await waitFor(() => expect(onReconnect.mock.calls.length + onError.mock.calls.length).toBe(1), { timeout: 5000 })
    return { fake, seeded: seeded!, row, page, onReconnect, onError }
  }

  test('Reconnect from the list signs in again and updates the connection (PUT) with its credential ids instead of creating one', async () => {
    const { fake, seeded, page, onReconnect } = await reconnectFromList(NAME)
    expect(onReconnect).toHaveBeenCalledTimes(1)
    expect(creates(fake)).toEqual([])
    expect(updates(fake).map((r) => r.path)).toEqual([`/versori/api/v2/o/${FAKE_VERSORI.organisationId}/connections/${seeded.id}`])
    const body = bodyOf<{ name: string; baseUrl: string; credentials: SentCredential[] }>(updates(fake)[0])
    expect(specIssues(UPDATE, body)).toEqual([])
    expect(body.name).toBe(NAME)
    expect(body.credentials).toHaveLength(1)
    expect(body.credentials[0]!.id).toBe(seeded.credentials[0]!.id)
    expect(body.credentials[0]!.credential.id).toBe(seeded.credentials[0]!.credential.id)
    expect(body.credentials[0]!.authSchemeConfig).toEqual(publicConfig(fake.template(TEMPLATE).authSchemeConfigs[0]!))
    expect(body.credentials[0]!.credential.type).toBe('oauth2-code')
    expect(body.credentials[0]!.credential.data.oauth2Code).toMatchObject({ state: page.searchParams.get('state'), code: page.searchParams.get('code') })

    // Still one connection, the same one, now working.
    expect(fake.connections.map((connection) => connection.id)).toEqual([seeded.id])
    await waitFor(() => expect(within(rowsOf(TEMPLATE)[0]!).queryByText('Working')).toBeTruthy())
    expect(rowsOf(TEMPLATE)).toHaveLength(1)
  })

  // A window reconnect has no form: it must keep the connection's own name (and fields), not send
  // the prefill a new connection would get.
  test('Reconnect from the list keeps a connection name the person chose', async () => {
    const { fake, onReconnect } = await reconnectFromList('Acme OAuth – work')
    expect(onReconnect).toHaveBeenCalledTimes(1)
    expect(bodyOf<{ name: string }>(updates(fake)[0]).name).toBe('Acme OAuth – work')
    expect(fake.connections.map((connection) => connection.name)).toEqual(['Acme OAuth – work'])
  })

  // Renaming to the default would collide with the person's connection that has it (409).
  test('Reconnect from the list works while another connection has the default name', async () => {
    const { fake, row, onReconnect, onError } = await reconnectFromList('Acme OAuth – work', [NAME])
    expect(onError).not.toHaveBeenCalled()
    expect(onReconnect).toHaveBeenCalledTimes(1)
    expect(within(row).queryByText('A connection with this name already exists.')).toBeNull()
    expect(fake.connections.map((connection) => connection.name)).toEqual([NAME, 'Acme OAuth – work'])
  })
})
