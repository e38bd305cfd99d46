import { render, screen, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { getResponse } from 'msw'
import type { RequestHandler } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { ampersand, ConnectButton, ConnectionList, ConnectProvider, toProviderSpec } from '../../src/index'
import type { ConnectBackend } from '../../src/index'
import { ampersandCatalog, ampersandHandlers, createMemoryBackend, mockSignInWindows } from '../../src/testing'
import type { SignInWindows } from '../../src/testing'

// The README's "Testing" example, run as written (test/unit/testingReadme.test.ts keeps the two
// the same). Only the imports differ, and `setupServer`: msw/node cannot run in Chromium, so this
// stand-in with the same API answers `fetch` through the same handlers, in the page.
function setupServer(...initial: RequestHandler[]) {
  let handlers = [...initial]
  const realFetch = globalThis.fetch
  return {
    listen(options: { onUnhandledRequest?: 'error' | 'bypass' } = {}) {
      vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
        const request = new Request(input, init)
        const response = await getResponse(handlers, request)
        if (response) return response
        if (options.onUnhandledRequest === 'error') throw new TypeError(`No handler for ${request.method} ${request.url}`)
        return realFetch(request)
      })
    },
    use: (...more: RequestHandler[]) => void (handlers = [...more, ...handlers]),
    resetHandlers: () => void (handlers = [...initial]),
    close: () => vi.mocked(globalThis.fetch).mockRestore(),
  }
}

// README: from here on
// Your settings page, as your app renders it.
function IntegrationsPage({ backend }: { backend: ConnectBackend }) {
  return (
    <ConnectProvider backend={backend} groupRef="acme" consumerRef="ada" consumerName="Ada Lovelace">
      <ConnectButton provider="openAI" />
      <ConnectButton provider="hubspot" />
      <ConnectionList />
    </ConnectProvider>
  )
}

const server = setupServer()
let windows: SignInWindows
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  windows = mockSignInWindows()
})
afterEach(() => {
  server.resetHandlers()
  windows.restore()
})
afterAll(() => server.close())

test('connects OpenAI with an API key; a refused key shows under the field', async () => {
  const user = userEvent.setup()
  const memory = createMemoryBackend({ providers: [toProviderSpec(ampersandCatalog.openAI), toProviderSpec(ampersandCatalog.hubspot)] })
  render(<IntegrationsPage backend={memory.backend} />)

  await user.click(await screen.findByRole('button', { name: 'Connect OpenAI' }))
  const dialog = await screen.findByRole('dialog', { name: 'Connect OpenAI' })
  const key = await within(dialog).findByLabelText('API key')
  await user.type(key, 'wrong') // the memory backend refuses `wrong`, as a provider would
  await user.click(within(dialog).getByRole('button', { name: 'Connect' }))
  expect(await within(dialog).findByText('The provider refused this value.')).toBeTruthy()

  await user.clear(key)
  await user.type(key, 'sk-test')
  await user.click(within(dialog).getByRole('button', { name: 'Connect' }))
  expect(await screen.findByText('OpenAI is connected')).toBeTruthy()
  expect(memory.saved.at(-1)?.credentials).toEqual([{ scheme: 'apiKey', apiKey: 'sk-test' }])
})

test('connects HubSpot through OAuth against a mock Ampersand that checks every request', async () => {
  const user = userEvent.setup()
  const ampersandMock = ampersandHandlers({ project: 'my-project' })
  server.use(...ampersandMock.handlers)
  render(<IntegrationsPage backend={ampersand({ project: 'my-project', apiKey: 'test-key' })} />)

  await user.click(await screen.findByRole('button', { name: 'Connect HubSpot' }))
  await ampersandMock.completeOAuth({ provider: 'hubspot' }) // the person approves in the sign-in window

  expect(await screen.findByText('HubSpot is connected')).toBeTruthy()
  expect(ampersandMock.requests.find((request) => request.path === '/oauth-connect')?.body).toMatchObject({ provider: 'hubspot', groupRef: 'acme', consumerRef: 'ada' })
  expect(ampersandMock.violations).toEqual([]) // every body the kit sent met Ampersand's contract
})
