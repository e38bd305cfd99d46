import { screen, waitFor } from '@testing-library/react'
import { expect, vi } from 'vitest'

/**
 * Spies on `window.open` (calling through), remembering the windows it opened and, for each call,
 * what `countAtOpen()` said then (e.g. how many requests had been sent before the window opened).
 */
export function spyOnPopups(countAtOpen: () => number = () => 0) {
  const realOpen = window.open.bind(window)
  const countsAtOpen: number[] = []
  const windows: (Window | null)[] = []
  const spy = vi.spyOn(window, 'open').mockImplementation((...args) => {
    countsAtOpen.push(countAtOpen())
    const opened = realOpen(...args)
    windows.push(opened)
    return opened
  })
  return { spy, countsAtOpen, windows }
}

/** The named button once the catalog entry and existing connections have loaded. */
export async function readyButton(name: string): Promise<HTMLElement> {
  const button = await screen.findByRole('button', { name })
  await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('false'))
  return button
}
