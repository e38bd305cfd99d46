'use client'
import { useRef, useState } from 'react'
import type { FocusEvent, KeyboardEvent, RefObject } from 'react'

/** How long typed letters add up to one type-ahead search. */
const TYPE_AHEAD_MS = 500

/** Options of {@link useListboxNavigation}. */
export interface ListboxNavigationOptions {
  /** The options' ids, in the order the listbox shows them (its element children, one per id). */
  ids: readonly string[]
  /** Type-ahead: the index of the next option (after `from`) whose name starts with `typed`, or `-1`. */
  typeAhead(typed: string, from: number): number
  /** Called with the index of the option Enter or Space chooses, inside that key press. */
  onChoose(index: number): void
}

/** What {@link useListboxNavigation} returns. */
export interface ListboxNavigation {
  /** The option Tab reaches (`tabIndex` 0; the rest -1), and the one arrows move from. */
  activeIndex: number
  /** Makes the option at `index` the active one and focuses it. */
  focusAt(index: number): void
  /** Makes the option with `id` the active one, without moving focus. */
  setActiveId(id: string): void
  /** For the listbox element. */
  listboxProps: {
    ref: RefObject<HTMLDivElement | null>
    onKeyDown(event: KeyboardEvent<HTMLDivElement>): void
    onFocus(event: FocusEvent<HTMLDivElement>): void
  }
}

/** How many columns a CSS grid lays out now (its resolved track list); 1 for anything else. */
function columnsOf(grid: HTMLElement): number {
  const tracks = getComputedStyle(grid).gridTemplateColumns
  return tracks && tracks !== 'none' ? Math.max(1, tracks.trim().split(/\s+/).length) : 1
}

/**
 * Where an arrow, Home or End goes from `index` in a grid of `columns` laid out in reading order
 * (`rtl` mirrors Left and Right); `undefined` for any other key. Down from a column the last row does
 * not reach goes to the last option; no key wraps.
 */
export function gridMove(key: string, index: number, last: number, columns: () => number, rtl: () => boolean): number | undefined {
  switch (key) {
    case 'ArrowRight':
      return index + (rtl() ? -1 : 1)
    case 'ArrowLeft':
      return index + (rtl() ? 1 : -1)
    case 'ArrowDown': {
      const width = columns()
      const below = index + width
      return below <= last ? below : Math.floor(index / width) < Math.floor(last / width) ? last : index
    }
    case 'ArrowUp': {
      const width = columns()
      return Math.max(index - width, index % width)
    }
    case 'Home':
      return 0
    case 'End':
      return last
    default:
      return undefined
  }
}

/**
 * A listbox laid out as a grid, with roving focus: one tab stop, arrows between options and rows
 * (Left and Right mirrored right to left, as the grid is), Home and End, type-ahead (letters typed
 * within half a second add up), and Enter or Space (when not typing ahead) to choose.
 */
export function useListboxNavigation({ ids, typeAhead, onChoose }: ListboxNavigationOptions): ListboxNavigation {
  const ref = useRef<HTMLDivElement>(null)
  const typed = useRef({ text: '', at: 0 })
  const [activeId, setActiveId] = useState<string>()
  const found = activeId === undefined ? -1 : ids.indexOf(activeId)
  // An active option the search filtered out hands the tab stop to the first.
  const activeIndex = found < 0 ? 0 : found

  function focusAt(index: number) {
    const id = ids[index]
    if (id === undefined) return
    setActiveId(id)
    ;(ref.current?.children[index] as HTMLElement | undefined)?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target === event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return
    const grid = event.currentTarget
    const next = gridMove(event.key, activeIndex, ids.length - 1, () => columnsOf(grid), () => getComputedStyle(grid).direction === 'rtl')
    if (next !== undefined) {
      event.preventDefault()
      if (next >= 0 && next < ids.length && next !== activeIndex) focusAt(next)
      return
    }
    const now = Date.now()
    const typing = typed.current.text !== '' && now - typed.current.at < TYPE_AHEAD_MS
    // Space chooses, unless it is part of a name being typed ("google w…").
    if (event.key === 'Enter' || (event.key === ' ' && !typing)) {
      event.preventDefault()
      if (ids[activeIndex] !== undefined) onChoose(activeIndex)
      return
    }
    if (event.key.length !== 1 && !/^\p{L}$/u.test(event.key)) return
    event.preventDefault()
    typed.current = { text: (typing ? typed.current.text : '') + event.key, at: now }
    const match = typeAhead(typed.current.text, activeIndex)
    if (match >= 0) focusAt(match)
  }

  function onFocus(event: FocusEvent<HTMLDivElement>) {
    // A click (or a screen reader) can focus any option: it becomes the active one.
    const index = Array.prototype.indexOf.call(event.currentTarget.children, event.target)
    const id = index < 0 ? undefined : ids[index]
    if (id !== undefined && id !== activeId) setActiveId(id)
  }

  return { activeIndex, focusAt, setActiveId, listboxProps: { ref, onKeyDown, onFocus } }
}
