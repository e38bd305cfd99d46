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
