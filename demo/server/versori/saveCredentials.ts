import type { ResolvedCredential } from './connectionInput'
import type { ErrorField } from './contract'
import { credentialData, echoedConfig, wrongSecrets } from './credentialRules'
import type { Refusal } from './errors'
import type { StoredCredential } from './model'
import type { VersoriOAuth2 } from './oauth2'
import type { CredentialCheck } from './types'

const rejected = (fields: ErrorField[]): Refusal => ({ status: 422, message: 'The provider rejected the credentials.', fields })

/**
 * The provider's say on resolved credentials, in an order that never wastes a sign-in: the demo's
 * `wrong` rule, then `checkCredential` (never given an `oauth2-code`: a code is single-use, so the
 * platform's own exchange is its check), then the code exchange. Returns what to store, each
 * credential marked checked (`errors: []`).
 */
export async function saveCredentials(
  credentials: ResolvedCredential[],
  options: { oauth2: VersoriOAuth2; checkCredential?: CredentialCheck },
): Promise<{ ok: true; stored: StoredCredential[] } | { ok: false; refusal: Refusal }> {
  const wrong = credentials.flatMap((entry) =>
    wrongSecrets(entry.credential, entry.config.type).map((issue) => ({ field: `${entry.path}.credential.data.${issue.field}`, message: issue.message })),
  )
  if (wrong.length) return { ok: false, refusal: rejected(wrong) }

  if (options.checkCredential) {
    const problems: ErrorField[] = []
    for (const entry of credentials) {
      if (entry.credential.type === 'oauth2-code' || entry.credential.type === 'oauth2-token') continue
      try {
        const found = await options.checkCredential({ config: entry.config, credential: entry.credential })
        // A problem with no field (`''`) is about the credential's data as a whole.
        problems.push(...found.map((problem) => ({ field: [`${entry.path}.credential.data`, problem.field].filter(Boolean).join('.'), message: problem.message })))
      } catch (error) {
        return { ok: false, refusal: { status: 502, message: `The credentials could not be checked: ${error instanceof Error ? error.message : String(error)}` } }
      }
    }
    if (problems.length) return { ok: false, refusal: rejected(problems) }
  }

  const stored: StoredCredential[] = []
  for (const entry of credentials) {
    let credential = { ...entry.credential, errors: [] as string[] }
    if (entry.credential.type === 'oauth2-code' && entry.pending) {
      const data = credentialData(entry.credential) ?? {}
      const field = `${entry.path}.credential.data.oauth2Code`
      const exchanged = await options.oauth2.exchange(entry.pending, String(data.code), data.additionalParams as string | undefined, entry.config, field)
      if (!exchanged.ok) return exchanged
      const { tokens } = exchanged
      credential = {
        ...credential,
        type: 'oauth2-token',
        data: {
          oauth2Token: {
            scopes: tokens.scopes,
            accessToken: tokens.accessToken,
            refreshToken: tokens.refreshToken,
            tokenType: tokens.tokenType,
            ...(tokens.expiresAt ? { expiresAt: tokens.expiresAt } : {}),
          },
        },
      }
    }
    stored.push({ id: entry.id, authSchemeConfig: echoedConfig(entry.config), credential })
  }
  return { ok: true, stored }
}
