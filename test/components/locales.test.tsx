import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ar, ConnectButton, ConnectionList, de, defaultMessages } from '../../src/index'
import type { ConnectMessages } from '../../src/index'
import { createMemoryBackend, sampleProviders } from '../../src/testing'
import { readyButton } from '../popups'
import { renderWithKit } from '../renderWithKit'

// List cells show the medium date, on one line; their title the exact time. The expectations are
// computed, never hard-coded.
const dayStyle: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }
const listStyle: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }
const CREATED = '2026-11-20T08:30:00Z'
const UPDATED = '2026-12-03T17:05:00Z'

describe('German', () => {
  test('the button, the dialog and a required-field error are German', async () => {
    const memory = createMemoryBackend({ providers: sampleProviders })
    renderWithKit(<ConnectButton provider="vaultly" />, { backend: memory.backend, providerProps: { locale: 'de', messages: de } })
    await userEvent.click(await readyButton('Vaultly verbinden'))
    const dialog = await screen.findByRole('dialog', { name: 'Vaultly verbinden' })
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Verbinden' }))
    expect(await within(dialog).findByText('Secret ist ein Pflichtfeld.')).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: 'Abbrechen' })).toBeTruthy()
  })

  test('ConnectionList dates are formatted for de, not the browser, in German words', async () => {
    const memory = createMemoryBackend({ providers: sampleProviders, connections: [{ provider: 'vaultly', createTime: CREATED, updateTime: UPDATED }] })
    renderWithKit(<ConnectionList />, { backend: memory.backend, providerProps: { locale: 'de', messages: de } })
    expect(await screen.findByRole('heading', { name: 'Verbundene Konten' })).toBeTruthy()
    const row = await screen.findByRole('row', { name: /Vaultly/ })
    const times = row.querySelectorAll('time')
    expect(times[0]!.textContent).toBe(new Intl.DateTimeFormat('de', dayStyle).format(new Date(CREATED)))
    expect(times[1]!.textContent).toBe(new Intl.DateTimeFormat('de', dayStyle).format(new Date(UPDATED)))
    expect(times[0]!.textContent).not.toBe(new Intl.DateTimeFormat('en', dayStyle).format(new Date(CREATED)))
    expect(times[0]!.title).toBe(new Intl.DateTimeFormat('de', listStyle).format(new Date(CREATED)))
    expect(row.textContent).toContain('Funktioniert')
    expect(within(row).getByRole('button', { name: 'Verbindung mit Vaultly löschen' })).toBeTruthy()
  })

  test('the pager’s numbers are grouped the German way', async () => {
    const connections = Array.from({ length: 1200 }, () => ({ provider: 'vaultly' }))
    const memory = createMemoryBackend({ providers: sampleProviders, connections })
    renderWithKit(<ConnectionList pageSize={2} />, { backend: memory.backend, providerProps: { locale: 'de', messages: de } })
    const number = new Intl.NumberFormat('de')
    await waitFor(() => expect(screen.getByText(`Verbindungen 1–2 von ${number.format(1200)}`)).toBeTruthy())
    expect(number.format(1200)).toBe('1.200')
  })

  test('a connection needing attention is one translated sentence on the button', async () => {
    const memory = createMemoryBackend({ providers: sampleProviders, connections: [{ provider: 'vaultly', status: 'bad_credentials' }] })
    renderWithKit(<ConnectButton provider="vaultly" />, { backend: memory.backend, providerProps: { locale: 'de', messages: de } })
    expect(await screen.findByText('Die Zugangsdaten für Vaultly müssen geprüft werden')).toBeTruthy()
  })
})

describe('Arabic, right to left', () => {
  test('inside dir="rtl", locale="ar" shows the Arabic messages and Arabic dates', async () => {
    const memory = createMemoryBackend({ providers: sampleProviders, connections: [{ provider: 'vaultly', createTime: CREATED }] })
    renderWithKit(
      <div dir="rtl" data-testid="page">
        <ConnectButton provider="hookrelay" />
        <ConnectionList />
      </div>,
      { backend: memory.backend, providerProps: { locale: 'ar', messages: ar } },
    )
    const button = await readyButton('ربط HookRelay')
    expect(button.closest('[dir]')?.getAttribute('dir')).toBe('rtl')
    expect(getComputedStyle(button).direction).toBe('rtl')
    expect(await screen.findByRole('heading', { name: 'الحسابات المرتبطة' })).toBeTruthy()
    const row = await screen.findByRole('row', { name: /Vaultly/ })
    expect(row.querySelector('time')!.textContent).toBe(new Intl.DateTimeFormat('ar', dayStyle).format(new Date(CREATED)))
    expect(row.querySelector('time')!.title).toBe(new Intl.DateTimeFormat('ar', listStyle).format(new Date(CREATED)))
    expect(within(row).getByRole('button', { name: 'حذف اتصال Vaultly' })).toBeTruthy()
  })
})

describe('fallback', () => {
  test('keys a host override lacks fall back to English', async () => {
    const memory = createMemoryBackend({ providers: sampleProviders, connections: [{ provider: 'vaultly' }] })
    const messages: Partial<ConnectMessages> = { connectionsTitle: 'Your integrations' }
    renderWithKit(
      <>
        <ConnectButton provider="hookrelay" />
        <ConnectionList />
      </>,
      { backend: memory.backend, providerProps: { messages } },
    )
    expect(await screen.findByRole('heading', { name: 'Your integrations' })).toBeTruthy()
    expect(await readyButton('Connect HookRelay')).toBeTruthy()
    expect(await screen.findByRole('button', { name: 'Delete Vaultly connection' })).toBeTruthy()
  })

  test('a catalog with a key removed shows English for that key only', async () => {
    const { submit: _submit, ...partialGerman } = de
    const memory = createMemoryBackend({ providers: sampleProviders })
    renderWithKit(<ConnectButton provider="vaultly" />, { backend: memory.backend, providerProps: { locale: 'de', messages: partialGerman } })
    await userEvent.click(await readyButton('Vaultly verbinden'))
    const dialog = await screen.findByRole('dialog', { name: 'Vaultly verbinden' })
    expect(await within(dialog).findByRole('button', { name: defaultMessages.submit })).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: 'Abbrechen' })).toBeTruthy()
  })

  test('without a locale, dates are English, whatever the browser’s language', async () => {
    const memory = createMemoryBackend({ providers: sampleProviders, connections: [{ provider: 'vaultly', createTime: CREATED }] })
    renderWithKit(<ConnectionList />, { backend: memory.backend })
    const row = await screen.findByRole('row', { name: /Vaultly/ })
    expect(row.querySelector('time')!.textContent).toBe(new Intl.DateTimeFormat('en', dayStyle).format(new Date(CREATED)))
  })
})
