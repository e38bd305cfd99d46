import { screen } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { ar, AuthSchemeForm, ConnectError, de, ja } from '../../src/index'
import type { ConnectMessages, ProviderSpec } from '../../src/index'
import { createMemoryBackend } from '../../src/testing'
import { renderWithKit } from '../renderWithKit'

// Sentences the kit used to assemble from pieces ("<label> (" + "optional" + ")", names joined with
// ", "), now whole messages of the catalog, with lists in the provider's locale.

/** A signed webhook whose account URL is optional: a kit label marked optional, and a list of what is signed. */
const signhook: ProviderSpec = {
  id: 'signhook',
  displayName: 'SignHook',
  methods: [{ id: 'hmac', flow: 'form', parts: [{ scheme: 'hmac', algorithm: 'sha256', encoding: 'hex', digestInputs: ['body', 'url'] }] }],
  connectionFields: [{ name: 'baseUrl', role: 'baseUrl', required: false }],
}

function renderForm(
  props: { locale?: string; messages?: Partial<ConnectMessages>; dir?: 'ltr' | 'rtl' } = {},
  memory = createMemoryBackend({ providers: [signhook] }),
) {
  renderWithKit(
    <div dir={props.dir ?? 'ltr'}>
      <AuthSchemeForm provider="signhook" />
    </div>,
    { backend: memory.backend, providerProps: { locale: props.locale, messages: props.messages } },
  )
}

/** The detail beside a term of the form's facts. */
function factDetail(term: string): string | null | undefined {
  return screen.getAllByRole('term').find((element) => element.textContent === term)?.nextElementSibling?.textContent
}

describe.each([
  { language: 'German', locale: 'de', messages: de, dir: 'ltr', optional: 'Konto-URL (optional)', mark: ' (optional)', signedTerm: 'Signierter Inhalt', signed: 'Anfragetext und URL' },
  { language: 'Arabic', locale: 'ar', messages: ar, dir: 'rtl', optional: 'عنوان URL للحساب (اختياري)', mark: ' (اختياري)', signedTerm: 'المحتوى الموقَّع', signed: 'نص الطلب وعنوان URL' },
  { language: 'Japanese', locale: 'ja', messages: ja, dir: 'ltr', optional: 'アカウントの URL（任意）', mark: '（任意）', signedTerm: '署名対象', signed: 'リクエスト本文、URL' },
  { language: 'English', locale: undefined, messages: undefined, dir: 'ltr', optional: 'Account URL (optional)', mark: ' (optional)', signedTerm: 'Signed content', signed: 'Request body and URL' },
] as const)('in $language', ({ locale, messages, dir, optional, mark, signedTerm, signed }) => {
  test('an optional field is labelled by the catalog’s whole sentence, its mark muted', async () => {
    renderForm({ locale, messages, dir })
    const input = (await screen.findByLabelText(optional)) as HTMLInputElement
    const label = input.labels?.[0]
    expect(label?.textContent).toBe(optional)
    expect(label?.querySelector('.plugboard-optional')?.textContent).toBe(mark)
  })

  test('what a signature covers is one list, joined the locale’s way', async () => {
    renderForm({ locale, messages, dir })
    await screen.findByLabelText(optional)
    expect(factDetail(signedTerm)).toBe(signed)
  })
})

test('a host can move the optional mark before the label; only the label stays unmuted', async () => {
  renderForm({ messages: { optionalField: (label) => `Optional: ${label}` } })
  const label = ((await screen.findByLabelText('Optional: Account URL')) as HTMLInputElement).labels?.[0]
  expect(label?.querySelector('.plugboard-optional')?.textContent).toBe('Optional: ')
  expect(label?.textContent).toBe('Optional: Account URL')
})

test('a provider that fails to load is one Japanese message with its reason: no space between the sentences', async () => {
  const memory = createMemoryBackend({ providers: [signhook] })
  memory.fail('getProvider', new ConnectError('network', 'offline'))
  renderForm({ locale: 'ja', messages: ja }, memory)
  const alert = await screen.findByRole('alert')
  expect(alert.textContent).toBe('signhook の接続設定を読み込めませんでした。サーバーに接続できませんでした。ネットワーク接続を確認して、もう一度お試しください。')
})
