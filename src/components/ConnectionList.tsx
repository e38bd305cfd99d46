'use client'
import { useId, useState } from 'react'
import type { Connection } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'
import { isolate } from '../model/connectionName'
import { ConnectButton } from './ConnectButton'
import { RequestReference } from './RequestReference'
import { useConnectContext } from '../hooks/ConnectContext'
import { Dialog } from './Dialog'
import { describeError } from '../model/describeError'
import { useConnections } from '../hooks/useConnections'
import { useDeleteConnection } from '../hooks/useDeleteConnection'
import { useProviderSpec } from '../hooks/useProviderSpec'

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
  /** Extra class on the root element. */
  className?: string
}

function formatTime(iso: string | undefined, fallback: string) {
  if (!iso) return fallback
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return fallback
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

function ConnectionRow({ connection, ...props }: ConnectionListProps & { connection: Connection }) {
  const { messages, backend } = useConnectContext('ConnectionList')
  // Platforms whose API cannot delete (Versori's) get no Delete button, rather than one that fails.
  const canDelete = typeof backend.deleteConnection === 'function'
  const name = isolate(useProviderSpec(connection.provider).data?.displayName ?? connection.provider)
  const remove = useDeleteConnection()
  const [confirming, setConfirming] = useState(false)
  const descriptionId = useId()
  const statusText = messages.status[connection.status] ?? messages.unknownStatus(connection.status)
  return (
    <tr className="plugboard-connection" data-status={connection.status} data-provider={connection.provider}>
      <th scope="row" className="plugboard-connection-provider">
        <span className="plugboard-clamp" title={name.length > 40 ? name : undefined}>
          {name}
        </span>
        {connection.name ? <bdi className="plugboard-connection-name">{connection.name}</bdi> : null}
        {connection.providerWorkspaceRef ? (
          <span className="plugboard-connection-workspace">{connection.providerWorkspaceRef}</span>
        ) : null}
      </th>
      <td>
        <span className="plugboard-status" data-status={connection.status}>
          {statusText}
        </span>
      </td>
      <td>{messages.scheme[connection.authScheme] ?? connection.authScheme}</td>
      <td>
        <time dateTime={connection.createTime}>{formatTime(connection.createTime, messages.never)}</time>
      </td>
      <td>
        {connection.updateTime ? (
          <time dateTime={connection.updateTime}>{formatTime(connection.updateTime, messages.never)}</time>
        ) : (
          messages.never
        )}
      </td>
      <td className="plugboard-connection-actions">
        <ConnectButton
          provider={connection.provider}
          connection={connection}
          variant="reconnect"
          onSuccess={props.onReconnect}
          onError={props.onError}
        />
        {canDelete ? (
          <>
            <button
              type="button"
              className="plugboard-button"
              data-variant="danger-ghost"
              aria-label={messages.deleteProvider(name)}
              onClick={() => {
                remove.reset()
                setConfirming(true)
              }}
            >
              {messages.delete}
            </button>
            <Dialog
              open={confirming}
              onClose={() => setConfirming(false)}
              title={messages.deleteConfirmTitle(name)}
              role="alertdialog"
            >
              <p className="plugboard-message" id={descriptionId}>
                {messages.deleteConfirmBody}
              </p>
              {remove.isError ? (
                <p className="plugboard-message" data-tone="error" role="alert">
                  {messages.deleteFailed(name)} {describeError(remove.error, messages, name)} <RequestReference error={remove.error} />
                </p>
              ) : null}
              <div className="plugboard-actions">
                <button type="button" className="plugboard-button" data-variant="ghost" onClick={() => setConfirming(false)}>
                  {messages.cancel}
                </button>
                <button
                  type="button"
                  className="plugboard-button"
                  data-variant="danger"
                  aria-disabled={remove.isPending}
                  aria-describedby={descriptionId}
                  onClick={() => {
                    if (remove.isPending) return
                    remove.mutate(connection.id, {
                      onSuccess: () => {
                        setConfirming(false)
                        props.onDelete?.(connection)
                      },
                      onError: (error) => props.onError?.(error),
                    })
                  }}
                >
                  {remove.isPending ? messages.deleting : messages.delete}
                </button>
              </div>
            </Dialog>
          </>
        ) : null}
      </td>
    </tr>
  )
}

/**
 * Every connection of the group and consumer: provider, status in words, sign-in method, created
 * and updated times, with reconnect and delete (after confirmation). Shows loading, empty and
 * error states with retry; refreshes after any connect, reconnect or delete.
 *
 * @example
 * <ConnectionList onDelete={(c) => toast(`${c.provider} disconnected`)} />
 */
export function ConnectionList({ title, className, ...props }: ConnectionListProps) {
  const { messages } = useConnectContext('ConnectionList')
  const list = useConnections()
  const headingId = useId()
  const connections = list.data ?? []
  const state = list.isPending ? 'loading' : list.isError ? 'error' : connections.length === 0 ? 'empty' : 'ready'
  return (
    <section
      className={['plugboard', 'plugboard-connection-list', className].filter(Boolean).join(' ')}
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
        <table className="plugboard-table">
          <thead>
            <tr>
              <th scope="col">{messages.providerColumn}</th>
              <th scope="col">{messages.statusColumn}</th>
              <th scope="col">{messages.schemeColumn}</th>
              <th scope="col">{messages.createdColumn}</th>
              <th scope="col">{messages.updatedColumn}</th>
              <th scope="col">{messages.actionsColumn}</th>
            </tr>
          </thead>
          <tbody>
            {connections.map((connection) => (
              <ConnectionRow key={connection.id} connection={connection} {...props} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
