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

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * `text` as a URL the kit may open, link or load from platform data: `https:`, or `http:` on a
 * loopback host (development); `undefined` for anything else (`javascript:`, `data:`, plain `http:`).
 */
export function safeUrl(text: string | undefined): string | undefined {
  if (!text) return undefined
  try {
    const url = new URL(text)
    if (url.username || url.password) return undefined
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) ? url.href : undefined
  } catch {
    return undefined
  }
}

/** Strong right-to-left letters and the bidi controls that could reorder the text around them. */
const BIDI = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200e\u200f\u202a-\u202e\u2066-\u2069]/

/**
 * Platform text ready to sit inside the kit's own sentences: wrapped in first-strong isolates
 * (U+2068 … U+2069) when it holds right-to-left letters or bidi controls, so it cannot reorder the
 * sentence around it ("Connect ‮evil" stays "Connect …"). Plain left-to-right text is returned as is.
 */
export function isolate(text: string): string {
  return BIDI.test(text) ? `\u2068${text.replace(/[\u2066-\u2069]/g, '')}\u2069` : text
}
