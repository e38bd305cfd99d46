'use client'
import { useConnectContext } from '../hooks/ConnectContext'
import type { SchemeFieldProps } from '../hooks/useSchemeFields'
import { safeUrl } from '../model/connectionName'
import { cx } from './classNames'
import { useFormParts } from './formParts'
import { HelpText } from './HelpText'

/** The help under a field: platform text (inline code and links allowed) and a "where to find this" link. */
function FieldHelp({ field, helpProps }: Pick<SchemeFieldProps, 'field' | 'helpProps'>) {
  const { messages } = useConnectContext('AuthSchemeForm')
  // A docs link from the platform is shown only when it is https (or loopback http).
  const docsUrl = safeUrl(field.docsUrl)
  const parts = useFormParts()
  if (!field.help && !docsUrl) return null
  return (
    <p className={cx('plugboard-help', parts.help)} {...helpProps}>
      {field.help ? <HelpText text={field.help} /> : null}
      {field.help && docsUrl ? ' ' : null}
      {docsUrl ? (
        <a href={docsUrl} target="_blank" rel="noreferrer noopener">
          {messages.whereToFind}
        </a>
      ) : null}
    </p>
  )
}

/**
 * A field's label; an optional one reads as the whole `optionalField` message, so a translation
 * places the mark where its grammar wants it. The words around the label are muted.
 */
function FieldLabelText({ field }: Pick<SchemeFieldProps, 'field'>) {
  const { messages } = useConnectContext('AuthSchemeForm')
  if (field.required) return <>{field.label}</>
  const text = messages.optionalField(field.label)
  const at = text.indexOf(field.label)
  if (!field.label || at < 0) return <>{text}</>
  const before = text.slice(0, at)
  const after = text.slice(at + field.label.length)
  return (
    <>
      {before ? <span className="plugboard-optional">{before}</span> : null}
      {field.label}
      {after ? <span className="plugboard-optional">{after}</span> : null}
    </>
  )
}

function FieldError({ error, errorProps }: Pick<SchemeFieldProps, 'error' | 'errorProps'>) {
  const parts = useFormParts()
  return error ? (
    <p className={cx('plugboard-error', parts.error)} {...errorProps}>
      {error}
    </p>
  ) : null
}

/** A group of checkboxes (scopes to grant), labelled by a legend. */
function ChoicesField({ field, error, labelProps, inputProps, helpProps, errorProps, choices = [] }: SchemeFieldProps) {
  const parts = useFormParts()
  return (
    <fieldset
      className={cx('plugboard-field plugboard-choices', parts.field)}
      data-invalid={error ? '' : undefined}
      data-kind={field.kind}
      aria-describedby={inputProps['aria-describedby']}
    >
      <legend className={cx('plugboard-label', parts.label)} id={labelProps.id}>
        <FieldLabelText field={field} />
      </legend>
      {choices.map((choice) => (
        <label key={choice.value} className="plugboard-choice">
          <input className="plugboard-checkbox" aria-invalid={Boolean(error)} {...choice.inputProps} />
          {choice.label}
        </label>
      ))}
      <FieldHelp field={field} helpProps={helpProps} />
      <FieldError error={error} errorProps={errorProps} />
    </fieldset>
  )
}

/**
 * One credential field: its label, the input that suits its kind (text, masked secret, select,
 * multi-line secret, PEM block with a file picker), the secret's reveal toggle, Generate and Copy
 * where offered, help and error. A private key in place shows only a summary and Replace.
 */
export function CredentialField(props: SchemeFieldProps) {
  const { messages } = useConnectContext('AuthSchemeForm')
  const { field, error, labelProps, inputProps, helpProps, errorProps, reveal, file, loadedKey, generate, copy } = props
  const parts = useFormParts()
  if (field.kind === 'choices') return <ChoicesField {...props} />
  const multiline = field.kind === 'textarea' || field.kind === 'pem'
  return (
    <div className={cx('plugboard-field', parts.field)} data-invalid={error ? '' : undefined} data-kind={field.kind}>
      <label className={cx('plugboard-label', parts.label)} {...labelProps} htmlFor={loadedKey ? loadedKey.replaceProps.id : labelProps.htmlFor}>
        <FieldLabelText field={field} />
      </label>
      {loadedKey ? (
        <div className="plugboard-loaded-key" data-state="loaded">
          <span className="plugboard-loaded-summary">{loadedKey.summary}</span>
          <span aria-hidden="true"> · </span>
          <button
            type="button"
            className="plugboard-link-button"
            aria-describedby={inputProps['aria-describedby']}
            {...loadedKey.replaceProps}
            onClick={loadedKey.replace}
          >
            {messages.replace}
          </button>
        </div>
      ) : (
        <div className="plugboard-control" data-multiline={multiline ? '' : undefined}>
          {field.kind === 'select' ? (
            <select className={cx('plugboard-input', parts.input)} {...inputProps}>
              <option value="">{'—'}</option>
              {(field.options ?? []).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          ) : multiline ? (
            <textarea className={cx('plugboard-input', parts.input)} rows={field.kind === 'pem' ? 5 : 3} spellCheck={false} autoCapitalize="off" {...inputProps} />
          ) : (
            <input className={cx('plugboard-input', parts.input)} spellCheck={false} autoCapitalize="off" {...inputProps} />
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
      )}
      {(file && !loadedKey) || generate || copy ? (
        <div className="plugboard-field-actions">
          {file && !loadedKey ? (
            <label className="plugboard-button plugboard-file" data-variant="secondary" data-size="small">
              <input className="plugboard-visually-hidden" {...file.inputProps} />
              <span aria-hidden="true">{messages.chooseFile}</span>
            </label>
          ) : null}
          {generate ? (
            <button type="button" className="plugboard-button" data-variant="secondary" data-size="small" aria-label={messages.generateLabel(field.label)} onClick={generate}>
              {messages.generate}
            </button>
          ) : null}
          {copy ? (
            <>
              <button type="button" className="plugboard-button" data-variant="secondary" data-size="small" aria-label={messages.copyLabel(field.label)} onClick={copy.copy}>
                {messages.copy}
              </button>
              <span className="plugboard-copy-status" role="status" data-state={copy.status}>
                {copy.status === 'copied' ? messages.copied : copy.status === 'failed' ? messages.copyFailed : ''}
              </span>
            </>
          ) : null}
        </div>
      ) : null}
      <FieldHelp field={field} helpProps={helpProps} />
      <FieldError error={error} errorProps={errorProps} />
    </div>
  )
}
