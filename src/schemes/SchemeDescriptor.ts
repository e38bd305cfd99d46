import type { AuthScheme, Credentials } from '../ConnectBackend'
import type { ConnectMessages } from '../messages'
import type { ProviderInfo } from '../providerInfo'

/**
 * Every sign-in method the kit can render: the platform's connection schemes (`AuthScheme`), and
 * `custom/multiStep`, custom auth driven step by step by the platform (its connections are `custom`).
 */
export type SchemeId = AuthScheme | 'custom/multiStep'

/** One input of a credential form, as data. */
export interface SchemeField {
  /** The form path: `apiKey`, `customAuth.token`, `metadata.region`, `providerWorkspaceRef`, … */
  name: string
  /** The visible label. */
  label: string
  /** How it renders. */
  kind: 'text' | 'password' | 'select'
  /** Masked, with a reveal toggle, and cleared after a successful submit. */
  secret: boolean
  /** Whether an empty value is refused. */
  required: boolean
  /** Help text shown under the input. */
  help?: string
  /** A link to where the person finds this value. */
  docsUrl?: string
  /** The choices of a `select`. */
  options?: { value: string; label: string }[]
  /** The initial value. */
  defaultValue?: string
  /** The `autocomplete` attribute. */
  autoComplete?: string
  /** Keep surrounding whitespace (passwords may contain it). @default false */
  keepWhitespace?: boolean
}

/** Values of a credential form, nested by field path. */
export type SchemeValues = Record<string, unknown>

/**
 * One sign-in method: which flow it runs, which credential fields it asks for, and how the
 * entered values become the backend-neutral `Credentials` that an adapter sends.
 */
export interface SchemeDescriptor<Id extends SchemeId = SchemeId> {
  /** The scheme. */
  id: Id
  /**
   * `form`: credentials typed into the kit; `popup`: the provider's own sign-in window; `steps`:
   * inputs (if any) sent to the platform, which may send the person through pages in the window.
   */
  flow: 'form' | 'popup' | 'steps'
  /** The credential fields this provider needs (workspace and metadata fields are added apart). */
  fields(provider: ProviderInfo, messages: ConnectMessages): SchemeField[]
  /** The credentials to send; `undefined` for popup schemes, which send none. */
  toCredentials(values: SchemeValues, provider: ProviderInfo): Credentials | undefined
}

/** Reads a string at a dotted path of form values. */
export function valueAt(values: SchemeValues, path: string): string {
  let current: unknown = values
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return ''
    current = (current as Record<string, unknown>)[key]
  }
  return typeof current === 'string' ? current : ''
}

/** Splits a scopes field (spaces, commas or new lines) into scopes; `undefined` when empty. */
export function splitScopes(text: string): string[] | undefined {
  const scopes = text.split(/[\s,]+/).filter(Boolean)
  return scopes.length > 0 ? scopes : undefined
}
