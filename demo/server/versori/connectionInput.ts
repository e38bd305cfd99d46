import type { ErrorField } from './contract'
import { configObject, credentialData, credentialTypesFor, decodeBase64Text, SECRET_FIELDS, CREDENTIAL_DATA_KEY } from './credentialRules'
import type { CredentialType } from './credentialRules'
import type { Refusal } from './errors'
import type { ConnectionTemplate, StoredConnection } from './model'
import type { PendingAuthorization, VersoriOAuth2 } from './oauth2'
import { sameConfig } from './store'
import type { WireAuthSchemeConfig, WireCredential } from './types'

/** One `ConnectionCredential` of a body, already valid against the contract. */
export interface BodyCredential {
  id: string
  authSchemeConfig: WireAuthSchemeConfig
  credential: WireCredential
}

/** A body credential checked against its template: the template's own config, secrets kept on update. */
export interface ResolvedCredential {
  /** Where it sits in the body, e.g. `connection.credentials[1]`. */
  path: string
  id: string
  /** The template's config (authoritative: the echo only names it). */
  config: WireAuthSchemeConfig
  credential: WireCredential
  /** The sign-in an `oauth2-code` credential finishes. */
  pending?: PendingAuthorization
}

/** What {@link resolveCredentials} needs. */
export interface ResolveContext {
  template: ConnectionTemplate
  organisationId: string
  oauth2: VersoriOAuth2
  /** The end user calling (JWT), who must own any sign-in finished here. */
  endUser?: string
  /** On update: the connection whose secrets an empty value keeps. */
  existing?: StoredConnection
}

const invalid = (fields: ErrorField[]): Refusal => ({ status: 400, message: 'The request body is not valid.', fields })

/** On update, an empty secret (as the API answered it) keeps the stored one; a token is kept whole. */
function keepSecrets(entry: BodyCredential, config: WireAuthSchemeConfig, existing?: StoredConnection): { credential: WireCredential; kept: boolean } {
  const stored = existing?.credentials.find((candidate) => candidate.id === entry.id && sameConfig(candidate.authSchemeConfig, config))
  const incoming = entry.credential
  if (!stored || stored.credential.type !== incoming.type) return { credential: incoming, kept: false }
  if (incoming.type === 'oauth2-token') return { credential: { ...incoming, data: structuredClone(stored.credential.data) }, kept: true }
  const key = CREDENTIAL_DATA_KEY[incoming.type as CredentialType]
  const data = { ...credentialData(incoming) }
  const before = credentialData(stored.credential) ?? {}
  let kept = false
  for (const field of SECRET_FIELDS[key]) {
    if (data[field] === '' && typeof before[field] === 'string') {
      data[field] = before[field]
      kept = true
    }
  }
  return { credential: { ...incoming, data: { [key]: data } }, kept }
}

/** Problems of one credential's data that only its template's config can tell. */
function dataIssues(config: WireAuthSchemeConfig, credential: WireCredential, at: string): ErrorField[] {
  const body = configObject(config) ?? {}
  const data = credentialData(credential) ?? {}
  const issues: ErrorField[] = []
  if (credential.type === 'oauth2-client') {
    if (data.tokenUrl !== body.tokenUrl) issues.push({ field: `${at}.oauth2Client.tokenUrl`, message: "must be the template's tokenUrl" })
    const known = new Set(((body.scopes as { name: string }[] | undefined) ?? []).map((scope) => scope.name))
    ;((data.scopes as string[] | undefined) ?? []).forEach((scope, i) => {
      if (!known.has(scope)) issues.push({ field: `${at}.oauth2Client.scopes[${i}]`, message: 'is not a scope of this config' })
    })
  }
  if (credential.type === 'binary' && decodeBase64Text(String(data.valueBase64)) === undefined) {
    issues.push({ field: `${at}.binary.valueBase64`, message: 'must be base64' })
  }
  if (credential.type === 'oauth1-token') {
    const configs = ((body.tokenEndpoint as { additionalParamConfigs?: { parameterName: string; modifiable: boolean; required: boolean }[] } | undefined)?.additionalParamConfigs ?? []).filter((param) => param.modifiable)
    const given = (data.additionalParams as { name: string }[] | undefined) ?? []
    given.forEach((param, i) => {
      if (!configs.some((known) => known.parameterName === param.name)) issues.push({ field: `${at}.oauth1Token.additionalParams[${i}].name`, message: 'is not a parameter the person may set' })
    })
    for (const param of configs) {
      if (param.required && !given.some((known) => known.name === param.parameterName)) {
        issues.push({ field: `${at}.oauth1Token.additionalParams`, message: `must include ${param.parameterName}` })
      }
    }
  }
  return issues
}

/**
 * Checks a body's credentials against its template (the parts the contract cannot: which config,
 * whose organisation, which credential type, a sign-in this platform started, multi-part methods)
 * and resolves each to the template's config. `prefix` is the body path of the credentials array.
 */
export function resolveCredentials(entries: BodyCredential[], prefix: string, context: ResolveContext): { ok: true; credentials: ResolvedCredential[] } | { ok: false; refusal: Refusal } {
  const { template } = context
  if (entries.length === 0) return { ok: false, refusal: invalid([{ field: prefix, message: 'must hold at least one credential' }]) }
  const fields: ErrorField[] = []
  const resolved: ResolvedCredential[] = []
  const used = new Set<WireAuthSchemeConfig>()
  const ids = new Set<string>()
  entries.forEach((entry, i) => {
    const path = `${prefix}[${i}]`
    const config = template.authSchemeConfigs.find((candidate) => sameConfig(candidate, entry.authSchemeConfig))
    if (!config) return fields.push({ field: `${path}.authSchemeConfig`, message: "must be one of the template's auth scheme configs" })
    if (used.has(config)) return fields.push({ field: `${path}.authSchemeConfig`, message: 'is used by another credential of this connection' })
    used.add(config)
    for (const [id, where] of [[entry.id, `${path}.id`], [entry.credential.id, `${path}.credential.id`]] as const) {
      if (ids.has(id)) fields.push({ field: where, message: 'is used twice in this connection' })
      ids.add(id)
    }
    const { credential, kept } = keepSecrets(entry, config, context.existing)
    if (credential.organisationId !== context.organisationId) fields.push({ field: `${path}.credential.organisationId`, message: "must be the organisation's id" })
    // A token is never sent: only echoed back on update, for a credential the connection already has.
    const allowed = credentialTypesFor(config).filter((type) => type !== 'oauth2-token' || (kept && credential.type === 'oauth2-token'))
    if (!allowed.includes(credential.type as CredentialType)) {
      return fields.push({ field: `${path}.credential.type`, message: `must be ${allowed.map((type) => `"${type}"`).join(' or ')} for this config` })
    }
    if (credential.type === 'oauth1') {
      return fields.push({ field: `${path}.credential.type`, message: 'OAuth 1.0 sign-in in the browser is not available on this platform' })
    }
    const at = `${path}.credential.data`
    fields.push(...dataIssues(config, credential, at))
    let pending: PendingAuthorization | undefined
    if (credential.type === 'oauth2-code') {
      pending = context.oauth2.pendingFor(String(credentialData(credential)?.state), config, template.id, context.endUser)
      if (!pending) fields.push({ field: `${at}.oauth2Code.state`, message: 'is not a sign-in this platform started, or it expired or was used' })
    }
    resolved.push({ path, id: entry.id, config, credential, ...(pending ? { pending } : {}) })
  })
  for (const config of used) {
    if (config.type === 'oauth2' && configObject(config)?.mtlsEnabled === true && ![...used].some((other) => other.type === 'certificate')) {
      fields.push({ field: prefix, message: 'An mTLS OAuth 2.0 config needs a certificate credential in the same connection' })
    }
  }
  return fields.length ? { ok: false, refusal: invalid(fields) } : { ok: true, credentials: resolved }
}
