import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import rsaPrivatePem from '../../demo/fixtures/jwt/rsa-private.pem?raw'
import caPem from '../../demo/fixtures/mtls/ca.pem?raw'
import clientKeyPem from '../../demo/fixtures/mtls/client-key.pem?raw'
import clientPem from '../../demo/fixtures/mtls/client.pem?raw'
import { requestBodyPointer, specIssues } from '../../demo/server/versori/contract.browser'
import { publicConfig } from '../../demo/server/versori/credentialRules'
import { AuthSchemeForm, ConnectButton, ConnectionList } from '../../src/index'
import { expectNoAxeViolations } from '../axe'
import { createFakeVersori, FAKE_VERSORI } from '../fakeVersori'
import type { FakeVersori, RecordedVersoriRequest } from '../fakeVersori'
import { readyButton } from '../popups'
import { fakeVersoriDelete, renderWithVersori, versoriProvider } from '../renderWithVersori'

// The Versori adapter through the kit's components, in Chromium, against the reference Versori
// platform (demo/server/versori) running as MSW handlers on the page's origin: what a person
// types, what the platform receives (checked against the patched contract), and what the person
// sees afterwards.

const CREATE = requestBodyPointer('/o/{organisation_id}/connections', 'post')
const UPDATE = requestBodyPointer('/o/{organisation_id}/connections/{connection_id}', 'put')
const CONSUMER = 'Ada Lovelace'
const TOKEN_URL = 'https://id.acme.example/token'
const FIX_FIELDS = 'Check the highlighted fields and try again.'

afterEach(() => {
  vi.restoreAllMocks()
})

/** A credential of a CreateConnection/UpdateConnection body, as the kit sends it. */
interface SentCredential {
  id: string
  authSchemeConfig: Record<string, unknown>
  credential: { id: string; organisationId: string; type: string; data: Record<string, unknown> }
}
interface CreateBody {
  connectionTemplateId: string
  externalId?: string
  connection: { name: string; baseUrl?: string; credentials: SentCredential[] }
}
interface UpdateBody {
  name: string
  baseUrl: string
  credentials: SentCredential[]
}

const creates = (fake: FakeVersori) => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/connections'))
const updates = (fake: FakeVersori) => fake.requests.filter((r) => r.method === 'PUT')
const bodyOf = <T,>(request: RecordedVersoriRequest | undefined) => request?.body as T

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The control a visible label names, inside `scope`; an optional field's label reads "<Label> (optional)". */
const byLabel = (label: string, scope: HTMLElement = document.body) => within(scope).getByLabelText(new RegExp(`^${escapeRegExp(label)}( \\(optional\\))?$`))
const valueOf = (label: string, scope?: HTMLElement) => (byLabel(label, scope) as HTMLInputElement | HTMLTextAreaElement).value

/** The error message tied to a control by `aria-describedby`, if any. */
function errorOf(control: HTMLElement): string | undefined {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids
    .map((id) => document.getElementById(id))
    .find((element) => element?.getAttribute('role') === 'alert')
    ?.textContent ?? undefined
}

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)))
const pemFile = (text: string, name: string) => new File([text], name, { type: 'application/x-pem-file' })

/** The template's configs as the API lists them (what the kit must echo), in template order. */
const echoed = (fake: FakeVersori, template: string, count?: number) => fake.template(template).authSchemeConfigs.slice(0, count).map(publicConfig)

/** One thing a person does in the form. */
type Step =
  | { type: string; into: string }
  | { upload: File; into: string }
  | { tick: string }

interface FormCase {
  /** The scheme, as the case is named. */
  scheme: string
  template: string
  steps: Step[]
  /** The checks to make before filling in (defaults the form shows). */
  before?: (dialog: HTMLElement) => void
  /** Each credential's `type` and `data`, in template order. */
  credentials: { type: string; data: Record<string, unknown> }[]
  /** The "Sign-in method" column of the list. */
  listed: string
  /** Labels holding a private key, shown as "<alg> private key loaded" once in place. */
  loaded?: string[]
  /**
   * A value the platform refuses: typed as `wrong` (the fake's refusal rule), or, where no field
   * takes `wrong` (PEM blocks), a 422 naming the credential's data path as Versori would.
   */
  refused?: { label: string; message: string } & ({ wrong: true } | { path: string })
}

const formCases: FormCase[] = [
  {
    scheme: 'none',
    template: 'Acme (no auth)',
    steps: [],
    credentials: [{ type: 'none', data: { none: {} } }],
    listed: 'No sign-in needed',
  },
  {
    scheme: 'api-key',
    template: 'Acme API key',
    steps: [{ type: 'acme_live_51f0c2', into: 'API key' }],
    credentials: [{ type: 'string', data: { string: { value: 'acme_live_51f0c2' } } }],
    listed: 'API key',
    refused: { label: 'API key', message: 'The provider rejected this API key.', wrong: true },
  },
  {
    scheme: 'basic-auth',
    template: 'Acme Basic',
    steps: [
      { type: 'ada', into: 'Username' },
      { type: 'analytical engine', into: 'Password' },
    ],
    credentials: [{ type: 'basic-auth', data: { basicAuth: { username: 'ada', password: 'analytical engine' } } }],
    listed: 'Username and password',
    refused: { label: 'Password', message: 'The provider rejected this password.', wrong: true },
  },
  {
    scheme: 'secret',
    template: 'Acme Secret',
    steps: [{ type: 'acme-secret-7d1e', into: 'Secret' }],
    credentials: [{ type: 'string', data: { string: { value: 'acme-secret-7d1e' } } }],
    listed: 'Secret',
    refused: { label: 'Secret', message: 'The provider rejected this secret.', wrong: true },
  },
  {
    scheme: 'hmac',
    template: 'Acme Webhooks',
    steps: [{ type: 'whsec_3b9e7a10c4', into: 'Shared secret' }],
    credentials: [{ type: 'string', data: { string: { value: 'whsec_3b9e7a10c4' } } }],
    listed: 'Shared signing secret',
    refused: { label: 'Shared secret', message: 'The provider rejected this shared secret.', wrong: true },
  },
  {
    scheme: 'jwt-bearer, a typed shared secret',
    template: 'Acme JWT',
    steps: [{ type: 'acme-jwt-shared-secret', into: 'Signing key' }],
    credentials: [{ type: 'binary', data: { binary: { valueBase64: base64('acme-jwt-shared-secret') } } }],
    listed: 'Signing key',
    refused: { label: 'Signing key', message: 'The provider rejected this key.', wrong: true },
  },
  {
    scheme: 'jwt-bearer, an uploaded RSA private key',
    template: 'Acme JWT',
    steps: [{ upload: pemFile(rsaPrivatePem, 'rsa-private.pem'), into: 'Signing key' }],
    credentials: [{ type: 'binary', data: { binary: { valueBase64: base64(rsaPrivatePem.trim()) } } }],
    listed: 'Signing key',
    loaded: ['Signing key'],
    refused: { label: 'Signing key', message: 'The provider rejected this key.', path: 'connection.credentials[0].credential.data.binary.valueBase64' },
  },
  {
    scheme: 'certificate',
    template: 'Acme mTLS',
    steps: [
      { upload: pemFile(clientPem, 'client.pem'), into: 'Certificate' },
      { upload: pemFile(clientKeyPem, 'client-key.pem'), into: 'Private key' },
      { upload: pemFile(caPem, 'ca.pem'), into: 'CA certificate chain' },
    ],
    credentials: [{ type: 'certificate', data: { certificate: { certificate: clientPem.trim(), key: clientKeyPem.trim(), ca: caPem.trim() } } }],
    listed: 'Client certificate',
    loaded: ['Private key'],
    refused: { label: 'Private key', message: 'The provider rejected this private key.', path: 'connection.credentials[0].credential.data.certificate.key' },
  },
  {
    scheme: 'oauth2 client credentials',
    template: 'Acme Client Credentials',
    before: (dialog) => {
      // The template's default scope is chosen for the person; the other is theirs to add.
      expect((within(dialog).getByRole('checkbox', { name: 'Read your Acme data' }) as HTMLInputElement).checked).toBe(true)
      expect((within(dialog).getByRole('checkbox', { name: 'Change your Acme data' }) as HTMLInputElement).checked).toBe(false)
    },
    steps: [
      { type: 'demo-cc', into: 'Client ID' },
      { type: 'demo-cc-secret', into: 'Client secret' },
      { tick: 'Change your Acme data' },
    ],
    credentials: [
      { type: 'oauth2-client', data: { oauth2Client: { clientId: 'demo-cc', clientSecret: 'demo-cc-secret', tokenUrl: TOKEN_URL, scopes: ['api:read', 'api:write'] } } },
    ],
    listed: 'Client ID and secret',
    refused: { label: 'Client secret', message: 'The provider rejected this client secret.', wrong: true },
  },
  {
    scheme: 'oauth2 client credentials over mTLS (two parts)',
    template: 'Acme Secure OAuth',
    steps: [
      { type: 'demo-cc', into: 'Client ID' },
      { type: 'demo-cc-secret', into: 'Client secret' },
      { upload: pemFile(clientPem, 'client.pem'), into: 'Certificate' },
      { upload: pemFile(clientKeyPem, 'client-key.pem'), into: 'Private key' },
      { upload: pemFile(caPem, 'ca.pem'), into: 'CA certificate chain' },
    ],
    // Two credentials, in the template's order: the OAuth 2 config first, then the certificate.
    credentials: [
      { type: 'oauth2-client', data: { oauth2Client: { clientId: 'demo-cc', clientSecret: 'demo-cc-secret', tokenUrl: TOKEN_URL, scopes: ['api:read'] } } },
      { type: 'certificate', data: { certificate: { certificate: clientPem.trim(), key: clientKeyPem.trim(), ca: caPem.trim() } } },
    ],
    listed: 'Client ID and secret',
    loaded: ['Private key'],
    refused: { label: 'Private key', message: 'The provider rejected this private key.', path: 'connection.credentials[1].credential.data.certificate.key' },
  },
  {
    scheme: 'oauth2 password',
    template: 'Acme Password',
    steps: [
      { type: 'ada@example.com', into: 'Username' },
      { type: 'plugboard', into: 'Password' },
    ],
    credentials: [{ type: 'oauth2-password', data: { oauth2Password: { username: 'ada@example.com', password: 'plugboard' } } }],
    listed: 'Account username and password',
    refused: { label: 'Password', message: 'The provider rejected this password.', wrong: true },
  },
  {
    scheme: 'oauth1 token',
    template: 'Acme OAuth 1 token',
    steps: [
      { type: 'acme-token', into: 'Token' },
      { type: 'acme-token-secret', into: 'Token secret' },
      { type: '1234567_SB1', into: 'realm' },
    ],
    credentials: [
      { type: 'oauth1-token', data: { oauth1Token: { token: 'acme-token', tokenSecret: 'acme-token-secret', additionalParams: [{ name: 'realm', value: '1234567_SB1' }] } } },
    ],
    listed: 'Access token and secret',
    refused: { label: 'Token secret', message: 'The provider rejected this token secret.', wrong: true },
  },
]

test('every form scheme a Versori template can have is covered', () => {
  const fake = createFakeVersori()
  const types = new Set(formCases.flatMap((c) => fake.template(c.template).authSchemeConfigs.map((config) => (config.type === 'oauth2' ? `oauth2/${String((config.oauth2 as { grant: { type: string } }).grant.type)}` : config.type))))
  expect([...types].sort()).toEqual(['api-key', 'basic-auth', 'certificate', 'hmac', 'jwt-bearer', 'none', 'oauth1', 'oauth2/clientCredentials', 'oauth2/password', 'secret'])
})

/** Does a person's steps in the dialog; `wrong` replaces what is typed into that field. */
async function perform(dialog: HTMLElement, steps: Step[], loaded: string[] = [], wrong?: string) {
  for (const step of steps) {
    if ('tick' in step) {
      await userEvent.click(within(dialog).getByRole('checkbox', { name: step.tick }))
    } else if ('upload' in step) {
      await userEvent.upload(within(dialog).getByLabelText(`Choose a file for ${step.into}`), step.upload)
      if (loaded.includes(step.into)) await within(dialog).findByText(/private key loaded$/)
      else await waitFor(() => expect(valueOf(step.into, dialog)).not.toBe(''))
    } else {
      await userEvent.type(byLabel(step.into, dialog), step.into === wrong ? 'wrong' : step.type)
    }
  }
}

/** Renders a Connect button for the template beside the list, and opens its dialog. */
async function openConnectDialog(template: string, options: Parameters<typeof renderWithVersori>[1] = {}) {
  const onSuccess = vi.fn()
  const view = renderWithVersori(
    <>
      <ConnectButton provider={versoriProvider(template)} onSuccess={onSuccess} />
      <ConnectionList />
    </>,
    options,
  )
  await screen.findByText('No accounts are connected yet.')
  await userEvent.click(await readyButton(`Connect ${template}`))
  const dialog = (await screen.findByRole('dialog', { name: `Connect ${template}` })) as HTMLDialogElement
  return { ...view, onSuccess, dialog }
}

/** The list rows whose provider cell names this template (its text before the connection's name). */
const rowsOf = (template: string) => screen.queryAllByRole('row').filter((row) => within(row).queryByRole('rowheader')?.querySelector('.plugboard-clamp')?.textContent === template)

/** The list's one row for a template's connection, once shown. */
const rowOf = (template: string) =>
  waitFor(() => {
    const rows = rowsOf(template)
    expect(rows).toHaveLength(1)
    return rows[0]!
  })

describe.each(formCases.map((c) => [`${c.scheme} (${c.template})`, c] as const))('%s', (_title, { template, steps, before, credentials, listed, loaded = [], refused }) => {
  test('filled in and sent: the person sees it connected, the platform gets the contract body, the list shows it', async () => {
    const { fake, dialog, onSuccess } = await openConnectDialog(template)
    const name = `${template} – ${CONSUMER}`
    expect(valueOf('Connection name', dialog)).toBe(name)
    before?.(dialog)
    // Nothing to type but what the connection is called (and, under Advanced, its base URL).
    if (steps.length === 0) expect(within(dialog).getAllByRole('textbox').map((box) => (box as HTMLInputElement).labels?.[0]?.textContent)).toEqual(['Connection name', 'Account URL (optional)'])
    await perform(dialog, steps, loaded)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))

    // (a) What the person sees: the dialog closes and the button says it is connected.
    await waitFor(() => expect(dialog.open).toBe(false))
    expect(await screen.findByText(`${template} is connected`)).toBeTruthy()
    // The button and the list's new row both offer Reconnect now.
    expect(screen.getAllByRole('button', { name: `Reconnect ${template}` })).toHaveLength(2)
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ provider: versoriProvider(template), name, status: 'working' })

    // (b) What the platform received: one CreateConnection, valid against the contract.
    expect(creates(fake)).toHaveLength(1)
    const body = bodyOf<CreateBody>(creates(fake)[0])
    expect(specIssues(CREATE, body)).toEqual([])
    expect(body.connectionTemplateId).toBe(versoriProvider(template))
    expect(body.externalId).toBe(FAKE_VERSORI.externalId)
    expect(body.connection.name).toBe(name)
    expect(body.connection).not.toHaveProperty('baseUrl')
    const sent = body.connection.credentials
    expect(sent.map((entry) => ({ type: entry.credential.type, data: entry.credential.data }))).toEqual(credentials)
    expect(sent.map((entry) => entry.authSchemeConfig)).toEqual(echoed(fake, template, credentials.length))
    for (const entry of sent) expect(entry.credential.organisationId).toBe(FAKE_VERSORI.organisationId)
    expect(new Set(sent.flatMap((entry) => [entry.id, entry.credential.id])).size).toBe(sent.length * 2)
    expect(fake.connections.map((connection) => connection.name)).toEqual([name])

    // (c) The list: template, connection name, status from the checked credentials, method.
    const row = await rowOf(template)
    const header = within(row).getByRole('rowheader')
    expect(header.textContent).toBe(`${template}${name}`)
    expect(within(header).getByText(name).tagName).toBe('BDI')
    expect(within(row).getByText('Working')).toBeTruthy()
    expect(within(row).getByText(listed)).toBeTruthy()
  })

  if (refused) {
    test(`a refused ${refused.label} shows the platform's message under that field, focused, with everything typed kept`, async () => {
      const { fake, dialog } = await openConnectDialog(template)
      const wrong = 'wrong' in refused ? refused.label : undefined
      if ('path' in refused) {
        fake.fail('createConnection', {
          status: 422,
          times: 1,
          error: { message: 'The provider rejected the credentials.', fields: [{ field: refused.path, message: refused.message }] },
        })
      }
      await perform(dialog, steps, loaded, wrong)
      await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))

      const field = byLabel(refused.label, dialog)
      await waitFor(() => expect(errorOf(field)).toBe(refused.message))
      if (!loaded.includes(refused.label)) expect(field.getAttribute('aria-invalid')).toBe('true')
      await waitFor(() => expect(document.activeElement).toBe(field))
      // Under that field only; the rest of the form points at it.
      expect(within(dialog).getAllByText(refused.message)).toHaveLength(1)
      expect(within(dialog).getByText(FIX_FIELDS)).toBeTruthy()
      for (const step of steps) {
        if ('tick' in step) {
          expect((within(dialog).getByRole('checkbox', { name: step.tick }) as HTMLInputElement).checked).toBe(true)
          continue
        }
        if (step.into !== refused.label) expect(errorOf(byLabel(step.into, dialog)), step.into).toBeUndefined()
        if (loaded.includes(step.into)) expect(within(dialog).getByRole('button', { name: `Replace ${step.into}` })).toBeTruthy()
        else if ('upload' in step) expect(valueOf(step.into, dialog)).toBe((await step.upload.text()).trim())
        else expect(valueOf(step.into, dialog), step.into).toBe(step.into === wrong ? 'wrong' : step.type)
      }
      expect(valueOf('Connection name', dialog)).toBe(`${template} – ${CONSUMER}`)
      expect(dialog.open).toBe(true)
      expect(creates(fake)).toHaveLength(1)
      expect(fake.connections).toEqual([])
      expect(screen.getByText('No accounts are connected yet.')).toBeTruthy()
    })
  }
})

describe('connection fields', () => {
  test('a connection name already taken (409) is refused under "Connection name"; another name goes through', async () => {
    const fake = createFakeVersori()
    fake.seedConnections([{ template: 'Acme API key', externalId: FAKE_VERSORI.externalId, name: `Acme API key – ${CONSUMER}`, errors: [] }])
    const onSuccess = vi.fn()
    const onError = vi.fn()
    renderWithVersori(<AuthSchemeForm provider={versoriProvider('Acme API key')} onSuccess={onSuccess} onError={onError} />, { fake })
    await screen.findByRole('button', { name: 'Connect' })
    await userEvent.type(byLabel('API key'), 'acme_live_second')
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))

    const name = byLabel('Connection name')
    await waitFor(() => expect(errorOf(name)).toBe('A connection with this name already exists.'))
    expect(name.getAttribute('aria-invalid')).toBe('true')
    await waitFor(() => expect(document.activeElement).toBe(name))
    expect(errorOf(byLabel('API key'))).toBeUndefined()
    expect(valueOf('API key')).toBe('acme_live_second')
    expect(onError.mock.calls[0]![0]).toMatchObject({ status: 409 })
    expect(fake.connections).toHaveLength(1)

    await userEvent.clear(name)
    await userEvent.type(name, 'Acme API key – second account')
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(creates(fake).map((request) => bodyOf<CreateBody>(request).connection.name)).toEqual([`Acme API key – ${CONSUMER}`, 'Acme API key – second account'])
    expect(fake.connections.map((connection) => connection.name)).toEqual([`Acme API key – ${CONSUMER}`, 'Acme API key – second account'])
  })

  test('a base URL typed without a scheme, under Advanced, is sent with https://', async () => {
    const { fake, dialog } = await openConnectDialog('Acme API key')
    const baseUrl = byLabel('Account URL', dialog)
    expect(baseUrl.checkVisibility()).toBe(false)
    await userEvent.click(within(dialog).getByText('Advanced'))
    await userEvent.type(baseUrl, 'eu.acme.example')
    await userEvent.type(byLabel('API key', dialog), 'acme_live_eu')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(dialog.open).toBe(false))
    const body = bodyOf<CreateBody>(creates(fake)[0])
    expect(body.connection.baseUrl).toBe('https://eu.acme.example')
    expect(specIssues(CREATE, body)).toEqual([])
    expect(fake.connections[0]!.baseUrl).toBe('https://eu.acme.example')
  })

  test('a template with two configs asks "How do you want to connect?" and sends the chosen config', async () => {
    const { fake, dialog } = await openConnectDialog('Acme Regions')
    const group = within(dialog).getByRole('group', { name: 'How do you want to connect?' })
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[]
    expect(radios.map((radio) => radio.labels?.[0]?.textContent)).toEqual(['Production', 'Sandbox'])
    expect(radios.map((radio) => radio.checked)).toEqual([true, false])
    await userEvent.click(within(group).getByRole('radio', { name: 'Sandbox' }))
    await waitFor(() => expect((within(group).getByRole('radio', { name: 'Sandbox' }) as HTMLInputElement).checked).toBe(true))
    await userEvent.type(byLabel('API key', dialog), 'acme_sandbox_1')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(dialog.open).toBe(false))

    const body = bodyOf<CreateBody>(creates(fake)[0])
    expect(specIssues(CREATE, body)).toEqual([])
    const sandbox = fake.template('Acme Regions').authSchemeConfigs[1]!
    expect(body.connection.credentials).toHaveLength(1)
    expect(body.connection.credentials[0]!.authSchemeConfig).toEqual(publicConfig(sandbox))
    expect(body.connection.credentials[0]!.authSchemeConfig).toMatchObject({ apiKey: { description: 'Sandbox' } })
    expect(body.connection.credentials[0]!.credential.data).toEqual({ string: { value: 'acme_sandbox_1' } })
    // The platform stored it under the Sandbox config.
    expect(fake.connections[0]!.credentials[0]!.authSchemeConfig).toMatchObject({ apiKey: { id: (sandbox.apiKey as { id: string }).id } })
    expect(within(await rowOf('Acme Regions')).getByText('Working')).toBeTruthy()
  })
})

describe('a template the kit cannot run embedded', () => {
  const MESSAGE = 'Legacy OAuth 1 can only be connected with “Classic account sign-in”, which is not available here. Ask your administrator to connect Legacy OAuth 1 for you.'

  test('the form names it and says it is "not available here", with no form', async () => {
    const { container, fake } = renderWithVersori(<AuthSchemeForm provider={versoriProvider('Legacy OAuth 1')} />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe(MESSAGE)
    expect(container.querySelector('form')).toBeNull()
    expect(screen.queryAllByRole('textbox')).toEqual([])
    expect(screen.queryByRole('button')).toBeNull()
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })

  test('its Connect button says so and opens nothing', async () => {
    const { fake } = renderWithVersori(<ConnectButton provider={versoriProvider('Legacy OAuth 1')} />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe(MESSAGE)
    const button = screen.getByRole('button', { name: 'Connect Legacy OAuth 1' })
    expect(button.getAttribute('aria-disabled')).toBe('true')
    button.click()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })
})

describe('ConnectionList over Versori', () => {
  test("status comes from the credentials' errors: none yet, none found, some found", async () => {
    const fake = createFakeVersori()
    fake.seedConnections([
      { template: 'Acme OAuth', externalId: FAKE_VERSORI.externalId, name: 'Unchecked' },
      { template: 'Acme API key', externalId: FAKE_VERSORI.externalId, name: 'Checked', errors: [] },
      { template: 'Acme Basic', externalId: FAKE_VERSORI.externalId, name: 'Refused', errors: ['The provider rejected the password.'] },
      { template: 'Acme Secret', externalId: 'someone-else', name: 'Not Ada’s' },
    ])
    renderWithVersori(<ConnectionList />, { fake })
    await rowOf('Acme OAuth')
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(rows.map((row) => [within(row).getByRole('rowheader').textContent, row.querySelector('.plugboard-status')?.textContent])).toEqual([
      ['Acme OAuthUnchecked', 'Connected'],
      ['Acme API keyChecked', 'Working'],
      ['Acme BasicRefused', 'Credentials need attention'],
    ])
    const listed = fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/connections'))
    expect(listed[0]!.query).toMatchObject({ end_user_id: FAKE_VERSORI.externalId })
  })

  test('Reconnect sends an UpdateConnection (PUT) that keeps the name and the credential ids', async () => {
    const fake = createFakeVersori()
    const [seeded] = fake.seedConnections([
      { template: 'Acme Basic', externalId: FAKE_VERSORI.externalId, name: 'Acme Basic – work account', errors: ['The provider rejected the password.'] },
    ])
    renderWithVersori(<ConnectionList />, { fake })
    const row = await rowOf('Acme Basic')
    expect(within(row).getByText('Credentials need attention')).toBeTruthy()
    await userEvent.click(within(row).getByRole('button', { name: 'Reconnect Acme Basic' }))
    const dialog = (await screen.findByRole('dialog', { name: 'Reconnect Acme Basic' })) as HTMLDialogElement
    await waitFor(() => expect(valueOf('Connection name', dialog)).toBe('Acme Basic – work account'))
    await userEvent.type(byLabel('Username', dialog), 'ada')
    await userEvent.type(byLabel('Password', dialog), 'a new password')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save credentials' }))
    await waitFor(() => expect(dialog.open).toBe(false))

    expect(creates(fake)).toEqual([])
    expect(updates(fake).map((request) => request.path)).toEqual([`/versori/api/v2/o/${FAKE_VERSORI.organisationId}/connections/${seeded!.id}`])
    const body = bodyOf<UpdateBody>(updates(fake)[0])
    expect(specIssues(UPDATE, body)).toEqual([])
    expect(body.name).toBe('Acme Basic – work account')
    expect(body.credentials).toHaveLength(1)
    expect(body.credentials[0]!.id).toBe(seeded!.credentials[0]!.id)
    expect(body.credentials[0]!.credential.id).toBe(seeded!.credentials[0]!.credential.id)
    expect(body.credentials[0]!.credential).toMatchObject({ type: 'basic-auth', data: { basicAuth: { username: 'ada', password: 'a new password' } } })
    expect(body.credentials[0]!.authSchemeConfig).toEqual(echoed(fake, 'Acme Basic')[0])
    // Still one connection, now checked.
    expect(fake.connections.map((connection) => [connection.id, connection.name])).toEqual([[seeded!.id, 'Acme Basic – work account']])
    await waitFor(async () => expect(within(await rowOf('Acme Basic')).queryByText('Working')).toBeTruthy())
  })

  test('no Delete without a host deleteConnection (Versori has none)', async () => {
    const fake = createFakeVersori()
    fake.seedConnections([{ template: 'Acme API key', externalId: FAKE_VERSORI.externalId, errors: [] }])
    renderWithVersori(<ConnectionList />, { fake })
    const row = await rowOf('Acme API key')
    expect(within(row).getByRole('button', { name: 'Reconnect Acme API key' })).toBeTruthy()
    expect(within(row).queryByRole('button', { name: /Delete/ })).toBeNull()
    expect(screen.queryByText('Delete')).toBeNull()
  })

  test("with the host's deleteConnection, Delete asks, calls it, and the row goes", async () => {
    const fake = createFakeVersori()
    const [acme, basic] = fake.seedConnections([
      { template: 'Acme API key', externalId: FAKE_VERSORI.externalId, errors: [] },
      { template: 'Acme Basic', externalId: FAKE_VERSORI.externalId, errors: [] },
    ])
    const onDelete = vi.fn()
    // The host's delete: here, the reference platform's documented DELETE extension.
    const deleteConnection = vi.fn(fakeVersoriDelete(fake))
    renderWithVersori(<ConnectionList onDelete={onDelete} />, { fake, deleteConnection })
    const row = await rowOf('Acme API key')
    await userEvent.click(within(row).getByRole('button', { name: 'Delete Acme API key connection' }))
    let dialog = await screen.findByRole('alertdialog', { name: 'Delete the Acme API key connection?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect((dialog as HTMLDialogElement).open).toBe(false))
    expect(deleteConnection).not.toHaveBeenCalled()
    await userEvent.click(within(row).getByRole('button', { name: 'Delete Acme API key connection' }))
    dialog = await screen.findByRole('alertdialog', { name: 'Delete the Acme API key connection?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(rowsOf('Acme API key')).toEqual([]))
    expect(rowsOf('Acme Basic')).toHaveLength(1)
    expect(fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([`/versori/api/v2/o/${FAKE_VERSORI.organisationId}/connections/${acme!.id}`])
    expect(fake.connections.map((connection) => connection.id)).toEqual([basic!.id])
    expect(deleteConnection.mock.calls.map(([id]) => id)).toEqual([acme!.id])
    expect(onDelete).toHaveBeenCalledWith(expect.objectContaining({ id: acme!.id }))
  })
})

test('a method of two parts groups each part’s fields under a legend naming it; the connection fields follow', async () => {
  const { dialog } = await openConnectDialog('Acme Secure OAuth')
  const client = await within(dialog).findByRole('group', { name: 'Client ID and secret' })
  const certificate = within(dialog).getByRole('group', { name: 'Client certificate' })
  expect(within(client).getByLabelText('Client ID')).toBeTruthy()
  expect(within(client).queryByLabelText('Certificate')).toBeNull()
  expect(within(certificate).getByLabelText('Certificate')).toBeTruthy()
  expect(within(certificate).getByLabelText('Private key')).toBeTruthy()
  expect(within(certificate).queryByLabelText('Connection name')).toBeNull()
  // Template order: the OAuth client config comes first in "Acme Secure OAuth".
  expect(client.compareDocumentPosition(certificate) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
})

test('a one-part method shows its fields without a part group', async () => {
  const { dialog } = await openConnectDialog('Acme API key')
  await within(dialog).findByLabelText('API key')
  expect(dialog.querySelector('fieldset.plugboard-part')).toBeNull()
})

describe('accessibility', () => {
  test('the two-config picker form has no axe violations', async () => {
    const { container, dialog } = await openConnectDialog('Acme Regions')
    await within(dialog).findByRole('group', { name: 'How do you want to connect?' })
    await expectNoAxeViolations(container)
  })

  test('the two-part mTLS form has no axe violations, empty and after a refused submit', async () => {
    const { container, dialog } = await openConnectDialog('Acme Secure OAuth')
    await expectNoAxeViolations(container)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(errorOf(byLabel('Client ID', dialog))).toBe('Client ID is required.'))
    await expectNoAxeViolations(container)
  })
})
