import { recordRequest } from './recordedRequest'
import type { RecordedRequest } from './recordedRequest'
import { http, HttpResponse } from 'msw'
import { versoriContract } from '../demo/server/versori/contract.browser'
import { NETWORK_FAULT_HEADER } from '../demo/server/versori/faults'
import type { VersoriFault, VersoriFaultEndpoint } from '../demo/server/versori/faults'
import type { ConnectionTemplate, VersoriSeedConnection } from '../demo/server/versori/model'
import { createVersoriPlatform } from '../demo/server/versori/platform'
import { publicConnection } from '../demo/server/versori/store'
import type { PublicConnection } from '../demo/server/versori/store'
import { demoClients, demoTemplates } from '../demo/server/versori/templates'
import { VERSORI_DEMO } from '../demo/server/versori/types'

/** The organisation API key the fake Versori platform accepts (`Authorization: Bearer …`). */
export const FAKE_VERSORI_API_KEY = 'test-versori-key'
/** The fake's identities: the demo's organisation, project, environment and end user. */
export const FAKE_VERSORI = {
  organisationId: VERSORI_DEMO.organisationId,
  projectId: VERSORI_DEMO.projectId,
  environmentId: VERSORI_DEMO.environmentId,
  externalId: VERSORI_DEMO.externalId,
} as const
/** Where the fake templates say the provider lives; nothing is fetched there (sign-in is the stand-in page). */
export const FAKE_VERSORI_ISSUER = 'https://id.acme.example'
/** The fake templates' `templateBaseUrl`. */
export const FAKE_ACME_API = 'https://api.acme.example'
/** The fake Versori API's base URL, on the page's origin. */
export const fakeVersoriBaseUrl = () => `${location.origin}/versori/api/v2`
/**
 * The redirect URI of the fake's sign-ins: a static copy of the hosted callback page, since MSW's
 * worker lets navigations through to the network (so the platform's own `/oauth2/callback`, served
 * only through MSW, can never be a popup's page).
 */
export const fakeVersoriCallbackUrl = () => `${location.origin}/fake-versori-callback.html`

/** The fake connection templates (the demo's, pointing at {@link FAKE_VERSORI_ISSUER}). */
export const fakeVersoriTemplates = (): ConnectionTemplate[] => demoTemplates({ issuer: FAKE_VERSORI_ISSUER, apiBaseUrl: FAKE_ACME_API })

const base64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

/** An end user's token for the fake (`Authorization: JWT …`): an unsigned JWT whose `sub` is the externalId. */
export function fakeEndUserToken(externalId: string): string {
  return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify({ sub: externalId }))}.`
}

/** The fake's check of {@link fakeEndUserToken}: the `sub` of an unsigned JWT, or undefined. */
async function verifyFakeToken(jwt: string): Promise<string | undefined> {
  const [header, payload, signature] = jwt.split('.')
  if (!header || !payload || signature !== '') return undefined
  try {
    const decode = (part: string) => JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>
    const sub = decode(payload).sub
    return decode(header).alg === 'none' && typeof sub === 'string' && sub ? sub : undefined
  } catch {
    return undefined
  }
}

/** A request as the fake received it. */
export type RecordedVersoriRequest = RecordedRequest

/** How the stand-in consent page answers: `allow`, `deny`, `none` (never), or undefined (wait for a click). */
export type AutoAuthorize = 'allow' | 'deny' | 'none' | undefined

/** Options of {@link createFakeVersori}; `reset()` returns to them. */
export interface FakeVersoriOptions {
  /** How the stand-in consent page answers. @default undefined (it waits for a click) */
  autoAuthorize?: AutoAuthorize
  /** Connections in the store from the start. @default [] */
  seed?: VersoriSeedConnection[]
}

/**
 * The reference Versori platform (`demo/server/versori/platform.ts`, the one `npm run demo` serves)
 * running inside MSW on the page's own origin, validating against the same contract. OAuth 2
 * sign-in goes to the stand-in page `fake-versori-authorize.html`, which returns to
 * `fake-versori-callback.html`, a static copy of the hosted callback page. Adds what tests need:
 * recorded requests, seeding, faults (network ones too) and delays.
 */
export function createFakeVersori(options: FakeVersoriOptions = {}) {
  let autoAuthorize = options.autoAuthorize
  const requests: RecordedVersoriRequest[] = []
  const platform = createVersoriPlatform({
    contract: versoriContract,
    origin: location.origin,
    appOrigin: location.origin,
    basePath: new URL(fakeVersoriBaseUrl()).pathname,
    ...FAKE_VERSORI,
    apiKey: FAKE_VERSORI_API_KEY,
    verifyEndUserToken: verifyFakeToken,
    templates: fakeVersoriTemplates(),
    authorization: {
      kind: 'fake',
      pageUrl: new URL('/fake-versori-authorize.html', location.origin).href,
      callbackUrl: fakeVersoriCallbackUrl(),
      auto: () => autoAuthorize,
    },
    clients: demoClients(),
  })

  const record = async (request: Request) => void requests.push(await recordRequest(request))

  const seedConnections = (seeds: VersoriSeedConnection[]): PublicConnection[] =>
    platform.store.seed(seeds, platform.templates, FAKE_VERSORI.organisationId).map(publicConnection)

  const base = fakeVersoriBaseUrl().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  const fake = {
    handlers: [
      http.all(new RegExp(`^${base}/`), async ({ request }) => {
        await record(request)
        const response = await platform.app.fetch(request)
        return response.headers.get(NETWORK_FAULT_HEADER) ? HttpResponse.error() : response
      }),
    ],
    /** The platform itself (store, templates, app). */
    platform,
    /** Every request received since the last reset, in order. */
    requests,
    /** The connection templates, as configured (secrets included: the API redacts them). */
    templates: platform.templates,
    /** A template by name, e.g. `Acme OAuth`; throws for an unknown name. */
    template(name: string): ConnectionTemplate {
      const found = platform.templates.find((template) => template.name === name)
      if (!found) throw new Error(`No fake Versori template named "${name}".`)
      return found
    },
    /** The connections in the store, as the API returns them. */
    get connections(): PublicConnection[] {
      return platform.store.list().map(publicConnection)
    },
    /** Empties faults, pending sign-ins and recorded requests; the store and options return to the created ones. */
    reset() {
      platform.reset()
      seedConnections(options.seed ?? [])
      autoAuthorize = options.autoAuthorize
      requests.length = 0
    },
    /** Changes how the stand-in consent page answers, until the next reset. */
    configure(settings: { autoAuthorize?: AutoAuthorize }) {
      autoAuthorize = settings.autoAuthorize
    },
    /** Makes the next requests to an endpoint fail (status, network, HTML, malformed JSON) or wait. */
    fail(endpoint: VersoriFaultEndpoint, fault: VersoriFault) {
      platform.faults.set(endpoint, fault)
    },
    /** Adds connections to the store and returns them as the API would. */
    seedConnections,
  }
  fake.reset()
  return fake
}

/** The fake Versori platform's type. */
export type FakeVersori = ReturnType<typeof createFakeVersori>
