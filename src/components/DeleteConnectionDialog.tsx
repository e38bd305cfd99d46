'use client'
import { useId, useLayoutEffect } from 'react'
import { useConnectContext } from '../hooks/ConnectContext'
import { useDeleteConnection } from '../hooks/useDeleteConnection'
import type { Connection } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'
import { describeError } from '../model/describeError'
import { Dialog } from './Dialog'
import { RequestReference } from './RequestReference'

/** Props of {@link DeleteConnectionDialog}. */
export interface DeleteConnectionDialogProps {
  /** The connection to delete. */
  connection: Connection
  /** The provider's name for people. */
  displayName: string
  /** Whether the confirmation is shown. */
  open: boolean
  /** Called when the person cancels, and after the delete succeeds. */
  onClose: () => void
  /** Called after the connection is deleted. */
  onDelete?: (connection: Connection) => void
  /** Called when the delete fails. */
  onError?: (error: ConnectError) => void
}

/**
 * Asks before deleting a connection, naming the provider and what stops working; shows a failed
 * delete in place, with the platform's request id, and keeps the dialog open for another try.
 * `ConnectionList` mounts one for a row only once Delete is pressed there.
 */
export function DeleteConnectionDialog({ connection, displayName, open, onClose, onDelete, onError }: DeleteConnectionDialogProps) {
  const { messages } = useConnectContext('ConnectionList')
  const remove = useDeleteConnection()
  const descriptionId = useId()
  const { reset } = remove
  // Each opening starts without the previous attempt's error (before it paints).
  useLayoutEffect(() => {
    if (open) reset()
  }, [open, reset])
  return (
    <Dialog open={open} onClose={onClose} title={messages.deleteConfirmTitle(displayName)} role="alertdialog">
      <p className="plugboard-message" id={descriptionId}>
        {messages.deleteConfirmBody}
      </p>
      {remove.isError ? (
        <p className="plugboard-message" data-tone="error" role="alert">
          {messages.deleteFailed(displayName, describeError(remove.error, messages, displayName))} <RequestReference error={remove.error} />
        </p>
      ) : null}
      <div className="plugboard-actions">
        <button type="button" className="plugboard-button" data-variant="ghost" onClick={onClose}>
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
                onClose()
                onDelete?.(connection)
              },
              onError: (error) => onError?.(error),
            })
          }}
        >
          {remove.isPending ? messages.deleting : messages.delete}
        </button>
      </div>
    </Dialog>
  )
}
