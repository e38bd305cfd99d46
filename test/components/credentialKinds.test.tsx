import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { AuthSchemeForm, ConnectError } from '../../src/index'
import type { Credentials, ProviderSpec } from '../../src/index'
import { expectNoAxeViolations } from '../axe'
import caPem from '../fixtures/pem/ca.pem?raw'
import chainPem from '../fixtures/pem/chain.pem?raw'
import clientKeyPem from '../fixtures/pem/client-key.pem?raw'
import clientP12Raw from '../fixtures/pem/client.p12?raw'
import clientPem from '../fixtures/pem/client.pem?raw'
import ecKeyPem from '../fixtures/pem/ec-key.pem?raw'
import ed25519KeyPem from '../fixtures/pem/ed25519-key.pem?raw'
import encryptedKeyPem from '../fixtures/pem/encrypted-key.pem?raw'
import legacyEncryptedKeyPem from '../fixtures/pem/legacy-encrypted-key.pem?raw'
import rsaLegacyKeyPem from '../fixtures/pem/rsa-legacy-key.pem?raw'
import { createMemoryBackend, sampleProviders as memoryProviders } from '../../src/testing'
import { renderWithKit } from '../renderWithKit'

const REFUSED = 'The provider refused this value.'
const KEY_IN_CERTIFICATE = 'This is a private key. Paste it into the Private key field; this one needs a certificate.'
const PASSPHRASE = /This private key is protected by a passphrase\. Remove the passphrase first/

afterEach(() => {
  vi.restoreAllMocks()
  delete (window as { __pwned?: unknown }).__pwned
})

/** A memory backend with every credential kind's provider (and any extra ones), fresh per test. */
function renderForm(provider: string, extra: ProviderSpec[] = []) {
  const memory = createMemoryBackend({ providers: [...memoryProviders, ...extra] })
  const onSuccess = vi.fn()
  const onError = vi.fn()
  const view = renderWithKit(<AuthSchemeForm provider={provider} onSuccess={onSuccess} onError={onError} />, { backend: memory.backend })
  return { memory, onSuccess, onError, ...view }
}

const connectButton = () => screen.findByRole('button', { name: 'Connect' })

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The control a visible label names; an optional field's label reads "<Label> (optional)". */
function byLabel(label: string): HTMLElement {
  return screen.getByLabelText(new RegExp(`^${escapeRegExp(label)}( \\(optional\\))?$`))
}

const valueOf = (label: string) => (byLabel(label) as HTMLInputElement | HTMLTextAreaElement).value

/** The error message tied to a control by `aria-describedby`, if any. */
function errorOf(control: HTMLElement): string | undefined {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids
    .map((id) => document.getElementById(id))
    .find((element) => element?.getAttribute('role') === 'alert')
    ?.textContent ?? undefined
}

/** Fills a field the way a person pastes: long PEM blocks at once, not key by key. */
async function enter(label: string, value: string) {
  await userEvent.fill(byLabel(label), value)
}

/** The body lines of a PEM text (no BEGIN/END lines, no headers). */
const bodyLines = (pem: string) => pem.split(/\r?\n/).filter((line) => line && !line.startsWith('-----') && !line.includes(':'))

// The browser-mode server refuses to serve anything under test/fixtures/pem (Vite's `server.fs.deny`
// covers `*.pem`), so binary fixtures cannot be fetched. client.der is `openssl x509 -outform der` of
// client.pem: exactly the bytes of client.pem's base64 body. client.p12 only comes through Vite's
// `?raw`, decoded as UTF-8 (not byte-exact), but still a binary file that starts with the DER
// SEQUENCE tag 0x30, as every PKCS#12 file does.
const clientDer = () => new File([Uint8Array.from(atob(bodyLines(clientPem).join('')), (char) => char.charCodeAt(0))], 'client.der')
const clientP12 = () => new File([new TextEncoder().encode(clientP12Raw)], 'client.p12', { type: 'application/x-pkcs12' })

interface KindCase {
  kind: string
  provider: string
  methodId: string
  /** Labels of the fields an empty submit must refuse. */
  required: string[]
  /** Labels of optional fields (no "is required" for them). */
  optional: string[]
  /** label → valid value a person enters, in order */
  fill: [label: string, value: string][]
  /** exactly what the backend must receive */
  credentials: Credentials[]
  /** Labels of secret fields, empty after a successful submit. */
  secrets: string[]
  /** Labels whose valid value (a private key) collapses to a summary once in place. */
  loaded: string[]
  /** The field the server refuses, and its form path (`credentials.0.<field>`). */
  refused: { label: string; path: string; typeWrong: boolean }
}

const kindCases: KindCase[] = [
  {
    kind: 'secret',
    provider: 'vaultly',
    methodId: 'secret',
    required: ['Secret'],
    optional: [],
    fill: [['Secret', 'vlt_live_8f2c1d']],
    credentials: [{ scheme: 'secret', secret: 'vlt_live_8f2c1d' }],
    secrets: ['Secret'],
    loaded: [],
    refused: { label: 'Secret', path: 'credentials.0.secret', typeWrong: true },
  },
  {
    kind: 'hmac',
    provider: 'hookrelay',
    methodId: 'hmac',
    required: ['Shared secret'],
    optional: [],
    fill: [['Shared secret', 'whsec_3b9e7a10c4']],
    credentials: [{ scheme: 'hmac', secret: 'whsec_3b9e7a10c4' }],
    secrets: ['Shared secret'],
    loaded: [],
    refused: { label: 'Shared secret', path: 'credentials.0.secret', typeWrong: true },
  },
  {
    kind: 'jwtBearer',
    provider: 'tokenforge',
    methodId: 'jwt',
    required: ['Signing key'],
    optional: [],
    fill: [['Signing key', 'tf-shared-signing-secret']],
    credentials: [{ scheme: 'jwtBearer', key: 'tf-shared-signing-secret' }],
    secrets: ['Signing key'],
    loaded: [],
    refused: { label: 'Signing key', path: 'credentials.0.key', typeWrong: true },
  },
  {
    kind: 'certificate',
    provider: 'ledgerbank',
    methodId: 'mtls',
    required: ['Certificate', 'Private key', 'CA certificate chain'],
    optional: [],
    fill: [
      ['Certificate', clientPem],
      ['Private key', clientKeyPem],
      ['CA certificate chain', caPem],
    ],
    credentials: [{ scheme: 'certificate', certificate: clientPem.trim(), privateKey: clientKeyPem.trim(), ca: caPem.trim() }],
    secrets: ['Private key'],
    loaded: ['Private key'],
    // No PEM field accepts the text `wrong` (the form refuses it before sending), so the backend is
    // told to refuse the certificate the way the memory backend refuses `wrong`: 422, keyed by path.
    refused: { label: 'Certificate', path: 'credentials.0.certificate', typeWrong: false },
  },
  {
    kind: 'oauth1/token',
    provider: 'quillpress',
    methodId: 'oauth1',
    required: ['Token', 'Token secret'],
    optional: ['Realm'],
    fill: [
      ['Token', 'qp-token-1'],
      ['Token secret', 'qp-token-secret-2'],
      ['Realm', '1234567_SB1'],
    ],
    credentials: [{ scheme: 'oauth1/token', token: 'qp-token-1', tokenSecret: 'qp-token-secret-2', params: { realm: '1234567_SB1' } }],
    secrets: ['Token', 'Token secret'],
    loaded: [],
    refused: { label: 'Token secret', path: 'credentials.0.tokenSecret', typeWrong: true },
  },
]

test('every credential kind no adapter speaks yet has a case here', () => {
  const covered = new Set(kindCases.map((c) => c.kind))
  expect(['secret', 'hmac', 'jwtBearer', 'certificate', 'oauth1/token'].filter((kind) => !covered.has(kind))).toEqual([])
})

/** Checks that each typed value is still there: in its input, or as a loaded-key summary. */
function expectKept(fill: KindCase['fill'], loaded: string[]) {
  for (const [label, value] of fill) {
    if (loaded.includes(label)) expect(screen.getByRole('button', { name: `Replace ${label}` })).toBeTruthy()
    else expect(valueOf(label), label).toBe(value)
  }
}

describe.each(kindCases)('$kind form ($provider)', ({ provider, methodId, required, optional, fill, credentials, secrets, loaded, refused }) => {
  test('has no axe violations and labels every input', async () => {
    const { container } = renderForm(provider)
    await connectButton()
    for (const label of [...required, ...optional]) expect(byLabel(label)).toBeTruthy()
    for (const label of optional) expect(byLabel(label).closest('.plugboard-field')?.querySelector('label')?.textContent).toBe(`${label} (optional)`)
    const controls = Array.from(container.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select'))
    expect(controls.length).toBeGreaterThan(0)
    for (const control of controls) {
      const named = (control.labels?.length ?? 0) > 0 || Boolean(control.getAttribute('aria-label')?.trim())
      expect(named, control.outerHTML).toBe(true)
    }
    await expectNoAxeViolations(container)
  })

  test('an empty submit puts "<Label> is required." next to each required field and sends nothing', async () => {
    const { memory } = renderForm(provider)
    await userEvent.click(await connectButton())
    for (const label of required) {
      await waitFor(() => expect(errorOf(byLabel(label))).toBe(`${label} is required.`))
      expect(byLabel(label).getAttribute('aria-invalid')).toBe('true')
    }
    for (const label of optional) {
      expect(errorOf(byLabel(label))).toBeUndefined()
      expect(screen.queryByText(`${label} is required.`)).toBeNull()
    }
    expect(memory.saved).toEqual([])
  })

  test('valid values submit exactly the expected credentials, and secrets are cleared afterwards', async () => {
    const { memory, onSuccess } = renderForm(provider)
    await connectButton()
    for (const [label, value] of fill) await enter(label, value)
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(memory.saved).toHaveLength(1)
    expect(memory.saved[0]!.provider).toBe(provider)
    expect(memory.saved[0]!.methodId).toBe(methodId)
    expect(memory.saved[0]!.credentials).toEqual(credentials)
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ provider, authScheme: credentials[0]!.scheme })
    for (const label of secrets) await waitFor(() => expect(valueOf(label), label).toBe(''))
    // Nor does any secret linger anywhere in the page.
    const secretValues = fill.filter(([label]) => secrets.includes(label)).map(([, value]) => value.trim())
    for (const value of secretValues) expect(document.body.innerHTML).not.toContain(value)
  })

  test('a refused value gets the server message under that very field, and every other typed value is kept', async () => {
    const { memory, onError } = renderForm(provider)
    await connectButton()
    const typed = fill.map(([label, value]): [string, string] => [label, refused.typeWrong && label === refused.label ? 'wrong' : value])
    for (const [label, value] of typed) await enter(label, value)
    if (!refused.typeWrong) {
      memory.failNext(
        new ConnectError('http', 'The provider refused these credentials.', {
          status: 422,
          fieldErrors: { [refused.path]: REFUSED },
          detail: 'The provider refused these credentials.',
        }),
      )
    }
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(errorOf(byLabel(refused.label))).toBe(REFUSED))
    const field = byLabel(refused.label)
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(field)
    // The message is under this field only.
    expect(screen.getAllByText(REFUSED)).toHaveLength(1)
    for (const [label] of typed.filter(([label]) => label !== refused.label && !loaded.includes(label))) {
      expect(errorOf(byLabel(label)), label).toBeUndefined()
    }
    expect(onError).toHaveBeenCalledTimes(1)
    expect(memory.saved).toHaveLength(1)
    expect(memory.connections).toHaveLength(0)
    expectKept(typed, loaded)
  })
})

describe('secret', () => {
  test('a multi-line value is sent intact', async () => {
    const { memory, onSuccess } = renderForm('vaultly')
    await connectButton()
    const multiLine = 'vaultly-v2\nQm9keSBsaW5lIDE=\n  indented: line 3'
    await enter('Secret', multiLine)
    expect(byLabel('Secret').tagName).toBe('TEXTAREA')
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(memory.saved[0]!.credentials).toEqual([{ scheme: 'secret', secret: multiLine }])
  })

  test('the text area is masked until "Show Secret" is pressed', async () => {
    renderForm('vaultly')
    await connectButton()
    const secret = byLabel('Secret')
    await enter('Secret', 'line one\nline two')
    expect(secret.hasAttribute('data-masked')).toBe(true)
    const show = screen.getByRole('button', { name: 'Show Secret' })
    expect(show.getAttribute('aria-pressed')).toBe('false')
    await userEvent.click(show)
    expect(secret.hasAttribute('data-masked')).toBe(false)
    const hide = screen.getByRole('button', { name: 'Hide Secret' })
    expect(hide.getAttribute('aria-pressed')).toBe('true')
    await userEvent.click(hide)
    expect(secret.hasAttribute('data-masked')).toBe(true)
    expect((secret as HTMLTextAreaElement).value).toBe('line one\nline two')
  })
})

describe('hmac', () => {
  test('"Generate a new Shared secret" fills in 64 lowercase hex characters, and that is what is sent', async () => {
    const { memory, onSuccess } = renderForm('hookrelay')
    await connectButton()
    expect(valueOf('Shared secret')).toBe('')
    await userEvent.click(screen.getByRole('button', { name: 'Generate a new Shared secret' }))
    await waitFor(() => expect(valueOf('Shared secret')).toMatch(/^[0-9a-f]{64}$/))
    const generated = valueOf('Shared secret')
    await userEvent.click(screen.getByRole('button', { name: 'Generate a new Shared secret' }))
    await waitFor(() => expect(valueOf('Shared secret')).not.toBe(generated))
    expect(valueOf('Shared secret')).toMatch(/^[0-9a-f]{64}$/)
    const second = valueOf('Shared secret')
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(memory.saved[0]!.credentials).toEqual([{ scheme: 'hmac', secret: second }])
  })

  test('"Copy Shared secret" writes the value to the clipboard and announces "Copied"', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined)
    renderForm('hookrelay')
    await connectButton()
    await enter('Shared secret', 'whsec_copy_me_123')
    const status = screen.getByRole('status')
    expect(status.textContent).toBe('')
    await userEvent.click(screen.getByRole('button', { name: 'Copy Shared secret' }))
    await waitFor(() => expect(status.textContent).toBe('Copied'))
    expect(screen.getByRole('status')).toBe(status)
    expect(writeText).toHaveBeenCalledTimes(1)
    expect(writeText).toHaveBeenCalledWith('whsec_copy_me_123')
  })

  test('how signatures are computed is shown as a description list', async () => {
    const { container } = renderForm('hookrelay')
    await connectButton()
    const lists = container.querySelectorAll('dl')
    expect(lists).toHaveLength(1)
    const terms = within(lists[0] as HTMLElement).getAllByRole('term')
    const facts = terms.map((term) => {
      const detail = term.nextElementSibling
      expect(detail?.tagName).toBe('DD')
      return [term.textContent, detail?.textContent]
    })
    expect(facts).toEqual([
      ['Signature algorithm', 'HMAC-SHA256'],
      ['Signed content', 'Request body and URL'],
      ['Signature format', 'Hexadecimal'],
      ['Signature sent as', 'X-Signature header'],
    ])
    expect(within(lists[0] as HTMLElement).getAllByRole('definition')).toHaveLength(4)
  })
})

describe('jwtBearer', () => {
  test('a PEM private key is accepted: it is put away as a summary and sent as pasted', async () => {
    const { memory, onSuccess } = renderForm('tokenforge')
    await connectButton()
    await enter('Signing key', ecKeyPem)
    expect(await screen.findByText('EC private key loaded')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Replace Signing key' })).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(memory.saved[0]!.credentials).toEqual([{ scheme: 'jwtBearer', key: ecKeyPem.trim() }])
  })

  test('a plain shared secret is accepted as typed, with no PEM complaint', async () => {
    const { memory, onSuccess } = renderForm('tokenforge')
    await connectButton()
    await enter('Signing key', 'not-a-pem-but-a-shared-secret')
    expect(errorOf(byLabel('Signing key'))).toBeUndefined()
    expect(screen.queryByText(/private key loaded/)).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(memory.saved[0]!.credentials).toEqual([{ scheme: 'jwtBearer', key: 'not-a-pem-but-a-shared-secret' }])
  })

  test.each([
    ['PKCS#8', encryptedKeyPem],
    ['legacy PEM', legacyEncryptedKeyPem],
  ])('an encrypted key (%s) gets "Remove the passphrase first" as it is pasted, before any submit', async (_name, pem) => {
    const { memory } = renderForm('tokenforge')
    await connectButton()
    await enter('Signing key', pem)
    await waitFor(() => expect(errorOf(byLabel('Signing key'))).toMatch(PASSPHRASE))
    expect(byLabel('Signing key').getAttribute('aria-invalid')).toBe('true')
    // Not put away as a usable key.
    expect(screen.queryByText(/private key loaded/)).toBeNull()
    expect(memory.saved).toEqual([])
  })
})

describe('certificate', () => {
  test('a private key pasted under Certificate is refused as it is pasted', async () => {
    const { memory } = renderForm('ledgerbank')
    await connectButton()
    await enter('Certificate', clientKeyPem)
    await waitFor(() => expect(errorOf(byLabel('Certificate'))).toBe(KEY_IN_CERTIFICATE))
    expect(byLabel('Certificate').getAttribute('aria-invalid')).toBe('true')
    expect(memory.saved).toEqual([])
  })

  test('mismatched BEGIN and END lines are refused as they are pasted', async () => {
    renderForm('ledgerbank')
    await connectButton()
    await enter('Certificate', clientPem.replace('-----END CERTIFICATE-----', '-----END TRUSTED CERTIFICATE-----'))
    await waitFor(() =>
      expect(errorOf(byLabel('Certificate'))).toBe(
        'The text starts with -----BEGIN CERTIFICATE----- but ends with -----END TRUSTED CERTIFICATE-----. Both lines must name the same thing.',
      ),
    )
  })

  test('a chain with CRLF line ends is accepted (pasted, or read from a file and sent as it is)', async () => {
    const { memory, onSuccess } = renderForm('ledgerbank')
    await connectButton()
    const crlfChain = chainPem.replace(/\n/g, '\r\n')
    // A wrong value first, so the check has visibly run before the chain replaces it.
    await enter('Certificate', clientKeyPem)
    await waitFor(() => expect(errorOf(byLabel('Certificate'))).toBe(KEY_IN_CERTIFICATE))
    await enter('Certificate', crlfChain)
    await waitFor(() => expect(errorOf(byLabel('Certificate'))).toBeUndefined())
    expect(byLabel('Certificate').getAttribute('aria-invalid')).toBe('false')
    // A file keeps its CRLF line ends: the CA chain from a Windows editor.
    await userEvent.upload(screen.getByLabelText('Choose a file for CA certificate chain'), new File([crlfChain], 'chain.pem'))
    await waitFor(() => expect(valueOf('CA certificate chain')).not.toBe(''))
    expect(errorOf(byLabel('CA certificate chain'))).toBeUndefined()
    await enter('Private key', clientKeyPem)
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    const [sent] = memory.saved[0]!.credentials as [Extract<Credentials, { scheme: 'certificate' }>]
    // A textarea keeps LF only; the file's text goes as read, trimmed.
    expect(sent.certificate.replace(/\r\n/g, '\n')).toBe(chainPem.trim())
    expect(sent.ca).toBe(crlfChain.trim())
    expect(sent.privateKey).toBe(clientKeyPem.trim())
  })

  test.each([
    ['PKCS#8', encryptedKeyPem],
    ['legacy PEM', legacyEncryptedKeyPem],
  ])('an encrypted key (%s) under Private key gets the passphrase message as it is pasted', async (_name, pem) => {
    renderForm('ledgerbank')
    await connectButton()
    await enter('Private key', pem)
    await waitFor(() => expect(errorOf(byLabel('Private key'))).toMatch(PASSPHRASE))
    expect(screen.queryByText(/private key loaded/)).toBeNull()
    expect(valueOf('Private key')).toBe(pem)
  })

  test('a valid private key collapses to "RSA private key loaded"; Replace brings back an empty, focused text area', async () => {
    renderForm('ledgerbank')
    await connectButton()
    await enter('Private key', clientKeyPem)
    expect(await screen.findByText('RSA private key loaded')).toBeTruthy()
    const replace = screen.getByRole('button', { name: 'Replace Private key' })
    // The label now names the summary's Replace button; no text area holds the key.
    expect(byLabel('Private key')).toBe(replace)
    expect(screen.queryByRole('textbox', { name: 'Private key' })).toBeNull()
    // Whoever pasted it continues from the button that stands in for the text area.
    await waitFor(() => expect(document.activeElement).toBe(replace))
    const lines = bodyLines(clientKeyPem)
    expect(lines.length).toBeGreaterThan(5)
    for (const line of [lines[0]!, lines[Math.floor(lines.length / 2)]!, lines.at(-1)!]) {
      expect(document.body.innerHTML).not.toContain(line)
    }
    await userEvent.click(replace)
    const area = await screen.findByRole('textbox', { name: 'Private key' })
    expect(area.tagName).toBe('TEXTAREA')
    expect((area as HTMLTextAreaElement).value).toBe('')
    await waitFor(() => expect(document.activeElement).toBe(area))
    expect(screen.queryByText('RSA private key loaded')).toBeNull()
  })

  test.each([
    ['rsa-legacy-key.pem', 'RSA private key loaded', rsaLegacyKeyPem],
    ['ec-key.pem', 'EC private key loaded', ecKeyPem],
    ['ed25519-key.pem', 'Ed25519 private key loaded', ed25519KeyPem],
  ])('%s collapses to "%s"', async (_name, summary, pem) => {
    renderForm('ledgerbank')
    await connectButton()
    await enter('Private key', pem)
    expect(await screen.findByText(summary)).toBeTruthy()
    expect(document.body.innerHTML).not.toContain(bodyLines(pem)[0]!)
  })

  test('choosing client.pem fills in the certificate', async () => {
    renderForm('ledgerbank')
    await connectButton()
    await userEvent.upload(screen.getByLabelText('Choose a file for Certificate'), new File([clientPem], 'client.pem', { type: 'application/x-pem-file' }))
    await waitFor(() => expect(valueOf('Certificate')).toBe(clientPem.trim()))
    expect(errorOf(byLabel('Certificate'))).toBeUndefined()
  })

  test('choosing a private key file under Private key puts it away at once', async () => {
    renderForm('ledgerbank')
    await connectButton()
    await userEvent.upload(screen.getByLabelText('Choose a file for Private key'), new File([clientKeyPem], 'client-key.pem'))
    expect(await screen.findByText('RSA private key loaded')).toBeTruthy()
    expect(document.body.innerHTML).not.toContain(bodyLines(clientKeyPem)[0]!)
  })

  test.each([
    ['client.der', clientDer],
    ['client.p12', clientP12],
  ])('choosing %s (binary) shows a conversion hint naming the file; a PEM file then replaces it', async (name, file) => {
    const { memory } = renderForm('ledgerbank')
    await connectButton()
    const picker = screen.getByLabelText('Choose a file for Certificate')
    await userEvent.upload(picker, file())
    await waitFor(() => expect(errorOf(byLabel('Certificate'))).toMatch(new RegExp(`^${escapeRegExp(name)} is a binary file \\(DER or PKCS#12\\), not PEM text\\.`)))
    expect(errorOf(byLabel('Certificate'))).toContain('openssl')
    expect(byLabel('Certificate').getAttribute('aria-invalid')).toBe('true')
    expect(valueOf('Certificate')).toBe('')
    expect(memory.saved).toEqual([])
    await userEvent.upload(screen.getByLabelText('Choose a file for Certificate'), new File([clientPem], 'client.pem'))
    await waitFor(() => expect(valueOf('Certificate')).toBe(clientPem.trim()))
    await waitFor(() => expect(errorOf(byLabel('Certificate'))).toBeUndefined())
  })

  test('a refused private key: the message shows under Private key, beside its summary, and focus goes there', async () => {
    const { memory } = renderForm('ledgerbank')
    await connectButton()
    await enter('Certificate', clientPem)
    await enter('Private key', clientKeyPem)
    await enter('CA certificate chain', caPem)
    await screen.findByText('RSA private key loaded')
    memory.failNext(
      new ConnectError('http', 'The provider refused these credentials.', {
        status: 422,
        fieldErrors: { 'credentials.0.privateKey': REFUSED },
        detail: 'The provider refused these credentials.',
      }),
    )
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    const replace = screen.getByRole('button', { name: 'Replace Private key' })
    await waitFor(() => expect(errorOf(replace)).toBe(REFUSED))
    expect(screen.getByText('RSA private key loaded')).toBeTruthy()
    await waitFor(() => expect(document.activeElement).toBe(replace))
  })

  test('the CA chain is required for this provider', async () => {
    const { memory } = renderForm('ledgerbank')
    await connectButton()
    expect(screen.getByText('CA certificate chain').textContent).not.toContain('optional')
    await enter('Certificate', clientPem)
    await enter('Private key', clientKeyPem)
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(errorOf(byLabel('CA certificate chain'))).toBe('CA certificate chain is required.'))
    expect(errorOf(byLabel('Certificate'))).toBeUndefined()
    expect(memory.saved).toEqual([])
  })
})

describe('oauth1 token', () => {
  test('Realm is optional and, when given, is sent under params', async () => {
    const { memory, onSuccess } = renderForm('quillpress')
    await connectButton()
    await enter('Token', 'qp-token')
    await enter('Token secret', 'qp-secret')
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    const [first] = memory.saved[0]!.credentials as [Extract<Credentials, { scheme: 'oauth1/token' }>]
    expect(first).toMatchObject({ scheme: 'oauth1/token', token: 'qp-token', tokenSecret: 'qp-secret' })
    // Left empty, no realm goes to the provider.
    expect(first.params.realm ?? '').toBe('')

    await enter('Token', 'qp-token-2')
    await enter('Token secret', 'qp-secret-2')
    await enter('Realm', '1234567_SB1')
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(2))
    expect(memory.saved[1]!.credentials).toEqual([
      { scheme: 'oauth1/token', token: 'qp-token-2', tokenSecret: 'qp-secret-2', params: { realm: '1234567_SB1' } },
    ])
  })

  test("the Realm's help shows 1234567_SB1 as code", async () => {
    renderForm('quillpress')
    await connectButton()
    const realm = byLabel('Realm')
    const help = document.getElementById(realm.getAttribute('aria-describedby')!.split(' ')[0]!)!
    expect(help.textContent).toBe('Your account ID, as in 1234567_SB1.')
    const code = help.querySelectorAll('code')
    expect(code).toHaveLength(1)
    expect(code[0]!.textContent).toBe('1234567_SB1')
  })
})

describe('help text from a platform is never HTML', () => {
  const HOSTILE = 'Go to <img src=x onerror="window.__pwned=1"> [docs](javascript:alert(1)) or [the guide](https://docs.example.com/guide)'

  const hostileProviders: [where: string, spec: ProviderSpec, label: string][] = [
    [
      'a custom input',
      {
        id: 'sneaky-custom',
        displayName: 'Sneaky',
        methods: [{ id: 'custom', flow: 'form', parts: [{ scheme: 'custom', inputs: [{ name: 'token', label: 'Access token', help: HOSTILE }] }] }],
        connectionFields: [],
      },
      'Access token',
    ],
    [
      'an OAuth 1 parameter',
      {
        id: 'sneaky-oauth1',
        displayName: 'Sneaky',
        methods: [{ id: 'oauth1', flow: 'form', parts: [{ scheme: 'oauth1/token', params: [{ name: 'realm', label: 'Realm', help: HOSTILE }] }] }],
        connectionFields: [],
      },
      'Realm',
    ],
    [
      'a connection field',
      {
        id: 'sneaky-connection',
        displayName: 'Sneaky',
        methods: [{ id: 'secret', flow: 'form', parts: [{ scheme: 'secret' }] }],
        connectionFields: [{ name: 'region', label: 'Region', help: HOSTILE }],
      },
      'Region',
    ],
  ]

  test.each(hostileProviders)('in %s: no img, no script run, only the https link', async (_where, spec, label) => {
    const { container } = renderForm(spec.id, [spec])
    await connectButton()
    const field = byLabel(label)
    const help = document.getElementById(field.getAttribute('aria-describedby')!.split(' ')[0]!)!
    // What a person reads: the markup as plain text, the unsafe link's text without a link.
    expect(help.textContent).toMatch(/^Go to <img src=x onerror="window\.__pwned=1"> docs\b.* or the guide$/)
    // Give a would-be image time to fail loading and run its handler.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(document.querySelectorAll('img')).toHaveLength(0)
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined()
    const links = within(container).getAllByRole('link')
    expect(links).toHaveLength(1)
    expect(links[0]!.textContent).toBe('the guide')
    expect(links[0]!.getAttribute('href')).toBe('https://docs.example.com/guide')
    expect(container.innerHTML).not.toContain('javascript:')
  })

  test('a link whose address holds balanced parentheses keeps them, and leaves no stray ")"', async () => {
    const spec: ProviderSpec = {
      id: 'parens',
      displayName: 'Parens',
      methods: [
        {
          id: 'custom',
          flow: 'form',
          parts: [{ scheme: 'custom', inputs: [{ name: 'account', label: 'Account', help: 'See [the guide](https://docs.example.com/wiki/Realm_(NetSuite)).' }] }],
        },
      ],
      connectionFields: [],
    }
    const { container } = renderForm(spec.id, [spec])
    await connectButton()
    const help = document.getElementById(byLabel('Account').getAttribute('aria-describedby')!.split(' ')[0]!)!
    expect(help.textContent).toBe('See the guide.')
    const links = within(container).getAllByRole('link')
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([['the guide', 'https://docs.example.com/wiki/Realm_(NetSuite)']])
  })
})
