/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vite'
import { declarations } from './scripts/declarations.js'

const root = fileURLToPath(new URL('.', import.meta.url))

/** Debian's Chromium, launched as CI (root, no network) needs it. */
const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  }),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
})

/**
 * Every story as a test in Chromium, play function and all, an axe violation failing it, with the
 * toolbar's globals pinned for the whole project (the Storybook plugin's `initialGlobals`, read by
 * `.storybook/preview.tsx`): one project per theme.
 */
const storybookProject = (name: string, initialGlobals: Record<string, string>) => ({
  extends: true as const,
  plugins: [storybookTest({ configDir: `${root}.storybook`, initialGlobals })],
  // Popup stories open and drive real windows; three projects share one machine in CI.
  test: { name, testTimeout: 45_000, browser: chromium() },
})

export default defineConfig({
  plugins: [
    react(),
    {
      name: 'plugboard-css',
      apply: 'build',
      generateBundle() {
        // The stylesheet ships as one file the host imports; no JS module imports it. Emitted as an
        // asset so it lands in whichever output directory this build writes (dist/ for the library).
        this.emitFile({ type: 'asset', fileName: 'plugboard.css', source: readFileSync(`${root}src/styles.css`, 'utf8') })
      },
    },
  ],
  publicDir: '.storybook/public',
  // The fake Versori platform (tests, stories) compiles its contract in the page; pre-bundle what it
  // needs so the first browser run does not reload the page mid-test.
  // The credential forms are imported on demand: pre-bundle their dependencies too, or Vite finds them
  // on the first dialog and reloads the page under a running test.
  optimizeDeps: { include: ['yaml', 'ajv', 'ajv-formats', 'react-hook-form', 'zod/mini'] },
  build: {
    lib: {
      // The main entry; the credential forms, eager (`@plugboard/react/forms`: the main entry loads
      // them on demand); the test kit for host apps (`@plugboard/react/testing`).
      entry: { index: 'src/index.ts', forms: 'src/forms.ts', 'testing/index': 'src/testing/index.ts' },
      formats: ['es'],
    },
    sourcemap: true,
    copyPublicDir: false,
    // Vite 8 bundles with Rolldown; `rollupOptions` is its deprecated alias.
    rolldownOptions: {
      // Every package import stays an import (dependencies, peers, and the test kit's msw): the host
      // installs them once. Only the kit's own modules are built.
      external: (id) => !id.startsWith('.') && !id.startsWith('\0') && !isAbsolute(id),
      // One output file per source module, so each keeps its own `'use client'` directive: only
      // components, hooks and contexts are client modules, and adapters, errors and key factories
      // stay importable from React Server Components.
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      // Declarations (`.d.ts` + maps, with `.js` in relative imports) and each entry's `require` shim.
      plugins: [declarations({ tsconfig: `${root}tsconfig.build.json`, rootDir: `${root}src` })],
      // Emitting declarations type-checks the sources, so it is most of the build by design.
      checks: { bundlerTimings: false },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/contract/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          testTimeout: 20_000,
          include: ['test/components/**/*.test.tsx'],
          setupFiles: ['test/setup.browser.ts'],
          browser: chromium(),
        },
      },
      storybookProject('storybook', {}),
      // Every story again in dark and in Arabic right to left, checked with axe (test/stories/dark.test.tsx, arabicRtl.test.tsx).
      {
        extends: true,
        // What the Storybook plugin pre-bundles for the projects above, so the first run does not
        // reload the page under a test.
        optimizeDeps: {
          include: ['@storybook/addon-a11y/preview', '@storybook/react-vite', 'storybook/internal/csf', 'storybook/test', 'axe-core', '@tanstack/react-query', 'hono', 'hono/cors'],
        },
        test: {
          name: 'storybook-looks',
          include: ['test/stories/**/*.test.tsx'],
          // Tells the a11y addon it runs in plain Vitest, not Storybook's test panel: it then throws on
          // a violation, with the axe report, as it does in the projects above.
          env: { VITEST_STORYBOOK: 'false' },
          testTimeout: 20_000,
          browser: chromium(),
        },
      },
    ],
  },
})
