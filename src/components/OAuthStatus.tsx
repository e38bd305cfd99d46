'use client'
import { useConnectContext } from '../hooks/ConnectContext'
import { RequestReference } from './RequestReference'
import { describeError } from '../model/describeError'
import type { OAuthFlow } from '../hooks/useOAuthFlow'

/** Props of {@link OAuthStatus}. */
export interface OAuthStatusProps {
  /** The flow from `useOAuthFlow` (or `useConnect().oauth`). */
  oauth: OAuthFlow
  /** The provider's name for people. */
  displayName: string
}

/**
 * Tells the person where an OAuth sign-in is: waiting (with a way to raise or cancel the window),
 * blocked (with a button that opens it from a fresh click), failed, or cancelled.
 */
export function OAuthStatus({ oauth, displayName }: OAuthStatusProps) {
  const { messages } = useConnectContext('OAuthStatus')
  const { status } = oauth
  if (status === 'idle' || status === 'succeeded') return null
  const failed = status === 'failed' || status === 'blocked'
  const actions = (variant: 'primary' | 'secondary', label: string, onClick: () => void) => (
    <div className="plugboard-actions">
      <button type="button" className="plugboard-button" data-variant={variant} onClick={onClick}>
        {label}
      </button>
      <button type="button" className="plugboard-button" data-variant="ghost" onClick={oauth.cancel}>
        {messages.cancel}
      </button>
    </div>
  )
  return (
    <div className="plugboard-oauth-status" data-state={status} role={failed ? 'alert' : 'status'}>
      {status === 'starting' || status === 'waiting' ? (
        <>
          <p className="plugboard-message">{messages.waitingForPopup(displayName)}</p>
          {actions('secondary', messages.focusPopup, oauth.focus)}
        </>
      ) : status === 'finishing' ? (
        <p className="plugboard-message">{messages.finishingSignIn(displayName)}</p>
      ) : status === 'blocked' ? (
        <>
          <p className="plugboard-message" data-tone="error">{messages.popupBlocked(displayName)}</p>
          {actions('primary', messages.openSignInWindow, oauth.openBlockedPopup)}
        </>
      ) : status === 'cancelled' ? (
        <p className="plugboard-message">{messages.popupClosed}</p>
      ) : (
        <p className="plugboard-message" data-tone="error">
          {describeError(oauth.error, messages, displayName)} <RequestReference error={oauth.error} />
        </p>
      )}
    </div>
  )
}
