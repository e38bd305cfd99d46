'use client'
import { useEffect, useId, useRef } from 'react'
import type { ReactNode } from 'react'
import { useConnectContext } from '../hooks/ConnectContext'

/** Props of {@link Dialog}. */
export interface DialogProps {
  /** Whether the dialog is shown (modal). */
  open: boolean
  /** Called when the person closes it (close button or Escape). */
  onClose: () => void
  /** The heading, also the dialog's accessible name. */
  title: ReactNode
  /** Content; mounted only while open, so each opening starts fresh. */
  children?: ReactNode
  /** Extra class on the `<dialog>`. */
  className?: string
  /** Dialog role: `alertdialog` for confirmations. @default 'dialog' */
  role?: 'dialog' | 'alertdialog'
}

/**
 * The kit's modal: a native `<dialog>` opened with `showModal()`, so focus is trapped, the page
 * behind is inert and Escape closes it. Labelled by its title.
 */
export function Dialog({ open, onClose, title, children, className, role }: DialogProps) {
  const { messages } = useConnectContext('Dialog')
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog
      ref={ref}
      className={['plugboard-dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      data-state={open ? 'open' : 'closed'}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <div className="plugboard-dialog-header">
        <h2 id={titleId} className="plugboard-dialog-title plugboard-clamp" title={typeof title === 'string' && title.length > 40 ? title : undefined}>
          {title}
        </h2>
        <button type="button" className="plugboard-dialog-close" aria-label={messages.close} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {open ? <div className="plugboard-dialog-body">{children}</div> : null}
    </dialog>
  )
}
