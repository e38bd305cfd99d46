import type { Context } from 'hono'
import { callbackPage } from './callbackPage'
import type { CallbackMessage } from './callbackPage'
import type { ConnectionStore, StoredConnection, StoredTokens } from './store'
import { pkceChallenge, randomToken } from './webCrypto'

/** Sign-in through a real OAuth 2 authorization server (the demo). */
export interface OAuthAuthorization {
  kind: 'oauth'
  /** The authorization server's issuer URL. */
  issuer: string
  /** The OAuth client registered there for this platform. */
  client: { id: string; secret: string }
}

/** Sign-in through a same-origin stand-in page that calls `completeAuthorization` (tests, stories). */
export interface FakeAuthorization {
  kind: 'fake'
  /** The stand-in consent page. */
  pageUrl: string
  /** How the page should answer, passed as `auto`; read at each sign-in. */
  auto?: () => 'allow' | 'deny' | 'none' | undefined
}

/** The callback path the authorization server redirects back to. */
export const CALLBACK_PATH = '/callbacks/v1/oauth'

interface PendingAuthorization {
  provider: string
  groupRef: string
  groupName?: string
  consumerRef: string
  consumerName?: string
  providerWorkspaceRef?: string
  providerMetadata?: StoredConnection['providerMetadata']
  connectionId?: string
  codeVerifier: string
  openerOrigin: string
  expiresAt: number
}

const PENDING_TTL_MS = 10 * 60_000

/** What {@link createSignIn} needs from the platform. */
export interface SignInOptions {
  /** The platform's own origin (the callback lives there). */
  origin: string
  /** The app's origin: the only target of the callback's message. */
  appOrigin: string
  /** How sign-in happens. */
  authorization: OAuthAuthorization | FakeAuthorization
  /** Where connections are created or re-authorized. */
  store: ConnectionStore
}

/** A sign-in to start: who connects what, or which connection to re-authorize. */
export type SignInRequest = Omit<PendingAuthorization, 'codeVerifier' | 'openerOrigin' | 'expiresAt'>

/**
 * The platform's OAuth side: authorize URLs with `state` and PKCE S256, the callback that checks
 * `state`, exchanges the code over HTTP and stores the tokens, and the stand-in page's shortcut.
 */
export function createSignIn(options: SignInOptions) {
  const { store } = options
  const pending = new Map<string, PendingAuthorization>()
  const redirectUri = `${options.origin}${CALLBACK_PATH}`

  async function start(c: Context, entry: SignInRequest) {
    const state = randomToken(24)
    const codeVerifier = randomToken(32)
    pending.set(state, { ...entry, codeVerifier, openerOrigin: options.appOrigin, expiresAt: Date.now() + PENDING_TTL_MS })
    const sign = options.authorization
    let url: URL
    if (sign.kind === 'fake') {
      url = new URL(sign.pageUrl)
      url.search = new URLSearchParams({ state, provider: entry.provider }).toString()
      const auto = sign.auto?.()
      if (auto) url.searchParams.set('auto', auto)
    } else {
      url = new URL(`${sign.issuer}/auth`)
      url.search = new URLSearchParams({
        client_id: sign.client.id,
        response_type: 'code',
        redirect_uri: redirectUri,
        scope: 'openid offline_access',
        state,
        code_challenge: await pkceChallenge(codeVerifier),
        code_challenge_method: 'S256',
        prompt: 'consent',
      }).toString()
    }
    return c.text(url.href, 200, { 'Cache-Control': 'no-store' })
  }

  /** Creates or re-authorizes the connection of a finished sign-in; the message for the opener. */
  function completeSignIn(entry: PendingAuthorization, tokens?: StoredTokens): CallbackMessage {
    const connection = entry.connectionId
      ? store.update(entry.connectionId, { tokens, status: 'working' })
      : store.create({
          provider: entry.provider,
          groupRef: entry.groupRef,
          groupName: entry.groupName,
          consumerRef: entry.consumerRef,
          consumerName: entry.consumerName,
          providerWorkspaceRef: entry.providerWorkspaceRef,
          providerMetadata: entry.providerMetadata,
          tokens,
          status: 'working',
        })
    if (!connection) {
      return { eventType: 'AUTHORIZATION_FAILED', data: { error: 'not_found', message: 'The connection to re-authorize no longer exists.' } }
    }
    return { eventType: 'AUTHORIZATION_SUCCEEDED', data: { connection: { id: connection.id, provider: connection.provider } } }
  }

  /** Takes a pending sign-in by its state, once. */
  function takePending(state: string): PendingAuthorization | undefined {
    const entry = pending.get(state)
    pending.delete(state)
    return entry && entry.expiresAt >= Date.now() ? entry : undefined
  }

  /** The callback page's handler (GET `CALLBACK_PATH`). */
  async function callback(c: Context) {
    const entry = takePending(c.req.query('state') ?? '')
    const fail = (reason: string, error = 'authorization_failed') =>
      callbackPage(c, entry?.openerOrigin ?? options.appOrigin, { eventType: 'AUTHORIZATION_FAILED', data: { error, message: reason } })
    const sign = options.authorization
    if (sign.kind !== 'oauth') return fail('This platform signs in through its stand-in page.')
    if (!entry) return fail('This sign-in link has expired or was already used. Please start again.', 'invalid_state')
    const error = c.req.query('error')
    if (error) {
      const reason = error === 'access_denied' ? 'Access was denied on the consent screen.' : c.req.query('error_description') || error
      return fail(reason, error)
    }
    const code = c.req.query('code')
    if (!code) return fail('The authorization server sent no code.')
    let tokens: { access_token: string; refresh_token?: string; expires_in?: number; scope?: string }
    try {
      const exchange = await fetch(`${sign.issuer}/token`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: `Basic ${btoa(`${encodeURIComponent(sign.client.id)}:${encodeURIComponent(sign.client.secret)}`)}`,
        },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: entry.codeVerifier }),
      })
      if (!exchange.ok) return fail('The authorization server refused the code exchange.')
      tokens = (await exchange.json()) as typeof tokens
    } catch {
      return fail('The authorization server could not be reached.')
    }
    const issuedAt = new Date().toISOString()
    return callbackPage(
      c,
      entry.openerOrigin,
      completeSignIn(entry, {
        accessToken: {
          token: tokens.access_token,
          issuedAt,
          ...(tokens.expires_in ? { expiresAt: new Date(Date.now() + tokens.expires_in * 1000).toISOString() } : {}),
        },
        ...(tokens.refresh_token ? { refreshToken: { token: tokens.refresh_token, issuedAt } } : {}),
        scopes: (tokens.scope ?? '').split(' ').filter(Boolean),
      }),
    )
  }

  /**
   * For the stand-in consent page: finishes a pending sign-in as the provider and callback would,
   * returning the message the callback page posts to the opener.
   */
  function completeAuthorization(state: string, approved: boolean): CallbackMessage {
    const entry = takePending(state)
    if (!entry) return { eventType: 'AUTHORIZATION_FAILED', data: { error: 'invalid_state', message: 'This sign-in link has expired.' } }
    if (!approved) return { eventType: 'AUTHORIZATION_FAILED', data: { error: 'access_denied', message: 'The user denied access.' } }
    return completeSignIn(entry)
  }

  return { start, callback, completeAuthorization, clear: () => pending.clear() }
}
