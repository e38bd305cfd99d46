import { cleanup, configure } from '@testing-library/react'
import { setupWorker } from 'msw/browser'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { preloadAuthSchemeForm } from '../src/index'
import { platform } from './platform'

// CI machines are slower and busier than a laptop: give findBy*/waitFor 3 s, not 1 s, before failing.
configure({ asyncUtilTimeout: 3000 })

const worker = setupWorker(...platform.handlers)

beforeAll(async () => {
  // The forms are a chunk of their own, loaded on first open; fetch it up front so a test's first
  // dialog is not slower than its others (the loading step has its own tests).
  await preloadAuthSchemeForm()
  await worker.start({
    quiet: true,
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).pathname.startsWith('/api/')) print.error()
    },
  })
})

afterEach(() => {
  cleanup()
  worker.resetHandlers()
  platform.reset()
})

afterAll(() => worker.stop())
