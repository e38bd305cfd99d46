import type { ConnectMessages } from '../messages'
import type { SchemeField } from './SchemeDescriptor'

// Field builders the descriptors share, so that "Username", "Client secret" and the rest look and
// behave the same in every scheme that asks for them.

/** Username and password; the password keeps surrounding whitespace, which some passwords contain. */
export function usernamePasswordFields(messages: ConnectMessages, docsUrl?: string): SchemeField[] {
  return [
    { name: 'username', label: messages.username, kind: 'text', secret: false, required: true, autoComplete: 'username', docsUrl },
    { name: 'password', label: messages.password, kind: 'password', secret: true, required: true, autoComplete: 'current-password', keepWhitespace: true },
  ]
}

/** An OAuth client's ID and secret. */
export function oauthClientFields(messages: ConnectMessages, docsUrl?: string): SchemeField[] {
  return [
    { name: 'clientId', label: messages.clientId, kind: 'text', secret: false, required: true, autoComplete: 'off', docsUrl },
    { name: 'clientSecret', label: messages.clientSecret, kind: 'password', secret: true, required: true, autoComplete: 'off' },
  ]
}

/** Scopes, separated by spaces, commas or new lines (see `splitScopes`). */
export function scopesField(messages: ConnectMessages, required: boolean): SchemeField {
  return { name: 'scopes', label: messages.scopes, kind: 'text', secret: false, required, help: messages.scopesHelp }
}
