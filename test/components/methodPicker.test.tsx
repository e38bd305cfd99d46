import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { AuthSchemeForm } from '../../src/index'
import { expectNoAxeViolations } from '../axe'
import { createMemoryBackend, sampleProviders as memoryProviders } from '../../src/testing'
import { renderWithKit } from '../renderWithKit'

const PICKER = 'How do you want to connect?'
const DEFAULT_NAME = 'PayStream – Ada Lovelace'

function renderForm(provider = 'paystream') {
  const memory = createMemoryBackend({ providers: memoryProviders })
  const onSuccess = vi.fn()
  const onError = vi.fn()
  const view = renderWithKit(<AuthSchemeForm provider={provider} onSuccess={onSuccess} onError={onError} />, { backend: memory.backend })
  return { memory, onSuccess, onError, ...view }
}

const picker = () => screen.findByRole('group', { name: PICKER })
const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement
const input = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement
const checkedName = () => screen.getAllByRole('radio').filter((element) => (element as HTMLInputElement).checked).map((element) => element.getAttribute('value'))

/** The error message tied to a control by `aria-describedby`, if any. */
function errorOf(control: HTMLElement): string | undefined {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids
    .map((id) => document.getElementById(id))
    .find((element) => element?.getAttribute('role') === 'alert')
    ?.textContent ?? undefined
}

describe('method picker (paystream)', () => {
  test('is a group named "How do you want to connect?" of radios, the first checked', async () => {
    renderForm()
    const group = await picker()
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[]
    expect(radios.map((element) => element.labels?.[0]?.textContent)).toEqual(['Production key', 'Sandbox key', 'Username and password'])
    expect(radios.map((element) => element.checked)).toEqual([true, false, false])
    expect(new Set(radios.map((element) => element.name)).size).toBe(1)
    // The first method's field is the one shown.
    expect(input('API key')).toBeTruthy()
    expect(screen.queryByLabelText('Username')).toBeNull()
  })

  test('arrow keys move the choice, and the fields follow', async () => {
    renderForm()
    await picker()
    await userEvent.click(radio('Production key'))
    expect(document.activeElement).toBe(radio('Production key'))
    await userEvent.keyboard('{ArrowDown}')
    await waitFor(() => expect(radio('Sandbox key').checked).toBe(true))
    expect(document.activeElement).toBe(radio('Sandbox key'))
    expect(radio('Production key').checked).toBe(false)
    await userEvent.keyboard('{ArrowDown}')
    await waitFor(() => expect(radio('Username and password').checked).toBe(true))
    expect(input('Username')).toBeTruthy()
    expect(input('Password').type).toBe('password')
    expect(screen.queryByLabelText('API key')).toBeNull()
    await userEvent.keyboard('{ArrowUp}')
    await waitFor(() => expect(radio('Sandbox key').checked).toBe(true))
    expect(checkedName()).toEqual(['sandbox-key'])
    expect(input('API key')).toBeTruthy()
  })

  test('switching methods keeps the connection fields typed, but starts the credential fields empty', async () => {
    renderForm()
    await picker()
    expect(input('Connection name').value).toBe(DEFAULT_NAME)
    await userEvent.fill(input('API key'), 'ps_live_111')
    // The base URL override sits under a collapsed "Advanced".
    expect(input(/^Base URL/).checkVisibility()).toBe(false)
    await userEvent.click(screen.getByText('Advanced'))
    await userEvent.fill(input(/^Base URL/), 'https://eu.paystream.test')
    await userEvent.click(radio('Sandbox key'))
    await waitFor(() => expect(radio('Sandbox key').checked).toBe(true))
    await waitFor(() => expect(input('API key').value).toBe(''))
    expect(input('Connection name').value).toBe(DEFAULT_NAME)
    expect(input(/^Base URL/).value).toBe('https://eu.paystream.test')

    await userEvent.fill(input('Connection name'), 'PayStream EU')
    await userEvent.fill(input('API key'), 'ps_test_222')
    await userEvent.click(radio('Username and password'))
    await waitFor(() => expect(radio('Username and password').checked).toBe(true))
    expect(input('Username').value).toBe('')
    expect(input('Password').value).toBe('')
    expect(input('Connection name').value).toBe('PayStream EU')
    expect(input(/^Base URL/).value).toBe('https://eu.paystream.test')

    // Back to a key method: the key typed before is gone too.
    await userEvent.click(radio('Production key'))
    await waitFor(() => expect(radio('Production key').checked).toBe(true))
    expect(input('API key').value).toBe('')
    expect(input('Connection name').value).toBe('PayStream EU')
  })

  test('the submitted input carries the chosen methodId, its credentials and the connection fields', async () => {
    const { memory, onSuccess } = renderForm()
    await picker()
    await userEvent.click(radio('Sandbox key'))
    await waitFor(() => expect(radio('Sandbox key').checked).toBe(true))
    await userEvent.fill(input('API key'), 'ps_test_333')
    await userEvent.click(screen.getByText('Advanced'))
    await userEvent.fill(input(/^Base URL/), 'sandbox.paystream.test')
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(memory.saved).toEqual([
      {
        provider: 'paystream',
        methodId: 'sandbox-key',
        credentials: [{ scheme: 'apiKey', apiKey: 'ps_test_333' }],
        // Typed without a scheme, sent with https:// as the platform assumes.
        connection: { name: DEFAULT_NAME, baseUrl: 'https://sandbox.paystream.test' },
      },
    ])
  })

  test('username and password: an empty Base URL is left out of the connection', async () => {
    const { memory, onSuccess } = renderForm()
    await picker()
    await userEvent.click(radio('Username and password'))
    await waitFor(() => expect(radio('Username and password').checked).toBe(true))
    await userEvent.fill(input('Username'), 'ada')
    await userEvent.fill(input('Password'), ' analytical engine ')
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(memory.saved).toEqual([
      {
        provider: 'paystream',
        methodId: 'basic',
        credentials: [{ scheme: 'basic', username: 'ada', password: ' analytical engine ' }],
        connection: { name: DEFAULT_NAME },
      },
    ])
  })

  test('a connection name already taken is refused under "Connection name"', async () => {
    const { memory, onSuccess, onError } = renderForm()
    await picker()
    await userEvent.fill(input('API key'), 'ps_live_first')
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(memory.connections).toHaveLength(1)

    // The same name again, for a second connection.
    expect(input('Connection name').value).toBe(DEFAULT_NAME)
    await userEvent.fill(input('API key'), 'ps_live_second')
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    const name = input('Connection name')
    await waitFor(() => expect(errorOf(name)).toBe('A connection with this name already exists.'))
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(name)
    expect(errorOf(input('API key'))).toBeUndefined()
    expect(input('API key').value).toBe('ps_live_second')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(memory.saved.map((saved) => saved.connection?.name)).toEqual([DEFAULT_NAME, DEFAULT_NAME])
    expect(memory.connections).toHaveLength(1)

    // Another name goes through.
    await userEvent.fill(name, 'PayStream – second account')
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(2))
    expect(memory.connections).toHaveLength(2)
  })

  test('has no axe violations, on every method', async () => {
    const { container } = renderForm()
    await picker()
    await expectNoAxeViolations(container)
    for (const method of ['Sandbox key', 'Username and password']) {
      await userEvent.click(radio(method))
      await waitFor(() => expect(radio(method).checked).toBe(true))
      await expectNoAxeViolations(container)
    }
  })
})

test('a provider with only one method shows no radio group', async () => {
  renderForm('vaultly')
  await screen.findByRole('button', { name: 'Connect' })
  expect(screen.getByLabelText('Secret')).toBeTruthy()
  expect(screen.queryByRole('group', { name: PICKER })).toBeNull()
  expect(screen.queryByText(PICKER)).toBeNull()
  expect(screen.queryAllByRole('radio')).toEqual([])
})

test('a base URL that is no web address is refused beside the field, and Advanced opens to show it', async () => {
  const { memory } = renderForm()
  await picker()
  await userEvent.fill(input('API key'), 'ps_live_111')
  await userEvent.click(screen.getByText('Advanced'))
  await userEvent.fill(input(/^Base URL/), 'ftp://files.paystream.test')
  // Closing the section does not hide a refused value: it opens again with the error.
  await userEvent.click(screen.getByText('Advanced'))
  await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
  await waitFor(() => expect(errorOf(input(/^Base URL/))).toBe('Base URL must be a web address such as https://example.com.'))
  expect(input(/^Base URL/).checkVisibility()).toBe(true)
  expect(input(/^Base URL/).value).toBe('ftp://files.paystream.test')
  expect(memory.saved).toHaveLength(0)
})

test('a reconnect starts on the method the connection was made with, and keeps its name', async () => {
  const memory = createMemoryBackend({ providers: memoryProviders })
  const made = await memory.backend.createConnection(
    { groupRef: 'group-1', consumerRef: 'consumer-1' },
    { provider: 'paystream', methodId: 'sandbox-key', credentials: [{ scheme: 'apiKey', apiKey: 'ps_test_1' }], connection: { name: 'PayStream sandbox' } },
  )
  renderWithKit(<AuthSchemeForm provider="paystream" connection={made} />, { backend: memory.backend })
  await picker()
  expect(radio('Sandbox key').checked).toBe(true)
  expect(radio('Production key').checked).toBe(false)
  expect(input('Connection name').value).toBe('PayStream sandbox')
})

test('in Chromium, whose URL parser percent-encodes spaces in a host, such a base URL is still refused', async () => {
  const { absoluteBaseUrl } = await import('../../src/index')
  expect(absoluteBaseUrl('not a url')).toBeUndefined()
  expect(absoluteBaseUrl('https://acme example')).toBeUndefined()
  expect(absoluteBaseUrl('eu.acme.example')).toBe('https://eu.acme.example')
})
