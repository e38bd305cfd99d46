'use client'
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import type { ChangeEvent, FormEvent } from 'react'
import { useForm } from 'react-hook-form'
import type { FieldValues, Resolver, UseFormReturn } from 'react-hook-form'
import type { Connection, SignInStep } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'
import { toConnectError } from '../model/ConnectError'
import type { ConnectEventDetail, ConnectEventHandler } from '../model/ConnectEvent'
import { emitConnectEvent, errorDetail, newFlowId } from '../model/ConnectEvent'
import { describeError } from '../model/describeError'
import type { ProviderSpec } from '../model/ProviderSpec'
import { methodSchema } from '../schemes/fieldSchema'
import type { ResolvedMethod } from '../schemes/resolveMethod'
import type { SchemeFact } from '../schemes/SchemeDescriptor'
import { valueAt } from '../schemes/SchemeDescriptor'
import { useConnectContext } from './ConnectContext'
import { useCreateConnection } from './useCreateConnection'
import { useInvalidateConnections } from './useInvalidateConnections'
import type { OAuthFlow } from './useOAuthFlow'
import { startSteps, useOAuthFlow } from './useOAuthFlow'
import { useProviderScheme } from './useProviderScheme'
import { resolveWithSchema } from './schemaResolver'
import type { SchemeFieldProps } from './useSchemeFields'
import { useSchemeFields } from './useSchemeFields'
import { useUpdateConnection } from './useUpdateConnection'

/** Options of {@link useAuthSchemeForm}. */
export interface UseAuthSchemeFormOptions {
  /** The provider's id. */
  provider: string
  /** Replace this connection's credentials instead of creating a connection. */
  connection?: Connection
  /** Called with the created or updated connection. */
  onSuccess?: (connection: Connection) => void
  /** Called with every failed submit or sign-in. */
  onError?: (error: ConnectError) => void
  /** Called when a sign-in window is closed by the person. */
  onCancel?: () => void
  /** Sign-in window timeout in milliseconds. @default 300000 */
  popupTimeoutMs?: number
  /**
   * Receives the form's events (method chosen, submitted, error, succeeded, and those of its
   * sign-in window), before the provider's `onEvent`.
   */
  onEvent?: ConnectEventHandler
  /**
   * The id of the attempt this form belongs to (a `ConnectButton` passes the one its click opened).
   * @default an id of the form's own, renewed after each success or cancelled window
   */
  flowId?: string
}

/** Prop bags for one choice of the method picker. */
export interface MethodOptionProps {
  /** The method. */
  method: ResolvedMethod
  /** For its radio `<input>`. */
  inputProps: { type: 'radio'; id: string; name: string; value: string; checked: boolean; onChange(event: ChangeEvent<HTMLInputElement>): void }
  /** For its `<label>`. */
  labelProps: { htmlFor: string }
}

/** What {@link useAuthSchemeForm} returns. */
export interface AuthSchemeFormState {
  /** `loading` the provider, `error` loading it, `unsupported` (no method the kit can render), or `ready`. */
  status: 'loading' | 'error' | 'unsupported' | 'ready'
  /** The provider once loaded. */
  spec: ProviderSpec | undefined
  /** The provider's name for people. */
  displayName: string
  /** The chosen sign-in method once ready. */
  method: ResolvedMethod | undefined
  /** The method picker's choices: one per method, empty when the provider offers only one. */
  methods: MethodOptionProps[]
  /** Switches to another method; connection fields already typed are kept. */
  selectMethod(methodId: string): void
  /** The react-hook-form instance, for custom views. */
  form: UseFormReturn<FieldValues>
  /** Prop bags for every field of the chosen method, in order. */
  fields: SchemeFieldProps[]
  /** Read-only facts about the chosen method. */
  facts: SchemeFact[]
  /** The form's `onSubmit`: validates, then submits credentials or opens the sign-in window. */
  onSubmit(event?: FormEvent): void
  /** True while credentials are being sent or the sign-in window is open. */
  isPending: boolean
  /** A message for the whole form (e.g. a server error that names no field). */
  formError: string | undefined
  /** The failure behind `formError`, for its request id (see `RequestReference`). */
  failure: ConnectError | undefined
  /** The sign-in window flow, for `popup` and `steps` methods (status, blocked window, cancel). */
  oauth: OAuthFlow
  /** Whether this form replaces an existing connection's credentials. */
  isReconnect: boolean
  /** Loads the provider again after a load error. */
  retry(): void
}

/** `useLayoutEffect` in the browser; `useEffect` on a server, where layout effects never run (and React 18 warns). */
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

/** Hides every secret the person typed wherever it appears in `text`. */
function redact(text: string, secrets: string[]): string {
  return secrets.filter((secret) => secret.length >= 4).reduce((out, secret) => out.split(secret).join('••••'), text)
}

/**
 * The headless credential form for one provider: resolves its sign-in methods, lets the person
 * pick one when there are several, validates with the method's zod schema, submits through the
 * backend, puts server field errors on the right inputs, keeps what was typed after a failure and
 * clears secrets after success.
 *
 * @example
 * const f = useAuthSchemeForm({ provider: 'openAI', onSuccess: close })
 * return <form onSubmit={f.onSubmit}>{f.fields.map((p) => <input key={p.field.name} {...p.inputProps} />)}</form>
 */
export function useAuthSchemeForm(options: UseAuthSchemeFormOptions): AuthSchemeFormState {
  const { messages, backend, scope, onEvent } = useConnectContext('useAuthSchemeForm')
  const invalidate = useInvalidateConnections()
  const { status, spec, displayName, methods, error: loadError, retry } = useProviderScheme(options.provider)
  // A reconnect starts on the method the connection was made with (the platform's word, else its scheme).
  const made = options.connection ? (options.connection.methodId ?? options.connection.authScheme) : undefined
  const [methodId, setMethodId] = useState<string | undefined>(made)
  const method = methods.find((candidate) => candidate.id === methodId) ?? methods[0]
  const latest = useRef(options)
  latest.current = options
  const connectionId = options.connection?.id
  const existingName = options.connection?.name
  // Every event of one attempt carries its id: the surrounding button's, else the form's own.
  const ownFlowId = useRef<string>(undefined)
  const flowId = () => latest.current.flowId ?? (ownFlowId.current ??= newFlowId())
  const endAttempt = () => {
    ownFlowId.current = undefined
  }
  const report = (detail: ConnectEventDetail) =>
    emitConnectEvent([latest.current.onEvent, onEvent], detail, { flowId: flowId(), provider: latest.current.provider })

  const methodRef = useRef(method)
  methodRef.current = method
  const messagesRef = useRef(messages)
  messagesRef.current = messages
  const resolver = useCallback<Resolver<FieldValues>>(
    (values) => (methodRef.current ? resolveWithSchema(methodSchema(methodRef.current, messagesRef.current), values) : { values, errors: {} }),
    [],
  )
  const form = useForm<FieldValues>({
    resolver,
    // Errors appear on submit, then update as the person types; validating on blur moved the
    // submit button under the pointer mid-click.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const shownSpec = useRef<ProviderSpec>(undefined)
  // A layout effect: the fields of a newly chosen method are reset in the same task as the click
  // that chose it, so nothing typed right after the click is wiped by a late reset.
  useIsomorphicLayoutEffect(() => {
    if (!method) return
    // Another method of the same provider brings its own credential fields; the connection fields
    // typed so far stay. Anything else starts from the defaults.
    const typed = shownSpec.current === spec ? (form.getValues('connection') as object | undefined) : undefined
    shownSpec.current = spec
    // A reconnect keeps the connection's own name unless the person changes it.
    const nameInput = spec?.connectionFields.find((input) => input.role === 'connectionName')
    const kept = nameInput && existingName ? { [nameInput.name]: existingName } : {}
    form.reset(
      typed || nameInput
        ? { ...method.defaultValues, connection: { ...(method.defaultValues.connection as object), ...kept, ...typed } }
        : method.defaultValues,
    )
  }, [method, spec, form, existingName])

  // Unique per form: two forms for one provider on a page must not share label targets.
  const idBase = `plugboard-${options.provider}-${useId()}`.replace(/[^\w-]/g, '-')
  const view = useSchemeFields(form, method?.fields ?? [], idBase, messages)
  const [formError, setFormError] = useState<string>()
  const [failure, setFailure] = useState<ConnectError>()
  const create = useCreateConnection()
  const update = useUpdateConnection()
  const submittingRef = useRef(false)
  const [submitting, setSubmitting] = useState(false)

  // Secrets leave memory and the DOM as soon as they have done their job.
  const clearSecretValues = () => {
    for (const field of methodRef.current?.fields ?? []) {
      if (field.secret) form.setValue(field.name, '')
    }
  }
  const clearSecrets = () => {
    clearSecretValues()
    view.forget()
  }
  // A form that goes away takes its secrets with it, even from a host that still holds `form`; an
  // answer that arrives after that has nobody to tell.
  const alive = useRef(true)
  const onUnmount = useRef(clearSecretValues)
  onUnmount.current = clearSecretValues
  useEffect(() => {
    alive.current = true
    return () => {
      alive.current = false
      onUnmount.current()
    }
  }, [])

  const oauth = useOAuthFlow({
    provider: options.provider,
    displayName,
    connectionId,
    timeoutMs: options.popupTimeoutMs,
    onEvent: (event) => latest.current.onEvent?.(event),
    flowId,
    onSuccess: (connection) => {
      clearSecrets()
      endAttempt()
      latest.current.onSuccess?.(connection)
    },
    onError: (error) => {
      // A platform that saves the connection after the window (Versori) may refuse a field the
      // form holds, such as a connection name already taken: show it there too.
      if (Object.keys(error.fieldErrors).length > 0) showFailure(error, form.getValues())
      latest.current.onError?.(error)
    },
    onCancel: () => {
      endAttempt()
      latest.current.onCancel?.()
    },
  })

  const showFailure = (error: ConnectError, values: FieldValues) => {
    const fields = method?.fields ?? []
    const secrets = fields.filter((field) => field.secret).map((field) => valueAt(values, field.name))
    // The platform names a request path; the form puts it on that field, else on the first field of
    // the credential part it belongs to, else in the summary. Nothing it says is dropped.
    const target = (path: string) => {
      const exact = fields.find((field) => field.name === path || path.startsWith(`${field.name}.`))
      const part = /^credentials\.\d+(?=\.|$)/.exec(path)?.[0]
      return (exact ?? (part ? fields.find((field) => field.name.startsWith(`${part}.`)) : undefined))?.name
    }
    const unplaced: string[] = []
    let first = true
    for (const [path, message] of Object.entries(error.fieldErrors)) {
      const name = target(path)
      if (!name) {
        unplaced.push(message)
        continue
      }
      form.setError(name, { type: 'server', message: redact(message, secrets) })
      if (first) view.focus(name)
      first = false
    }
    setFailure(error)
    const summary = first ? describeError(error, messages, displayName) : messages.fixFieldsBelow
    setFormError(redact([summary, ...unplaced.filter((message) => message !== summary)].join(' '), secrets))
  }

  const submitCredentials = async (values: FieldValues) => {
    if (!method || submittingRef.current) return
    submittingRef.current = true
    setSubmitting(true)
    setFormError(undefined)
    report({ type: 'submitted', methodId: method.id })
    try {
      const input = method.toInput(values)
      // Three paths: a `steps` method's first step goes through the platform's flow, which may answer
      // with the connection or with a page the person must visit next in the sign-in window; an
      // existing connection is updated; anything else creates one.
      let result: SignInStep
      if (method.flow === 'steps') {
        result = await startSteps(backend, scope, input)
      } else if (connectionId) {
        result = { kind: 'connection', connection: await update.mutateAsync({ connectionId, input }) }
      } else {
        result = { kind: 'connection', connection: await create.mutateAsync(input) }
      }
      if (result.kind === 'redirect') {
        // Kept until the flow ends: if the person closes the window, they can send them again.
        oauth.followRedirect(result)
      } else {
        clearSecrets()
        if (method.flow === 'steps') void invalidate()
        report({ type: 'succeeded', connectionId: result.connection.id })
        endAttempt()
        latest.current.onSuccess?.(result.connection)
      }
    } catch (caught) {
      if (!alive.current) return
      const error = toConnectError(caught, messages.networkError)
      showFailure(error, values)
      report(errorDetail(error))
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
    if (!method || submittingRef.current) return
    setFormError(undefined)
    // Whatever comes of it, a revealed secret does not stay on screen after a submit.
    view.mask()
    if (method.flow === 'popup') {
      // Validate synchronously so the window opens inside the submit event, before any await.
      const parsed = methodSchema(method, messages)['~standard'].validate(form.getValues())
      if (parsed instanceof Promise || parsed.issues) {
        // handleSubmit shows the errors, focuses the first, and re-validates as the person types.
        void form.handleSubmit(() => undefined)()
        return
      }
      const { provider: _, ...input } = method.toInput(parsed.value)
      // A second submit while the window is open only raises it: no new submission.
      if (!oauth.isActive) report({ type: 'submitted', methodId: method.id })
      oauth.start(input)
      return
    }
    void form.handleSubmit(submitCredentials)()
  }

  const selectMethod = (id: string) => {
    if (id === method?.id || !methods.some((candidate) => candidate.id === id)) return
    setFormError(undefined)
    // A revealed or loaded secret of one method says nothing about the next one's fields.
    view.forget()
    setMethodId(id)
    report({ type: 'method_chosen', methodId: id })
  }

  // One radio per method; none when there is nothing to choose.
  const methodOptions: MethodOptionProps[] =
    methods.length < 2
      ? []
      : methods.map((candidate) => {
          const id = `${idBase}-method-${candidate.id.replace(/\W/g, '-')}`
          return {
            method: candidate,
            inputProps: {
              type: 'radio',
              id,
              name: `${idBase}-method`,
              value: candidate.id,
              checked: candidate === method,
              onChange: (event) => selectMethod(event.target.value),
            },
            labelProps: { htmlFor: id },
          }
        })

  return {
    status,
    spec,
    displayName,
    method,
    methods: methodOptions,
    selectMethod,
    form,
    fields: view.fields,
    facts: method?.facts ?? [],
    onSubmit,
    isPending: submitting || oauth.isActive,
    formError: formError ?? (loadError ? describeError(loadError, messages, displayName) : undefined),
    failure: formError ? failure : (loadError ?? undefined),
    oauth,
    isReconnect: connectionId !== undefined,
    retry,
  }
}
