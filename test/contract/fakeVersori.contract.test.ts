import { readFileSync } from 'node:fs'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { VERSORI_PATHS } from '../../demo/server/versori/platform'
import { callVersori, createBody, kitCredentials } from './versoriHarness'

// The fake lives on the page's origin; give node one.
Object.defineProperty(globalThis, 'location', { value: new URL('http://localhost:6006/'), configurable: true })
const { createFakeVersori, FAKE_VERSORI_API_KEY, fakeEndUserToken, fakeVersoriBaseUrl, fakeVersoriCallbackUrl } = await import('../fakeVersori')
// The browser loader (Vite `?raw` imports): the same contract as the Node one.
const { versoriContract } = await import('../../demo/server/versori/contract.browser')

const fake = createFakeVersori()
const server = setupServer(...fake.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => fake.reset())
afterAll(() => server.close())

const send = (path: string, init: RequestInit) => fetch(`${fakeVersoriBaseUrl()}${path}`, init)
const call = (method: string, path: string, vars: Parameters<typeof callVersori>[4] = {}, options: Parameters<typeof callVersori>[5] = {}) =>
  callVersori(send, versoriContract, method, path, vars, { auth: `Bearer ${FAKE_VERSORI_API_KEY}`, ...options })

describe('the fake Versori platform in MSW', () => {
  test('serves the templates and takes the org key or an end user’s token', async () => {
    const listed = await call('GET', VERSORI_PATHS.templates)
    expect(listed.status).toBe(200)
    expect(listed.json.items).toHaveLength(fake.templates.length)
    const asAda = await call('GET', VERSORI_PATHS.connections, {}, { auth: `JWT ${fakeEndUserToken('ada')}` })
    expect(asAda.status).toBe(200)
    expect((await call('GET', VERSORI_PATHS.connections, {}, { auth: `JWT ${fakeEndUserToken('ada')}`, query: { end_user_id: 'bob' } })).status).toBe(403)
    expect((await call('GET', VERSORI_PATHS.connections, {}, { auth: 'JWT forged.token.sig' })).status).toBe(401)
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)[0]).toBe('GET /versori/api/v2/o/01JD0RG0000000000000000000/projects/01JD0PR0000000000000000000/connection-templates')
  })

  test('OAuth sign-in goes to the stand-in page, which returns to the static callback page; its code creates the connection', async () => {
    fake.configure({ autoAuthorize: 'allow' })
    const template = fake.template('Acme OAuth')
    let page: URL | undefined
    const credentials = await kitCredentials(template, (body) => call('POST', VERSORI_PATHS.initialise, { system: template.id }, { body }), async (url) => {
      page = url
      return { code: url.searchParams.get('code')!, state: url.searchParams.get('state')! }
    })
    expect(page!.origin + page!.pathname).toBe('http://localhost:6006/fake-versori-authorize.html')
    expect(page!.searchParams.get('redirect_uri')).toBe(fakeVersoriCallbackUrl())
    expect(page!.searchParams.get('auto')).toBe('allow')
    const created = await call('POST', VERSORI_PATHS.connections, {}, { body: createBody(versoriContract, template, credentials) })
    expect(created.status).toBe(201)
    expect(fake.connections).toHaveLength(1)
  })

  test('faults: a network error, a delay, a status; reset clears them', async () => {
    fake.fail('listConnections', { network: true })
    await expect(send(VERSORI_PATHS.connections.replace('{organisation_id}', '01JD0RG0000000000000000000'), { headers: { Authorization: `Bearer ${FAKE_VERSORI_API_KEY}` } })).rejects.toThrow()
    fake.reset()
    fake.fail('listTemplates', { delayMs: 30, status: 429 })
    const started = Date.now()
    const limited = await call('GET', VERSORI_PATHS.templates)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('5')
    expect(Date.now() - started).toBeGreaterThanOrEqual(25)
    fake.reset()
    expect((await call('GET', VERSORI_PATHS.templates)).status).toBe(200)
  })

  test('seeded connections are served as the API would', async () => {
    const seeded = fake.seedConnections([{ template: 'Acme Regions', externalId: 'ada', configs: ['01JD0CF0000000000000000013'], errors: [] }])
    const listed = await call('GET', VERSORI_PATHS.connections, {}, { query: { end_user_id: 'ada' } })
    expect(listed.json.items).toEqual(seeded)
    expect(seeded[0]!.credentials[0]!.authSchemeConfig).toMatchObject({ apiKey: { description: 'Sandbox' } })
  })
})

describe('fake-versori-authorize.html', () => {
  const script = /<script>([\s\S]*?)<\/script>/.exec(readFileSync(new URL('../../.storybook/public/fake-versori-authorize.html', import.meta.url), 'utf8'))![1]!

  function runPage(search: string) {
    const buttons: Record<string, () => void> = {}
    const text = { textContent: '' }
    const location = { search, origin: 'http://localhost:6006', replace: vi.fn() }
    const document = { getElementById: (id: string) => (id === 'text' ? text : { addEventListener: (_type: string, listener: () => void) => (buttons[id] = listener) }) }
    const timers: (() => void)[] = []
    new Function('document', 'location', 'setTimeout', script)(document, location, (callback: () => void) => timers.push(callback))
    return { buttons, text, location, timers }
  }
  const query = (extra: Record<string, string>) =>
    `?${new URLSearchParams({ client_id: 'versori-demo', redirect_uri: 'http://localhost:6006/fake-versori-callback.html', state: 's1', code: 'c1', scope: 'api:read offline_access', ...extra })}`

  test('Allow returns the code and state to the redirect URI; Deny returns access_denied', () => {
    const allowed = runPage(query({}))
    expect(allowed.text.textContent).toContain('api:read, offline_access')
    allowed.buttons.allow!()
    expect(allowed.location.replace).toHaveBeenCalledWith('http://localhost:6006/fake-versori-callback.html?code=c1&state=s1')
    const denied = runPage(query({}))
    denied.buttons.deny!()
    expect(denied.location.replace).toHaveBeenCalledWith('http://localhost:6006/fake-versori-callback.html?error=access_denied&error_description=The+user+denied+access.&state=s1')
  })

  test('answers by itself with ?auto=, and returns to no other origin', () => {
    const auto = runPage(query({ auto: 'deny' }))
    auto.timers.forEach((run) => run())
    expect(auto.location.replace.mock.calls[0]![0]).toContain('error=access_denied')
    const elsewhere = runPage(query({ redirect_uri: 'https://evil.example/cb' }))
    elsewhere.buttons.allow!()
    expect(elsewhere.location.replace).not.toHaveBeenCalled()
  })
})
