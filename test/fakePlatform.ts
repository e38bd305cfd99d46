import { recordRequest } from './recordedRequest'
import type { RecordedRequest } from './recordedRequest'
import { http, HttpResponse } from 'msw'
import type { Fault, FaultEndpoint } from '../demo/server/faults'
import { NETWORK_FAULT_HEADER } from '../demo/server/faults'
import { createPlatform } from '../demo/server/platform'
import { publicConnection } from '../demo/server/store'

/** The project every fake connection belongs to. */
export const FAKE_PROJECT = 'proj-1'
/** The API key the fake platform accepts. */
export const FAKE_API_KEY = 'test-key'
/** The fake platform's base URL: same origin as the page, so the fake authorize page can post back. */
export const fakeBaseUrl = () => `${location.origin}/api/v1`
/** {@link fakeBaseUrl} as a constant, computed from `location.origin` when this module loads. */
export const FAKE_BASE_URL = fakeBaseUrl()

/** Endpoints a fault can be set on: the reference platform's. */
export type FakeEndpoint = FaultEndpoint
/** A failure (or delay) the next requests to an endpoint meet: the reference platform's switches. */
export type FakeFault = Fault

export type { RecordedRequest } from './recordedRequest'

/** A connection in Ampersand's `Connection` shape, as the API returns it. */
export type FakeConnection = ReturnType<typeof publicConnection>

/** What a seeded connection may set; the rest gets defaults (group `group-1`, consumer `consumer-1`). */
export interface SeedConnection {
  provider: string
  status?: 'created' | 'working' | 'bad_credentials'
  authScheme?: string
  groupRef?: string
  consumerRef?: string
  providerWorkspaceRef?: string
  createTime?: string
  updateTime?: string
}

/** How the fake authorize page answers: `allow`, `deny`, `none` (never), or undefined (wait for a click). */
export type AutoAuthorize = 'allow' | 'deny' | 'none' | undefined

/** Options for {@link createFakePlatform}; `reset()` returns to them. */
export interface FakePlatformOptions {
  /** How the fake authorize page answers. @default undefined (it waits for a click) */
  autoAuthorize?: AutoAuthorize
  /** Connections in the store from the start. @default [] */
  seed?: SeedConnection[]
}

/**
 * The reference platform (`demo/server/platform.ts`, the one `npm run demo` serves) running inside
 * MSW on the page's own origin, so browser tests and stories talk to the same spec-validating
 * server as the demo. OAuth sign-in goes through the same-origin stand-in page
 * `fake-authorize.html`, which completes it through `window.opener.plugboardFakePlatform`; a
 * multi-step custom sign-in's consent page is `fake-custom-auth.html`, which posts the callback's
 * params as the platform's callback page would.
 * Adds what tests need: recorded requests, seeding and network-level faults.
 */
export function createFakePlatform(options: FakePlatformOptions = {}) {
  let autoAuthorize = options.autoAuthorize
  const requests: RecordedRequest[] = []
  const platform = createPlatform({
    origin: location.origin,
    appOrigin: location.origin,
    basePath: new URL(fakeBaseUrl()).pathname,
    authorization: { kind: 'fake', pageUrl: new URL('/fake-authorize.html', location.origin).href, auto: () => autoAuthorize },
    project: FAKE_PROJECT,
    apiKey: FAKE_API_KEY,
    acceptBearer: true,
    seed: false,
  })

  const record = async (request: Request) => void requests.push(await recordRequest(request))

  const seedConnections = (seeds: SeedConnection[]): FakeConnection[] =>
    seeds.map((seed) =>
      publicConnection(
        platform.store.create({ ...seed, groupRef: seed.groupRef ?? 'group-1', consumerRef: seed.consumerRef ?? 'consumer-1' }),
      ),
    )

  const base = fakeBaseUrl().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  const fake = {
    handlers: [
      http.all(new RegExp(`^${base}/`), async ({ request }) => {
        await record(request)
        const response = await platform.app.fetch(request)
        return response.headers.get(NETWORK_FAULT_HEADER) ? HttpResponse.error() : response
      }),
    ],
    /** Every request received since the last reset, in order. */
    requests,
    /** The connections in the store, as the API returns them. */
    get connections(): FakeConnection[] {
      return platform.store.list().map(publicConnection)
    },
    /** Empties faults, pending sign-ins and recorded requests; the store and options return to the created ones. */
    reset() {
      platform.reset()
      seedConnections(options.seed ?? [])
      autoAuthorize = options.autoAuthorize
      requests.length = 0
    },
    /** Changes how the fake authorize page answers, until the next reset. */
    configure(settings: { autoAuthorize?: AutoAuthorize }) {
      autoAuthorize = settings.autoAuthorize
    },
    /** Makes the next requests to an endpoint fail or wait. */
    fail(endpoint: FakeEndpoint, fault: FakeFault) {
      platform.faults.set(endpoint, fault)
    },
    /** Adds connections to the store and returns them. */
    seedConnections,
    /** Completes a pending OAuth sign-in as the provider and callback would, returning the opener's message. */
    authorize: (state: string, approved: boolean) => platform.completeAuthorization(state, approved),
  }
  fake.reset()
  return fake
}

/** The fake platform's type. */
export type FakePlatform = ReturnType<typeof createFakePlatform>

/** A realistic mix for stories and list tests: several providers, schemes and statuses. */
export const mixedConnections: SeedConnection[] = [
  { provider: 'salesforce', status: 'working', providerWorkspaceRef: 'acme', createTime: '2026-09-02T14:12:00Z', updateTime: '2026-11-20T08:30:00Z' },
  { provider: 'hubspot', status: 'created', createTime: '2026-11-21T10:05:00Z' },
  { provider: 'openAI', status: 'bad_credentials', createTime: '2026-06-11T09:00:00Z', updateTime: '2026-11-18T16:45:00Z' },
  { provider: 'mailgun', status: 'working', createTime: '2026-03-30T12:00:00Z', updateTime: '2026-10-01T07:20:00Z' },
]
