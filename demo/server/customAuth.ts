import type { Context } from 'hono'
import { callbackPage } from './callbackPage'
import type { SpecIssue } from './openapi'
import type { FakeAuthorization, OAuthAuthorization } from './signIn'
import { catalog, publicConnection } from './store'
import type { ConnectionStore, StoredConnection } from './store'
import { randomToken } from './webCrypto'

/** Where a multi-step custom sign-in's callback lives on the platform. */
export const CUSTOM_AUTH_CALLBACK_PATH = '/callbacks/v1/custom-auth'
/** The demo's stand-in for a provider's admin consent page (real providers host their own). */
export const CUSTOM_AUTH_CONSENT_PATH = '/stand-in/admin-consent'

/** Who started a flow that waits for the person to come back from the provider's page. */
interface ParkedFlow {
  provider: string
  groupRef: string
  groupName?: string
  consumerRef: string
  consumerName?: string
  providerMetadata?: StoredConnection['providerMetadata']
  /** What the person entered before the consent page, if anything. */
  inputs: Record<string, unknown>
  expiresAt: number
}

const PARKED_TTL_MS = 10 * 60_000

/** Providers whose inputs are checked first and whose flow then continues on a consent page. */
const CONSENT_AFTER_INPUTS = new Set(['acmeSso'])

/** What the handler answers: a JSON body, bad input, credentials the provider refused, or a failed step. */
export type CustomAuthAnswer =
  | { kind: 'ok'; body: Record<string, unknown> }
  | { kind: 'invalid'; issues: SpecIssue[] }
  | { kind: 'rejected'; issues: SpecIssue[] }
  | { kind: 'failed'; detail: string }

/** What {@link createCustomAuth} needs from the platform. */
export interface CustomAuthOptions {
  /** The platform's own origin (the callback and the stand-in page live there). */
  origin: string
  /** The app's origin: the only target of the callback's message. */
  appOrigin: string
  /** Real sign-in (stand-in page on this server) or the tests' static page. */
  authorization: OAuthAuthorization | FakeAuthorization
  /** Where connections are created. */
  store: ConnectionStore
  /** Field issues for credentials the demo's providers refuse (a secret that is `wrong`). */
  rejected: (body: Record<string, unknown>) => SpecIssue[]
}

const html = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/**
 * The platform's `/custom-auth/connect` for providers whose catalog entry has
 * `customOpts.multiStep`: inputs are checked and exchanged on the server (Redtail), or the person
 * is sent to the provider's consent page and the flow resumes with what its callback forwards
 * (Microsoft admin consent).
 */
export function createCustomAuth(options: CustomAuthOptions) {
  const parked = new Map<string, ParkedFlow>()

  function consentUrl(sessionId: string, provider: string): string {
    const sign = options.authorization
    const url =
      sign.kind === 'fake'
        ? new URL('fake-custom-auth.html', sign.pageUrl)
        : new URL(`${options.origin}${CUSTOM_AUTH_CONSENT_PATH}`)
    url.search = new URLSearchParams({ state: sessionId, provider }).toString()
    const auto = sign.kind === 'fake' ? sign.auto?.() : undefined
    if (auto) url.searchParams.set('auto', auto)
    return url.href
  }

  function start(body: Record<string, unknown>): CustomAuthAnswer {
    const provider = typeof body.provider === 'string' ? body.provider : ''
    if (!provider) return { kind: 'invalid', issues: [{ name: 'provider', detail: 'provider is required to start a sign-in.' }] }
    const entry = catalog[provider] as { customOpts?: { multiStep?: boolean; inputs?: { name: string; displayName: string }[] } } | undefined
    if (!entry?.customOpts?.multiStep) {
      return { kind: 'invalid', issues: [{ name: 'provider', detail: `${provider} does not use a multi-step custom sign-in.` }] }
    }
    const values = (body.customAuth ?? {}) as Record<string, unknown>
    const missing = (entry.customOpts.inputs ?? []).filter((input) => typeof values[input.name] !== 'string' || values[input.name] === '')
    if (missing.length) {
      return { kind: 'invalid', issues: missing.map((input) => ({ name: `customAuth.${input.name}`, detail: `${input.displayName} is required.` })) }
    }
    const rejected = options.rejected(body)
    if (rejected.length) {
      return { kind: 'rejected', issues: rejected }
    }
    const who = {
      provider,
      groupRef: String(body.groupRef ?? ''),
      groupName: body.groupName as string | undefined,
      consumerRef: String(body.consumerRef ?? ''),
      consumerName: body.consumerName as string | undefined,
      providerMetadata: body.providerMetadata as StoredConnection['providerMetadata'],
    }
    if (!who.groupRef || !who.consumerRef) {
      return { kind: 'invalid', issues: [{ name: 'groupRef', detail: 'groupRef and consumerRef are required to start a sign-in.' }] }
    }
    if ((entry.customOpts.inputs ?? []).length > 0 && !CONSENT_AFTER_INPUTS.has(provider)) {
      // Inputs exchanged server-side (Redtail trades them for a user key): done in one step.
      const connection = options.store.create({ ...who, authScheme: 'custom', status: 'working', secrets: { customAuth: values } })
      return { kind: 'ok', body: { connection: publicConnection(connection) } }
    }
    // The person grants consent on the provider's page before the connection exists.
    const sessionId = randomToken(24)
    parked.set(sessionId, { ...who, inputs: values, expiresAt: Date.now() + PARKED_TTL_MS })
    return { kind: 'ok', body: { redirect: { url: consentUrl(sessionId, provider), sessionId } } }
  }

  function resume(sessionId: string, params: Record<string, string>): CustomAuthAnswer {
    const flow = parked.get(sessionId)
    parked.delete(sessionId)
    if (!flow || flow.expiresAt < Date.now() || (params.state !== undefined && params.state !== sessionId)) {
      return { kind: 'failed', detail: 'This sign-in has expired or was already finished. Please start again.' }
    }
    if (params.error) {
      const reason = params.error === 'access_denied' ? 'Consent was declined on the provider’s page.' : params.error_description || params.error
      return { kind: 'failed', detail: reason }
    }
    if (params.admin_consent !== 'True' || !params.tenant) {
      return { kind: 'failed', detail: 'The provider did not confirm consent.' }
    }
    const { expiresAt: _expiresAt, inputs, ...who } = flow
    const connection = options.store.create({ ...who, authScheme: 'custom', status: 'working', secrets: { customAuth: inputs, tenant: params.tenant } })
    return { kind: 'ok', body: { connection: publicConnection(connection) } }
  }

  /** POST `/custom-auth/connect`, after spec validation. */
  function connect(body: Record<string, unknown>): CustomAuthAnswer {
    if (typeof body.sessionId === 'string') return resume(body.sessionId, (body.callbackParams ?? {}) as Record<string, string>)
    return start(body)
  }

  /** GET the callback: forwards the provider's parameters to the opener, exactly as sent. */
  function callback(c: Context) {
    return callbackPage(c, options.appOrigin, { source: 'ampersand-custom-auth', params: c.req.query() })
  }

  /** GET the stand-in consent page: two links back to the callback, as a provider would redirect. */
  function consentPage(c: Context) {
    const state = c.req.query('state') ?? ''
    const name = (catalog[c.req.query('provider') ?? ''] as { displayName?: string } | undefined)?.displayName ?? 'the provider'
    const back = (params: Record<string, string>) => html(`${options.origin}${CUSTOM_AUTH_CALLBACK_PATH}?${new URLSearchParams({ ...params, state })}`)
    const tenant = parked.has(state) ? `tenant-${state.slice(0, 8)}` : 'unknown'
    return c.html(
      `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Grant admin consent</title>
<style>body{font:15px/1.5 system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;background:#f4f5f7;color:#1f2328}
main{background:#fff;border:1px solid #d1d9e0;border-radius:12px;padding:28px;width:min(380px,90vw)}h1{font-size:20px;margin:0 0 8px}
p{color:#59636e}.actions{display:flex;gap:8px;justify-content:flex-end}a{font-weight:600;padding:8px 16px;border-radius:8px;border:1px solid #d1d9e0;color:#1f2328;text-decoration:none}
a.accept{background:#1f6feb;border-color:#1f6feb;color:#fff}</style></head>
<body><main><h1>Grant admin consent to Plugboard demo platform</h1>
<p>This page stands in for ${html(name)}. As an admin, allow the app to read your organisation's data for everyone in it?</p>
<div class="actions"><a href="${back({ error: 'access_denied', error_description: 'The admin declined consent.' })}">Cancel</a>
<a class="accept" href="${back({ admin_consent: 'True', tenant })}">Accept</a></div></main></body></html>`,
      200,
      { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" },
    )
  }

  return { connect, callback, consentPage, clear: () => parked.clear() }
}
