// Every story once more, in Arabic and right to left: the toolbar's `locale: 'ar'` and `dir: 'rtl'`,
// with light and dark left as the preview sets them. Each story is loaded and rendered through its
// own decorators and loaders, left to settle, then checked with axe by the a11y addon exactly as in
// the `storybook` and `storybook-dark` projects: a violation fails the test.
//
// The stories' play functions are not run here: they find elements by their English names, so in
// Arabic they would fail on words, not on behaviour. Those projects run them in English, in light
// and dark; here each story is checked in the state its parameters give it once loaded.
import * as a11yAnnotations from '@storybook/addon-a11y/preview'
import { composeStory, setProjectAnnotations } from '@storybook/react-vite'
import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { isExportStory } from 'storybook/internal/csf'
import { beforeAll, describe, expect, test } from 'vitest'
import * as previewAnnotations from '../../.storybook/preview'

const project = setProjectAnnotations([a11yAnnotations, previewAnnotations])
beforeAll(project.beforeAll)

type StoryModule = Record<string, unknown> & { default: Meta }
const modules = import.meta.glob<StoryModule>('../../stories/**/*.stories.tsx', { eager: true })

/** The globals this project pins, on top of the preview's (light theme). */
const arabicRtl = { initialGlobals: { locale: 'ar', dir: 'rtl' } }

const QUIET_MS = 200
const SETTLE_MS = 3000

/**
 * Stands in for the play function: waits until nothing in the page is `aria-busy` and the DOM has
 * been still for a moment, at most a few seconds (a story of a loading state stays busy, and is
 * checked as it is).
 */
async function settle({ canvasElement }: StoryContext) {
  const page = canvasElement.ownerDocument.body
  let changedAt = Date.now()
  const observer = new MutationObserver(() => {
    changedAt = Date.now()
  })
  observer.observe(page, { subtree: true, childList: true, attributes: true, characterData: true })
  try {
    for (const deadline = Date.now() + SETTLE_MS; Date.now() < deadline; ) {
      if (!page.querySelector('[aria-busy="true"]') && Date.now() - changedAt >= QUIET_MS) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  } finally {
    observer.disconnect()
  }
}

for (const [path, module] of Object.entries(modules)) {
  const { default: meta, ...exports } = module
  describe(meta.title ?? path, () => {
    for (const [name, story] of Object.entries(exports)) {
      if (!isExportStory(name, meta)) continue
      test(name, async () => {
        const composed = composeStory({ ...(story as StoryObj), play: settle }, meta, arabicRtl, name)
        await composed.run()
        // The a11y addon's own check throws on a violation; this proves it ran at all. A story may
        // turn it off (`a11y.test: 'off'`) or make violations warnings (`'todo'`), as in Storybook.
        const mode = (composed.parameters.a11y as { test?: string } | undefined)?.test
        if (mode === 'off') return
        const checks = composed.reporting.reports.filter((report) => report.type === 'a11y')
        expect(checks.map((report) => report.status)).toEqual([mode === 'todo' ? expect.stringMatching(/^(passed|warning)$/) : 'passed'])
      })
    }
  })
}
