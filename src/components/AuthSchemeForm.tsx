'use client'
import { useEffect, useMemo, useRef } from 'react'
import { useConnectContext } from '../hooks/ConnectContext'
import type { MethodOptionProps, UseAuthSchemeFormOptions } from '../hooks/useAuthSchemeForm'
import { useAuthSchemeForm } from '../hooks/useAuthSchemeForm'
import { describeUnsupported } from '../model/describeError'
import type { SchemeFieldProps } from '../hooks/useSchemeFields'
import type { CredentialPart } from '../model/ProviderSpec'
import type { SchemeFact } from '../schemes/SchemeDescriptor'
import { OAuthStatus } from './OAuthStatus'
import { RequestReference } from './RequestReference'
import type { ClassNames } from './classNames'
import { cx } from './classNames'
import { CredentialField } from './CredentialField'
import { FormSkeleton } from './FormSkeleton'
import type { AuthSchemeFormPart } from './formParts'
import { FormPartsContext, useFormParts } from './formParts'

/** Props of {@link AuthSchemeForm}. */
export interface AuthSchemeFormProps extends UseAuthSchemeFormOptions {
  /** Shows a Cancel button that calls this. */
  onDismiss?: () => void
  /** Extra class on the `<form>`. */
  className?: string
  /** Extra classes for inner parts, fields included (see `AuthSchemeFormPart`). */
  classNames?: ClassNames<AuthSchemeFormPart>
}

/** The radio group that picks one of several sign-in methods; native radios give arrow-key movement. */
function MethodPicker({ methods }: { methods: MethodOptionProps[] }) {
  const { messages } = useConnectContext('AuthSchemeForm')
  const parts = useFormParts()
  return (
    <fieldset className={cx('plugboard-methods', parts.methods)}>
      <legend className={cx('plugboard-label', parts.label)}>{messages.chooseMethod}</legend>
      {methods.map(({ method, inputProps, labelProps }) => (
        <label key={method.id} className={cx('plugboard-method', parts.method)} data-state={inputProps.checked ? 'checked' : 'unchecked'} {...labelProps}>
          <input className="plugboard-radio" {...inputProps} />
          <bdi>{method.label}</bdi>
        </label>
      ))}
    </fieldset>
  )
}

/**
 * The fields in order. A method of several parts (an OAuth client and its mTLS certificate) groups
 * each part's fields under a legend naming it, so people see which credential each field belongs to.
 */
function Fields({ parts, fields }: { parts: CredentialPart[]; fields: SchemeFieldProps[] }) {
  const { messages } = useConnectContext('AuthSchemeForm')
  const render = (list: SchemeFieldProps[]) => list.map((props) => <CredentialField key={props.field.name} {...props} />)
  if (parts.length < 2) return <>{render(fields)}</>
  const ofPart = (index: number) => fields.filter((props) => props.field.name.startsWith(`credentials.${index}.`))
  return (
    <>
      {parts.map((part, index) =>
        ofPart(index).length > 0 ? (
          <fieldset key={index} className="plugboard-part" data-scheme={part.scheme}>
            <legend className="plugboard-part-legend">{messages.scheme[part.scheme] ?? part.scheme}</legend>
            {render(ofPart(index))}
          </fieldset>
        ) : null,
      )}
      {render(fields.filter((props) => !props.field.name.startsWith('credentials.')))}
    </>
  )
}

/**
 * Rarely needed fields (a base URL override) under a native disclosure, open when one of them holds
 * a value or an error, so nothing typed or refused is ever hidden.
 */
function Advanced({ fields, valueOf }: { fields: SchemeFieldProps[]; valueOf: (name: string) => unknown }) {
  const { messages } = useConnectContext('AuthSchemeForm')
  const ref = useRef<HTMLDetailsElement>(null)
  const errors = fields.map((props) => props.error ?? '').join('\n').trim()
  // Opens by itself (the person may close it again): on a refused value, and when it starts with one.
  useEffect(() => {
    if (errors && ref.current) ref.current.open = true
  }, [errors])
  const filled = fields.some((props) => (valueOf(props.field.name) ?? '') !== '')
  useEffect(() => {
    if (filled && ref.current) ref.current.open = true
    // Only on mount: typing must not fight the person's own toggling.
  }, [])
  if (fields.length === 0) return null
  return (
    <details ref={ref} className="plugboard-advanced">
      <summary className="plugboard-advanced-summary">{messages.advanced}</summary>
      {fields.map((props) => (
        <CredentialField key={props.field.name} {...props} />
      ))}
    </details>
  )
}

/** Read-only facts about the chosen method, such as how an HMAC signature is computed. */
function Facts({ facts }: { facts: SchemeFact[] }) {
  return (
    <dl className="plugboard-facts">
      {facts.map((fact) => (
        <div key={fact.term} className="plugboard-fact">
          <dt>{fact.term}</dt>
          <dd>{fact.detail}</dd>
        </div>
      ))}
    </dl>
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
export function AuthSchemeForm({ classNames, ...props }: AuthSchemeFormProps) {
  // The same parts object until the classes change, so fields do not render again for nothing.
  const key = JSON.stringify(classNames ?? {})
  const parts = useMemo(() => JSON.parse(key) as ClassNames<AuthSchemeFormPart>, [key])
  return (
    <FormPartsContext.Provider value={parts}>
      <CredentialForm {...props} />
    </FormPartsContext.Provider>
  )
}

function CredentialForm({ onDismiss, className, ...options }: Omit<AuthSchemeFormProps, 'classNames'>) {
  const parts = useFormParts()
  const { messages, theme } = useConnectContext('AuthSchemeForm')
  const state = useAuthSchemeForm(options)
  const { status, method, displayName } = state
  const classes = ['plugboard', 'plugboard-form', className].filter(Boolean).join(' ')

  if (status === 'loading') {
    return (
      <div className={classes} data-theme={theme} data-state="loading" role="status" aria-busy="true">
        <FormSkeleton label={messages.loadingProvider} />
      </div>
    )
  }
  if (status === 'error' || status === 'unsupported' || !method) {
    return (
      <div className={classes} data-theme={theme} data-state={status}>
        <p className="plugboard-message" data-tone="error" role="alert">
          {status === 'error' ? messages.providerLoadError(displayName, state.formError) : describeUnsupported(state.spec, messages, displayName)}
        </p>
        {status === 'error' ? (
          <button type="button" className="plugboard-button" data-variant="secondary" onClick={state.retry}>
            {messages.retry}
          </button>
        ) : null}
      </div>
    )
  }

  const popup = method.flow === 'popup'
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
      data-theme={theme}
      data-state={state.isPending ? 'pending' : 'idle'}
      data-method={method.id}
      data-flow={method.flow}
      aria-busy={state.isPending}
      noValidate
      onSubmit={state.onSubmit}
    >
      {state.methods.length > 0 ? <MethodPicker methods={state.methods} /> : null}
      {popup && state.fields.length > 0 ? <p className="plugboard-message">{messages.popupSchemeIntro(displayName)}</p> : null}
      {/* Connection fields (a name, a base URL) are no credentials: say so whenever none is asked. */}
      {method.flow === 'form' && !state.fields.some((props) => props.field.name.startsWith('credentials.')) ? (
        <p className="plugboard-message">{messages.noCredentialsNeeded(displayName)}</p>
      ) : null}
      {state.facts.length > 0 ? <Facts facts={state.facts} /> : null}
      {state.formError ? (
        <p className={cx('plugboard-form-error plugboard-message', parts.formError)} data-tone="error" role="alert">
          {state.formError} <RequestReference error={state.failure} />
        </p>
      ) : null}
      <Fields parts={method.method.parts} fields={state.fields.filter((props) => !props.field.advanced)} />
      <Advanced fields={state.fields.filter((props) => props.field.advanced)} valueOf={(name) => state.form.getValues(name)} />
      {popup || method.flow === 'steps' ? <OAuthStatus oauth={state.oauth} displayName={displayName} /> : null}
      <div className={cx('plugboard-actions', parts.actions)}>
        {onDismiss ? (
          <button type="button" className={cx('plugboard-button', parts.cancel)} data-variant="ghost" onClick={onDismiss}>
            {messages.cancel}
          </button>
        ) : null}
        <button
          type="submit"
          className={cx('plugboard-button', parts.submit)}
          data-variant="primary"
          aria-disabled={state.isPending}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  )
}
