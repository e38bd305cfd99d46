import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { DEMO_USER } from '../../demo/server/authServer'
import { DEMO, startDemo } from '../../demo/start'
import type { RunningDemo } from '../../demo/start'

let demo: RunningDemo
let browser: Browser
let context: BrowserContext
let page: Page
const timings: number[] = []

beforeAll(async () => {
  demo = await startDemo({ app: 4100, platform: 4110, auth: 4111, versori: 4112, acme: 4113, acmeMtls: 4114 }, { logLevel: 'silent' })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}, 60_000)

afterAll(async () => {
  if (timings.length) console.log(`e2e: click to connected (OAuth through real sign-in + consent): ${timings.map((ms) => `${ms} ms`).join(', ')}`)
  await browser?.close()
  await demo?.stop()
})

beforeEach(async () => {
  demo.platform.reset()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
})

afterEach(async () => {
  await context.close()
})

const fault = (body: Record<string, unknown>) =>
  fetch(`${demo.urls.platform}/__faults`, { method: 'POST', headers: { 'X-Api-Key': DEMO.apiKey, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
const clearFaults = () => fetch(`${demo.urls.platform}/__faults`, { method: 'DELETE', headers: { 'X-Api-Key': DEMO.apiKey } })

const card = (provider: string) => page.locator(`article[data-provider="${provider}"]`)

async function open(path = '/') {
  await page.goto(`${demo.urls.app}${path}`)
  await page.getByRole('button', { name: 'Connect HubSpot' }).waitFor()
}

/** Signs in and answers the consent page in the popup a click opened. */
async function signInAndConsent(popup: Page, answer: 'Allow' | 'Deny') {
  await popup.getByLabel('Email').fill(DEMO_USER.email)
  await popup.getByLabel('Password').fill(DEMO_USER.password)
  await popup.getByRole('button', { name: 'Sign in' }).click()
  await popup.getByRole('heading', { name: /Allow Plugboard demo platform/ }).waitFor()
  await popup.getByRole('button', { name: answer }).click()
}

describe('demo: OAuth through a real authorization server', () => {
  test('connects HubSpot through the sign-in and consent pages in the popup', async () => {
    await open()
    // Every card is titled with its provider's display name from the catalog, and the page waits for them before the screenshot.
    const cards = page.getByRole('region', { name: 'Available integrations' }).getByRole('article')
    await expect.poll(() => cards.getByRole('heading', { level: 2 }).allTextContents()).toEqual(
      ['HubSpot', 'Salesforce', 'Adobe', 'SugarCRM', 'OpenAI', 'Mailgun', 'Freshdesk', 'Acme ERP', 'Redtail', 'Microsoft (Admin consent)', 'Acme SSO'],
    )
    mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/demo-page.png', fullPage: true })
    const started = Date.now()
    const [popup] = await Promise.all([page.waitForEvent('popup'), card('hubspot').getByRole('button', { name: 'Connect HubSpot' }).click()])
    await popup.getByRole('heading', { name: 'Sign in' }).waitFor()
    await signInAndConsent(popup, 'Allow')
    await card('hubspot').getByText('HubSpot is connected').waitFor()
    timings.push(Date.now() - started)
    await page.getByRole('rowheader', { name: /HubSpot/ }).waitFor()
    const [stored] = demo.platform.store.list({ provider: 'hubspot' })
    expect(stored?.tokens?.accessToken.token).toBeTruthy()
    expect(stored?.tokens?.refreshToken?.token).toBeTruthy()
    expect(stored?.status).toBe('working')
    // Tokens never reach the browser.
    const listed = await (await fetch(`${demo.urls.platform}/v1/projects/demo/connections?provider=hubspot`, { headers: { 'X-Api-Key': DEMO.apiKey } })).text()
    expect(listed).not.toContain(stored!.tokens!.accessToken.token)
  })

  test('wrong password is refused on the sign-in page; denying consent reports why', async () => {
    await open()
    const [popup] = await Promise.all([page.waitForEvent('popup'), card('hubspot').getByRole('button', { name: 'Connect HubSpot' }).click()])
    await popup.getByLabel('Email').fill(DEMO_USER.email)
    await popup.getByLabel('Password').fill('not-the-password')
    await popup.getByRole('button', { name: 'Sign in' }).click()
    await popup.getByRole('alert').getByText('Wrong email or password.').waitFor()
    await signInAndConsent(popup, 'Deny')
    await card('hubspot').getByRole('alert').getByText('HubSpot did not authorize the connection: Access was denied on the consent screen.').waitFor()
    expect(demo.platform.store.list({ provider: 'hubspot' })).toHaveLength(0)
    await expect(card('hubspot').getByRole('button', { name: 'Connect HubSpot' }).getAttribute('aria-disabled')).resolves.toBe('false')
  })

  test('reconnects the seeded Salesforce connection with oauth-update', async () => {
    await open()
    const [before] = demo.platform.store.list({ provider: 'salesforce' })
    const [popup] = await Promise.all([page.waitForEvent('popup'), card('salesforce').getByRole('button', { name: 'Reconnect Salesforce' }).click()])
    await signInAndConsent(popup, 'Allow')
    await popup.waitForEvent('close')
    await expect.poll(() => demo.platform.store.get(before!.id)?.tokens?.accessToken.token).toBeTruthy()
    expect(demo.platform.store.list({ provider: 'salesforce' })).toHaveLength(1)
  })
})

/** Each credential form: what a person types, and a secret the make-believe provider rejects. */
const forms = [
  { provider: 'openAI', name: 'OpenAI', fill: { 'API key': 'sk-demo' }, secret: 'API key', reconnect: true },
  { provider: 'mailgun', name: 'Mailgun', fill: { Username: 'api', Password: 'pw' }, secret: 'Password', reconnect: true },
  { provider: 'freshdesk', name: 'Freshdesk', fill: { Username: 'agent', Password: 'pw', Domain: 'acme' }, secret: 'Password' },
  { provider: 'adobe', name: 'Adobe', fill: { 'Client ID': 'cid', 'Client secret': 'cs', Scopes: 'openid AdobeID' }, secret: 'Client secret' },
  { provider: 'sugarCRM', name: 'SugarCRM', fill: { Username: 'jim', Password: 'pw', 'Client ID': 'sugar', 'Client secret': 'cs', 'Base URL': 'https://acme.sugarondemand.com' }, secret: 'Client secret' },
  { provider: 'acmeErp', name: 'Acme ERP', fill: { 'API token': 'tok' }, select: { Environment: 'Sandbox' }, secret: 'API token' },
  { provider: 'redtail', name: 'Redtail', fill: { 'API Key': 'k', Username: 'advisor', Password: 'pw' }, secret: 'Password' },
]

describe.each(forms)('demo: $name form', ({ provider, name, fill, select, secret, reconnect }) => {
  test('a server field error lands under the field, then a good value connects', async () => {
    await open()
    const button = card(provider).getByRole('button', { name: reconnect ? `Reconnect ${name}` : `Connect ${name}` })
    await button.click()
    const dialog = page.getByRole('dialog', { name: reconnect ? `Reconnect ${name}` : `Connect ${name}` })
    for (const [label, value] of Object.entries(fill)) await dialog.getByLabel(label, { exact: true }).fill(label === secret ? 'wrong' : value)
    for (const [label, option] of Object.entries(select ?? {})) await dialog.getByLabel(label, { exact: true }).selectOption({ label: option })
    await dialog.getByLabel(secret, { exact: true }).press('Enter')
    const field = dialog.getByLabel(secret, { exact: true })
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true')
    await dialog.getByText(/The provider rejected this/).waitFor()
    for (const [label, value] of Object.entries(fill)) {
      if (label !== secret) expect(await dialog.getByLabel(label, { exact: true }).inputValue()).toBe(value)
    }
    await field.fill(fill[secret as keyof typeof fill]!)
    await dialog.getByRole('button', { name: reconnect ? 'Save credentials' : 'Connect' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('status').getByText(`Connected ${name}.`).waitFor()
    expect(demo.platform.store.list({ provider })).toHaveLength(1)
  })
})

describe('demo: multi-step custom sign-in through the consent page', () => {
  const MICROSOFT = 'Microsoft (Admin consent)'

  test('admin consent: the window opens at the consent page; Accept connects, and the list shows it', async () => {
    await open()
    const [popup] = await Promise.all([page.waitForEvent('popup'), card('microsoftAdminConsent').getByRole('button', { name: `Connect ${MICROSOFT}` }).click()])
    await popup.getByRole('heading', { name: 'Grant admin consent to Plugboard demo platform' }).waitFor()
    await popup.getByRole('link', { name: 'Accept' }).click()
    await card('microsoftAdminConsent').getByText(`${MICROSOFT} is connected`).waitFor()
    await page.getByRole('status').getByText(`Connected ${MICROSOFT}.`).waitFor()
    await page.getByRole('rowheader', { name: new RegExp(MICROSOFT.replace(/[()]/g, '\\$&')) }).waitFor()
    const [stored] = demo.platform.store.list({ provider: 'microsoftAdminConsent' })
    expect(stored).toMatchObject({ authScheme: 'custom', status: 'working', group: { groupRef: 'acme' }, consumer: { consumerRef: 'ada' } })
    expect(stored?.secrets?.tenant).toMatch(/^tenant-/)
  })

  test('admin consent: Cancel on the consent page is reported next to the button, and nothing is created', async () => {
    await open()
    const [popup] = await Promise.all([page.waitForEvent('popup'), card('microsoftAdminConsent').getByRole('button', { name: `Connect ${MICROSOFT}` }).click()])
    await popup.getByRole('link', { name: 'Cancel' }).click()
    await card('microsoftAdminConsent').getByRole('alert').getByText('Consent was declined on the provider’s page.').waitFor()
    expect(demo.platform.store.list({ provider: 'microsoftAdminConsent' })).toHaveLength(0)
  })

  test('Acme SSO: the domain in the form, then consent in the window, then connected', async () => {
    await open()
    await card('acmeSso').getByRole('button', { name: 'Connect Acme SSO' }).click()
    const dialog = page.getByRole('dialog', { name: 'Connect Acme SSO' })
    await dialog.getByLabel('Company domain', { exact: true }).fill('acme.com')
    const [popup] = await Promise.all([page.waitForEvent('popup'), dialog.getByRole('button', { name: 'Connect' }).click()])
    await popup.getByRole('link', { name: 'Accept' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('status').getByText('Connected Acme SSO.').waitFor()
    expect(demo.platform.store.list({ provider: 'acmeSso' })[0]?.secrets).toMatchObject({ customAuth: { domain: 'acme.com' } })
  })
})

describe('demo: list, keys and faults', () => {
  test('deletes a connection after confirmation', async () => {
    await open()
    await page.getByRole('button', { name: 'Delete Mailgun connection' }).click()
    await page.getByRole('alertdialog', { name: 'Delete the Mailgun connection?' }).getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('status').getByText('Deleted the Mailgun connection.').waitFor()
    await expect.poll(() => page.getByRole('rowheader', { name: /Mailgun/ }).count()).toBe(0)
  })

  test('a wrong API key is rejected and the page says so', async () => {
    await page.goto(`${demo.urls.app}/?apiKey=wrong`)
    // The list says so, and so does each card, which offers Retry instead of Connect.
    await page.getByRole('region', { name: 'Connected accounts' }).getByText('Could not load connections. The API key is not valid for this project.').waitFor()
    expect(await page.getByRole('button', { name: 'Connect HubSpot' }).count()).toBe(0)
  })

  const faults = [
    { name: 'a 500', body: { endpoint: 'listConnections', status: 500 }, expectText: 'Fault switch: 500 on listConnections.' },
    { name: 'a 429 with Retry-After', body: { endpoint: 'listConnections', status: 429 }, expectText: 'Fault switch: 429 on listConnections.' },
    { name: 'a 401', body: { endpoint: 'listConnections', status: 401 }, expectText: 'Fault switch: 401 on listConnections.' },
    { name: 'malformed JSON', body: { endpoint: 'listConnections', malformedJson: true }, expectText: 'The server sent an answer that could not be read.' },
    { name: 'an HTML error page', body: { endpoint: 'listConnections', html: true, status: 502 }, expectText: 'unexpected answer (error 502)' },
    { name: 'a failing catalog', body: { endpoint: 'provider', status: 500 }, expectText: "Could not load hubspot's connection settings." },
  ]
  test.each(faults)('the page stays usable after $name', async ({ body, expectText }) => {
    await fault(body)
    await page.goto(demo.urls.app)
    await page.getByText(expectText, { exact: false }).first().waitFor()
    expect(await page.locator('body').innerText()).not.toContain('Bad Gateway')
    await clearFaults()
    const retry = page.getByRole('button', { name: 'Retry' })
    // Each card (and list row) that failed has its own Retry; one vanishes as soon as its entry loads.
    while ((await retry.count()) > 0) await retry.first().click({ timeout: 2000 }).catch(() => undefined)
    await page.getByRole('rowheader', { name: /Salesforce/ }).waitFor()
    // Still usable: a form opens and closes.
    await card('openAI').getByRole('button', { name: 'Reconnect OpenAI' }).click()
    await page.getByRole('dialog', { name: 'Reconnect OpenAI' }).getByRole('button', { name: 'Cancel' }).click()
  })

  test('a slow platform shows loading, then the list', async () => {
    await fault({ endpoint: 'listConnections', delayMs: 1500, times: 1 })
    await page.goto(demo.urls.app)
    await page.getByText('Loading connections…').waitFor()
    await page.getByRole('rowheader', { name: /Salesforce/ }).waitFor()
  })
})
