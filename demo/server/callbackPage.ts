import type { Context } from 'hono'
import { randomToken } from './webCrypto'

/** The message the OAuth callback page posts to its opener: never a code or a token. */
export interface CallbackMessage {
  eventType: 'AUTHORIZATION_SUCCEEDED' | 'AUTHORIZATION_FAILED'
  data: Record<string, unknown>
}

/** The message a multi-step custom sign-in's callback page posts: the provider's parameters, as sent. */
export interface CustomAuthCallbackMessage {
  source: 'ampersand-custom-auth'
  params: Record<string, string>
}

/** JSON safe to embed in an inline script. */
const embed = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')

/**
 * The page the OAuth popup lands on: posts the result to its opener, targeting the opener's exact
 * origin (never `*`), then closes. No referrer leaves it, nothing caches it, only its own script runs.
 */
export function callbackPage(c: Context, openerOrigin: string, message: CallbackMessage | CustomAuthCallbackMessage) {
  const nonce = randomToken(16)
  const succeeded = 'source' in message || message.eventType === 'AUTHORIZATION_SUCCEEDED'
  const text =
    'source' in message
      ? 'Finishing sign-in… You can close this window.'
      : succeeded
        ? 'Connected. You can close this window.'
        : `Sign-in did not complete: ${String(message.data.message ?? 'unknown error')}`
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${succeeded ? 'Connected' : 'Sign-in failed'}</title>
<style nonce="${nonce}">body{font:15px/1.5 system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;color:#1f2328}</style></head>
<body><p id="text"></p>
<script nonce="${nonce}">
  const message = ${embed(message)};
  document.getElementById('text').textContent = ${embed(text)};
  if (window.opener) window.opener.postMessage(message, ${embed(openerOrigin)});
  setTimeout(() => window.close(), 100);
</script></body></html>`
  return c.html(html, 200, {
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'`,
    'X-Content-Type-Options': 'nosniff',
  })
}
