'use client'
import { useConnectContext } from '../hooks/ConnectContext'

/** Props of {@link ConnectionPager}. */
export interface ConnectionPagerProps {
  /** The page shown, from 0. */
  page: number
  /** How many pages there are. */
  pageCount: number
  /** Rows per page. */
  pageSize: number
  /** How many rows the whole list has. */
  total: number
  /** Called with the page to show. */
  onPageChange: (page: number) => void
  /** Id of the range text, so the table can be described by it. */
  statusId: string
  /** Extra class on the navigation element. */
  className?: string
}

/**
 * Previous and Next around "Showing 51–100 of 1,000 connections", in a labelled navigation
 * landmark. The range is a polite live region, so moving on is announced; the buttons stay in place
 * and focusable at either end (`aria-disabled`, not `disabled`), so focus is never lost.
 */
export function ConnectionPager({ page, pageCount, pageSize, total, onPageChange, statusId, className }: ConnectionPagerProps) {
  const { messages, locale } = useConnectContext('ConnectionPager')
  const number = (value: number) => value.toLocaleString(locale)
  const first = page * pageSize + 1
  const last = Math.min(total, (page + 1) * pageSize)
  const button = (label: string, to: number, enabled: boolean) => (
    <button
      type="button"
      className="plugboard-button"
      data-variant="secondary"
      aria-disabled={!enabled}
      onClick={() => {
        if (enabled) onPageChange(to)
      }}
    >
      {label}
    </button>
  )
  return (
    <nav className={['plugboard-pager', 'plugboard-actions', className].filter(Boolean).join(' ')} aria-label={messages.connectionPages} data-page={page + 1} data-page-count={pageCount}>
      {button(messages.previousPage, page - 1, page > 0)}
      <p className="plugboard-message plugboard-pager-range" id={statusId} role="status">
        {messages.showingConnections(number(first), number(last), number(total))}
      </p>
      {button(messages.nextPage, page + 1, page < pageCount - 1)}
    </nav>
  )
}
