'use client'
import type { ReactNode } from 'react'
import type { AmpersandProviderName } from '../model/providerNames'
import { AuthSchemeFormLoader, preloadAuthSchemeForm } from './AuthSchemeFormLoader'
import { useConnectContext } from '../hooks/ConnectContext'
import { Dialog } from './Dialog'
import { describeError, describeUnsupported } from '../model/describeError'
import type { ClassNames } from './classNames'
import { cx } from './classNames'
import { ProviderLogo } from './ProviderLogo'
import { OAuthStatus } from './OAuthStatus'
import { RequestReference } from './RequestReference'
import type { UseConnectOptions } from '../hooks/useConnect'
import { useConnect } from '../hooks/useConnect'

/** Props of {@link ConnectButton}. */
export interface ConnectButtonProps extends UseConnectOptions {
  /** The provider's id: Ampersand's catalog names autocomplete; any other id (a Versori template) works too. */
  provider: AmpersandProviderName | (string & {})
  /** Button content. @default "Connect {provider}" or "Reconnect" */
  children?: ReactNode
  /** Extra class on the root element. */
  className?: string
  /** Extra classes for inner parts (see `ConnectButtonPart`). */
  classNames?: ClassNames<ConnectButtonPart>
  /**
   * `full` shows the existing connection's status beside the button; `reconnect` is a bare
   * "Reconnect" button (as in `ConnectionList` rows).
   * @default 'full'
   */
  variant?: 'full' | 'reconnect'
  /**
   * Shows the provider's logo in the button: the platform's icon (only `https:` URLs, loaded lazily,
   * never blocking the button), or a monogram in the provider's colour when it has none or it fails.
   * @default true for `variant="full"`, false for `variant="reconnect"`
   */
  showLogo?: boolean
}

/** The inner parts of `ConnectButton` a `classNames` entry can style. */
export type ConnectButtonPart = 'button' | 'logo' | 'status' | 'error' | 'dialog'

/**
 * One button that connects a provider with the right flow: the OAuth window for authorization
 * code providers, or a credential form in a modal dialog for every other scheme. When the consumer
 * already has a connection it says so and offers to reconnect. The credential form is its own
 * chunk, downloaded on first hover, focus or open: an OAuth-only page never loads it.
 *
 * @example
 * <ConnectButton provider="salesforce" onSuccess={(connection) => setConnectedId(connection.id)} />
 */
export function ConnectButton({ children, className, classNames, variant = 'full', showLogo = variant === 'full', ...options }: ConnectButtonProps) {
  const { messages, theme } = useConnectContext('ConnectButton')
  const c = useConnect(options)
  const existing = c.existingConnection
  const reconnecting = existing !== undefined
  const label =
    children ??
    (c.status === 'loading'
      ? messages.loadingProvider
      : c.oauth.isActive && c.oauth.status !== 'blocked'
      ? messages.connecting(c.displayName)
      : reconnecting
        ? variant === 'reconnect'
          ? messages.reconnect
          : messages.reconnectProvider(c.displayName)
        : messages.connect(c.displayName))

  return (
    <div
      className={cx('plugboard', 'plugboard-connect', className)}
      data-theme={theme}
      data-state={c.status === 'ready' ? (c.oauth.isActive ? 'pending' : reconnecting ? 'connected' : 'idle') : c.status}
      data-provider={options.provider}
    >
      {variant === 'full' && existing ? (
        <p className={cx('plugboard-connect-status plugboard-status', classNames?.status)} data-status={existing.status} role="status">
          {existing.status === 'bad_credentials'
            ? messages.connectionNeedsAttention(c.displayName)
            : messages.connected(c.displayName)}
        </p>
      ) : null}
      {/* After a load error only Retry is offered: a Connect that cannot know what it would do is no button. */}
      {c.status === 'error' ? null : (
        <button
          type="button"
          className={cx('plugboard-button plugboard-connect-button', classNames?.button)}
          data-variant={reconnecting ? 'secondary' : 'primary'}
          aria-disabled={c.isBusy}
          aria-busy={c.status === 'loading' || c.oauth.isActive}
          aria-label={variant === 'reconnect' && !children ? messages.reconnectProvider(c.displayName) : undefined}
          title={typeof label === 'string' && label.length > 40 ? label : undefined}
          onClick={c.connect}
          // A form opens on click: start its download when the pointer or focus arrives.
          onPointerEnter={c.mode === 'form' ? preloadAuthSchemeForm : undefined}
          onFocus={c.mode === 'form' ? preloadAuthSchemeForm : undefined}
        >
          {showLogo ? (
            // Only https (or loopback http) images from the platform; a monogram otherwise.
            <ProviderLogo provider={options.provider} displayName={c.displayName} iconUrl={c.spec?.iconUrl} size={20} className={classNames?.logo} />
          ) : null}
          {/* Bounded: two lines at most, the rest an ellipsis; the full text stays the accessible name and shows on hover. */}
          <span className="plugboard-clamp">{label}</span>
        </button>
      )}
      {c.status === 'error' ? (
        <div className={cx('plugboard-connect-error', classNames?.error)} role="alert">
          <p className="plugboard-message" data-tone="error">
            {c.spec
              ? messages.connectionsError(describeError(c.error, messages, c.displayName))
              : messages.providerLoadError(c.displayName, describeError(c.error, messages, c.displayName))}{' '}
            <RequestReference error={c.error} />
          </p>
          <button type="button" className="plugboard-button" data-variant="secondary" onClick={c.retry}>
            {messages.retry}
          </button>
        </div>
      ) : null}
      {c.status === 'unsupported' ? (
        <p className="plugboard-message" data-tone="error" role="alert">
          {describeUnsupported(c.spec, messages, c.displayName)}
        </p>
      ) : null}
      {c.mode === 'popup' ? <OAuthStatus oauth={c.oauth} displayName={c.displayName} /> : null}
      {c.mode === 'form' ? (
        <Dialog
          open={c.isFormOpen}
          onClose={c.closeForm}
          className={classNames?.dialog}
          title={reconnecting ? messages.dialogTitleReconnect(c.displayName) : messages.dialogTitle(c.displayName)}
        >
          <AuthSchemeFormLoader
            provider={options.provider}
            connection={existing}
            popupTimeoutMs={options.popupTimeoutMs}
            onSuccess={c.completeForm}
            onError={options.onError}
            onCancel={options.onCancel}
            onEvent={options.onEvent}
            flowId={c.flowId}
            onDismiss={c.closeForm}
          />
        </Dialog>
      ) : null}
    </div>
  )
}
