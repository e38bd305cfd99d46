import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { ampersand } from './ampersand'
import { toProviderListings } from './providerList'

const catalog = JSON.parse(readFileSync(new URL('../../../contracts/ampersand/providers.json', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>

function backendAnswering(body: unknown, status = 200) {
  const seen: { url: string; init: RequestInit }[] = []
  const backend = ampersand({
    project: 'p',
    apiKey: 'key-1',
    baseUrl: 'https://api.test/v1',
    fetch: async (input, init = {}) => {
      seen.push({ url: String(input), init })
      return Response.json(body, { status })
    },
  })
  return { backend, seen }
}

describe('Ampersand GET /providers → listings', () => {
  test('lists every entry of the real catalog with its name, icon and provider spec', async () => {
    const { backend, seen } = backendAnswering(catalog)
    const listings = await backend.listProviders!()
    expect(seen[0]!.url).toBe('https://api.test/v1/providers')
    expect(listings).toHaveLength(Object.keys(catalog).length)
    const hubspot = listings.find((listing) => listing.id === 'hubspot')!
    expect(hubspot.displayName).toBe('HubSpot')
    expect(hubspot.iconUrl).toMatch(/^https:\/\/res\.cloudinary\.com\//)
    expect(hubspot.spec).toMatchObject({ id: 'hubspot', displayName: 'HubSpot', methods: [{ flow: 'popup' }] })
    expect(listings.find((listing) => listing.id === 'mock')).toMatchObject({ displayName: 'Mock' })
  })

  test('names default to the provider name; the category is the entry’s category label', () => {
    const listings = toProviderListings({
      acme: { name: 'acme', authType: 'apiKey', labels: { category: 'CRM', experimental: 'true' } },
      beta: { name: 'beta', authType: 'none', displayName: '' },
    })
    expect(listings).toEqual([
      expect.objectContaining({ id: 'acme', displayName: 'acme', category: 'CRM' }),
      expect.objectContaining({ id: 'beta', displayName: 'beta' }),
    ])
  })

  test('hostile entries: bounded names, unsafe icons dropped, wrong shapes left out, no spec under another key', () => {
    const listings = toProviderListings({
      long: { name: 'long', authType: 'none', displayName: `Evil\u202e${'x'.repeat(5000)}` },
      script: { name: 'script', authType: 'none', displayName: '<img src=x onerror=alert(1)>', media: { regular: { iconURL: 'javascript:alert(1)' } } },
      data: { name: 'data', authType: 'none', media: { regular: { iconURL: 'data:image/svg+xml,<svg onload=alert(1)>' } } },
      plainHttp: { name: 'plainHttp', authType: 'none', media: { regular: { iconURL: 'http://tracker.example/p.gif' } } },
      notAnObject: 'salesforce',
      nullEntry: null,
      wrongName: { name: 42 },
      wrongMedia: { name: 'wrongMedia', media: { regular: { iconURL: ['https://a.example'] } } },
      impostor: { name: 'salesforce', authType: 'oauth2', oauth2Opts: { grantType: 'authorizationCode' } },
      partial: { name: 'partial', displayName: 'Partial', authType: 'smoke-signals' },
      '': { name: '', authType: 'none' },
    })
    expect(listings.map((listing) => listing.id)).toEqual(['long', 'script', 'data', 'plainHttp', 'impostor', 'partial'])
    const [long, script, data, plainHttp, impostor, partial] = listings
    expect(long!.displayName).toHaveLength(120)
    expect(long!.displayName).not.toMatch(/\u202e/)
    expect(script).toMatchObject({ displayName: '<img src=x onerror=alert(1)>' })
    for (const listing of [script, data, plainHttp]) expect(listing).not.toHaveProperty('iconUrl')
    // An entry that names another provider is listed under its key, without that provider's spec.
    expect(impostor).toMatchObject({ id: 'impostor', displayName: 'salesforce' })
    expect(impostor).not.toHaveProperty('spec')
    // An entry the kit cannot map is still listed; choosing it loads (and explains) it.
    expect(partial).toEqual({ id: 'partial', displayName: 'Partial' })
  })

  test('an answer that is not a catalog object is an invalid response; a 5xx is the platform’s error', async () => {
    await expect(backendAnswering([{ name: 'hubspot' }]).backend.listProviders!()).rejects.toMatchObject({ kind: 'invalid_response' })
    await expect(backendAnswering({ title: 'Down', status: 503 }, 503).backend.listProviders!()).rejects.toMatchObject({ kind: 'http', status: 503 })
  })
})
