import type { Decorator } from '@storybook/react-vite'
import { QueryClient } from '@tanstack/react-query'
import { setupWorker } from 'msw/browser'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { VersoriFault, VersoriFaultEndpoint } from '../../demo/server/versori/faults'
import type { VersoriSeedConnection } from '../../demo/server/versori/model'
import { ConnectProvider, versori } from '../../src/index'
import { createFakeVersori, FAKE_VERSORI, FAKE_VERSORI_API_KEY, fakeVersoriBaseUrl, fakeVersoriTemplates } from '../../test/fakeVersori'
import type { AutoAuthorize, FakeVersori, RecordedVersoriRequest } from '../../test/fakeVersori'
import { platform } from '../../test/platform'
import { type Canvas, localeProps } from '../support'

// The Versori stories' shared half: the fake Versori platform (test/fakeVersori.ts) inside MSW on
// the page's origin, a fresh one for every render, and the kit over `versori()` pointed at it.

/** Per-story settings of the fake Versori platform (`parameters.fakeVersori`). */
export interface FakeVersoriParameters {
  /** Connections in the store when the story starts. */
  seed?: VersoriSeedConnection[]
  /** How the stand-in consent page answers; undefined waits for a click. */
  autoAuthorize?: AutoAuthorize
  /** Faults (status, delay, network) by endpoint, from the start. */
  faults?: Partial<Record<VersoriFaultEndpoint, VersoriFault>>
  /**
   * Whether the host supplies `deleteConnection` (Versori's API has none): here a call to the
   * fake's documented DELETE extension, as the demo does. @default false
   */
  deleteConnection?: boolean
}

/** Types a story's fake-Versori parameters. */
export const fakeVersoriParameters = (options: FakeVersoriParameters) => ({ fakeVersori: options })

/** The end user the stories connect as, and the name the kit prefills connection names with. */
export const CONSUMER_NAME = 'Ada Lovelace'

let worker: ReturnType<typeof setupWorker> | undefined

/**
 * A loader that creates this render's fake Versori platform and puts its handlers on the page's MSW
 * worker, started here the way `.storybook/preview.tsx` starts the Ampersand one. MSW 2 shares one
 * service-worker source per page and the worker started last answers, so this one carries the
 * Ampersand fake's handlers too: any other story on the page keeps its platform.
 */
export async function fakeVersoriLoader({ parameters }: { parameters: Record<string, unknown> }): Promise<{ versori: FakeVersori }> {
  const options = (parameters.fakeVersori ?? {}) as FakeVersoriParameters
  const fake = createFakeVersori({ seed: options.seed, autoAuthorize: options.autoAuthorize })
  for (const [endpoint, fault] of Object.entries(options.faults ?? {})) fake.fail(endpoint as VersoriFaultEndpoint, fault)
  if (!worker) {
    worker = setupWorker()
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: './mockServiceWorker.js' } })
  }
  worker.resetHandlers(...fake.handlers, ...platform.handlers)
  return { versori: fake }
}

/**
 * The fake Versori platform `fakeVersoriLoader` created for this render, from a play function's
 * `loaded`: `requests`, `connections`, `fail(endpoint, fault)`, `configure({autoAuthorize})`.
 */
export function fakeVersori(loaded: Record<string, unknown>): FakeVersori {
  const found = loaded.versori as FakeVersori | undefined
  if (!found) throw new Error('No fake Versori platform for this story: spread `withFakeVersori` into its meta.')
  return found
}

/** Deletes through the fake's DELETE extension, standing in for the host's own server. */
async function deleteThroughFake(connectionId: string): Promise<void> {
  const response = await fetch(`${fakeVersoriBaseUrl()}/o/${FAKE_VERSORI.organisationId}/connections/${encodeURIComponent(connectionId)}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${FAKE_VERSORI_API_KEY}` },
  })
  if (!response.ok) throw new Error(`Delete failed (HTTP ${response.status}).`)
}

/**
 * Wraps a story in a ConnectProvider over `versori()` talking to this render's fake, as the
 * fake's end user (Ada Lovelace), with a fresh cache that does not retry, in the toolbar's locale.
 */
export const FakeVersoriDecorator: Decorator = (Story, { parameters, globals }) => {
  const options = (parameters.fakeVersori ?? {}) as FakeVersoriParameters
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
  const [backend] = useState(() =>
    versori({
      organisationId: FAKE_VERSORI.organisationId,
      projectId: FAKE_VERSORI.projectId,
      environmentId: FAKE_VERSORI.environmentId,
      baseUrl: fakeVersoriBaseUrl(),
      token: FAKE_VERSORI_API_KEY,
      ...(options.deleteConnection ? { deleteConnection: deleteThroughFake } : {}),
    }),
  )
  return (
    <ConnectProvider backend={backend} consumerRef={FAKE_VERSORI.externalId} consumerName={CONSUMER_NAME} queryClient={queryClient} {...localeProps(globals)}>
      <Story />
    </ConnectProvider>
  )
}

/** Both halves, to spread into a story file's `meta`: `{ ...withFakeVersori, title, component }`. */
export const withFakeVersori = { loaders: [fakeVersoriLoader], decorators: [FakeVersoriDecorator] }

/** A fake template's provider id (its `connectionTemplateId`), by name, e.g. `Acme API key`. */
export function providerOf(name: string): string {
  const template = fakeVersoriTemplates().find((candidate) => candidate.name === name)
  if (!template) throw new Error(`No fake Versori template named "${name}".`)
  return template.connectionTemplateId
}

/** The connection name the kit prefills for a template: "<template> – Ada Lovelace". */
export const defaultName = (template: string) => `${template} – ${CONSUMER_NAME}`

/** What the fake received during this render for one method and path (a suffix or a pattern of the path), oldest first. */
export function versoriRequests(loaded: Record<string, unknown>, method: string, path: string | RegExp): RecordedVersoriRequest[] {
  const matches = (actual: string) => (typeof path === 'string' ? actual.endsWith(path) : path.test(actual))
  return fakeVersori(loaded).requests.filter((request) => request.method === method && matches(request.path))
}

/**
 * That no CreateConnection reached the fake, after giving one time to arrive (requests reach the
 * fake in the service worker a moment after the UI changes).
 */
export async function expectNothingSent(loaded: Record<string, unknown>) {
  await new Promise((resolve) => setTimeout(resolve, 300))
  await expect(createRequests(loaded)).toHaveLength(0)
}

/** CreateConnection requests (POST …/connections), oldest first. */
export const createRequests = (loaded: Record<string, unknown>) => versoriRequests(loaded, 'POST', /\/o\/[^/]+\/connections$/)
/** UpdateConnection requests (PUT …/connections/{id}), oldest first. */
export const updateRequests = (loaded: Record<string, unknown>) => versoriRequests(loaded, 'PUT', /\/o\/[^/]+\/connections\/[^/]+$/)
/** DELETE requests to the fake's extension, oldest first. */
export const deleteRequests = (loaded: Record<string, unknown>) => versoriRequests(loaded, 'DELETE', /\/o\/[^/]+\/connections\/[^/]+$/)

/** A CreateConnection body as the kit sends it. */
export interface CreateBody {
  connectionTemplateId: string
  externalId: string
  connection: {
    name: string
    baseUrl?: string
    credentials: {
      id: string
      authSchemeConfig: Record<string, unknown> & { type: string }
      credential: { id: string; organisationId: string; type: string; data: Record<string, unknown> }
    }[]
  }
}

/** The body of the only CreateConnection request; throws when there is not exactly one. */
export function onlyCreateBody(loaded: Record<string, unknown>): CreateBody {
  const sent = createRequests(loaded)
  if (sent.length !== 1) throw new Error(`Expected one CreateConnection request; the fake received ${sent.length}.`)
  return sent[0]!.body as CreateBody
}

/** The `credential` objects (type and data) of a create body, in order. */
export const credentialsOf = (body: CreateBody) => body.connection.credentials.map((entry) => ({ type: entry.credential.type, data: entry.credential.data }))

/** The submit button once the template has loaded: the form is there. */
export const connectButton = (canvas: Canvas, name = 'Connect') => canvas.findByRole('button', { name })

/** Clicks the form's submit button. */
export const submit = (canvas: Canvas, name = 'Connect') => userEvent.click(canvas.getByRole('button', { name }))

/** The summary line the form shows after a refusal that names fields. */
export const FIX_FIELDS = 'Check the highlighted fields and try again.'

/** What the fake says under a secret that was exactly `wrong`. */
export const rejected = (what: string) => `The provider rejected this ${what}.`

/** A server refusal shown under `field`: its message, described by it, invalid and focused, plus the summary. */
export async function expectRefusedUnder(canvas: Canvas, field: HTMLElement, message: string) {
  await expect(await canvas.findByText(message)).toBeVisible()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(expect.stringContaining(message))
  await expect(field).toHaveFocus()
  await expect(canvas.getByText(FIX_FIELDS)).toBeVisible()
}

/**
 * The pending state once a save is in flight: the button says so and is aria-disabled, the form is
 * aria-busy, and a second click sends nothing more.
 */
export async function expectPending(canvas: Canvas, loaded: Record<string, unknown>) {
  const pending = await canvas.findByRole('button', { name: 'Connecting…' })
  await expect(pending).toHaveAttribute('aria-disabled', 'true')
  await expect(pending.closest('form')).toHaveAttribute('aria-busy', 'true')
  await expect(canvas.queryByRole('button', { name: 'Connect' })).toBeNull()
  // The request reaches the fake (in the service worker) a moment after the button changes.
  await waitFor(() => expect(createRequests(loaded)).toHaveLength(1))
  await userEvent.click(pending)
  await new Promise((resolve) => setTimeout(resolve, 300))
  await expect(createRequests(loaded)).toHaveLength(1)
}

/** The connection fields every Versori form ends with: the prefilled name, and Base URL under a closed "Advanced". */
export async function expectConnectionFields(canvas: Canvas, template: string) {
  const name = canvas.getByRole('textbox', { name: 'Connection name' })
  await expect(name).toHaveValue(defaultName(template))
  await expect(name).toHaveAttribute('aria-required', 'true')
  const advanced = canvas.getByText('Advanced').closest('details') as HTMLDetailsElement
  await expect(advanced).not.toHaveAttribute('open')
  const baseUrl = within(advanced).getByLabelText('Account URL (optional)', { selector: 'input' })
  await expect(baseUrl).not.toBeVisible()
  await expect(baseUrl).toHaveValue('')
}
