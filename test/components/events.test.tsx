import { QueryClient } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ampersand, ConnectButton, ConnectionList, ConnectProvider } from '../../src/index'
import type { ConnectBackend, ConnectEvent } from '../../src/index'
import { createMemoryBackend, sampleProviders } from '../../src/testing'
import { FAKE_API_KEY, FAKE_BASE_URL, FAKE_PROJECT } from '../fakePlatform'
import { platform } from '../platform'
import { readyButton } from '../popups'

// Issue 10: `onEvent`, a typed stream of what happens in a flow, for the host's analytics. One
// flowId per attempt, the component's handler before the provider's, and never a secret.

/**
 * Renders `ui` inside a ConnectProvider (the fake platform unless given a backend) whose `onEvent`
 * records every event; `provider` is that handler, to assert the order against a component's.
 */
function renderWithEvents(ui: ReactNode, options: { backend?: ConnectBackend; onEvent?: (event: ConnectEvent) => void } = {}) {
  const events: ConnectEvent[] = []
  const provider = vi.fn((event: ConnectEvent) => {
    events.push(event)
    options.onEvent?.(event)
  })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const backend = options.backend ?? ampersand({ project: FAKE_PROJECT, apiKey: FAKE_API_KEY, baseUrl: FAKE_BASE_URL })
  render(
    <ConnectProvider backend={backend} groupRef="group-1" consumerRef="consumer-1" consumerName="Ada Lovelace" queryClient={queryClient} onEvent={provider}>
      {ui}
    </ConnectProvider>,
  )
  return { events, provider }
}

/** Every event, as the host would send it on: none may hold `secrets`. */
function expectNoSecrets(events: ConnectEvent[], secrets: string[]) {
  const sent = JSON.stringify(events)
  for (const secret of secrets) expect(sent).not.toContain(secret)
}

const types = (events: ConnectEvent[]) => events.map((event) => event.type)

afterEach(() => {
  vi.restoreAllMocks()
})

describe('onEvent', () => {
  test('an API-key form: opened, refused (an error by kind), then succeeded, all one flowId; the next attempt gets another', async () => {
    const secret = 'sk-live-7f3a9c2e'
    const own: ConnectEvent[] = []
    const order: string[] = []
    const { events } = renderWithEvents(
      <ConnectButton
        provider="openAI"
        onEvent={(event) => {
          own.push(event)
          order.push(`button:${event.type}`)
        }}
      />,
      { onEvent: (event) => order.push(`provider:${event.type}`) },
    )
    await userEvent.click(await readyButton('Connect OpenAI'))
    const dialog = (await screen.findByRole('dialog', { name: 'Connect OpenAI' })) as HTMLDialogElement
    await userEvent.fill(screen.getByLabelText('API key'), 'wrong')
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(types(events)).toContain('error'))
    await userEvent.fill(screen.getByLabelText('API key'), secret)
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(dialog.open).toBe(false))

    expect(types(events)).toEqual(['opened', 'submitted', 'error', 'submitted', 'succeeded'])
    const [opened, submitted, error, , succeeded] = events
    expect(opened).toMatchObject({ type: 'opened', surface: 'form', reconnect: false, provider: 'openAI' })
    expect(submitted).toMatchObject({ type: 'submitted', methodId: expect.any(String) })
    expect(error).toMatchObject({ type: 'error', kind: 'http', status: 422 })
    // Ids and kinds only: never the platform's words, which may echo what was typed.
    for (const key of Object.keys(error!)) expect(['type', 'flowId', 'provider', 'at', 'kind', 'code', 'status', 'requestId']).toContain(key)
    expect(succeeded).toMatchObject({ type: 'succeeded', connectionId: expect.any(String) })
    expect(new Set(events.map((event) => event.flowId)).size).toBe(1)
    expect(events.every((event) => typeof event.at === 'number' && event.at > 0)).toBe(true)
    // The button's handler sees the same events, each before the provider's.
    expect(own).toEqual(events)
    expect(order.slice(0, 4)).toEqual(['button:opened', 'provider:opened', 'button:submitted', 'provider:submitted'])

    // A second attempt (now a reconnect), closed with Escape: a new flowId.
    await userEvent.click(await readyButton('Reconnect OpenAI'))
    await screen.findByRole('dialog', { name: 'Reconnect OpenAI' })
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(types(events).slice(5)).toEqual(['opened', 'cancelled']))
    expect(events[5]).toMatchObject({ surface: 'form', reconnect: true })
    expect(events[5]!.flowId).toBe(events[6]!.flowId)
    expect(events[5]!.flowId).not.toBe(events[0]!.flowId)
    expectNoSecrets(events, [secret, 'wrong', FAKE_API_KEY])
  })

  test('an OAuth window: blocked, opened from the next click, then closed by the person (cancelled), one flowId', async () => {
    platform.configure({ autoAuthorize: 'none' })
    const realOpen = window.open.bind(window)
    const windows: (Window | null)[] = []
    vi.spyOn(window, 'open')
      .mockImplementationOnce(() => null)
      .mockImplementation((...args) => {
        const opened = realOpen(...args)
        windows.push(opened)
        return opened
      })
    const { events } = renderWithEvents(<ConnectButton provider="hubspot" />)
    await userEvent.click(await readyButton('Connect HubSpot'))
    await waitFor(() => expect(types(events)).toEqual(['opened', 'window_blocked']))
    expect(events[0]).toMatchObject({ surface: 'window', reconnect: false, provider: 'hubspot' })
    await userEvent.click(await screen.findByRole('button', { name: 'Open sign-in window' }))
    await waitFor(() => expect(types(events)).toEqual(['opened', 'window_blocked', 'window_opened']))
    await screen.findByText('Finish signing in to HubSpot in the window that opened.')
    windows[0]!.close()
    // The kit polls `closed` every 400 ms, then waits 600 ms for a late answer.
    await waitFor(() => expect(types(events)).toEqual(['opened', 'window_blocked', 'window_opened', 'window_closed', 'cancelled']), { timeout: 5000 })
    expect(new Set(events.map((event) => event.flowId)).size).toBe(1)
    // No sign-in address (it carries state and codes) in any event.
    expectNoSecrets(events, ['https://', 'state='])
  })

  test('a multi-method provider reports the method chosen; a throwing host handler never breaks the flow', async () => {
    const password = 'correct horse battery'
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const memory = createMemoryBackend({ providers: sampleProviders })
    const onSuccess = vi.fn()
    const { events } = renderWithEvents(<ConnectButton provider="paystream" onSuccess={onSuccess} />, {
      backend: memory.backend,
      onEvent: () => {
        throw new Error('analytics is down')
      },
    })
    await userEvent.click(await readyButton('Connect PayStream'))
    const dialog = await screen.findByRole('dialog', { name: 'Connect PayStream' })
    await userEvent.click(await within(dialog).findByRole('radio', { name: 'Username and password' }))
    await userEvent.fill(within(dialog).getByLabelText('Username'), 'ada')
    await userEvent.fill(within(dialog).getByLabelText('Password'), password)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))

    expect(types(events)).toEqual(['opened', 'method_chosen', 'submitted', 'succeeded'])
    expect(events[1]).toMatchObject({ methodId: 'basic' })
    expect(events[2]).toMatchObject({ methodId: 'basic' })
    expect(events[3]).toMatchObject({ connectionId: onSuccess.mock.calls[0]![0].id })
    expect(new Set(events.map((event) => event.flowId)).size).toBe(1)
    expect(logged).toHaveBeenCalledTimes(4)
    expect(String(logged.mock.calls[0]![0])).toMatch(/^Plugboard: /)
    expectNoSecrets(events, [password])
  })

  test('ConnectionList reports a delete under its own flowId', async () => {
    const memory = createMemoryBackend({ providers: sampleProviders, connections: [{ provider: 'vaultly' }] })
    const [seeded] = await memory.backend.listConnections({ groupRef: 'group-1', consumerRef: 'consumer-1' })
    const own = vi.fn()
    const { events } = renderWithEvents(<ConnectionList onEvent={own} />, { backend: memory.backend })
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Vaultly connection' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete the Vaultly connection?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(types(events)).toEqual(['deleted']))
    expect(events[0]).toMatchObject({ type: 'deleted', provider: 'vaultly', connectionId: seeded!.id })
    expect(events[0]!.flowId).toEqual(expect.any(String))
    expect(own).toHaveBeenCalledWith(events[0])
  })
})
