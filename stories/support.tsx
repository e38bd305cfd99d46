import type { Decorator } from '@storybook/react-vite'
import { QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { expect, waitFor, type within } from 'storybook/test'
import { ampersand, ConnectProvider } from '../src/index'
import type { ConnectMessages } from '../src/index'
import { ar } from '../src/locales/ar'
import { de } from '../src/locales/de'
import { es } from '../src/locales/es'
import { fr } from '../src/locales/fr'
import { ja } from '../src/locales/ja'
import { FAKE_API_KEY, FAKE_BASE_URL, FAKE_PROJECT } from '../test/fakePlatform'
import type { FakePlatformParameters } from '../.storybook/preview'

/** The kit's words per toolbar locale; English is the kit's default. */
const localeMessages: Record<string, Partial<ConnectMessages> | undefined> = { de, fr, es, ja, ar }

/**
 * ConnectProvider's `locale` and `messages` for the toolbar's locale (the `storybook-looks` test
 * project pins it to Arabic): every story decorator that renders a provider spreads them.
 */
export function localeProps(globals: Record<string, unknown>): { locale: string; messages?: Partial<ConnectMessages> } {
  const locale = typeof globals.locale === 'string' ? globals.locale : 'en'
  return { locale, messages: localeMessages[locale] }
}

/**
 * Wraps a story in a ConnectProvider talking to the fake platform, with a fresh cache per story, in
 * the toolbar's locale.
 */
export const KitDecorator: Decorator = (Story, { globals }) => {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
  const [backend] = useState(() => ampersand({ project: FAKE_PROJECT, apiKey: FAKE_API_KEY, baseUrl: FAKE_BASE_URL }))
  return (
    <ConnectProvider backend={backend} groupRef="group-1" groupName="Acme Inc." consumerRef="consumer-1" consumerName="Ada Lovelace" queryClient={queryClient} {...localeProps(globals)}>
      <Story />
    </ConnectProvider>
  )
}

/** Types a story's fake-platform parameters. */
export const fakePlatform = (options: FakePlatformParameters) => ({ fakePlatform: options })

/** Replaces window.open for one story so the popup looks blocked; returns the restore function. */
export function blockPopups(): () => void {
  const original = window.open
  window.open = () => null
  return () => {
    window.open = original
  }
}

/** What `canvas` and `within(element)` return in a play function. */
export type Canvas = ReturnType<typeof within>

/** The named button once the catalog entry and existing connections have loaded (it stops being aria-disabled). */
export async function readyButton(canvas: Canvas, name: string): Promise<HTMLElement> {
  const button = await canvas.findByRole('button', { name })
  await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'))
  return button
}
