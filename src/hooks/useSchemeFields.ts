'use client'
import { useEffect, useRef, useState } from 'react'
import type { ChangeEvent } from 'react'
import { get } from 'react-hook-form'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import type { CoreMessages } from '../model/messages'
import { generateSecret } from '../schemes/hmac'
import { loadedKeyAlgorithm, readPemFile } from '../schemes/pem'
import type { SchemeField } from '../schemes/SchemeDescriptor'
import { valueAt } from '../schemes/SchemeDescriptor'
import { fieldProblem } from '../schemes/fieldSchema'

/** Prop bags for one field, to spread on the view's elements. */
export interface SchemeFieldProps {
  /** The field as data. */
  field: SchemeField
  /** The error message to show, if any. */
  error: string | undefined
  /** For the `<label>` (or the `<legend>` of a `choices` group). */
  labelProps: { htmlFor: string; id: string }
  /** For the `<input>`, `<select>` or `<textarea>` (includes react-hook-form's `register`). */
  inputProps: ReturnType<UseFormReturn['register']> & {
    id: string
    type?: string
    autoComplete?: string
    placeholder?: string
    inputMode?: 'url'
    'aria-invalid': boolean
    'aria-required': boolean
    'aria-describedby': string | undefined
    /** On a masked `textarea`: render its text as dots. */
    'data-masked'?: '' | undefined
  }
  /** For the help text element (render it when `field.help` or `field.docsUrl` is set). */
  helpProps: { id: string }
  /** For the error message element (render it when `error` is set). */
  errorProps: { id: string; role: 'alert' }
  /** For secrets: whether the value is shown, and the toggle. */
  reveal: { revealed: boolean; toggle(): void } | undefined
  /** For `choices`: one checkbox per option. */
  choices?: { value: string; label: string; inputProps: ReturnType<UseFormReturn['register']> & { id: string; type: 'checkbox'; value: string } }[]
  /** For `pem` fields: a file picker. */
  file?: { inputProps: { id: string; type: 'file'; accept: string; onChange(event: ChangeEvent<HTMLInputElement>): void; 'aria-label': string } }
  /** For a private key that is in place: what to show instead of the key, and how to replace it. */
  loadedKey?: { summary: string; replace(): void; replaceProps: { id: string; 'aria-label': string } }
  /** For fields that offer one: fills in a new random secret. */
  generate?: () => void
  /** For fields that offer one: copies the value, and whether that worked. */
  copy?: { copy(): void; status: 'idle' | 'copied' | 'failed' }
}

// Binary formats are listed too, so that picking one gets the conversion hint rather than a greyed-out file.
const PEM_FILES = '.pem,.crt,.cer,.key,.der,.p12,.pfx'

/**
 * Builds the prop bags of a credential form's fields, and holds their view state: which secrets
 * are revealed, which private keys are loaded (and so never shown again), what was copied.
 * `forget()` drops that state, for after a successful submit; `mask()` hides revealed secrets
 * again, after any submit; `focus(name)` moves focus to a field.
 */
export function useSchemeFields(form: UseFormReturn<FieldValues>, fields: SchemeField[], idBase: string, messages: CoreMessages) {
  const [revealed, setRevealed] = useState<Record<string, boolean>>({})
  // Field name → the loaded private key's algorithm ('' when unknown).
  const [loaded, setLoaded] = useState<Record<string, string>>({})
  const [copied, setCopied] = useState<{ name: string; status: 'copied' | 'failed' }>()
  const copyTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  // Bumped by `forget()` and on unmount: a file still being read after that is dropped, not loaded.
  const generation = useRef(0)
  useEffect(
    () => () => {
      clearTimeout(copyTimer.current)
      generation.current++
    },
    [],
  )
  const idOf = (name: string) => `${idBase}-${name.replace(/\W/g, '-')}`
  const errors = form.formState.errors
  const isSubmitted = form.formState.isSubmitted

  /** Masks every revealed secret again (after any submit: a revealed key must not stay on screen). */
  const mask = () => setRevealed({})

  const forget = () => {
    generation.current++
    setRevealed({})
    setLoaded({})
    setCopied(undefined)
  }

  /** Moves focus to a field: its input, or the Replace button of a loaded key, which stands in for it. */
  const focus = (name: string) => {
    if (name in loaded) document.getElementById(`${idOf(name)}-replace`)?.focus()
    else form.setFocus(name)
  }

  /** A complete, usable private key in a secret PEM field is put away: only a summary shows from then on. */
  const noteKey = (field: SchemeField, text: string) => {
    if (!field.secret || field.kind !== 'pem') return
    const algorithm = loadedKeyAlgorithm(text)
    if (algorithm === undefined || fieldProblem(field, text, messages)) return
    // The text area goes away: whoever was typing in it continues from its Replace button.
    const hadFocus = document.activeElement?.id === idOf(field.name)
    setLoaded((state) => ({ ...state, [field.name]: algorithm }))
    if (hadFocus) setTimeout(() => document.getElementById(`${idOf(field.name)}-replace`)?.focus())
  }

  const setText = (field: SchemeField, text: string) => {
    form.setValue(field.name, text, { shouldDirty: true, shouldValidate: isSubmitted || field.validateOnChange === true })
    noteKey(field, text)
  }

  const props = fields.map((field): SchemeFieldProps => {
    const id = idOf(field.name)
    const error = (get(errors, field.name) as { message?: string } | undefined)?.message
    const describedBy = [field.help || field.docsUrl ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
    const isRevealed = revealed[field.name] === true
    const masked = field.secret && !isRevealed
    const registered = form.register(field.name, {
      onChange: (event: { target: { value: string } }) => {
        if (!field.validateOnChange) return
        if (event.target.value.trim() === '') form.clearErrors(field.name)
        else void form.trigger(field.name)
        noteKey(field, event.target.value)
      },
    })
    const multiline = field.kind === 'textarea' || field.kind === 'pem'
    const bag: SchemeFieldProps = {
      field,
      error,
      labelProps: { htmlFor: id, id: `${id}-label` },
      inputProps: {
        ...registered,
        id,
        type: field.kind === 'select' || multiline || field.kind === 'choices' ? undefined : masked ? 'password' : 'text',
        autoComplete: field.autoComplete,
        placeholder: field.placeholder,
        inputMode: field.inputMode,
        'aria-invalid': Boolean(error),
        'aria-required': field.required,
        'aria-describedby': describedBy || undefined,
        'data-masked': multiline && masked ? '' : undefined,
      },
      helpProps: { id: `${id}-help` },
      errorProps: { id: `${id}-error`, role: 'alert' },
      reveal: field.secret
        ? { revealed: isRevealed, toggle: () => setRevealed((state) => ({ ...state, [field.name]: !state[field.name] })) }
        : undefined,
    }
    if (field.kind === 'choices') {
      bag.choices = (field.options ?? []).map((option, index) => ({
        ...option,
        inputProps: { ...registered, id: `${id}-${index}`, type: 'checkbox', value: option.value },
      }))
    }
    if (field.kind === 'pem') {
      bag.file = {
        inputProps: {
          id: `${id}-file`,
          type: 'file',
          accept: PEM_FILES,
          'aria-label': messages.chooseFileFor(field.label),
          onChange(event) {
            const input = event.currentTarget
            const file = input.files?.[0]
            // Cleared at once, so the same file can be chosen again and no reference stays behind.
            input.value = ''
            if (!file) return
            const reading = generation.current
            readPemFile(file).then(
              (result) => {
                if (reading !== generation.current) return
                if ('text' in result) setText(field, result.text.trim())
                else form.setError(field.name, { type: 'file', message: messages.pemBinaryFile(file.name) }, { shouldFocus: true })
              },
              () => {
                if (reading === generation.current) form.setError(field.name, { type: 'file', message: messages.pemUnreadableFile(file.name) })
              },
            )
          },
        },
      }
      if (field.name in loaded) {
        bag.loadedKey = {
          summary: messages.privateKeyLoaded(loaded[field.name]!),
          replaceProps: { id: `${id}-replace`, 'aria-label': messages.replaceLabel(field.label) },
          replace() {
            form.setValue(field.name, '', { shouldDirty: true })
            setLoaded(({ [field.name]: _, ...rest }) => rest)
            // The text area comes back in place of the summary; the person continues there.
            setTimeout(() => form.setFocus(field.name))
          },
        }
      }
    }
    if (field.generate) {
      const encoding = field.generate
      bag.generate = () => setText(field, generateSecret(encoding))
    }
    if (field.copyable) {
      bag.copy = {
        status: copied?.name === field.name ? copied.status : 'idle',
        copy() {
          const report = (status: 'copied' | 'failed') => {
            setCopied({ name: field.name, status })
            clearTimeout(copyTimer.current)
            copyTimer.current = setTimeout(() => setCopied(undefined), 4000)
          }
          const text = valueAt(form.getValues(), field.name)
          if (!text) return
          if (!navigator.clipboard) return report('failed')
          navigator.clipboard.writeText(text).then(() => report('copied'), () => report('failed'))
        },
      }
    }
    return bag
  })

  return { fields: props, forget, mask, focus }
}
