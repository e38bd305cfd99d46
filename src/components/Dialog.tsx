'use client'
import { useEffect, useId, useRef } from 'react'
import type { ReactNode } from 'react'
import { useConnectContext } from '../hooks/ConnectContext'
import type { ClassNames } from './classNames'
import { cx } from './classNames'

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
  /** Extra classes for inner parts (see `DialogPart`). */
  classNames?: ClassNames<DialogPart>
  /** Dialog role: `alertdialog` for confirmations. @default 'dialog' */
  role?: 'dialog' | 'alertdialog'
}

/** The inner parts of `Dialog` a `classNames` entry can style. */
export type DialogPart = 'header' | 'title' | 'close' | 'body'

/**
 * The kit's modal: a native `<dialog>` opened with `showModal()`, so focus is trapped, the page
 * behind is inert and Escape closes it. Labelled by its title. A kit root of its own (themed like
 * the provider), so it looks the same used alone as inside a `ConnectButton`.
 */
export function Dialog({ open, onClose, title, children, className, classNames, role }: DialogProps) {
  const { messages, theme } = useConnectContext('Dialog')
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
      className={cx('plugboard', 'plugboard-dialog', className)}
      data-theme={theme}
      aria-labelledby={titleId}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      data-state={open ? 'open' : 'closed'}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <div className={cx('plugboard-dialog-header', classNames?.header)}>
        <h2 id={titleId} className={cx('plugboard-dialog-title plugboard-clamp', classNames?.title)} title={typeof title === 'string' && title.length > 40 ? title : undefined}>
          {title}
        </h2>
        <button type="button" className={cx('plugboard-dialog-close', classNames?.close)} aria-label={messages.close} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {open ? <div className={cx('plugboard-dialog-body', classNames?.body)}>{children}</div> : null}
    </dialog>
  )
}
