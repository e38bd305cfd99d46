// Every story once more in dark (English) and in Arabic right to left: the toolbar's globals, pinned
// per look. Each story is loaded and rendered through its own decorators and loaders, left to
// settle, then checked with axe by the a11y addon exactly as in the `storybook` project: a violation
// fails the test.
//
// The stories' play functions run once, in the `storybook` project (light, English): in Arabic
// they would fail on words, not behaviour, and running them again in dark doubled the test run for
// little; here each story is checked in the state its parameters give it once loaded. Interaction
// states in dark and RTL (open forms with errors, dialogs, the gallery's empty search) are checked
// with axe in test/components/look.test.tsx and theming.test.tsx.
import * as a11yAnnotations from '@storybook/addon-a11y/preview'
import { composeStory, setProjectAnnotations } from '@storybook/react-vite'
import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { isExportStory } from 'storybook/internal/csf'
import { beforeAll, describe, expect, test } from 'vitest'
import * as previewAnnotations from '../../.storybook/preview'

const project = setProjectAnnotations([a11yAnnotations, previewAnnotations])
/** Applies the preview and the a11y addon's annotations; call once per test file. */
export function setUpStories() {
  beforeAll(project.beforeAll)
}

type StoryModule = Record<string, unknown> & { default: Meta }
const modules = import.meta.glob<StoryModule>('../../stories/**/*.stories.tsx', { eager: true })



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

/**
 * Declares one test per story: rendered with `globals` pinned (a look: dark, or Arabic right to
 * left), left to settle, then checked with axe by the a11y addon.
 */
export function checkEveryStory(look: string, globals: { initialGlobals: Record<string, string> }) {
  for (const [path, module] of Object.entries(modules)) {
    const { default: meta, ...exports } = module
    describe(`${look}: ${meta.title ?? path}`, () => {
      for (const [name, story] of Object.entries(exports)) {
        if (!isExportStory(name, meta)) continue
        test(name, async () => {
          const composed = composeStory({ ...(story as StoryObj), play: settle }, meta, globals, name)
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
}
