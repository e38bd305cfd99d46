import '../../src/styles.css'
import { QueryClient } from '@tanstack/react-query'
import axe from 'axe-core'
import { render, screen, waitFor, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import { cdp, page, userEvent } from 'vitest/browser'
import stylesheet from '../../src/styles.css?raw'
import { ampersand, ConnectButton, ConnectionList, ConnectProvider } from '../../src/index'
import type { ConnectProviderProps } from '../../src/index'
import { expectNoAxeViolations } from '../axe'
import { FAKE_API_KEY, FAKE_BASE_URL, FAKE_PROJECT } from '../fakePlatform'
import { platform } from '../platform'
import { readyButton } from '../popups'

type Theme = NonNullable<ConnectProviderProps['theme']>

/** The kit under a theme, on a host page painted with the theme's own surface (the kit paints none). */
function renderThemed(ui: ReactNode, { theme, dir }: { theme?: Theme; dir?: 'ltr' | 'rtl' } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const backend = ampersand({ project: FAKE_PROJECT, apiKey: FAKE_API_KEY, baseUrl: FAKE_BASE_URL })
  const result = render(
    <div dir={dir}>
      <ConnectProvider backend={backend} groupRef="group-1" consumerRef="consumer-1" queryClient={queryClient} theme={theme}>
        {ui}
      </ConnectProvider>
    </div>,
  )
  return result
}

/** Paints the page with the kit's surface token, as a host page in the same theme would be. */
function paintPageLike(kitRoot: Element) {
  document.body.style.backgroundColor = getComputedStyle(kitRoot).getPropertyValue('--plugboard-surface')
}

/** The kit's main states: a connected button, an idle one, the list, and an open credential form with errors. */
async function renderMainStates(theme?: Theme) {
  platform.seedConnections([
    { provider: 'hubspot', status: 'working' },
    { provider: 'openAI', status: 'bad_credentials' },
    { provider: 'mailgun', status: 'created' },
  ])
  const view = renderThemed(
    <>
      <ConnectButton provider="hubspot" />
      <ConnectButton provider="freshdesk" />
      <ConnectionList />
    </>,
    { theme },
  )
  await screen.findByRole('rowheader', { name: /Mailgun/ })
  paintPageLike(view.container.querySelector('.plugboard')!)
  await settled()
  return view
}

/** Waits out the buttons' colour transitions (a button turning from Connect to Reconnect), so axe sees the final colours. */
// Loading placeholders shimmer for ever and go away mid-wait (their `finished` then rejects): they
// are not what axe looks at, so they are left out.
const settled = () =>
  Promise.all(
    document
      .getAnimations()
      .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined)),
  )

const luminance = (color: string) => {
  const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map((channel) => {
    const c = Number(channel) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

// Wide enough for the table layout (the list turns into cards at 640 px and below).
beforeAll(() => page.viewport(1024, 900))

afterEach(async () => {
  document.body.style.backgroundColor = ''
  document.querySelector('style[data-host]')?.remove()
  await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: '' }] })
})

describe.each<{ theme: Theme | undefined; dark: boolean; emulateDark?: boolean }>([
  { theme: undefined, dark: false },
  { theme: 'light', dark: false },
  { theme: 'dark', dark: true },
  { theme: 'system', dark: false },
  { theme: 'system', dark: true, emulateDark: true },
])('theme $theme (prefers dark: $emulateDark)', ({ theme, dark, emulateDark }) => {
  test('meets WCAG AA contrast (axe, color-contrast on) in the list, the buttons and an open form with errors', async () => {
    if (emulateDark) {
      await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }] })
    }
    expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(Boolean(emulateDark))
    const { container } = await renderMainStates(theme)
    const roots = container.querySelectorAll('.plugboard')
    expect(roots.length).toBeGreaterThan(3)
    for (const root of roots) expect(root.getAttribute('data-theme')).toBe(theme ?? null)
    const list = screen.getByRole('region', { name: 'Connected accounts' })
    expect(getComputedStyle(list).colorScheme).toBe(dark ? 'dark' : 'light')
    expect(luminance(getComputedStyle(list).color) > 0.5).toBe(dark)
    await expectNoAxeViolations(container)

    await userEvent.click(await readyButton('Connect Freshdesk'))
    const dialog = await screen.findByRole('dialog', { name: /Freshdesk/ })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    await within(dialog).findAllByText(/required|Enter/i)
    expect(luminance(getComputedStyle(dialog).backgroundColor) < 0.5).toBe(dark)
    await settled()
    await expectNoAxeViolations(dialog)
  })

  test('the Delete confirmation is readable: its button text is a token, not white', async () => {
    if (emulateDark) {
      await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }] })
    }
    await renderMainStates(theme)
    await userEvent.click(screen.getByRole('button', { name: 'Delete HubSpot connection' }))
    const dialog = await screen.findByRole('alertdialog', { name: /HubSpot/ })
    const remove = within(dialog).getByRole('button', { name: 'Delete' })
    await settled()
    const { color, backgroundColor } = getComputedStyle(remove)
    if (dark) expect(color).not.toBe('rgb(255, 255, 255)')
    expect(contrast(color, backgroundColor)).toBeGreaterThanOrEqual(4.5)
    await expectNoAxeViolations(dialog)
  })
})

test('the contrast check is live: the dark kit on a white page fails it', async () => {
  const { container } = renderThemed(<ConnectionList />, { theme: 'dark' })
  await screen.findByText('No accounts are connected yet.')
  const result = await axe.run(container, { runOnly: ['color-contrast'] })
  expect(result.violations.map((violation) => violation.id)).toEqual(['color-contrast'])
})

describe('choosing a theme', () => {
  const darkText = 'rgb(230, 237, 243)'
  const lightText = 'rgb(31, 35, 40)'

  test("a host's data-theme on an ancestor themes the kit; the kit's own theme prop wins over it", async () => {
    document.documentElement.dataset.theme = 'dark'
    try {
      const { rerender } = renderThemed(<ConnectButton provider="freshdesk" />)
      const root = () => document.querySelector('.plugboard-connect')!
      await readyButton('Connect Freshdesk')
      expect(getComputedStyle(root()).color).toBe(darkText)
      rerender(
        <ConnectProvider backend={ampersand({ project: FAKE_PROJECT, apiKey: FAKE_API_KEY, baseUrl: FAKE_BASE_URL })} groupRef="group-1" consumerRef="consumer-1" theme="light">
          <ConnectButton provider="freshdesk" />
        </ConnectProvider>,
      )
      await waitFor(() => expect(root().getAttribute('data-theme')).toBe('light'))
      expect(getComputedStyle(root()).color).toBe(lightText)
    } finally {
      delete document.documentElement.dataset.theme
    }
  })

  test('system follows prefers-color-scheme, with exactly the dark tokens', async () => {
    renderThemed(<ConnectButton provider="freshdesk" />, { theme: 'system' })
    const root = document.querySelector('.plugboard-connect')!
    expect(getComputedStyle(root).color).toBe(lightText)
    await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }] })
    await waitFor(() => expect(getComputedStyle(root).color).toBe(darkText))
    expect(getComputedStyle(root).colorScheme).toBe('dark')

    // The system block repeats the dark block: same tokens, same values.
    const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])
    const layer = rules.find((rule): rule is CSSLayerBlockRule => rule instanceof CSSLayerBlockRule && rule.name === 'plugboard')!
    const inLayer = [...layer.cssRules]
    const dark = inLayer.find((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule && rule.selectorText.includes(".plugboard[data-theme=\"dark\"]"))!
    const media = inLayer.find((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText === '(prefers-color-scheme: dark)')!
    const system = [...media.cssRules][0] as CSSStyleRule
    expect(system.selectorText).toContain('.plugboard[data-theme="system"]')
    const declarations = (rule: CSSStyleRule) => [...rule.style].map((name) => `${name}: ${rule.style.getPropertyValue(name)}`)
    expect(declarations(system)).toEqual(declarations(dark))
    expect(declarations(dark).length).toBeGreaterThan(15)
  })
})

describe('the stylesheet', () => {
  test('holds every rule in the plugboard layer, and literal colours, shadows, radii and fonts only in tokens', () => {
    const sheet = [...document.styleSheets].find((candidate) =>
      [...candidate.cssRules].some((rule) => rule instanceof CSSLayerBlockRule && rule.name === 'plugboard'),
    )!
    // One or more `@layer plugboard { … }` blocks (a component's styles may sit in a block of their own), nothing outside them.
    expect([...sheet.cssRules].map((rule) => (rule instanceof CSSLayerBlockRule ? rule.name : rule.constructor.name))).toEqual(
      [...sheet.cssRules].map(() => 'plugboard'),
    )
    // The source, not the CSSOM: the CSSOM expands every shorthand into physical longhands.
    const blocks = stylesheet.replace(/\/\*[\s\S]*?\*\//g, '').match(/\{[^{}]*\}/g)!
    const declarations = blocks.flatMap((block) =>
      block.slice(1, -1).split(';').map((text) => text.trim()).filter(Boolean).map((text) => {
        const colon = text.indexOf(':')
        return { name: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim() }
      }),
    )
    expect(declarations.length).toBeGreaterThan(300)
    const literalColour = /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|oklch|oklab|lab|lch|color)\(|\b(white|black|red|blue|green|gray|grey)\b/i
    const offenders = declarations.filter(({ name, value }) => {
      if (name.startsWith('--')) return false
      const literal = literalColour.test(value)
      const shadow = /shadow/.test(name) && !/^(var\(|none$)/.test(value)
      const radius = /radius/.test(name) && !/var\(|^0$/.test(value)
      const font = name === 'font-family' && !/^var\(/.test(value)
      // Physical sides and sizes have logical twins that mirror under dir="rtl".
      const physical = /(^|-)(left|right|top|bottom)(-|$)|^(min-|max-)?(width|height)$/.test(name) || /\b(left|right)\b/.test(value)
      return literal || shadow || radius || font || physical
    })
    expect(offenders).toEqual([])
  })

  test("a host's utility class outside any layer wins over the kit without !important", async () => {
    const style = document.createElement('style')
    style.dataset.host = ''
    style.textContent = '.host-red { color: rgb(255, 0, 0); border-radius: 0px; }'
    document.head.append(style)
    renderThemed(<ConnectButton provider="freshdesk" />)
    const button = await readyButton('Connect Freshdesk')
    // The kit's rule (.plugboard .plugboard-button[data-variant=primary]) is more specific, yet layered.
    button.classList.add('host-red')
    expect(getComputedStyle(button).color).toBe('rgb(255, 0, 0)')
    expect(getComputedStyle(button).borderTopLeftRadius).toBe('0px')
    button.classList.remove('host-red')
    expect(getComputedStyle(button).color).toBe('rgb(255, 255, 255)')
  })
})

describe('right to left', () => {
  test('table headers align to the start (right) and the reveal toggle sits at the inline end (left)', async () => {
    platform.seedConnections([{ provider: 'hubspot', status: 'working' }])
    renderThemed(
      <>
        <ConnectButton provider="freshdesk" />
        <ConnectionList />
      </>,
      { dir: 'rtl' },
    )
    const header = await screen.findByRole('columnheader', { name: 'Provider' })
    expect(getComputedStyle(header).textAlign).toBe('start')
    const table = screen.getByRole('table').getBoundingClientRect()
    const text = document.createRange()
    text.selectNodeContents(header)
    // Start in RTL is the right: the header's text hugs the cell's right edge.
    expect(header.getBoundingClientRect().right - text.getBoundingClientRect().right).toBeLessThan(20)
    expect(header.getBoundingClientRect().right).toBeCloseTo(table.right, -1)

    await userEvent.click(await readyButton('Connect Freshdesk'))
    const dialog = await screen.findByRole('dialog', { name: /Freshdesk/ })
    const password = within(dialog).getByLabelText('Password')
    const reveal = within(dialog).getByRole('button', { name: /Show Password/i })
    const input = password.getBoundingClientRect()
    const toggle = reveal.getBoundingClientRect()
    expect(toggle.left - input.left).toBeLessThan(8)
    expect(toggle.right).toBeLessThan(input.left + input.width / 2)
    expect(getComputedStyle(password).paddingLeft).toBe('64px')
  })
})
