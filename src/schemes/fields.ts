import { absoluteBaseUrl, isolate } from '../model/connectionName'
import type { CoreMessages } from '../model/messages'
import type { InputSpec, ScopeChoice } from '../model/ProviderSpec'
import type { SchemeField, SchemeValues } from './SchemeDescriptor'
import { listAt, valueAt } from './SchemeDescriptor'

// Field builders the descriptors share, so that "Username", "Client secret", scopes and platform
// inputs look and behave the same in every scheme that asks for them.

/** Username and password; the password keeps surrounding whitespace, which some passwords contain. */
export function usernamePasswordFields(messages: CoreMessages, docsUrl?: string): SchemeField[] {
  return [
    // Another service's account: the browser must neither fill in nor save the host app's own login here.
    { name: 'username', label: messages.username, kind: 'text', secret: false, required: true, autoComplete: 'off', docsUrl },
    { name: 'password', label: messages.password, kind: 'password', secret: true, required: true, autoComplete: 'new-password', keepWhitespace: true },
  ]
}

/** An OAuth client's ID and secret. */
export function oauthClientFields(messages: CoreMessages, docsUrl?: string): SchemeField[] {
  return [
    { name: 'clientId', label: messages.clientId, kind: 'text', secret: false, required: true, autoComplete: 'off', docsUrl },
    { name: 'clientSecret', label: messages.clientSecret, kind: 'password', secret: true, required: true, autoComplete: 'off' },
  ]
}

/** A masked one-line secret. */
export function secretField(name: string, label: string, extra: Partial<SchemeField> = {}): SchemeField {
  return { name, label, kind: 'password', secret: true, required: true, autoComplete: 'off', ...extra }
}

/**
 * The scopes field: checkboxes when the platform lists the scopes (its defaults checked), else text
 * separated by spaces, commas or new lines. None when the part has no scope choice.
 */
export function scopeFields(messages: CoreMessages, scopes: ScopeChoice | undefined): SchemeField[] {
  if (!scopes) return []
  if (scopes.options && scopes.options.length > 0) {
    return [
      {
        name: 'scopes',
        label: messages.scopes,
        kind: 'choices',
        secret: false,
        required: scopes.required,
        options: scopes.options.map((option) => ({ value: option.name, label: option.description || option.name })),
        defaultValue: scopes.defaults ?? [],
      },
    ]
  }
  return [
    {
      name: 'scopes',
      label: messages.scopes,
      kind: 'text',
      secret: false,
      required: scopes.required,
      help: messages.scopesHelp,
      defaultValue: scopes.defaults?.join(' '),
    },
  ]
}

/** The chosen scopes from a part's values; `undefined` when there are none. */
export function scopesFrom(values: SchemeValues): string[] | undefined {
  const raw = values.scopes
  const scopes = Array.isArray(raw) ? listAt(values, 'scopes') : valueAt(values, 'scopes').split(/[\s,]+/).filter(Boolean)
  return scopes.length > 0 ? scopes : undefined
}

/** Whether `help` shows `value` as Markdown inline code: the way catalogs illustrate a value's format. */
function shownAsCode(help: string | undefined, value: string): boolean {
  return help !== undefined && help.includes(`\`${value}\``)
}

/**
 * A field for an input the platform describes. A `defaultValue` that the input's own help shows
 * as an example (as inline code) becomes a placeholder, so nobody connects a made-up account
 * without typing; other defaults prefill.
 */
export function inputField(input: InputSpec, messages: CoreMessages, displayName: string): SchemeField {
  const kind = input.kind ?? 'text'
  const workspace = input.role === 'workspace' && !input.label
  const example = input.defaultValue !== undefined && shownAsCode(input.help, input.defaultValue)
  const field: SchemeField = {
    name: input.name,
    label: isolate(input.label || (workspace ? messages.workspace : input.name)),
    kind,
    secret: kind === 'password',
    required: input.required ?? true,
    help: input.help ?? (workspace ? messages.workspaceHelp(displayName) : undefined),
    docsUrl: input.docsUrl,
    options: kind === 'select' ? (input.options ?? []) : undefined,
    defaultValue: example ? undefined : input.defaultValue,
    placeholder: example ? input.defaultValue : undefined,
    autoComplete: 'off',
  }
  if (input.role === 'connectionName') {
    return { ...field, label: input.label || messages.connectionName, help: input.help ?? messages.connectionNameHelp }
  }
  if (input.role === 'baseUrl') {
    const label = input.label || messages.baseUrl
    return {
      ...field,
      label,
      help: input.help ?? messages.baseUrlHelp(displayName),
      inputMode: 'url',
      // Optional overrides sit under "Advanced"; a required one stays in view.
      advanced: !(input.required ?? true),
      validate: (value) => (absoluteBaseUrl(value) ? undefined : messages.invalidUrl(label)),
    }
  }
  return field
}

/** The values of platform-described inputs, by input name. */
export function inputValues(inputs: InputSpec[], values: SchemeValues): Record<string, string> {
  return Object.fromEntries(inputs.map((input) => [input.name, valueAt(values, input.name)]))
}
