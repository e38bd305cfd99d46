import type { Context } from 'hono'
import { randomToken } from '../webCrypto'

/** Where the platform's hosted OAuth 2 callback page lives, at its origin (outside the API's base path). */
export const VERSORI_CALLBACK_PATH = '/oauth2/callback'

/**
 * The hosted page's script after its first line (`const allowedOrigin = …`). It answers exactly one
 * `{type: 'hello', payload: {state}}` from its opener, sent from the allowed origin with the state of
 * its own URL, by posting `{type: 'response', payload: {search}}` back to that origin, then closes.
 * Nothing is posted before a hello arrives, so the provider's parameters reach no one else.
 * `.storybook/public/fake-versori-callback.html` carries the same text (a test compares them).
 */
export const CALLBACK_SCRIPT = `const search = location.search
const params = new URLSearchParams(search)
const state = params.get('state')
const error = params.get('error')
const text = document.getElementById('text')
history.replaceState(null, '', location.pathname)
if (!window.opener) {
  text.textContent = 'This window lost its link to the app. Return to the app and try again.'
} else {
  const reason = (params.get('error_description') || error || '').slice(0, 200)
  text.textContent = error ? 'Sign-in did not complete: ' + reason : 'Finishing sign-in…'
  let answered = false
  window.addEventListener('message', (event) => {
    if (answered || event.source !== window.opener || event.origin !== allowedOrigin) return
    const data = event.data
    if (!data || data.type !== 'hello' || !data.payload || !state || data.payload.state !== state) return
    answered = true
    event.source.postMessage({ type: 'response', payload: { search } }, event.origin)
    if (!error) text.textContent = 'Signed in. You can close this window.'
    setTimeout(() => window.close(), 300)
  })
}`

/** JSON safe to embed in an inline script. */
const embed = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')

/**
 * Versori's hosted OAuth 2 callback page, as this platform plays it: it relays the provider's
 * redirect parameters to the app (only to `appOrigin`, only after the app's hello). No referrer
 * leaves it, nothing caches it, only its own script runs.
 */
export function hostedCallbackPage(c: Context, appOrigin: string) {
  const nonce = randomToken(16)
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Signing in</title>
<style nonce="${nonce}">body{font:15px/1.5 system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;color:#1f2328}</style></head>
<body><main><p id="text" role="status">Finishing sign-in…</p></main>
<script nonce="${nonce}">
const allowedOrigin = ${embed(appOrigin)}
${CALLBACK_SCRIPT}
</script></body></html>`
  return c.html(html, 200, {
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
  })
}
