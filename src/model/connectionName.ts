import type { ConnectScope } from './ConnectBackend'

/**
 * The name a new connection gets unless the person types another: the provider's name and the
 * consumer's (`Acme CRM – Ada Lovelace`). Forms prefill it; adapters use it for sign-ins that have
 * no form, so both paths name connections alike.
 */
export function defaultConnectionName(displayName: string, scope: Pick<ConnectScope, 'consumerRef' | 'consumerName'>): string {
  const consumer = scope.consumerName?.trim() || scope.consumerRef
  return consumer ? `${displayName} – ${consumer}` : displayName
}

/**
 * A base URL as typed, made absolute: `https://` is assumed when the scheme is missing
 * (`acme.example.com` → `https://acme.example.com`). `undefined` when it is not an http(s) address.
 */
export function absoluteBaseUrl(text: string): string | undefined {
  const trimmed = text.trim()
  // Browsers percent-encode spaces in a host rather than refuse them: refuse them here.
  if (!trimmed || /\s/.test(trimmed)) return undefined
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`
  try {
    const url = new URL(withScheme)
    const host = url.hostname
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !host || host.includes('%') || url.username || url.password) return undefined
    return url.href.replace(/\/$/, '')
  } catch {
    return undefined
  }
}
