'use client'
import { useId, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { useConnectContext } from '../hooks/ConnectContext'
import { useConnections } from '../hooks/useConnections'
import { useProviderSummaries } from '../hooks/useProviderSummaries'
import type { Connection } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'
import type { ConnectEvent, ConnectEventHandler } from '../model/ConnectEvent'
import { describeError } from '../model/describeError'
import type { ClassNames } from './classNames'
import { cx } from './classNames'
import { ConnectionPager } from './ConnectionPager'
import { ConnectionRow } from './ConnectionRow'
import type { RowClassNames } from './ConnectionRow'
import { RequestReference } from './RequestReference'

/** Props of {@link ConnectionList}. */
export interface ConnectionListProps {
  /** The heading. @default messages.connectionsTitle */
  title?: string
  /** Called after a reconnect succeeds. */
  onReconnect?: (connection: Connection) => void
  /** Called after a connection is deleted. */
  onDelete?: (connection: Connection) => void
  /** Called with any failed reconnect or delete. */
  onError?: (error: ConnectError) => void
  /** Receives the events of every reconnect and delete (see `ConnectEvent`), before the provider's `onEvent`. */
  onEvent?: ConnectEventHandler
  /** Extra class on the root element. */
  className?: string
  /** Extra classes for inner parts (see `ConnectionListPart`). */
  classNames?: ClassNames<ConnectionListPart>
  /** Shows each provider's logo (or its monogram) beside its name. @default true */
  showLogos?: boolean
  /**
   * What to offer when there is no connection yet, under the empty message: typically a
   * `ConnectButton` or a link to your `ProviderGallery`.
   */
  emptyAction?: ReactNode
  /**
   * Rows per page. A longer list shows one page at a time under Previous and Next buttons that
   * announce the rows shown; `Infinity` shows every row at once (a value below 1 means the default).
   * @default 50
   */
  pageSize?: number
}

/** The inner parts of `ConnectionList` a `classNames` entry can style. */
export type ConnectionListPart = 'heading' | 'table' | 'row' | 'cell' | 'actions' | 'empty' | 'loading' | 'error' | 'pager'

/** Rows per page unless the host says otherwise: a page a person can scan, and cheap to render. */
const DEFAULT_PAGE_SIZE = 50
const noConnections: Connection[] = []

/**
 * Every connection of the group and consumer: provider, status in words, sign-in method, created
 * and updated times, with reconnect and delete (after confirmation). Shows loading, empty and
 * error states with retry; refreshes after any connect, reconnect or delete. Long lists come a page
 * at a time (`pageSize`).
 *
 * @example
 * <ConnectionList onDelete={(c) => toast(`${c.provider} disconnected`)} />
 */
export function ConnectionList({
  title,
  className,
  classNames,
  showLogos = true,
  emptyAction,
  pageSize = DEFAULT_PAGE_SIZE,
  ...callbacks
}: ConnectionListProps) {
  const { messages, backend, theme } = useConnectContext('ConnectionList')
  // Platforms whose API cannot delete (Versori's) get no Delete button, rather than one that fails.
  const canDelete = typeof backend.deleteConnection === 'function'
  const list = useConnections()
  const headingId = useId()
  const rangeId = useId()
  const connections = list.data ?? noConnections
  const state = list.isPending ? 'loading' : list.isError ? 'error' : connections.length === 0 ? 'empty' : 'ready'

  const perPage = pageSize >= 1 ? Math.floor(pageSize) : DEFAULT_PAGE_SIZE
  const pageCount = Math.max(1, Math.ceil(connections.length / perPage))
  const [page, setPage] = useState(0)
  // A delete can empty the last page: show the new last one.
  if (page > pageCount - 1 && state === 'ready') setPage(pageCount - 1)
  const current = Math.min(page, pageCount - 1)
  const paged = pageCount > 1
  const shown = useMemo(
    () => (paged ? connections.slice(current * perPage, (current + 1) * perPage) : connections),
    [connections, paged, current, perPage],
  )
  // One query per provider on the page, not one per row.
  const providerIds = useMemo(() => [...new Set(shown.map((connection) => connection.provider))], [shown])
  const providers = useProviderSummaries(providerIds)

  // Rows are memoised: hand them callbacks that never change, reading the host's latest.
  const latest = useRef(callbacks)
  latest.current = callbacks
  // Memoised rows get the same parts object until the classes themselves change.
  const classKey = JSON.stringify(classNames ?? {})
  const rowClasses = useMemo<RowClassNames>(() => {
    const parts = JSON.parse(classKey) as ClassNames<ConnectionListPart>
    return { row: parts.row, cell: parts.cell, actions: parts.actions }
  }, [classKey])
  const [on] = useState(() => ({
    onReconnect: (connection: Connection) => latest.current.onReconnect?.(connection),
    onDelete: (connection: Connection) => latest.current.onDelete?.(connection),
    onError: (error: ConnectError) => latest.current.onError?.(error),
    onEvent: (event: ConnectEvent) => latest.current.onEvent?.(event),
  }))

  return (
    <section
      className={cx('plugboard', 'plugboard-connection-list', className)}
      data-theme={theme}
      aria-labelledby={headingId}
      aria-busy={list.isFetching}
      data-state={state}
    >
      <h2 id={headingId} className={cx('plugboard-heading', classNames?.heading)}>
        {title ?? messages.connectionsTitle}
      </h2>
      {state === 'loading' ? (
        <div className={cx('plugboard-skeleton-list', classNames?.loading)}>
          <p className="plugboard-visually-hidden" role="status">
            {messages.loadingConnections}
          </p>
          {/* The shape of the rows to come, without a word for assistive technology to read out. */}
          {[0, 1, 2].map((row) => (
            <div key={row} className="plugboard-skeleton-row" aria-hidden="true">
              <span className="plugboard-skeleton" data-shape="logo" />
              <span className="plugboard-skeleton" data-shape="name" />
              <span className="plugboard-skeleton" data-shape="pill" />
              <span className="plugboard-skeleton" data-shape="text" />
            </div>
          ))}
        </div>
      ) : state === 'error' ? (
        <div className={cx('plugboard-list-error', classNames?.error)} role="alert">
          <p className="plugboard-message" data-tone="error">
            {messages.connectionsError(describeError(list.error, messages, ''))} <RequestReference error={list.error} />
          </p>
          <button type="button" className="plugboard-button" data-variant="secondary" onClick={() => void list.refetch()}>
            {messages.retry}
          </button>
        </div>
      ) : state === 'empty' ? (
        <div className={cx('plugboard-empty', classNames?.empty)}>
          <span className="plugboard-empty-icon" aria-hidden="true">
            <PlugIcon />
          </span>
          <p className="plugboard-empty-title">{messages.noConnections}</p>
          <p className="plugboard-empty-hint">{messages.noConnectionsHint}</p>
          {emptyAction ? <div className="plugboard-empty-action">{emptyAction}</div> : null}
        </div>
      ) : (
        <>
          {/* A page of a longer list still says where its rows sit in the whole (row 52 of 1,001). */}
          <table
            className={cx('plugboard-table', classNames?.table)}
            aria-rowcount={paged ? connections.length + 1 : undefined}
            aria-describedby={paged ? rangeId : undefined}
          >
            <thead>
              <tr aria-rowindex={paged ? 1 : undefined}>
                <th scope="col">{messages.providerColumn}</th>
                <th scope="col">{messages.statusColumn}</th>
                <th scope="col">{messages.schemeColumn}</th>
                <th scope="col">{messages.createdColumn}</th>
                <th scope="col">{messages.updatedColumn}</th>
                <th scope="col" className="plugboard-col-actions">
                  {messages.actionsColumn}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((connection, index) => (
                <ConnectionRow
                  key={connection.id}
                  connection={connection}
                  provider={providers.get(connection.provider)!}
                  canDelete={canDelete}
                  showLogo={showLogos}
                  classNames={rowClasses}
                  rowIndex={paged ? current * perPage + index + 2 : undefined}
                  {...on}
                />
              ))}
            </tbody>
          </table>
          {paged ? (
            <ConnectionPager
              page={current}
              pageCount={pageCount}
              pageSize={perPage}
              total={connections.length}
              onPageChange={setPage}
              statusId={rangeId}
              className={classNames?.pager}
            />
          ) : null}
        </>
      )}
    </section>
  )
}

/** A plug: the empty list's picture (decorative). */
function PlugIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M9 2v6M15 2v6M6 8h12v3a6 6 0 0 1-12 0V8ZM12 17v5" />
    </svg>
  )
}
