'use client'
import { useConnectContext } from '../hooks/ConnectContext'
import { RequestReference } from './RequestReference'
import { describeError } from '../model/describeError'
import type { OAuthFlow } from '../hooks/useOAuthFlow'
import type { ClassNames } from './classNames'
import { cx } from './classNames'

/** Props of {@link OAuthStatus}. */
export interface OAuthStatusProps {
  /** The flow from `useOAuthFlow` (or `useConnect().oauth`). */
  oauth: OAuthFlow
  /** The provider's name for people. */
  displayName: string
  /** Extra class on the root element. */
  className?: string
  /** Extra classes for inner parts: `actions` (the row of buttons) and `button` (each of them). */
  classNames?: ClassNames<'actions' | 'button'>
}

/**
 * Tells the person where an OAuth sign-in is: waiting (with a way to raise or cancel the window),
 * blocked (with a button that opens it from a fresh click), failed, or cancelled; in the last
 * minute before the sign-in times out, says so and offers to keep waiting.
 */
export function OAuthStatus({ oauth, displayName, className, classNames }: OAuthStatusProps) {
  const { messages } = useConnectContext('OAuthStatus')
  const { status } = oauth
  if (status === 'idle' || status === 'succeeded') return null
  const failed = status === 'failed' || status === 'blocked'
  // The flow's last minute: say so, and let the person keep the window open for longer.
  const expiring = oauth.expiresAt !== undefined && oauth.isActive && status !== 'finishing'
  const secondsLeft = oauth.expiresAt === undefined ? 0 : Math.max(0, Math.round((oauth.expiresAt - Date.now()) / 1000))
  const actions = (variant: 'primary' | 'secondary', label: string, onClick: () => void) => (
    <div className={cx('plugboard-actions', classNames?.actions)}>
      <button type="button" className={cx('plugboard-button', classNames?.button)} data-variant={variant} onClick={onClick}>
        {label}
      </button>
      <button type="button" className={cx('plugboard-button', classNames?.button)} data-variant="ghost" onClick={oauth.cancel}>
        {messages.cancel}
      </button>
    </div>
  )
  return (
    <div className={cx('plugboard-oauth-status', className)} data-state={status} role={failed ? 'alert' : 'status'}>
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
      {expiring ? (
        <div className="plugboard-expiry">
          <p className="plugboard-message" data-tone="warning">
            {messages.popupTimeoutSoon(displayName, secondsLeft)}
          </p>
          <div className="plugboard-actions">
            <button type="button" className="plugboard-button" data-variant="primary" onClick={oauth.keepWaiting}>
              {messages.keepWaiting}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
