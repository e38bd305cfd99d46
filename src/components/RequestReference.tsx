'use client'
import { useConnectContext } from '../hooks/ConnectContext'
import { ConnectError } from '../model/ConnectError'

/** Props of {@link RequestReference}. */
export interface RequestReferenceProps {
  /** The error whose request id to show, if it has one. */
  error: unknown
  /** Extra class on the element. */
  className?: string
}

/**
 * The platform's request id of a failure, in small print beside the error, so support can find the
 * request. Renders nothing when the platform sent no id.
 */
export function RequestReference({ error, className }: RequestReferenceProps) {
  const { messages } = useConnectContext('RequestReference')
  const id = error instanceof ConnectError ? error.requestId : undefined
  if (!id) return null
  return (
    <small className={['plugboard-request-id', className].filter(Boolean).join(' ')}>
      {messages.requestId} <bdi>{id.slice(0, 120)}</bdi>
    </small>
  )
}
