'use client'
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { get, useForm } from 'react-hook-form'
import type { FieldValues, Resolver, UseFormReturn } from 'react-hook-form'
import type { Connection, CustomAuthStep } from './ConnectBackend'
import type { ConnectError } from './ConnectError'
import { toConnectError } from './ConnectError'
import { useConnectContext } from './ConnectProvider'
import { describeError } from './describeError'
import type { ProviderInfo } from './providerInfo'
import type { ResolvedScheme } from './schemes/resolveScheme'
import type { SchemeField } from './schemes/SchemeDescriptor'
import { valueAt } from './schemes/SchemeDescriptor'
import { useCreateConnection } from './useCreateConnection'
import { useInvalidateConnections } from './useInvalidateConnections'
import type { OAuthFlow } from './useOAuthFlow'
import { useOAuthFlow } from './useOAuthFlow'
import { useProviderScheme } from './useProviderScheme'
import { useUpdateConnection } from './useUpdateConnection'

/** Options of {@link useAuthSchemeForm}. */
export interface UseAuthSchemeFormOptions {
  /** The provider's catalog name. */
  provider: string
  /** Replace this connection's credentials instead of creating a connection. */
  connection?: Connection
  /** Called with the created or updated connection. */
  onSuccess?: (connection: Connection) => void
  /** Called with every failed submit or sign-in. */
  onError?: (error: ConnectError) => void
  /** Called when an OAuth sign-in window is closed by the person. */
  onCancel?: () => void
  /** OAuth popup timeout in milliseconds. @default 300000 */
  popupTimeoutMs?: number
}

/** Prop bags for one field, to spread on the view's elements. */
export interface SchemeFieldProps {
  /** The field as data. */
  field: SchemeField
  /** The error message to show, if any. */
  error: string | undefined
  /** For the `<label>`. */
  labelProps: { htmlFor: string; id: string }
  /** For the `<input>` or `<select>` (includes react-hook-form's `register`). */
  inputProps: ReturnType<UseFormReturn['register']> & {
    id: string
    type?: string
    autoComplete?: string
    'aria-invalid': boolean
    'aria-required': boolean
    'aria-describedby': string | undefined
  }
  /** For the help text element (render it when `field.help` or `field.docsUrl` is set). */
  helpProps: { id: string }
  /** For the error message element (render it when `error` is set). */
  errorProps: { id: string; role: 'alert' }
  /** For secrets: whether the value is shown, and the toggle. */
  reveal: { revealed: boolean; toggle(): void } | undefined
}

/** What {@link useAuthSchemeForm} returns. */
export interface AuthSchemeFormState {
  /** `loading` catalog entry, `error` loading it, `unsupported` scheme, or `ready`. */
  status: 'loading' | 'error' | 'unsupported' | 'ready'
  /** The provider's catalog entry once loaded. */
  providerInfo: ProviderInfo | undefined
  /** The provider's name for people. */
  displayName: string
  /** The resolved scheme once ready. */
  scheme: ResolvedScheme | undefined
  /** The react-hook-form instance, for custom views. */
  form: UseFormReturn<FieldValues>
  /** Prop bags for every field, in order. */
  fields: SchemeFieldProps[]
  /** The form's `onSubmit`: validates, then submits credentials or opens the OAuth window. */
  onSubmit(event?: FormEvent): void
  /** True while credentials are being sent or the OAuth window is open. */
  isPending: boolean
  /** A message for the whole form (e.g. a server error that names no field). */
  formError: string | undefined
  /** The OAuth flow, for popup schemes (status, blocked window, cancel). */
  oauth: OAuthFlow
  /** Whether this form replaces an existing connection's credentials. */
  isReconnect: boolean
  /** Reloads the catalog entry after a load error. */
  retry(): void
}

/** Hides every secret the person typed wherever it appears in `text`. */
function redact(text: string, secrets: string[]): string {
  return secrets.filter((secret) => secret.length >= 4).reduce((out, secret) => out.split(secret).join('••••'), text)
}

/**
 * The headless credential form for one provider: resolves its scheme from the catalog, validates
 * with the scheme's zod schema, submits through the backend, puts server field errors on the
 * right inputs, keeps what was typed after a failure and clears secrets after success.
 *
 * @example
 * const f = useAuthSchemeForm({ provider: 'openAI', onSuccess: close })
 * return <form onSubmit={f.onSubmit}>{f.fields.map((p) => <input key={p.field.name} {...p.inputProps} />)}</form>
 */
export function useAuthSchemeForm(options: UseAuthSchemeFormOptions): AuthSchemeFormState {
  const { messages, backend, scope } = useConnectContext('useAuthSchemeForm')
  const invalidate = useInvalidateConnections()
  const { status, providerInfo, displayName, scheme, error: loadError, retry } = useProviderScheme(options.provider)
  const latest = useRef(options)
  latest.current = options
  const connectionId = options.connection?.id

  const schemeRef = useRef(scheme)
  schemeRef.current = scheme
  const resolver = useCallback<Resolver<FieldValues>>(
    (values, context, resolverOptions) =>
      schemeRef.current
        ? standardSchemaResolver(schemeRef.current.schema)(values, context, resolverOptions as never)
        : { values, errors: {} },
    [],
  )
  const form = useForm<FieldValues>({
    resolver,
    // Errors appear on submit, then update as the person types; validating on blur moved the
    // submit button under the pointer mid-click.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  useEffect(() => {
    if (scheme) form.reset(scheme.defaultValues)
  }, [scheme, form])

  const [formError, setFormError] = useState<string>()
  const [revealed, setRevealed] = useState<Record<string, boolean>>({})
  const create = useCreateConnection()
  const update = useUpdateConnection()
  const submittingRef = useRef(false)
  const [submitting, setSubmitting] = useState(false)

  // Secrets leave memory and the DOM as soon as they have done their job.
  const clearSecrets = () => {
    for (const field of schemeRef.current?.fields ?? []) {
      if (field.secret) form.setValue(field.name, '')
    }
    setRevealed({})
  }

  const oauth = useOAuthFlow({
    provider: options.provider,
    displayName,
    connectionId,
    timeoutMs: options.popupTimeoutMs,
    onSuccess: (connection) => {
      clearSecrets()
      latest.current.onSuccess?.(connection)
    },
    onError: (error) => latest.current.onError?.(error),
    onCancel: () => latest.current.onCancel?.(),
  })

  const secretValues = (values: FieldValues) =>
    (scheme?.fields ?? []).filter((field) => field.secret).map((field) => valueAt(values, field.name))

  const showFailure = (error: ConnectError, values: FieldValues) => {
    const secrets = secretValues(values)
    const names = new Set((scheme?.fields ?? []).map((field) => field.name))
    let first = true
    for (const [name, message] of Object.entries(error.fieldErrors)) {
      const target = names.has(name)
        ? name
        : name === 'providerWorkspaceRef' && names.has('metadata.workspace')
          ? 'metadata.workspace'
          : undefined
      if (!target) continue
      form.setError(target, { type: 'server', message: redact(message, secrets) }, { shouldFocus: first })
      first = false
    }
    setFormError(first ? redact(describeError(error, messages, displayName), secrets) : messages.fixFieldsBelow)
  }

  const submitCredentials = async (values: FieldValues) => {
    if (!scheme || submittingRef.current) return
    submittingRef.current = true
    setSubmitting(true)
    setFormError(undefined)
    try {
      const input = scheme.toInput(values)
      // A multi-step sign-in's first step goes through the platform's flow; it may answer with the
      // connection, or with a page the person must visit next in the sign-in window.
      let result: CustomAuthStep
      if (scheme.flow === 'steps') result = await backend.startCustomAuth(scope, input)
      else if (connectionId) result = { kind: 'connection', connection: await update.mutateAsync({ connectionId, input }) }
      else result = { kind: 'connection', connection: await create.mutateAsync(input) }
      if (result.kind === 'redirect') {
        // Kept until the flow ends: if the person closes the window, they can send them again.
        oauth.followRedirect(result)
      } else {
        clearSecrets()
        if (scheme.flow === 'steps') void invalidate()
        latest.current.onSuccess?.(result.connection)
      }
    } catch (caught) {
      const error = toConnectError(caught, messages.networkError)
      showFailure(error, values)
      latest.current.onError?.(error)
    } finally {
      // The mutation's variables are the credentials; nothing below needs them any more.
      create.reset()
      update.reset()
      submittingRef.current = false
      setSubmitting(false)
    }
  }

  const onSubmit = (event?: FormEvent) => {
    event?.preventDefault()
    if (!scheme || submittingRef.current) return
    setFormError(undefined)
    if (scheme.flow === 'popup') {
      // Validate synchronously so the window opens inside the submit event, before any await.
      const parsed = scheme.schema['~standard'].validate(form.getValues())
      if (parsed instanceof Promise || parsed.issues) {
        // handleSubmit shows the errors, focuses the first, and re-validates as the person types.
        void form.handleSubmit(() => undefined)()
        return
      }
      oauth.start(scheme.toOAuthStart(parsed.value))
      return
    }
    void form.handleSubmit(submitCredentials)()
  }

  const errors = form.formState.errors
  const fields: SchemeFieldProps[] = (scheme?.fields ?? []).map((field) => {
    const base = `plugboard-${options.provider}-${field.name.replace(/\W/g, '-')}`
    const error = (get(errors, field.name) as { message?: string } | undefined)?.message
    const describedBy = [field.help || field.docsUrl ? `${base}-help` : '', error ? `${base}-error` : '']
      .filter(Boolean)
      .join(' ')
    const isRevealed = revealed[field.name] === true
    return {
      field,
      error,
      labelProps: { htmlFor: base, id: `${base}-label` },
      inputProps: {
        ...form.register(field.name),
        id: base,
        type: field.kind === 'select' ? undefined : field.secret && !isRevealed ? 'password' : 'text',
        autoComplete: field.autoComplete,
        'aria-invalid': Boolean(error),
        'aria-required': field.required,
        'aria-describedby': describedBy || undefined,
      },
      helpProps: { id: `${base}-help` },
      errorProps: { id: `${base}-error`, role: 'alert' },
      reveal: field.secret
        ? { revealed: isRevealed, toggle: () => setRevealed((state) => ({ ...state, [field.name]: !state[field.name] })) }
        : undefined,
    }
  })

  return {
    status,
    providerInfo,
    displayName,
    scheme,
    form,
    fields,
    onSubmit,
    isPending: submitting || oauth.isActive,
    formError: formError ?? (loadError ? describeError(loadError, messages, displayName) : undefined),
    oauth,
    isReconnect: connectionId !== undefined,
    retry,
  }
}
