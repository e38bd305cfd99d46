// The browser component tests again, on React 18: the kit supports React 18 and 19 as peers.
// React 18 is installed apart (test/react18/package.json) so the main tree keeps React 19.
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'

const here = fileURLToPath(new URL('.', import.meta.url))
const modules = `${here}node_modules`
const file = (path: string) => `${modules}/${path}`

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  plugins: [react()],
  publicDir: '.storybook/public',
  // As in the main config: what the fake platforms and the on-demand forms import, pre-bundled up
  // front, so Vite never reloads the page under a running test.
  optimizeDeps: { include: ['yaml', 'ajv', 'ajv-formats', 'react-hook-form', 'zod/mini'] },
  resolve: {
    alias: [
      { find: /^react$/, replacement: file('react/index.js') },
      { find: /^react\/jsx-runtime$/, replacement: file('react/jsx-runtime.js') },
      { find: /^react\/jsx-dev-runtime$/, replacement: file('react/jsx-dev-runtime.js') },
      { find: /^react-dom$/, replacement: file('react-dom/index.js') },
      { find: /^react-dom\/client$/, replacement: file('react-dom/client.js') },
      { find: /^react-dom\/test-utils$/, replacement: file('react-dom/test-utils.js') },
    ],
  },
  test: {
    name: 'browser-react18',
    testTimeout: 20_000,
    include: ['test/components/**/*.test.tsx', 'test/react18/*.test.tsx'],
    setupFiles: ['test/setup.browser.ts'],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      }),
      instances: [{ browser: 'chromium' }],
      screenshotFailures: false,
    },
  },
})
