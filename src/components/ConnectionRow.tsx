'use client'
import { memo, useMemo, useRef, useState } from 'react'
import type { RefObject } from 'react'
import { flushSync } from 'react-dom'
import { useConnectContext } from '../hooks/ConnectContext'
import type { ProviderSummary } from '../hooks/useProviderSummaries'
import type { Connection } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'
import type { ConnectEventDetail, ConnectEventHandler } from '../model/ConnectEvent'
import { emitConnectEvent, errorDetail, newFlowId } from '../model/ConnectEvent'
import { describeError } from '../model/describeError'
import { formatDate, formatDateTime } from '../model/formatDate'
import type { ClassNames } from './classNames'
import { cx } from './classNames'
import { ConnectButton } from './ConnectButton'
import { DeleteConnectionDialog } from './DeleteConnectionDialog'
import { ProviderLogo } from './ProviderLogo'
import { RequestReference } from './RequestReference'

/** The parts of a row a `ConnectionList` `classNames` entry reaches. */
export type RowClassNames = ClassNames<'row' | 'cell' | 'actions'>

/** Props of {@link ConnectionRow}. */
export interface ConnectionRowProps {
  /** The connection this row shows. */
  connection: Connection
  /** Its provider: name, and whether a reconnect can run (from `useProviderSummaries`). */
  provider: ProviderSummary
  /** Whether the backend can delete (Versori's API cannot): no Delete button otherwise. */
  canDelete: boolean
  /** Shows the provider's logo (or monogram) beside its name. @default true */
  showLogo?: boolean
  /** Extra classes for the row, its cells and its actions. */
  classNames?: RowClassNames
  /** The row's position in the whole list (the header row is 1), when the table holds only a page of it. */
  rowIndex?: number
  /** Called after a reconnect succeeds. */
  onReconnect: (connection: Connection) => void
  /** Called after the connection is deleted. */
  onDelete: (connection: Connection) => void
  /** Called with a failed reconnect or delete. */
  onError: (error: ConnectError) => void
  /** Receives the row's reconnect and delete events, before the provider's `onEvent`. */
  onEvent: ConnectEventHandler
}

/**
 * One row of `ConnectionList`. Cheap to mount a thousand times: plain cells, one shared date
 * format, and buttons that hold no flow. The reconnect flow (a full `ConnectButton`) and the delete
 * confirmation mount only in the row someone acts on, and stay for as long as the row does.
 */
export const ConnectionRow = memo(function ConnectionRow({ connection, provider, canDelete, rowIndex, showLogo = true, classNames, ...on }: ConnectionRowProps) {
  const { messages, onEvent, locale } = useConnectContext('ConnectionList')
  // A delete is an attempt of its own, from pressing Delete to its outcome.
  const deleteFlow = useRef('')
  const reportDelete = (detail: ConnectEventDetail) =>
    emitConnectEvent([on.onEvent, onEvent], detail, { flowId: deleteFlow.current, provider: connection.provider })
  const { displayName } = provider
  const actions = useRef<HTMLTableCellElement>(null)
  // undefined until Delete is first pressed: only then does the row mount its dialog.
  const [confirming, setConfirming] = useState<boolean>()
  const statusText = messages.status[connection.status] ?? messages.unknownStatus(connection.status)
  // Rows render again when their provider loads; the times need formatting only once.
  // The day in the cell, on one line; the exact time on hover.
  const created = useMemo(
    () => [formatDate(connection.createTime, messages.never, locale), formatDateTime(connection.createTime, messages.never, locale)] as const,
    [connection.createTime, messages.never, locale],
  )
  const updated = useMemo(
    () => [formatDate(connection.updateTime, messages.never, locale), formatDateTime(connection.updateTime, messages.never, locale)] as const,
    [connection.updateTime, messages.never, locale],
  )
  const cell = classNames?.cell
  // Each value cell carries its column's name (`data-label`): the stylesheet shows it beside the
  // value when the table becomes cards, so `textContent` stays the value alone.

  return (
    <tr
      className={cx('plugboard-connection', classNames?.row)}
      data-status={connection.status}
      data-provider={connection.provider}
      aria-rowindex={rowIndex}
    >
      <th scope="row" className={cx('plugboard-connection-provider', cell)}>
        <div className="plugboard-provider-cell">
          {showLogo ? <ProviderLogo provider={connection.provider} displayName={displayName} iconUrl={provider.iconUrl} size={28} /> : null}
          <div className="plugboard-provider-text">
            <span className="plugboard-clamp" title={displayName.length > 40 ? displayName : undefined}>
              {displayName}
            </span>
            {connection.name ? <bdi className="plugboard-connection-name">{connection.name}</bdi> : null}
            {connection.providerWorkspaceRef ? <span className="plugboard-connection-workspace">{connection.providerWorkspaceRef}</span> : null}
          </div>
        </div>
      </th>
      <td className={cx('plugboard-cell-detail plugboard-cell-status', cell)} data-label={messages.statusColumn}>
        <span className="plugboard-status" data-status={connection.status}>
          {statusText}
        </span>
      </td>
      <td className={cx('plugboard-cell-detail', cell)} data-label={messages.schemeColumn}>
        <span>{messages.scheme[connection.authScheme] ?? connection.authScheme}</span>
      </td>
      <td className={cx('plugboard-cell-detail plugboard-nowrap', cell)} data-label={messages.createdColumn}>
        <time className="plugboard-time" dateTime={connection.createTime} title={created[1]}>
          {created[0]}
        </time>
      </td>
      <td className={cx('plugboard-cell-detail plugboard-nowrap', cell)} data-label={messages.updatedColumn}>
        {connection.updateTime ? (
          <time className="plugboard-time" dateTime={connection.updateTime} title={updated[1]}>
            {updated[0]}
          </time>
        ) : (
          <span className="plugboard-time">{messages.never}</span>
        )}
      </td>
      <td ref={actions} className={cx('plugboard-connection-actions', cell)}>
        <div className={cx('plugboard-row-actions', classNames?.actions)}>
          <ReconnectAction
            connection={connection}
            provider={provider}
            cell={actions}
            onReconnect={on.onReconnect}
            onError={on.onError}
            onEvent={on.onEvent}
          />
          {canDelete ? (
            <>
              <button
                type="button"
                className="plugboard-button"
                data-variant="danger-ghost"
                aria-label={messages.deleteProvider(displayName)}
                onClick={() => {
                  deleteFlow.current = newFlowId()
                  setConfirming(true)
                }}
              >
                {messages.delete}
              </button>
              {confirming === undefined ? null : (
                <DeleteConnectionDialog
                  connection={connection}
                  displayName={displayName}
                  open={confirming}
                  onClose={() => setConfirming(false)}
                  onDelete={(deleted) => {
                    reportDelete({ type: 'deleted', connectionId: deleted.id })
                    on.onDelete(deleted)
                  }}
                  onError={(error) => {
                    reportDelete(errorDetail(error))
                    on.onError(error)
                  }}
                />
              )}
            </>
          ) : null}
        </div>
      </td>
    </tr>
  )
})

interface ReconnectActionProps extends Pick<ConnectionRowProps, 'connection' | 'provider' | 'onReconnect' | 'onError' | 'onEvent'> {
  /** The cell the action sits in. */
  cell: RefObject<HTMLTableCellElement | null>
}

/**
 * A row's Reconnect: until pressed, a plain button looking and named exactly like
 * `<ConnectButton variant="reconnect">`; once pressed, that `ConnectButton` itself, so every
 * reconnect (form, sign-in window, multi-step) runs through the one implementation.
 */
function ReconnectAction({ connection, provider, cell, onReconnect, onError, onEvent }: ReconnectActionProps) {
  const { messages, theme } = useConnectContext('ConnectionList')
  const [engaged, setEngaged] = useState(false)
  if (provider.status === 'error') {
    // As ConnectButton says it, without mounting one: a new observer of a failed query fetches it
    // again at once, so the row would wait out the kit's retries a second time.
    return (
      <div className="plugboard plugboard-connect" data-theme={theme} data-state="error" data-provider={connection.provider}>
        <div className="plugboard-connect-error" role="alert">
          <p className="plugboard-message" data-tone="error">
            {provider.loaded
              ? messages.connectionsError(describeError(provider.error, messages, provider.displayName))
              : messages.providerLoadError(provider.displayName, describeError(provider.error, messages, provider.displayName))}{' '}
            <RequestReference error={provider.error} />
          </p>
          <button type="button" className="plugboard-button" data-variant="secondary" onClick={provider.retry}>
            {messages.retry}
          </button>
        </div>
      </div>
    )
  }
  // A provider with no method the kit can run gets the full button at once: it says why.
  if (engaged || provider.status === 'unsupported') {
    return <ConnectButton provider={connection.provider} connection={connection} variant="reconnect" onSuccess={onReconnect} onError={onError} onEvent={onEvent} />
  }
  const ready = provider.status === 'ready'
  const label = ready ? messages.reconnect : messages.loadingProvider
  return (
    <div className="plugboard plugboard-connect" data-theme={theme} data-state={ready ? 'connected' : 'loading'} data-provider={connection.provider}>
      <button
        type="button"
        className="plugboard-button plugboard-connect-button"
        data-variant="secondary"
        aria-disabled={!ready}
        aria-busy={!ready}
        aria-label={messages.reconnectProvider(provider.displayName)}
        title={label.length > 40 ? label : undefined}
        onClick={() => {
          if (!ready) return
          // A sign-in window must open inside the click or the browser blocks it. So the full
          // button is mounted now, synchronously (the provider is already loaded, so it is ready
          // at once), takes over focus, and is handed this same click.
          flushSync(() => setEngaged(true))
          const button = cell.current?.querySelector<HTMLButtonElement>('.plugboard-connect-button')
          button?.focus()
          button?.click()
        }}
      >
        <span className="plugboard-clamp">{label}</span>
      </button>
    </div>
  )
}
