import type { ConnectBackend, ConnectionInput, Credentials, PopupProtocol, SignInStep } from './ConnectBackend'
import { ConnectError } from './ConnectError'

// Secrets the person typed never leave the kit inside an error: whatever a platform echoes back
// (in a message, a detail or a field error, raw, URL-encoded or JSON-escaped) is masked before a
// host's onError or event callback can see it.

const MASK = '••••'

/** The ways a secret shows up in text a server wrote: as typed, URL-encoded (both styles) and JSON-escaped. */
function formsOf(secret: string): string[] {
  const encoded = encodeURIComponent(secret)
  return [...new Set([secret, encoded, encoded.replace(/%20/g, '+'), JSON.stringify(secret).slice(1, -1)])].filter(Boolean)
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * `text` with every form of every secret masked. Long secrets are masked wherever they appear; short
 * ones (under 4 characters) where they stand alone, so "abc" does not mangle every word containing it.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text
  for (const form of secrets.flatMap(formsOf).sort((a, b) => b.length - a.length)) {
    out = form.length >= 4 ? out.split(form).join(MASK) : out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'gu'), MASK)
  }
  return out
}

/** The secrets in what a person entered: keys, passwords, client secrets, tokens, PEM keys, and custom values. */
export function secretsOf(credentials: readonly Credentials[]): string[] {
  const values = credentials.flatMap((part): (string | undefined)[] => {
    switch (part.scheme) {
      case 'apiKey':
        return [part.apiKey]
      case 'basic':
      case 'oauth2/password':
        return [part.password, 'clientSecret' in part ? part.clientSecret : undefined]
      case 'oauth2/clientCredentials':
        return [part.clientSecret]
      case 'secret':
      case 'hmac':
        return [part.secret]
      case 'jwtBearer':
        return [part.key]
      case 'certificate':
        return [part.privateKey]
      case 'oauth1/token':
        return [part.token, part.tokenSecret]
      // The kit cannot tell which custom inputs are secret here: all of them are treated as such.
      case 'custom':
        return Object.values(part.values)
      default:
        return []
    }
  })
  return values.filter((value): value is string => typeof value === 'string' && value.trim() !== '')
}

/** `error` with every secret masked in its message, detail and field errors; anything else passes unchanged. */
export function redactError(error: unknown, secrets: readonly string[]): unknown {
  if (!(error instanceof ConnectError) || secrets.length === 0) return error
  const mask = (text: string) => redactText(text, secrets)
  return new ConnectError(error.kind, mask(error.message), {
    status: error.status,
    fieldErrors: Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field, mask(message)])),
    requestId: error.requestId,
    code: error.code,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
    detail: error.detail === undefined ? undefined : mask(error.detail),
  })
}

async function guarded<T>(secrets: readonly string[], run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (caught) {
    throw redactError(caught, secrets)
  }
}

/** A step whose later steps (a callback page's `next`) are guarded too. */
function guardStep(step: SignInStep, secrets: readonly string[]): SignInStep {
  if (step.kind !== 'redirect') return step
  const protocol: PopupProtocol = {
    origin: step.protocol.origin,
    attach: step.protocol.attach?.bind(step.protocol),
    read(data) {
      const answer = step.protocol.read(data)
      if (answer?.kind !== 'continue') return answer
      return { kind: 'continue', next: (signal) => guarded(secrets, async () => guardStep(await answer.next(signal), secrets)) }
    },
  }
  return { ...step, protocol }
}

/**
 * `backend` with every call that carries what a person entered guarded: a failure's text never
 * holds those secrets. `ConnectProvider` applies it to whichever backend it is given.
 */
export function guardSecrets(backend: ConnectBackend): ConnectBackend {
  const secrets = (input: ConnectionInput) => secretsOf(input.credentials)
  const startSteps = backend.startSteps?.bind(backend)
  return {
    ...backend,
    id: backend.id,
    getProvider: backend.getProvider.bind(backend),
    listProviders: backend.listProviders?.bind(backend),
    listConnections: backend.listConnections.bind(backend),
    getConnection: backend.getConnection.bind(backend),
    deleteConnection: backend.deleteConnection?.bind(backend),
    createConnection: (scope, input, signal) => guarded(secrets(input), () => backend.createConnection(scope, input, signal)),
    updateConnection: (scope, connectionId, input, signal) =>
      guarded(secrets(input), () => backend.updateConnection(scope, connectionId, input, signal)),
    startOAuth: (scope, input, connectionId, signal) =>
      guarded(secrets(input), async () => guardStep(await backend.startOAuth(scope, input, connectionId, signal), secrets(input)) as never),
    ...(startSteps
      ? { startSteps: (scope, input, signal) => guarded(secrets(input), async () => guardStep(await startSteps(scope, input, signal), secrets(input))) }
      : {}),
  }
}
