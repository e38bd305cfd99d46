'use client'
import { useConnectContext } from './ConnectProvider'
import { OAuthStatus } from './OAuthStatus'
import type { SchemeFieldProps, UseAuthSchemeFormOptions } from './useAuthSchemeForm'
import { useAuthSchemeForm } from './useAuthSchemeForm'

/** Props of {@link AuthSchemeForm}. */
export interface AuthSchemeFormProps extends UseAuthSchemeFormOptions {
  /** Shows a Cancel button that calls this. */
  onDismiss?: () => void
  /** Extra class on the `<form>`. */
  className?: string
}

function SchemeFieldView({ field, error, labelProps, inputProps, helpProps, errorProps, reveal }: SchemeFieldProps) {
  const { messages } = useConnectContext('AuthSchemeForm')
  return (
    <div className="plugboard-field" data-invalid={error ? '' : undefined} data-kind={field.kind}>
      <label className="plugboard-label" {...labelProps}>
        {field.label}
        {field.required ? null : <span className="plugboard-optional"> ({messages.optional})</span>}
      </label>
      <div className="plugboard-control">
        {field.kind === 'select' ? (
          <select className="plugboard-input" {...inputProps}>
            <option value="">{'—'}</option>
            {(field.options ?? []).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ) : (
          <input className="plugboard-input" spellCheck={false} {...inputProps} />
        )}
        {reveal ? (
          <button
            type="button"
            className="plugboard-reveal"
            aria-pressed={reveal.revealed}
            aria-controls={inputProps.id}
            aria-label={reveal.revealed ? messages.hideSecret(field.label) : messages.showSecret(field.label)}
            onClick={reveal.toggle}
          >
            <span aria-hidden="true">{reveal.revealed ? messages.hide : messages.show}</span>
          </button>
        ) : null}
      </div>
      {field.help || field.docsUrl ? (
        <p className="plugboard-help" {...helpProps}>
          {field.help}
          {field.help && field.docsUrl ? ' ' : null}
          {field.docsUrl ? (
            <a href={field.docsUrl} target="_blank" rel="noreferrer noopener">
              {messages.whereToFind}
            </a>
          ) : null}
        </p>
      ) : null}
      {error ? (
        <p className="plugboard-error" {...errorProps}>
          {error}
        </p>
      ) : null}
    </div>
  )
}

/**
 * The credential form for one provider, chosen from its catalog entry: a real `<form>` (Enter
 * submits) with a visible label on every input, help and errors tied by `aria-describedby`,
 * masked secrets with a reveal toggle, and server field errors under the right input. For OAuth
 * providers it collects any workspace or metadata, then opens the sign-in window.
 *
 * @example
 * <AuthSchemeForm provider="openAI" onSuccess={(connection) => navigate('/integrations')} />
 */
export function AuthSchemeForm({ onDismiss, className, ...options }: AuthSchemeFormProps) {
  const { messages } = useConnectContext('AuthSchemeForm')
  const state = useAuthSchemeForm(options)
  const { status, scheme, displayName } = state
  const classes = ['plugboard', 'plugboard-form', className].filter(Boolean).join(' ')

  if (status === 'loading') {
    return (
      <div className={classes} data-state="loading" role="status" aria-busy="true">
        <p className="plugboard-message">{messages.loadingProvider}</p>
      </div>
    )
  }
  if (status === 'error' || status === 'unsupported' || !scheme) {
    return (
      <div className={classes} data-state={status}>
        <p className="plugboard-message" data-tone="error" role="alert">
          {status === 'error' ? `${messages.providerLoadError(displayName)} ${state.formError ?? ''}`.trim() : messages.unsupportedScheme(displayName)}
        </p>
        {status === 'error' ? (
          <button type="button" className="plugboard-button" data-variant="secondary" onClick={state.retry}>
            {messages.retry}
          </button>
        ) : null}
      </div>
    )
  }

  const popup = scheme.flow === 'popup'
  const submitLabel = state.isPending && !popup
    ? messages.submitting
    : popup
      ? messages.continueInPopup(displayName)
      : state.isReconnect
        ? messages.submitReconnect
        : messages.submit
  return (
    <form
      className={classes}
      data-state={state.isPending ? 'pending' : 'idle'}
      data-scheme={scheme.id}
      aria-busy={state.isPending}
      noValidate
      onSubmit={state.onSubmit}
    >
      {popup && state.fields.length > 0 ? <p className="plugboard-message">{messages.popupSchemeIntro(displayName)}</p> : null}
      {scheme.id === 'none' ? <p className="plugboard-message">{messages.noCredentialsNeeded(displayName)}</p> : null}
      {state.formError ? (
        <p className="plugboard-form-error plugboard-message" data-tone="error" role="alert">
          {state.formError}
        </p>
      ) : null}
      {state.fields.map((props) => (
        <SchemeFieldView key={props.field.name} {...props} />
      ))}
      {popup || scheme.flow === 'steps' ? <OAuthStatus oauth={state.oauth} displayName={displayName} /> : null}
      <div className="plugboard-actions">
        {onDismiss ? (
          <button type="button" className="plugboard-button" data-variant="ghost" onClick={onDismiss}>
            {messages.cancel}
          </button>
        ) : null}
        <button
          type="submit"
          className="plugboard-button"
          data-variant="primary"
          aria-disabled={state.isPending}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  )
}
