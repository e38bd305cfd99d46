import type { Preview } from '@storybook/react-vite'
import { setupWorker } from 'msw/browser'
import { configure } from 'storybook/test'
import type { FakeEndpoint, FakeFault, SeedConnection } from '../test/fakePlatform'
import { preloadAuthSchemeForm } from '../src/index'
import { platform } from '../test/platform'
import '../src/styles.css'

/** Per-story settings of the fake platform. */
export interface FakePlatformParameters {
  /** Connections in the store when the story starts. */
  seed?: SeedConnection[]
  /** Faults by endpoint. */
  faults?: Partial<Record<FakeEndpoint, FakeFault>>
  /** How the fake consent page answers; undefined waits for a click. */
  autoAuthorize?: 'allow' | 'deny' | 'none'
}

// Play functions run in CI on busy machines too: findBy*/waitFor get 3 s, not 1 s.
configure({ asyncUtilTimeout: 3000 })

let worker: ReturnType<typeof setupWorker> | undefined

const preview: Preview = {
  // Toolbar switches: the kit's theme and the writing direction of the page around it.
  globalTypes: {
    theme: {
      description: 'Plugboard theme (data-theme on the page around the kit)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'system', title: 'System' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: "The kit's words and date formats (ConnectProvider's `locale` and `messages`)",
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'fr', title: 'Français' },
          { value: 'es', title: 'Español' },
          { value: 'ja', title: '日本語' },
          { value: 'ar', title: 'العربية' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Writing direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', dir: 'ltr' },
  decorators: [
    // A host page in the chosen theme, language and direction: `data-theme` on an ancestor themes
    // every kit root below, and the page is painted with the kit's surface and text colour (the kit
    // paints none), so contrast checks see the background a real page would give. `plugboard` on the
    // wrapper is only for its tokens. The test projects pin these globals (vite.config.ts).
    (Story, { globals }) => (
      <div
        className="plugboard"
        data-theme={globals.theme}
        dir={globals.dir}
        lang={globals.locale}
        style={{ background: 'var(--plugboard-surface)', color: 'var(--plugboard-text)', padding: '1rem', minBlockSize: '100%' }}
      >
        <Story />
      </div>
    ),
  ],
  parameters: {
    layout: 'padded',
    a11y: { test: 'error' },
  },
  loaders: [
    async ({ parameters }) => {
      // The forms are a chunk of their own, loaded on first open: in place before any play function.
      await preloadAuthSchemeForm()
      if (!worker) {
        worker = setupWorker(...platform.handlers)
        await worker.start({
          quiet: true,
          onUnhandledRequest: 'bypass',
          serviceWorker: { url: './mockServiceWorker.js' },
        })
      }
      platform.reset()
      const options = (parameters.fakePlatform ?? {}) as FakePlatformParameters
      if (options.seed) platform.seedConnections(options.seed)
      for (const [endpoint, fault] of Object.entries(options.faults ?? {})) platform.fail(endpoint as FakeEndpoint, fault)
      platform.configure({ autoAuthorize: options.autoAuthorize })
      return {}
    },
  ],
}

export default preview
