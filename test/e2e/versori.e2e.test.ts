import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_USER } from '../../demo/server/authServer'
import type { StoredConnection } from '../../demo/server/versori/model'
import { VERSORI_DEMO } from '../../demo/server/versori/types'
import { startDemo } from '../../demo/start'
import type { RunningDemo } from '../../demo/start'

// The demo's Versori tab (`/#versori`) driven as a person would: every credential is checked for
// real by the reference Versori platform against Acme (the stand-in provider), its mTLS endpoint or
// the demo's OAuth server. Ports differ from demo.e2e.test.ts, which may run at the same time.

let demo: RunningDemo
let browser: Browser
let context: BrowserContext
let page: Page
const timings: number[] = []

const FIXTURES = fileURLToPath(new URL('../../demo/fixtures/', import.meta.url))
const mtls = (file: string) => `${FIXTURES}mtls/${file}`
const jwt = (file: string) => `${FIXTURES}jwt/${file}`
const pem = (path: string) => readFileSync(path, 'utf8').trim()

beforeAll(async () => {
  demo = await startDemo({ app: 4200, platform: 4210, auth: 4211, versori: 4212, acme: 4213, acmeMtls: 4214 }, { logLevel: 'silent' })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}, 60_000)

afterAll(async () => {
  if (timings.length) console.log(`e2e (Versori): click to connected (OAuth through real sign-in + consent + hosted callback): ${timings.map((ms) => `${ms} ms`).join(', ')}`)
  await browser?.close()
  await demo?.stop()
})

/**
 * One page for a whole describe block (a page load of the Vite dev app takes seconds on a busy
 * machine): the platform back at its starting point (seeded, no faults), a new browser context,
 * the Versori tab open. `fresh`: the person has no connections yet. The block's tests touch
 * different templates, so they do not depend on one another; none leaves a dialog open.
 */
function onePagePerBlock({ fresh }: { fresh: boolean }) {
  beforeAll(async () => {
    demo.versori.reset()
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    await open({ fresh })
  })
  afterEach(async () => {
    if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape')
  })
  afterAll(async () => {
    await context?.close()
  })
}

const card = (template: string) => page.locator(`article[data-template="${template}"]`)
/** The template's id (its `connectionTemplateId`), as the card names it. */
const templateId = async (template: string) => (await card(template).getAttribute('data-provider'))!
/** The list's rows for a template. */
const rows = (id: string) => page.getByRole('region', { name: 'Connected accounts' }).locator(`tr[data-provider="${id}"]`)
/** The platform's connections of the demo user for a template. */
const storedOf = (id: string): StoredConnection[] =>
  demo.versori.store.list({ externalId: VERSORI_DEMO.externalId }).filter((connection) => connection.connectionTemplateId === id)
/** A stored credential's data, under its type's key. */
const dataOf = (connection: StoredConnection, index = 0) => Object.values(connection.credentials[index]!.credential.data)[0] as Record<string, unknown>

/**
 * Opens the Versori tab and waits until the list has loaded. `fresh`: the person has no
 * connections yet (the seeded ones are removed first), so every card offers "Connect …".
 */
async function open({ fresh = false } = {}) {
  if (fresh) demo.versori.store.clear()
  await page.goto(`${demo.urls.app}/#versori`)
  const list = page.getByRole('region', { name: 'Connected accounts' })
  await (fresh ? list.getByText('No accounts are connected yet.') : list.getByRole('rowheader').first()).waitFor()
}

/** The card's connect button, once its template has loaded. */
async function connectButton(template: string, label = `Connect ${template}`) {
  const button = card(template).getByRole('button', { name: label, exact: true })
  await expect.poll(() => button.getAttribute('aria-disabled')).toBe('false')
  return button
}

/** Clicks "Connect <template>" on its card and returns the dialog it opens. */
async function openForm(template: string) {
  await (await connectButton(template)).click()
  const dialog = page.getByRole('dialog', { name: `Connect ${template}` })
  await dialog.waitFor()
  return dialog
}

/** The text of the error shown for a field: the element its input's aria-describedby points at. */
async function errorUnder(control: Locator) {
  const ids = (await control.getAttribute('aria-describedby'))?.split(' ') ?? []
  const texts = await Promise.all(ids.filter((id) => id.endsWith('-error')).map((id) => page.locator(`[id="${id}"]`).innerText()))
  return texts.join(' ')
}

/**
 * What the person sees after connecting: the host's notice, one row in the list saying "Working"
 * with the connection's name. And what the platform stored: one connection of that name for the
 * demo user, every credential checked without errors.
 */
async function expectConnected(template: string, connectionName: string): Promise<StoredConnection> {
  await page.getByRole('status').filter({ hasText: `Connected ${template} as “${connectionName}”.` }).waitFor()
  const id = await templateId(template)
  await expect.poll(() => rows(id).count()).toBe(1)
  const row = rows(id)
  await row.getByText('Working', { exact: true }).waitFor()
  expect(await row.getByRole('rowheader').innerText()).toContain(connectionName)
  const stored = storedOf(id)
  expect(stored).toHaveLength(1)
  expect(stored[0]!.name).toBe(connectionName)
  for (const entry of stored[0]!.credentials) expect(entry.credential.errors).toEqual([])
  return stored[0]!
}

/** Submits a credential form with its Connect button and checks the outcome. */
async function submit(template: string, dialog: Locator) {
  const connectionName = await dialog.getByLabel('Connection name', { exact: true }).inputValue()
  expect(connectionName).not.toBe('')
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
  return expectConnected(template, connectionName)
}

/** Signs in and answers the consent page in the popup the kit opened. */
async function signInAndConsent(popup: Page, answer: 'Allow' | 'Deny') {
  await popup.getByRole('heading', { name: 'Sign in' }).waitFor()
  await popup.getByLabel('Email').fill(DEMO_USER.email)
  await popup.getByLabel('Password').fill(DEMO_USER.password)
  await popup.getByRole('button', { name: 'Sign in' }).click()
  await popup.getByRole('heading', { name: /^Allow .+\?$/ }).waitFor()
  await popup.getByRole('button', { name: answer }).click()
}

// A person with no connections yet connects each template in turn.
describe('Versori tab: connect every template for real', () => {
  onePagePerBlock({ fresh: true })

  test('lists one card per template of the platform, each offering to connect', async () => {
    const names = demo.versori.templates.map((template) => template.name)
    const cards = page.getByRole('region', { name: 'Versori connection templates' }).getByRole('article')
    expect(await cards.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-template')))).toEqual(names)
    await expect.poll(() => cards.getByRole('heading', { level: 2 }).allTextContents()).toEqual(names)
  })

  test('Acme API key', async () => {
    const dialog = await openForm('Acme API key')
    await dialog.getByLabel('API key', { exact: true }).fill('acme-key-123')
    const stored = await submit('Acme API key', dialog)
    expect(stored.credentials[0]!.credential.type).toBe('string')
    expect(dataOf(stored)).toEqual({ value: 'acme-key-123' })
  })

  test('Acme Basic', async () => {
    const dialog = await openForm('Acme Basic')
    await dialog.getByLabel('Username', { exact: true }).fill('ada')
    await dialog.getByLabel('Password', { exact: true }).fill('s3cret pass')
    const stored = await submit('Acme Basic', dialog)
    expect(stored.credentials[0]!.credential.type).toBe('basic-auth')
    expect(dataOf(stored)).toMatchObject({ username: 'ada', password: 's3cret pass' })
  })

  test('Acme Secret', async () => {
    const dialog = await openForm('Acme Secret')
    await dialog.getByLabel('Secret', { exact: true }).fill('opaque-secret')
    const stored = await submit('Acme Secret', dialog)
    expect(stored.credentials[0]!.authSchemeConfig.type).toBe('secret')
    expect(dataOf(stored)).toEqual({ value: 'opaque-secret' })
  })

  test('Acme Webhooks: Generate, then Connect', async () => {
    const dialog = await openForm('Acme Webhooks')
    const secret = dialog.getByLabel('Shared secret', { exact: true })
    expect(await secret.inputValue()).toBe('')
    await dialog.getByRole('button', { name: 'Generate a new Shared secret' }).click()
    await expect.poll(() => secret.inputValue()).not.toBe('')
    const generated = await secret.inputValue()
    // The template says hex, and the kit generates 32 bytes.
    expect(generated).toMatch(/^[0-9a-f]{64}$/)
    const stored = await submit('Acme Webhooks', dialog)
    expect(stored.credentials[0]!.authSchemeConfig.type).toBe('hmac')
    expect(dataOf(stored)).toEqual({ value: generated })
  })

  test('Acme JWT: upload the RSA private key', async () => {
    const dialog = await openForm('Acme JWT')
    await dialog.getByLabel('Choose a file for Signing key').setInputFiles(jwt('rsa-private.pem'))
    // A loaded private key is put away: only a summary and Replace show.
    await dialog.getByText('RSA private key loaded').waitFor()
    const stored = await submit('Acme JWT', dialog)
    expect(stored.credentials[0]!.credential.type).toBe('binary')
    expect(Buffer.from(String(dataOf(stored).valueBase64), 'base64').toString('utf8').trim()).toBe(pem(jwt('rsa-private.pem')))
  })

  test('Acme mTLS: upload the certificate, its key and the CA', async () => {
    const dialog = await openForm('Acme mTLS')
    await dialog.getByLabel('Choose a file for Certificate').setInputFiles(mtls('client.pem'))
    await dialog.getByLabel('Choose a file for Private key').setInputFiles(mtls('client-key.pem'))
    await dialog.getByLabel('Choose a file for CA certificate chain').setInputFiles(mtls('ca.pem'))
    await expect.poll(() => dialog.getByLabel('Certificate', { exact: true }).inputValue()).toBe(pem(mtls('client.pem')))
    await expect.poll(() => dialog.getByLabel('CA certificate chain', { exact: true }).inputValue()).toBe(pem(mtls('ca.pem')))
    await dialog.getByRole('button', { name: 'Replace Private key' }).waitFor()
    const stored = await submit('Acme mTLS', dialog)
    expect(stored.credentials[0]!.credential.type).toBe('certificate')
    const data = dataOf(stored)
    expect([String(data.certificate).trim(), String(data.key).trim(), String(data.ca).trim()]).toEqual([
      pem(mtls('client.pem')),
      pem(mtls('client-key.pem')),
      pem(mtls('ca.pem')),
    ])
  })

  test('Acme Client Credentials', async () => {
    const dialog = await openForm('Acme Client Credentials')
    await dialog.getByLabel('Client ID', { exact: true }).fill(VERSORI_DEMO.clientCredentialsClient.id)
    await dialog.getByLabel('Client secret', { exact: true }).fill(VERSORI_DEMO.clientCredentialsClient.secret)
    // The template's default scope is ticked.
    expect(await dialog.getByRole('checkbox', { name: 'Read your Acme data' }).isChecked()).toBe(true)
    const stored = await submit('Acme Client Credentials', dialog)
    expect(stored.credentials[0]!.credential.type).toBe('oauth2-client')
    expect(dataOf(stored)).toMatchObject({ clientId: VERSORI_DEMO.clientCredentialsClient.id, scopes: ['api:read'] })
  })

  test('Acme Password', async () => {
    const dialog = await openForm('Acme Password')
    await dialog.getByLabel('Username', { exact: true }).fill(DEMO_USER.email)
    await dialog.getByLabel('Password', { exact: true }).fill(DEMO_USER.password)
    // The platform holds the client: the person is not asked for one.
    expect(await dialog.getByLabel('Client ID', { exact: true }).count()).toBe(0)
    const stored = await submit('Acme Password', dialog)
    expect(stored.credentials[0]!.credential.type).toBe('oauth2-password')
    expect(dataOf(stored)).toMatchObject({ username: DEMO_USER.email })
  })

  test('Acme OAuth: sign in and Allow in the popup; Versori’s hosted callback page answers', async () => {
    const dialog = await openForm('Acme OAuth')
    const connectionName = await dialog.getByLabel('Connection name', { exact: true }).inputValue()
    const started = Date.now()
    const [popup] = await Promise.all([page.waitForEvent('popup'), dialog.getByRole('button', { name: 'Continue to Acme OAuth' }).click()])
    await signInAndConsent(popup, 'Allow')
    await page.getByRole('status').filter({ hasText: `Connected Acme OAuth as “${connectionName}”.` }).waitFor()
    timings.push(Date.now() - started)
    await dialog.waitFor({ state: 'hidden' })
    const stored = await expectConnected('Acme OAuth', connectionName)
    // The code was exchanged by the platform: it stores tokens, and the popup has closed itself.
    expect(stored.credentials[0]!.credential.type).toBe('oauth2-token')
    expect(dataOf(stored).accessToken).toBeTruthy()
    await expect.poll(() => popup.isClosed()).toBe(true)
  })

  test('Acme OAuth 1 token', async () => {
    const dialog = await openForm('Acme OAuth 1 token')
    await dialog.getByLabel('Token', { exact: true }).fill('acme-token')
    await dialog.getByLabel('Token secret', { exact: true }).fill('acme-token-secret')
    const stored = await submit('Acme OAuth 1 token', dialog)
    expect(stored.credentials[0]!.credential.type).toBe('oauth1-token')
    expect(dataOf(stored)).toMatchObject({ token: 'acme-token', tokenSecret: 'acme-token-secret' })
  })

  test('Acme Regions: choose "Sandbox" in the method picker', async () => {
    const dialog = await openForm('Acme Regions')
    await dialog.getByRole('group', { name: 'How do you want to connect?' }).getByRole('radio', { name: 'Sandbox' }).check()
    await dialog.getByLabel('API key', { exact: true }).fill('sandbox-key')
    const stored = await submit('Acme Regions', dialog)
    expect((stored.credentials[0]!.authSchemeConfig.apiKey as { description: string }).description).toBe('Sandbox')
    expect(dataOf(stored)).toEqual({ value: 'sandbox-key' })
  })

  test('Acme Secure OAuth: client credentials and the certificate, in one form', async () => {
    const dialog = await openForm('Acme Secure OAuth')
    await dialog.getByLabel('Client ID', { exact: true }).fill(VERSORI_DEMO.clientCredentialsClient.id)
    await dialog.getByLabel('Client secret', { exact: true }).fill(VERSORI_DEMO.clientCredentialsClient.secret)
    await dialog.getByLabel('Choose a file for Certificate').setInputFiles(mtls('client.pem'))
    await dialog.getByLabel('Choose a file for Private key').setInputFiles(mtls('client-key.pem'))
    await dialog.getByLabel('Choose a file for CA certificate chain').setInputFiles(mtls('ca.pem'))
    await dialog.getByRole('button', { name: 'Replace Private key' }).waitFor()
    await expect.poll(() => dialog.getByLabel('CA certificate chain', { exact: true }).inputValue()).not.toBe('')
    const stored = await submit('Acme Secure OAuth', dialog)
    expect(stored.credentials.map((entry) => entry.credential.type)).toEqual(['oauth2-client', 'certificate'])
    expect(dataOf(stored, 1).certificate).toContain('BEGIN CERTIFICATE')
  })

  test('Acme (no auth)', async () => {
    const dialog = await openForm('Acme (no auth)')
    const stored = await submit('Acme (no auth)', dialog)
    expect(stored.credentials[0]!.credential.type).toBe('none')
  })
})

describe('Versori tab: refusals', () => {
  onePagePerBlock({ fresh: true })

  test('denying consent in the OAuth popup shows why, and nothing is created', async () => {
    const dialog = await openForm('Acme OAuth')
    const [popup] = await Promise.all([page.waitForEvent('popup'), dialog.getByRole('button', { name: 'Continue to Acme OAuth' }).click()])
    await signInAndConsent(popup, 'Deny')
    const alert = dialog.getByRole('alert').filter({ hasText: 'Acme OAuth did not authorize the connection' })
    await alert.waitFor()
    // A reason follows the sentence.
    expect(await alert.innerText()).toMatch(/did not authorize the connection: \S/)
    expect(storedOf(await templateId('Acme OAuth'))).toHaveLength(0)
    expect(await rows(await templateId('Acme OAuth')).count()).toBe(0)
  })

  test('a refused API key: the platform’s message under "API key", the value kept', async () => {
    const dialog = await openForm('Acme API key')
    const key = dialog.getByLabel('API key', { exact: true })
    await key.fill('wrong')
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith('/connections') && candidate.request().method() === 'POST'),
      dialog.getByRole('button', { name: 'Connect', exact: true }).click(),
    ])
    // The platform refuses it at the key's path in the request body…
    expect(response.status()).toBe(422)
    const { fields } = (await response.json()) as { fields: { field: string; message: string }[] }
    expect(fields.map((entry) => entry.field)).toEqual(['connection.credentials[0].credential.data.string.value'])
    // …and the form shows that message under "API key", with what the person typed.
    await expect.poll(() => key.getAttribute('aria-invalid')).toBe('true')
    expect(await errorUnder(key)).toBe(fields[0]!.message)
    expect(await key.inputValue()).toBe('wrong')
    await dialog.getByText('Check the highlighted fields and try again.').waitFor()
    expect(storedOf(await templateId('Acme API key'))).toHaveLength(0)
    // The person fixes it and connects.
    await key.fill('right-key')
    await submit('Acme API key', dialog)
  })

  test('a key that does not belong to the certificate: the real check’s message under the key field', async () => {
    const dialog = await openForm('Acme mTLS')
    await dialog.getByLabel('Choose a file for Certificate').setInputFiles(mtls('client.pem'))
    await dialog.getByLabel('Choose a file for Private key').setInputFiles(mtls('other-client-key.pem'))
    await dialog.getByLabel('Choose a file for CA certificate chain').setInputFiles(mtls('ca.pem'))
    const replaceKey = dialog.getByRole('button', { name: 'Replace Private key' })
    await replaceKey.waitFor()
    await expect.poll(() => dialog.getByLabel('CA certificate chain', { exact: true }).inputValue()).not.toBe('')
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
    // The loaded key shows as a summary; its Replace button carries the field's description.
    await expect.poll(() => errorUnder(replaceKey)).toBe('This key does not belong to the certificate.')
    expect(await errorUnder(dialog.getByLabel('Certificate', { exact: true }))).toBe('')
    expect(storedOf(await templateId('Acme mTLS'))).toHaveLength(0)
    // Replace the key with the certificate's own, and it connects.
    await replaceKey.click()
    await dialog.getByLabel('Choose a file for Private key').setInputFiles(mtls('client-key.pem'))
    await replaceKey.waitFor()
    const stored = await submit('Acme mTLS', dialog)
    expect(String(dataOf(stored).key).trim()).toBe(pem(mtls('client-key.pem')))
  })

  // The sentence depends on the parts asking for nothing, not on the form having no fields at all:
  // every Versori template has a connection name.
  test('"Acme (no auth)" says no credentials are needed', async () => {
    const dialog = await openForm('Acme (no auth)')
    await dialog.getByLabel('Connection name', { exact: true }).waitFor()
    expect(await dialog.locator('[name^="credentials."]').count()).toBe(0)
    expect(await dialog.getByText('Acme (no auth) needs no password or key. Select Connect to continue.').count()).toBe(1)
  })
})

describe('Versori tab: the seeded connections', () => {
  onePagePerBlock({ fresh: false })

  test('reconnect from the list: a new key is saved with PUT; still one row, updated time changes', async () => {
    const id = await templateId('Acme API key')
    const [before] = storedOf(id)
    const row = rows(id)
    expect(await row.count()).toBe(1)
    const updatedBefore = await row.locator('time').nth(1).getAttribute('datetime')
    expect(updatedBefore).toBe(before!.updatedAt)
    await row.getByRole('button', { name: 'Reconnect Acme API key' }).click()
    const dialog = page.getByRole('dialog', { name: 'Reconnect Acme API key' })
    // The connection keeps its name unless the person changes it.
    expect(await dialog.getByLabel('Connection name', { exact: true }).inputValue()).toBe(before!.name)
    await dialog.getByLabel('API key', { exact: true }).fill('rotated-key')
    const [request] = await Promise.all([
      page.waitForRequest((candidate) => candidate.url().endsWith(`/connections/${before!.id}`) && candidate.method() !== 'GET'),
      dialog.getByRole('button', { name: 'Save credentials' }).click(),
    ])
    expect(request.method()).toBe('PUT')
    await dialog.waitFor({ state: 'hidden' })
    const [after, ...others] = storedOf(id)
    expect(others).toHaveLength(0)
    expect(after!.id).toBe(before!.id)
    expect(after!.credentials[0]!.id).toBe(before!.credentials[0]!.id)
    expect(dataOf(after!)).toEqual({ value: 'rotated-key' })
    expect(after!.updatedAt).not.toBe(before!.updatedAt)
    await expect.poll(() => row.locator('time').nth(1).getAttribute('datetime')).toBe(after!.updatedAt)
    expect(await row.count()).toBe(1)
    await row.getByText('Working', { exact: true }).waitFor()
  })

  test('"Legacy OAuth 1" says its sign-in method is not available here', async () => {
    const legacy = card('Legacy OAuth 1')
    await legacy.getByRole('alert').filter({ hasText: 'which is not available here' }).waitFor()
    expect(await legacy.getByRole('alert').innerText()).toContain('Legacy OAuth 1 can only be connected with “Classic account sign-in”')
    expect(await legacy.getByRole('button', { name: 'Connect Legacy OAuth 1' }).getAttribute('aria-disabled')).toBe('true')
  })

  test('the seeded connection with errors shows "Credentials need attention"', async () => {
    const id = await templateId('Acme Basic')
    const [seeded] = storedOf(id)
    expect(seeded!.credentials[0]!.credential.errors?.length).toBeGreaterThan(0)
    await rows(id).getByText('Credentials need attention', { exact: true }).waitFor()
    await card('Acme Basic').getByRole('status').filter({ hasText: 'Acme Basic: Credentials need attention' }).waitFor()
  })

  test('Delete, after confirmation, through the host’s delete', async () => {
    const id = await templateId('Acme Basic')
    expect(storedOf(id)).toHaveLength(1)
    await page.getByRole('button', { name: 'Delete Acme Basic connection' }).click()
    await page.getByRole('alertdialog', { name: 'Delete the Acme Basic connection?' }).getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('status').filter({ hasText: 'Deleted the Acme Basic connection.' }).waitFor()
    await expect.poll(() => rows(id).count()).toBe(0)
    expect(storedOf(id)).toHaveLength(0)
    // The card offers a fresh connect again.
    await connectButton('Acme Basic')
  })
})
