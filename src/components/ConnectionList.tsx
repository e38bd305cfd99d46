'use client'
import { useId, useMemo, useRef, useState } from 'react'
import { useConnectContext } from '../hooks/ConnectContext'
import { useConnections } from '../hooks/useConnections'
import { useProviderSummaries } from '../hooks/useProviderSummaries'
import type { Connection } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'
import type { ConnectEvent, ConnectEventHandler } from '../model/ConnectEvent'
import { describeError } from '../model/describeError'
import { ConnectionPager } from './ConnectionPager'
import { ConnectionRow } from './ConnectionRow'
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
  /**
   * Rows per page. A longer list shows one page at a time under Previous and Next buttons that
   * announce the rows shown; `Infinity` shows every row at once (a value below 1 means the default).
   * @default 50
   */
  pageSize?: number
}

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
export function ConnectionList({ title, className, pageSize = DEFAULT_PAGE_SIZE, ...callbacks }: ConnectionListProps) {
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
  const [on] = useState(() => ({
    onReconnect: (connection: Connection) => latest.current.onReconnect?.(connection),
    onDelete: (connection: Connection) => latest.current.onDelete?.(connection),
    onError: (error: ConnectError) => latest.current.onError?.(error),
    onEvent: (event: ConnectEvent) => latest.current.onEvent?.(event),
  }))

  return (
    <section
      className={['plugboard', 'plugboard-connection-list', className].filter(Boolean).join(' ')}
      data-theme={theme}
      aria-labelledby={headingId}
      aria-busy={list.isFetching}
      data-state={state}
    >
      <h2 id={headingId} className="plugboard-heading">
        {title ?? messages.connectionsTitle}
      </h2>
      {state === 'loading' ? (
        <p className="plugboard-message" role="status">
          {messages.loadingConnections}
        </p>
      ) : state === 'error' ? (
        <div className="plugboard-list-error" role="alert">
          <p className="plugboard-message" data-tone="error">
            {messages.connectionsError} {describeError(list.error, messages, '')} <RequestReference error={list.error} />
          </p>
          <button type="button" className="plugboard-button" data-variant="secondary" onClick={() => void list.refetch()}>
            {messages.retry}
          </button>
        </div>
      ) : state === 'empty' ? (
        <p className="plugboard-message plugboard-empty">{messages.noConnections}</p>
      ) : (
        <>
          {/* A page of a longer list still says where its rows sit in the whole (row 52 of 1,001). */}
          <table
            className="plugboard-table"
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
                <th scope="col">{messages.actionsColumn}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((connection, index) => (
                <ConnectionRow
                  key={connection.id}
                  connection={connection}
                  provider={providers.get(connection.provider)!}
                  canDelete={canDelete}
                  rowIndex={paged ? current * perPage + index + 2 : undefined}
                  {...on}
                />
              ))}
            </tbody>
          </table>
          {paged ? (
            <ConnectionPager page={current} pageCount={pageCount} pageSize={perPage} total={connections.length} onPageChange={setPage} statusId={rangeId} />
          ) : null}
        </>
      )}
    </section>
  )
}
