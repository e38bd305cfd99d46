import type { Credentials } from '../model/ConnectBackend'
import type { CoreMessages } from '../model/messages'
import type { PartOf, SchemeId } from '../model/ProviderSpec'

/** One input of a credential form, as data. */
export interface SchemeField {
  /**
   * The form path. A descriptor names its fields relative to its part (`apiKey`); a resolved
   * method prefixes them (`credentials.0.apiKey`, `connection.metadata.region`).
   */
  name: string
  /** The visible label. */
  label: string
  /**
   * How it renders: a one-line input, a masked one, a `select`, a multi-line `textarea`, a `pem`
   * block (paste or pick a file), or `choices` (a group of checkboxes; its value is a list).
   */
  kind: 'text' | 'password' | 'select' | 'textarea' | 'pem' | 'choices'
  /** Masked, with a reveal toggle, never echoed back, and cleared after a successful submit. */
  secret: boolean
  /** Whether an empty value is refused. */
  required: boolean
  /** Help text shown under the input; may hold Markdown inline code and links. */
  help?: string
  /** A link to where the person finds this value. */
  docsUrl?: string
  /** The choices of a `select` or `choices` field. */
  options?: { value: string; label: string }[]
  /** The initial value (a list for `choices`). */
  defaultValue?: string | string[]
  /** An example shown in the empty input, never sent. */
  placeholder?: string
  /** The `autocomplete` attribute. */
  autoComplete?: string
  /** Keep surrounding whitespace (passwords may contain it). @default false */
  keepWhitespace?: boolean
  /** A check of a non-empty value beyond `required`: the message to show, or `undefined` when fine. */
  validate?: (value: string) => string | undefined
  /** Check as the person types, not only on submit (PEM blocks). @default false */
  validateOnChange?: boolean
  /** For `pem` fields: what the block holds, which decides the file picker and the loaded-key summary. */
  pem?: 'certificate' | 'privateKey' | 'privateKeyOrSecret'
  /** Offer a Generate button that fills in a random secret in this encoding. */
  generate?: 'hex' | 'base64' | 'base64url'
  /** Offer a Copy button. @default false */
  copyable?: boolean
  /** The `inputmode` hint for on-screen keyboards. */
  inputMode?: 'url'
  /** Rarely needed: shown under a collapsed "Advanced" section (opened when it holds a value or an error). @default false */
  advanced?: boolean
}

/** A read-only fact about a part, shown beside its fields ("Algorithm: HMAC-SHA256"). */
export interface SchemeFact {
  /** What it is. */
  term: string
  /** Its value. */
  detail: string
}

/** Values of a credential form, nested by field path. */
export type SchemeValues = Record<string, unknown>

/**
 * One credential scheme: the fields it asks for a part, any facts to show about it, and how the
 * entered values become the backend-neutral `Credentials` that an adapter sends.
 */
export interface SchemeDescriptor<S extends SchemeId = SchemeId> {
  /** The scheme. */
  scheme: S
  /** The fields for this part, named relative to it. */
  fields(part: PartOf<S>, messages: CoreMessages): SchemeField[]
  /**
   * Read-only facts about this part.
   * @param locale the BCP 47 locale a fact's list is formatted in (`Intl.ListFormat`), the provider's
   */
  facts?(part: PartOf<S>, messages: CoreMessages, locale: string): SchemeFact[]
  /** The credential from this part's (valid) values. */
  toCredentials(values: SchemeValues, part: PartOf<S>): Extract<Credentials, { scheme: S }>
}

/** Reads a string at a dotted path of form values (`''` when absent or not a string). */
export function valueAt(values: unknown, path: string): string {
  let current: unknown = values
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return ''
    current = (current as Record<string, unknown>)[key]
  }
  return typeof current === 'string' ? current : ''
}

/** Reads a list of strings at a dotted path of form values (`[]` when absent). */
export function listAt(values: unknown, path: string): string[] {
  let current: unknown = values
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return []
    current = (current as Record<string, unknown>)[key]
  }
  return Array.isArray(current) ? current.filter((item): item is string => typeof item === 'string') : []
}
