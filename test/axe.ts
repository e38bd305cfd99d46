import axe from 'axe-core'
import { expect } from 'vitest'

/** Runs axe-core on an element (and the open dialogs inside it) and fails with the rule ids found. */
export async function expectNoAxeViolations(element: Element): Promise<void> {
  const result = await axe.run(element, { resultTypes: ['violations'] })
  const found = result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  expect(found).toEqual([])
}
