import { generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import Provider, { errors } from 'oidc-provider'
import type { ClientMetadata, KoaContextWithOIDC, ResourceServer } from 'oidc-provider'
import { VERSORI_DEMO } from './versori/types'

/** The one person who can sign in to the demo's authorization server. */
export const DEMO_USER = { email: 'ada@example.com', password: 'plugboard', name: 'Ada Lovelace', id: 'user-ada' }

/** Options of {@link createAuthServer}. */
export interface AuthServerOptions {
  /** The issuer URL, e.g. `http://localhost:4011`. */
  issuer: string
  /** The platform's OAuth client. */
  client: { id: string; secret: string; redirectUri: string }
  /** More clients (e.g. {@link versoriAuthClients}); they get Acme as their default resource. @default [] */
  clients?: ClientMetadata[]
}

/**
 * The API the stand-in provider ("Acme API") serves, as an RFC 8707 resource indicator. The extra
 * clients get it by default, so they need not send `resource`; their access tokens are issued for
 * Acme (audience `acme-api`) with Acme's scopes. (oidc-provider keeps resource scopes out of client
 * `scope` metadata and out of its `scopes` setting, which lists OpenID Connect scopes.)
 */
export const ACME_RESOURCE = { indicator: 'urn:plugboard-demo:acme-api', audience: 'acme-api', scopes: ['api:read', 'api:write'] } as const

/**
 * The Versori demo's clients (ids and secrets in VERSORI_DEMO): `versori-demo` (authorization code +
 * PKCE + refresh tokens, redirecting to `codeRedirectUris`), `versori-password` (the `password`
 * grant, held by the platform) and `demo-cc` (`client_credentials`, typed in by people).
 */
export function versoriAuthClients(options: { codeRedirectUris: string[] }): ClientMetadata[] {
  return [
    {
      client_id: VERSORI_DEMO.codeClient.id,
      client_secret: VERSORI_DEMO.codeClient.secret,
      client_name: 'Versori demo platform',
      redirect_uris: options.codeRedirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      client_id: VERSORI_DEMO.passwordClient.id,
      client_secret: VERSORI_DEMO.passwordClient.secret,
      client_name: 'Versori demo platform (password grant)',
      redirect_uris: [],
      grant_types: ['password'],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      client_id: VERSORI_DEMO.clientCredentialsClient.id,
      client_secret: VERSORI_DEMO.clientCredentialsClient.secret,
      client_name: 'Demo machine client',
      redirect_uris: [],
      grant_types: ['client_credentials'],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ]
}

const acmeResourceServer: ResourceServer = {
  scope: ACME_RESOURCE.scopes.join(' '),
  audience: ACME_RESOURCE.audience,
  accessTokenFormat: 'opaque',
  accessTokenTTL: 3600,
}

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * The resource owner password grant (RFC 6749 §4.3; deprecated by OAuth 2.1, kept because Versori
 * supports it): checks DEMO_USER's email and password and issues an access token for Acme.
 */
async function passwordGrant(ctx: KoaContextWithOIDC) {
  const { provider, params } = ctx.oidc as KoaContextWithOIDC['oidc'] & { params: Record<string, unknown> }
  const client = ctx.oidc.client!
  const username = typeof params.username === 'string' ? params.username.trim().toLowerCase() : ''
  const password = typeof params.password === 'string' ? params.password : ''
  if (!username || !password) throw new errors.InvalidRequest('username and password are required')
  if (!sameText(username, DEMO_USER.email) || !sameText(password, DEMO_USER.password)) {
    throw new errors.InvalidGrant('wrong username or password')
  }
  const requested = typeof params.scope === 'string' && params.scope ? params.scope.split(' ') : [...ACME_RESOURCE.scopes]
  const scope = requested.filter((name) => (ACME_RESOURCE.scopes as readonly string[]).includes(name)).join(' ')
  if (!scope) throw new errors.InvalidScope('no Acme API scope requested', String(params.scope ?? ''))

  const grant = new provider.Grant({ accountId: DEMO_USER.id, clientId: client.clientId })
  grant.addResourceScope(ACME_RESOURCE.indicator, scope)
  const grantId = await grant.save()
  const token = new provider.AccessToken({ accountId: DEMO_USER.id, client, grantId, gty: 'password', scope })
  token.resourceServer = new provider.ResourceServer(ACME_RESOURCE.indicator, acmeResourceServer)
  const accessToken = await token.save()
  ctx.body = { access_token: accessToken, token_type: token.tokenType, expires_in: token.expiration, scope }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)

function page(title: string, body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Demo Identity</title>
<style>
body{margin:0;font:15px/1.5 system-ui,-apple-system,sans-serif;background:#f4f5f7;color:#1f2328;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border:1px solid #d1d9e0;border-radius:12px;padding:28px;width:min(380px,90vw);box-shadow:0 8px 24px rgb(0 0 0/.08)}
h1{font-size:20px;margin:0 0 6px}p{margin:0 0 16px;color:#59636e}label{display:grid;gap:4px;font-weight:600;margin-bottom:12px}
input{font:inherit;padding:8px 10px;border:1px solid #d1d9e0;border-radius:8px}ul{margin:0 0 16px;padding-left:20px}
.actions{display:flex;gap:8px;justify-content:flex-end}button{font:inherit;font-weight:600;padding:8px 16px;border-radius:8px;border:1px solid #d1d9e0;background:#fff;cursor:pointer}
button.primary{background:#1f6feb;border-color:#1f6feb;color:#fff}.error{color:#c62828;font-weight:600}.brand{font-size:13px;color:#59636e;margin-bottom:16px}
</style></head><body><main><div class="brand">Demo Identity · OAuth 2.0 authorization server</div>${body}</main></body></html>`
}

function loginPage(uid: string, error?: string) {
  return page(
    'Sign in',
    `<h1>Sign in</h1><p>Sign in to let the app connect your account.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label>Email<input name="login" type="email" autocomplete="username" required autofocus></label>
<label>Password<input name="password" type="password" autocomplete="current-password" required></label>
<div class="actions"><button type="submit" formaction="/interaction/${uid}/abort" formnovalidate>Cancel</button><button class="primary" type="submit">Sign in</button></div>
</form>`,
  )
}

function consentPage(uid: string, clientName: string, scopes: string[]) {
  const described: Record<string, string> = {
    openid: 'Know who you are',
    offline_access: 'Keep access when you are not using the app',
    'api:read': 'Read your Acme data',
    'api:write': 'Change your Acme data',
  }
  return page(
    'Allow access',
    `<h1>Allow ${escapeHtml(clientName)}?</h1><p>${escapeHtml(clientName)} wants to:</p>
<ul>${scopes.map((scope) => `<li>${escapeHtml(described[scope] ?? scope)}</li>`).join('')}</ul>
<form method="post" action="/interaction/${uid}/confirm">
<div class="actions"><button type="submit" formaction="/interaction/${uid}/abort">Deny</button><button class="primary" type="submit">Allow</button></div>
</form>`,
  )
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

function send(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
  res.end(html)
}

/**
 * A real OAuth 2.0 authorization server (oidc-provider) with a sign-in page and a consent page a
 * person can use. Authorization code with PKCE S256 is required; refresh tokens are issued.
 * `client_credentials` and a `password` grant are enabled too, for the clients that register them.
 * When client authentication fails at the token endpoint, `error_description` says whether the
 * client is unknown or its secret is wrong (as many providers do), so a caller can point at the field.
 */
export function createAuthServer(options: AuthServerOptions) {
  const clients = options.clients ?? []
  const acmeClients = new Set(clients.map((client) => client.client_id))
  const provider = new Provider(options.issuer, {
    clients: [
      ...clients,
      {
        client_id: options.client.id,
        client_secret: options.client.secret,
        client_name: 'Plugboard demo platform',
        redirect_uris: [options.client.redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, client, oneOf) => oneOf ?? (acmeClients.has(client.clientId) ? ACME_RESOURCE.indicator : undefined),
        // A code or refresh token granted for Acme gives an Acme token without the client naming it again.
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== ACME_RESOURCE.indicator) throw new errors.InvalidTarget()
          return acmeResourceServer
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // A fresh RS256 signing key per start (the demo keeps no state across restarts anyway).
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), use: 'sig', kid: `demo-${Date.now()}` }] },
    scopes: ['openid', 'offline_access'],
    claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
    findAccount: async (_ctx, sub) =>
      sub === DEMO_USER.id ? { accountId: sub, claims: async () => ({ sub, email: DEMO_USER.email, name: DEMO_USER.name }) } : undefined,
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    ttl: { AccessToken: 3600, ClientCredentials: 3600, AuthorizationCode: 120, Interaction: 900, Session: 3600, Grant: 3600, IdToken: 3600, RefreshToken: 86_400 },
    renderError: async (ctx, out) => {
      ctx.type = 'html'
      ctx.body = page('Error', `<h1>Something went wrong</h1><p>${escapeHtml(String(out.error_description ?? out.error))}</p>`)
    },
  })
  provider.registerGrantType('password', passwordGrant, ['username', 'password', 'scope'])
  provider.on('grant.error', (ctx: KoaContextWithOIDC, error: errors.OIDCProviderError) => {
    const body = ctx.body as { error?: string } | undefined
    const why = { 'client not found': 'unknown client', 'invalid secret provided': 'wrong client secret' }[String(error.error_detail)]
    if (body?.error === 'invalid_client' && why) ctx.body = { ...body, error_description: `client authentication failed: ${why}` }
  })
  const callback = provider.callback()

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
    const details = await provider.interactionDetails(req, res)
    if (details.uid !== uid) return send(res, 400, page('Error', '<h1>This sign-in has expired.</h1>'))
    if (req.method === 'GET') {
      if (details.prompt.name === 'login') return send(res, 200, loginPage(uid))
      const client = await provider.Client.find(String(details.params.client_id))
      const scopes = String(details.params.scope ?? '').split(' ').filter(Boolean)
      return send(res, 200, consentPage(uid, client?.clientName ?? 'The app', scopes))
    }
    if (action === 'abort') {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user denied access.' }, { mergeWithLastSubmission: false })
    }
    if (action === 'login') {
      const form = await formBody(req)
      if (form.get('login')?.trim().toLowerCase() !== DEMO_USER.email || form.get('password') !== DEMO_USER.password) {
        return send(res, 400, loginPage(uid, 'Wrong email or password.'))
      }
      return provider.interactionFinished(req, res, { login: { accountId: DEMO_USER.id } }, { mergeWithLastSubmission: false })
    }
    if (action === 'confirm') {
      const { prompt, params, session, grantId } = details
      const grant = grantId
        ? await provider.Grant.find(grantId)
        : new provider.Grant({ accountId: session!.accountId, clientId: String(params.client_id) })
      if (!grant) return send(res, 400, page('Error', '<h1>This consent has expired.</h1>'))
      const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> }
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '))
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims)
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '))
      const savedGrantId = await grant.save()
      return provider.interactionFinished(req, res, { consent: { grantId: savedGrantId } }, { mergeWithLastSubmission: true })
    }
    return send(res, 404, page('Not found', '<h1>Not found</h1>'))
  }

  const server = createServer((req, res) => {
    const match = /^\/interaction\/([^/?]+)(?:\/(login|confirm|abort))?(?:\?|$)/.exec(req.url ?? '')
    if (!match) return void callback(req, res)
    interaction(req, res, match[1]!, match[2]).catch((error: Error) => {
      if (!res.headersSent) send(res, 400, page('Error', `<h1>Sign-in could not continue</h1><p>${escapeHtml(error.message)}</p>`))
    })
  })
  return { server, provider }
}
