import { pkceChallenge, randomToken } from '../webCrypto'
import { configId, configObject, oauth2Grant } from './credentialRules'
import type { Refusal } from './errors'
import type { ConnectionTemplate } from './model'
import type { WireAuthSchemeConfig } from './types'

/** Sign-in through a real OAuth 2 authorization server: authorize at `${issuer}/auth`, tokens at `${issuer}/token`. */
export interface VersoriOAuthAuthorization {
  kind: 'oauth'
  issuer: string
}

/** Sign-in through a stand-in consent page (tests, stories): no server, the page hands back the code it is given. */
export interface VersoriFakeAuthorization {
  kind: 'fake'
  /** The stand-in consent page (`fake-versori-authorize.html`). */
  pageUrl: string
  /**
   * The redirect URI the stand-in page returns to. MSW's worker does not serve navigations, so in a
   * browser this is a static copy of the hosted page. @default the platform's own callback
   */
  callbackUrl?: string
  /** How the page should answer, passed as `auto`; read at each sign-in. */
  auto?: () => 'allow' | 'deny' | 'none' | undefined
}

/** The OAuth 2 clients the platform holds: credential id → client. */
export type VersoriClients =
  | Record<string, { clientId: string; clientSecret: string }>
  | ((credentialId: string) => { clientId: string; clientSecret: string } | undefined)

/** A sign-in InitialiseOAuth2Connection started, remembered by its `state` until CreateConnection. */
export interface PendingAuthorization {
  state: string
  systemId: string
  configId: string
  credentialId: string
  scopes: string[]
  redirectUri: string
  codeVerifier?: string
  /** The end user who started it (JWT callers), so no one else can finish it. */
  endUser?: string
  expiresAt: number
  /** Fake mode: the code the stand-in page hands back. */
  fakeCode?: string
}

/** Tokens from a code exchange; kept server-side, redacted on the way out. */
export interface ExchangedTokens {
  accessToken: string
  refreshToken: string
  tokenType: string
  scopes: string[]
  expiresAt?: string
}

/** A body of InitialiseOAuth2Connection, already valid against the contract. */
export interface InitialiseBody {
  credential: { id: string; organisationId: string }
  authorizeUrl: string
  clientId: string
  scopes?: string[]
  disableOfflineAccess?: boolean
  prompt?: string
  additionalParams?: string
}

const PENDING_TTL_MS = 10 * 60_000
const AUTHORIZE_PARAMS = ['client_id', 'response_type', 'redirect_uri', 'scope', 'state', 'prompt', 'code_challenge', 'code_challenge_method']
const TOKEN_PARAMS = ['grant_type', 'code', 'redirect_uri', 'code_verifier', 'client_id', 'client_secret']
/** Callback parameters a kit may pass on in `additionalParams` that do not belong in a token request. */
const CALLBACK_ONLY_PARAMS = ['iss', 'state', 'session_state', 'scope']

const refuse = (status: Refusal['status'], field: string, message: string, summary = 'The request is not valid.'): Refusal => ({
  status,
  message: summary,
  fields: [{ field, message }],
})

/**
 * The platform's OAuth 2 authorization-code side: InitialiseOAuth2Connection's authorize URLs
 * (server-generated `state`, PKCE S256 when the config asks), and the code exchange CreateConnection
 * runs with the client secret it holds.
 */
export function createOAuth2(options: {
  authorization: VersoriOAuthAuthorization | VersoriFakeAuthorization
  redirectUri: string
  organisationId: string
  clients: VersoriClients
}) {
  const pending = new Map<string, PendingAuthorization>()
  const clientFor = (credentialId: string) =>
    typeof options.clients === 'function' ? options.clients(credentialId) : Object.hasOwn(options.clients, credentialId) ? options.clients[credentialId] : undefined
  const redirectUri = options.authorization.kind === 'fake' && options.authorization.callbackUrl ? options.authorization.callbackUrl : options.redirectUri

  /** Builds the authorize URL for a template's authorization-code config, or says which field is wrong. */
  async function initialise(template: ConnectionTemplate, body: InitialiseBody, endUser?: string): Promise<{ ok: true; url: string } | { ok: false; refusal: Refusal }> {
    const fail = (field: string, message: string) => ({ ok: false as const, refusal: refuse(400, field, message) })
    if (body.credential.organisationId !== options.organisationId) return fail('credential.organisationId', "must be the organisation's id")
    const config = template.authSchemeConfigs.find(
      (candidate) => oauth2Grant(candidate) === 'authorizationCode' && (configObject(candidate)?.grant as { authorizationCode?: { credentialId?: string } }).authorizationCode?.credentialId === body.credential.id,
    )
    if (!config) return fail('credential.id', 'is not the client of an authorization-code config of this system')
    const client = clientFor(body.credential.id)
    if (!client) return fail('credential.id', 'is not a client this platform holds')
    if (client.clientId !== body.clientId) return fail('clientId', 'does not match the client stored under credential.id')
    const oauth2 = configObject(config)!
    const configured = new URL(String(oauth2.authorizeUrl))
    const requested = new URL(body.authorizeUrl)
    if (requested.origin + requested.pathname !== configured.origin + configured.pathname) return fail('authorizeUrl', "must be the config's authorizeUrl")
    const known = new Set([...((oauth2.scopes as { name: string }[] | undefined) ?? []).map((scope) => scope.name), 'offline_access'])
    const scopes = body.scopes ?? []
    const unknown = scopes.findIndex((scope) => !known.has(scope))
    if (unknown >= 0) return fail(`scopes[${unknown}]`, 'is not a scope of this config')
    const extra = new URLSearchParams(body.additionalParams ?? '')
    const conflict = AUTHORIZE_PARAMS.find((name) => extra.has(name))
    if (conflict) return fail('additionalParams', `must not set ${conflict}: the API sets it`)

    const state = randomToken(32)
    const codeVerifier = oauth2.pkce === true ? randomToken(32) : undefined
    const requestedScopes = [...new Set([...scopes, ...(body.disableOfflineAccess ? [] : ['offline_access'])])]
    const sign = options.authorization
    const url = sign.kind === 'fake' ? new URL(sign.pageUrl) : requested
    url.searchParams.set('client_id', body.clientId)
    url.searchParams.set('response_type', 'code')
    url.searchParams.set('redirect_uri', redirectUri)
    if (requestedScopes.length) url.searchParams.set('scope', requestedScopes.join(' '))
    url.searchParams.set('state', state)
    const prompt = body.prompt || (extra.has('approval_prompt') ? undefined : 'login')
    if (prompt) url.searchParams.set('prompt', prompt)
    if (codeVerifier) {
      url.searchParams.set('code_challenge', await pkceChallenge(codeVerifier))
      url.searchParams.set('code_challenge_method', 'S256')
    }
    for (const [name, value] of extra) url.searchParams.append(name, value)
    const entry: PendingAuthorization = {
      state,
      systemId: template.id,
      configId: configId(config)!,
      credentialId: body.credential.id,
      scopes: requestedScopes,
      redirectUri,
      ...(codeVerifier ? { codeVerifier } : {}),
      ...(endUser !== undefined ? { endUser } : {}),
      expiresAt: Date.now() + PENDING_TTL_MS,
    }
    if (sign.kind === 'fake') {
      entry.fakeCode = randomToken(24)
      url.searchParams.set('code', entry.fakeCode)
      const auto = sign.auto?.()
      if (auto) url.searchParams.set('auto', auto)
    }
    pending.set(state, entry)
    return { ok: true, url: url.href }
  }

  /** The pending sign-in a credential's `state` names, if this platform started it for this config and caller. */
  function pendingFor(state: string, config: WireAuthSchemeConfig, systemId: string, endUser?: string): PendingAuthorization | undefined {
    const entry = pending.get(state)
    if (!entry || entry.expiresAt < Date.now()) return undefined
    if (entry.systemId !== systemId || entry.configId !== configId(config)) return undefined
    if (entry.endUser !== undefined && entry.endUser !== endUser) return undefined
    return entry
  }

  /**
   * Exchanges a code at the token endpoint with the held client (the state is used up either way).
   * `field` is where a refusal points (the credential's `data.oauth2Code`).
   */
  async function exchange(
    entry: PendingAuthorization,
    code: string,
    additionalParams: string | undefined,
    config: WireAuthSchemeConfig,
    field: string,
  ): Promise<{ ok: true; tokens: ExchangedTokens } | { ok: false; refusal: Refusal }> {
    pending.delete(entry.state)
    const sign = options.authorization
    const extra = new URLSearchParams(String(configObject(config)?.additionalTokenParams ?? ''))
    const ours: Record<string, string | undefined> = { grant_type: 'authorization_code', code, redirect_uri: entry.redirectUri, code_verifier: entry.codeVerifier }
    for (const [name, value] of new URLSearchParams(additionalParams ?? '')) {
      if (name === 'iss' && sign.kind === 'oauth' && value !== sign.issuer) {
        return { ok: false, refusal: refuse(400, `${field}.additionalParams`, 'names another authorization server (iss)') }
      }
      if (CALLBACK_ONLY_PARAMS.includes(name)) continue
      if (TOKEN_PARAMS.includes(name)) {
        if (ours[name] === value) continue
        return { ok: false, refusal: refuse(400, `${field}.additionalParams`, `must not set ${name}: the platform sets it`) }
      }
      extra.append(name, value)
    }
    if (sign.kind === 'fake') {
      if (code !== entry.fakeCode) return { ok: false, refusal: refuse(422, `${field}.code`, 'The provider refused the authorization code.', 'The provider rejected the credentials.') }
      return { ok: true, tokens: { accessToken: randomToken(24), refreshToken: randomToken(24), tokenType: 'Bearer', scopes: entry.scopes } }
    }
    const client = clientFor(entry.credentialId)
    if (!client) return { ok: false, refusal: refuse(422, `${field}.code`, 'The client of this sign-in is gone.', 'The provider rejected the credentials.') }
    const form = new URLSearchParams(Object.entries(ours).filter((pair): pair is [string, string] => pair[1] !== undefined))
    for (const [name, value] of extra) form.append(name, value)
    let answer: Response
    try {
      answer = await fetch(`${sign.issuer}/token`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
          Authorization: `Basic ${btoa(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`)}`,
        },
        body: form,
      })
    } catch {
      return { ok: false, refusal: { status: 502, message: 'The authorization server could not be reached.' } }
    }
    const tokens = (await answer.json().catch(() => ({}))) as Record<string, unknown>
    if (!answer.ok || typeof tokens.access_token !== 'string') {
      const reason = typeof tokens.error_description === 'string' ? tokens.error_description : typeof tokens.error === 'string' ? tokens.error : `HTTP ${answer.status}`
      return { ok: false, refusal: refuse(422, `${field}.code`, `The provider refused the authorization code: ${reason}`, 'The provider rejected the credentials.') }
    }
    return {
      ok: true,
      tokens: {
        accessToken: tokens.access_token,
        refreshToken: typeof tokens.refresh_token === 'string' ? tokens.refresh_token : '',
        tokenType: typeof tokens.token_type === 'string' ? tokens.token_type : 'Bearer',
        scopes: typeof tokens.scope === 'string' ? tokens.scope.split(' ').filter(Boolean) : entry.scopes,
        ...(typeof tokens.expires_in === 'number' ? { expiresAt: new Date(Date.now() + tokens.expires_in * 1000).toISOString() } : {}),
      },
    }
  }

  return { initialise, pendingFor, exchange, redirectUri, clear: () => pending.clear() }
}

/** The platform's OAuth 2 side. */
export type VersoriOAuth2 = ReturnType<typeof createOAuth2>
