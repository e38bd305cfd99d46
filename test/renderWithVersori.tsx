import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { getResponse } from 'msw'
import type { ReactNode } from 'react'
import { ConnectProvider, versori } from '../src/index'
import type { VersoriOptions } from '../src/index'
import { createFakeVersori, FAKE_VERSORI, FAKE_VERSORI_API_KEY, fakeVersoriBaseUrl, fakeVersoriTemplates } from './fakeVersori'
import type { FakeVersori, FakeVersoriOptions } from './fakeVersori'

/** The person the kit connects as: the fake's end user, shown by name. */
export const VERSORI_CONSUMER = { consumerRef: FAKE_VERSORI.externalId, consumerName: 'Ada Lovelace' } as const

/**
 * A template's `connectionTemplateId` (the kit's provider id) by name, e.g. `Acme API key`. The
 * fake's templates are fixed, so this is known before any fake exists.
 */
export function versoriProvider(name: string): string {
  const found = fakeVersoriTemplates().find((template) => template.name === name)
  if (!found) throw new Error(`No fake Versori template named "${name}".`)
  return found.connectionTemplateId
}

/**
 * A `fetch` that answers from the fake's MSW handlers, in the page, as MSW itself would
 * (`getResponse`). The browser tests' service worker (test/setup.browser.ts) is started with the
 * Ampersand fake's handlers only and is not reachable from here, and a second worker would race it
 * for every request; `versori({ fetch })` is the adapter's documented seam for this. A network
 * fault (`HttpResponse.error()`) rejects, as a real fetch does. Anything the fake does not serve
 * goes to the real network.
 */
export function fakeVersoriFetch(fake: FakeVersori): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const response = await getResponse(fake.handlers, request)
    if (!response) return fetch(request)
    if (response.type === 'error') throw new TypeError('Failed to fetch')
    return response
  }
}

/** Options of {@link renderWithVersori}. */
export interface RenderWithVersoriOptions {
  /** The fake to talk to (seeded beforehand, say). @default a fresh `createFakeVersori(fakeOptions)` */
  fake?: FakeVersori
  /** Options of the fresh fake, when `fake` is not given. */
  fakeOptions?: FakeVersoriOptions
  /** Passed to `versori()`: the host's delete, e.g. {@link fakeVersoriDelete}. @default none (no Delete) */
  deleteConnection?: VersoriOptions['deleteConnection']
}

/**
 * A host's `deleteConnection` as the demo writes one: the reference platform's documented DELETE
 * extension (Versori's v2 API has no delete), with the organisation key.
 */
export function fakeVersoriDelete(fake: FakeVersori): (connectionId: string) => Promise<void> {
  const fetchFake = fakeVersoriFetch(fake)
  return async (connectionId) => {
    const response = await fetchFake(`${fakeVersoriBaseUrl()}/o/${FAKE_VERSORI.organisationId}/connections/${encodeURIComponent(connectionId)}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${FAKE_VERSORI_API_KEY}` },
    })
    if (!response.ok) throw new Error(`Delete failed (HTTP ${response.status}).`)
  }
}

/**
 * Renders UI inside a ConnectProvider over `versori()` pointed at a fresh fake Versori platform,
 * with a fresh QueryClient, as the end user `ada` ("Ada Lovelace") with the organisation API key.
 * Returns the fake (requests, store, faults) and the backend with the render result.
 */
export function renderWithVersori(ui: ReactNode, options: RenderWithVersoriOptions = {}) {
  const fake = options.fake ?? createFakeVersori(options.fakeOptions)
  const fetchFake = fakeVersoriFetch(fake)
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const { deleteConnection } = options
  const backend = versori({
    organisationId: FAKE_VERSORI.organisationId,
    projectId: FAKE_VERSORI.projectId,
    environmentId: FAKE_VERSORI.environmentId,
    baseUrl: fakeVersoriBaseUrl(),
    token: FAKE_VERSORI_API_KEY,
    fetch: fetchFake,
    ...(deleteConnection ? { deleteConnection } : {}),
  })
  return {
    fake,
    backend,
    queryClient,
    ...render(
      <ConnectProvider backend={backend} {...VERSORI_CONSUMER} queryClient={queryClient}>
        {ui}
      </ConnectProvider>,
    ),
  }
}
