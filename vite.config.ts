/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vite'

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

const external = [
  'react',
  'react-dom',
  '@tanstack/react-query',
  'react-hook-form',
  '@hookform/resolvers',
  'zod',
]

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
  optimizeDeps: { include: ['yaml', 'ajv', 'ajv-formats'] },
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    sourcemap: true,
    copyPublicDir: false,
    // Vite 8 bundles with Rolldown; `rollupOptions` is its deprecated alias.
    rolldownOptions: {
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { banner: "'use client';" },
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
      {
        extends: true,
        plugins: [storybookTest({ configDir: `${root}.storybook` })],
        test: {
          name: 'storybook',
          testTimeout: 20_000,
          browser: chromium(),
        },
      },
    ],
  },
})
