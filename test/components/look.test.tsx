import '../../src/styles.css'
import { QueryClient } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { AuthSchemeForm, ampersand, ConnectButton, ConnectError, ConnectionList, ConnectProvider, HelpText, ProviderGallery, ProviderLogo, RequestReference } from '../../src/index'
import { monogramColour, monogramLetter } from '../../src/components/ProviderLogo'
import { createMemoryBackend, sampleProviders } from '../../src/testing/index'
import type { ConnectProviderProps } from '../../src/index'
import { ar } from '../../src/locales/ar'
import { expectNoAxeViolations } from '../axe'
import { FAKE_API_KEY, FAKE_BASE_URL, FAKE_PROJECT } from '../fakePlatform'
import { platform } from '../platform'
import { readyButton } from '../popups'
import { renderWithKit } from '../renderWithKit'

// The kit's look at the widths and in the themes a settings page meets. Each test checks the layout
// a person would see (one-line dates, actions side by side, labelled cards on a phone); with
// VITE_PLUGBOARD_SCREENSHOTS=1 (`npm run screenshots`) it also writes the README's screenshots.
const SHOTS = Boolean(import.meta.env.VITE_PLUGBOARD_SCREENSHOTS)

type Look = { name: string; theme: NonNullable<ConnectProviderProps['theme']>; width: number; rtl?: boolean }
const looks: Look[] = [
  { name: 'light', theme: 'light', width: 960 },
  { name: 'dark', theme: 'dark', width: 960 },
  { name: 'rtl', theme: 'light', width: 960, rtl: true },
  { name: 'phone', theme: 'light', width: 375 },
]

function renderLook(ui: ReactNode, look: Look) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const backend = ampersand({ project: FAKE_PROJECT, apiKey: FAKE_API_KEY, baseUrl: FAKE_BASE_URL })
  document.documentElement.dir = look.rtl ? 'rtl' : 'ltr'
  const view = render(
    <div className="host-page" style={{ padding: 16 }}>
      <ConnectProvider
        backend={backend}
        groupRef="group-1"
        consumerRef="consumer-1"
        queryClient={queryClient}
        theme={look.theme}
        {...(look.rtl ? { locale: 'ar', messages: ar } : {})}
      >
        {ui}
      </ConnectProvider>
    </div>,
  )
  return view
}

/** Paints the page like a host page in the kit's theme, and waits out transitions. */
async function settle(container: HTMLElement) {
  const root = container.querySelector('.plugboard')!
  document.body.style.backgroundColor = getComputedStyle(root).getPropertyValue('--plugboard-surface')
  document.body.style.margin = '0'
  await Promise.all(
    document
      .getAnimations()
      .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined)),
  )
}

async function shoot(name: string) {
  if (SHOTS) await page.screenshot({ path: `../../docs/screenshots/${name}.png` })
}

const lineHeight = (element: Element) => parseFloat(getComputedStyle(element).lineHeight)
const top = (element: Element) => Math.round(element.getBoundingClientRect().top)

afterEach(() => {
  document.documentElement.dir = ''
  document.body.style.backgroundColor = ''
})

describe.each(looks)('the settings page, $name', (look) => {
  test('connection list: one-line dates and statuses, actions side by side, logos or monograms, labelled cards when narrow', async () => {
    await page.viewport(look.width, 760)
    platform.seedConnections([
      { provider: 'hubspot', status: 'working' },
      { provider: 'openAI', status: 'bad_credentials' },
      { provider: 'mailgun', status: 'created' },
    ])
    const { container } = renderLook(
      <div style={{ display: 'grid', gap: 16 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          <ConnectButton provider="hubspot" />
          <ConnectButton provider="freshdesk" />
        </div>
        <ConnectionList />
      </div>,
      look,
    )
    const rows = await screen.findAllByRole('row')
    await within(container).findByRole('rowheader', { name: /Mailgun/ })
    const bodyRows = rows.filter((row) => row.closest('tbody'))
    expect(bodyRows).toHaveLength(3)

    for (const row of bodyRows) {
      // A logo or, where the platform has none or it fails, a monogram: never an empty square.
      const logo = row.querySelector('.plugboard-logo')!
      expect(logo).not.toBeNull()
      if (logo.getAttribute('data-kind') === 'monogram') expect(getComputedStyle(logo, '::before').content).toMatch(/^"\p{L}"$/u)
      for (const time of row.querySelectorAll('time')) {
        expect(time.getBoundingClientRect().height, 'a date wraps').toBeLessThan(lineHeight(time) * 1.5)
      }
      const status = row.querySelector('.plugboard-status')!
      expect(status.getBoundingClientRect().height, 'a status pill wraps').toBeLessThan(lineHeight(status) * 1.6)
      const buttons = [...row.querySelectorAll('.plugboard-row-actions button')]
      expect(buttons.length).toBe(2)
    expect(new Set(buttons.map(top)).size, 'Reconnect and Delete are stacked').toBe(1)
    }

    const cells = [...container.querySelectorAll('tbody .plugboard-cell-detail')]
    const labels = cells.map((cell) => getComputedStyle(cell, '::before').content)
    // The labels are drawn by the stylesheet: a cell's text is its value alone.
    expect(cells[0]!.textContent).toBe(bodyRows[0]!.querySelector('.plugboard-status')!.textContent)
    if (look.width < 860) {
      // Cards: every value says which column it is; the table's header row is there for screen readers only.
      expect(labels.slice(0, 4)).toEqual(['"Status"', '"Sign-in method"', '"Connected"', '"Updated"'])
      expect(container.querySelector('thead')!.getBoundingClientRect().height).toBeLessThanOrEqual(1)
    } else {
      expect(labels.every((label) => label === 'none' || label === 'normal')).toBe(true)
      // The table fits the page: no sideways scrolling.
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(look.width)
    }
    if (look.rtl) {
      const provider = bodyRows[0]!.querySelector('th')!.getBoundingClientRect()
      const actions = bodyRows[0]!.querySelector('.plugboard-row-actions')!.getBoundingClientRect()
      expect(provider.left, 'the provider column starts on the right').toBeGreaterThan(actions.left)
    }
    await settle(container)
    await expectNoAxeViolations(container)
    await shoot(`settings-${look.name}`)
  })

  test('credential form with errors', async () => {
    await page.viewport(look.width, 760)
    renderLook(<ConnectButton provider="freshdesk" />, look)
    await userEvent.click(await readyButton(look.rtl ? ar.connect!('Freshdesk') : 'Connect Freshdesk'))
    const dialog = await screen.findByRole('dialog', { name: /Freshdesk/ })
    const fields = dialog.querySelectorAll('input')
    await userEvent.type(fields[0]!, 'agent@acme.test')
    await userEvent.click(within(dialog).getAllByRole('button').at(-1)!)
    const errors = await within(dialog).findAllByRole('alert').catch(() => [])
    expect(dialog.querySelectorAll('[aria-invalid="true"]').length).toBeGreaterThan(0)
    expect(errors).toBeDefined()
    await settle(document.body)
    await expectNoAxeViolations(dialog)
    await shoot(`form-${look.name}`)
  })
})

describe('list states', () => {
  test('empty: says what the list is for and what to do next, with the host’s action', async () => {
    await page.viewport(960, 420)
    const look = looks[0]!
    const { container } = renderLook(<ConnectionList emptyAction={<ConnectButton provider="hubspot" />} />, look)
    const title = await screen.findByText('No accounts are connected yet.')
    expect(title.closest('.plugboard-empty')).not.toBeNull()
    expect(screen.getByText(/Connect an app and it will show up here/)).toBeVisible()
    expect(await readyButton('Connect HubSpot')).toBeVisible()
    await settle(container)
    await expectNoAxeViolations(container)
    await shoot('list-empty-light')
  })

  test('loading: row-shaped placeholders, announced once in words', async () => {
    await page.viewport(960, 420)
    platform.fail('listConnections', { delayMs: 30_000 })
    const look = looks[1]!
    const { container } = renderLook(<ConnectionList />, look)
    const status = screen.getByRole('status')
    expect(status).toHaveTextContent('Loading connections…')
    const placeholders = container.querySelectorAll('.plugboard-skeleton-row')
    expect(placeholders.length).toBe(3)
    for (const placeholder of placeholders) expect(placeholder.getAttribute('aria-hidden')).toBe('true')
    expect(getComputedStyle(placeholders[0]!.querySelector('.plugboard-skeleton')!).animationName).toBe('plugboard-shimmer')
    await settle(container)
    await shoot('list-loading-dark')
  })
})

describe('provider logos', () => {
  const png = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='}`

  test('the platform’s logo when it loads; a monogram when it fails, is unsafe or missing; none with showLogo={false}', async () => {
    const memory = createMemoryBackend({
      providers: [
        { ...sampleProviders[0]!, id: 'loads', displayName: 'Loads', iconUrl: `https://${location.host}/logo-that-is-missing.png` },
        { ...sampleProviders[0]!, id: 'unsafe', displayName: 'Évora CRM', iconUrl: 'javascript:alert(1)' },
        { ...sampleProviders[0]!, id: 'none', displayName: '\u2067زد\u2069 Store', iconUrl: undefined },
      ],
    })
    const { container } = renderWithKit(
      <>
        <ConnectButton provider="loads" />
        <ConnectButton provider="unsafe" />
        <ConnectButton provider="none" />
        <ConnectButton provider="unsafe" showLogo={false} />
      </>,
      { backend: memory.backend },
    )
    await readyButton('Connect Loads')
    const buttons = [...container.querySelectorAll('.plugboard-connect-button')]
    // A URL that 404s: the image gives way to the monogram, with no broken-image icon.
    // The monogram shows meanwhile, so a slow logo host leaves no empty square.
    expect(buttons[0]!.querySelector('.plugboard-logo')!.getAttribute('data-kind')).toBe('monogram')
    await vi.waitFor(() => expect(buttons[0]!.querySelector('.plugboard-logo img')).toBeNull())
    expect(buttons[0]!.querySelector('.plugboard-logo')!.getAttribute('data-kind')).toBe('monogram')
    const unsafe = buttons[1]!.querySelector('.plugboard-logo')!
    expect(unsafe.getAttribute('data-kind')).toBe('monogram')
    expect(unsafe.getAttribute('data-letter')).toBe('É')
    expect(buttons[2]!.querySelector('.plugboard-logo')!.getAttribute('data-letter')).toBe('ز')
    expect(buttons[3]!.querySelector('.plugboard-logo')).toBeNull()
    // Decorative: the name is the button's, never the letter's.
    expect(screen.getAllByRole('button', { name: 'Connect Évora CRM' })).toHaveLength(2)
    expect(buttons[1]!.textContent).toBe('Connect Évora CRM')
    // The same provider gets the same colour everywhere; different ids spread over the palette.
    expect(unsafe.getAttribute('data-colour')).toBe(String(monogramColour('unsafe')))
    expect(new Set(['hubspot', 'salesforce', 'openAI', 'mailgun', 'notion', 'slack', 'zendesk', 'asana'].map(monogramColour)).size).toBeGreaterThan(3)
  })

  test('a logo that loads covers the monogram: lazily, without a referrer, decorative', async () => {
    // Loopback http counts as safe; any image the test server has will do.
    const iconUrl = `${location.origin}/docs/screenshots/before/settings-light.png`
    const memory = createMemoryBackend({ providers: [{ ...sampleProviders[0]!, id: 'pixel', displayName: 'Pixel', iconUrl }] })
    const { container } = renderWithKit(<ProviderLogo provider="pixel" displayName="Pixel" iconUrl={iconUrl} size={32} />, { backend: memory.backend })
    const logo = container.querySelector('.plugboard-logo')!
    const image = logo.querySelector('img')!
    expect(image.getAttribute('loading')).toBe('lazy')
    expect(image.getAttribute('referrerpolicy')).toBe('no-referrer')
    expect(image.getAttribute('alt')).toBe('')
    expect(logo.getAttribute('aria-hidden')).toBe('true')
    await vi.waitFor(() => expect(logo.getAttribute('data-kind')).toBe('image'))
    expect(getComputedStyle(image).opacity).toBe('1')
    expect(getComputedStyle(logo, '::before').content).toBe('none')
  })

  test('monogram letters: the first letter or digit, whole, upper-cased in its script', () => {
    expect(monogramLetter('hubspot')).toBe('H')
    expect(monogramLetter('\u2068éclair\u2069')).toBe('É')
    expect(monogramLetter('🚀 Rocket')).toBe('R')
    expect(monogramLetter('3scale')).toBe('3')
    expect(monogramLetter('日本語')).toBe('日')
    expect(monogramLetter('—')).toBe('?')
  })
})

describe('classNames', () => {
  test('reach the inner parts of the button, its dialog and form fields, and the list; a host class beats the kit’s styles', async () => {
    const style = document.createElement('style')
    style.textContent = '.host-loud { color: rgb(200, 0, 0); } .host-square { border-radius: 0px; }'
    document.head.append(style)
    platform.seedConnections([{ provider: 'hubspot', status: 'working' }])
    const { container } = renderLook(
      <>
        <ConnectButton provider="freshdesk" classNames={{ button: 'host-square', logo: 'host-logo', dialog: 'host-dialog' }} />
        <ConnectionList classNames={{ heading: 'host-loud', table: 'host-table', row: 'host-row', cell: 'host-cell', actions: 'host-actions' }} />
        <AuthSchemeForm provider="openAI" classNames={{ field: 'host-field', label: 'host-loud', input: 'host-square', submit: 'host-submit', actions: 'host-form-actions' }} />
      </>,
      looks[0]!,
    )
    const button = await readyButton('Connect Freshdesk')
    expect(button).toHaveClass('plugboard-connect-button', 'host-square')
    expect(getComputedStyle(button).borderRadius).toBe('0px')
    expect(button.querySelector('.plugboard-logo')).toHaveClass('host-logo')
    const heading = await screen.findByRole('heading', { name: 'Connected accounts' })
    expect(getComputedStyle(heading).color).toBe('rgb(200, 0, 0)')
    const row = (await screen.findByRole('rowheader', { name: /HubSpot/ })).closest('tr')!
    expect(row).toHaveClass('host-row')
    expect(row.closest('table')).toHaveClass('host-table')
    expect(row.querySelectorAll('.host-cell').length).toBe(6)
    expect(row.querySelector('.plugboard-row-actions')).toHaveClass('host-actions')
    const form = container.querySelector('form.plugboard-form')!
    await vi.waitFor(() => expect(form.querySelector('.host-field')).not.toBeNull())
    const input = form.querySelector('input.plugboard-input')!
    expect(input).toHaveClass('host-square')
    expect(getComputedStyle(form.querySelector('label.plugboard-label')!).color).toBe('rgb(200, 0, 0)')
    expect(form.querySelector('button[type="submit"]')).toHaveClass('host-submit')
    expect(form.querySelector('.plugboard-actions')).toHaveClass('host-form-actions')
    await userEvent.click(button)
    expect(await screen.findByRole('dialog', { name: /Freshdesk/ })).toHaveClass('plugboard-dialog', 'host-dialog')
    style.remove()
  })

  test('reach the help text’s code and links, and the request reference', () => {
    const { container } = renderLook(
      <>
        <p>
          <HelpText text="Find `sk_live` under [API keys](https://example.com/keys)." classNames={{ code: 'host-code', link: 'host-link' }} />
        </p>
        <RequestReference error={new ConnectError('http', 'Down', { requestId: 'req-42' })} className="host-reference" />
      </>,
      looks[0]!,
    )
    expect(container.querySelector('code')).toHaveClass('plugboard-code', 'host-code')
    expect(container.querySelector('a')).toHaveClass('host-link')
    expect(screen.getByText('req-42').closest('small')).toHaveClass('plugboard-request-id', 'host-reference')
  })
})

describe.each(looks)('the provider gallery, $name', (look) => {
  test('a grid of tiles that fits the width, with the connected badge; the empty search says what to do', async () => {
    await page.viewport(look.width, 760)
    platform.seedConnections([{ provider: 'hubspot', status: 'working' }])
    const { container } = renderLook(<ProviderGallery />, look)
    const listbox = await screen.findByRole('listbox')
    const options = await within(listbox).findAllByRole('option')
    expect(options.length).toBeGreaterThan(40)
    const columns = new Set(options.slice(0, 8).map((option) => Math.round(option.getBoundingClientRect().left))).size
    expect(columns).toBeGreaterThanOrEqual(look.width < 600 ? 2 : 4)
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(look.width)
    await vi.waitFor(() => expect(container.querySelector('[data-provider="hubspot"] .plugboard-status, [data-provider="hubspot"] [data-status]')).not.toBeNull())
    await settle(container)
    await expectNoAxeViolations(container)
    await shoot(`gallery-${look.name}`)
    if (look.name === 'light' || look.name === 'rtl') {
      await userEvent.type(screen.getByRole('searchbox'), 'xyzq')
      expect((await screen.findAllByRole('button', { name: look.rtl ? ar.galleryClearSearch! : 'Clear search' })).length).toBeGreaterThanOrEqual(1)
      await settle(container)
      await shoot(`gallery-empty-${look.name}`)
    }
  })
})
