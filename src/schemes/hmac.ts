import type { SecretEncoding } from '../model/ProviderSpec'
import type { SchemeDescriptor } from './SchemeDescriptor'
import { valueAt } from './SchemeDescriptor'
import { secretField } from './fields'

/** A new random shared secret: `bytes` from the platform's crypto source, in `encoding`. */
export function generateSecret(encoding: SecretEncoding, bytes = 32): string {
  const random = crypto.getRandomValues(new Uint8Array(bytes))
  if (encoding === 'hex') return Array.from(random, (byte) => byte.toString(16).padStart(2, '0')).join('')
  const base64 = btoa(String.fromCharCode(...random))
  return encoding === 'base64' ? base64 : base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * HMAC: a masked shared secret the person pastes or generates (and copies to the other side),
 * with how signatures are computed shown as read-only facts.
 */
export const hmacScheme: SchemeDescriptor<'hmac'> = {
  scheme: 'hmac',
  fields: (part, messages) => [
    secretField('secret', messages.sharedSecret, { generate: part.encoding, copyable: true, help: messages.sharedSecretHelp }),
  ],
  facts(part, messages, locale) {
    const signed = part.digestInputs.map((input) => messages.hmacParts[input] ?? input)
    const facts = [
      { term: messages.hmacAlgorithm, detail: `HMAC-${part.algorithm.toUpperCase()}` },
      // "Request body and URL", "Anfragetext und URL", "نص الطلب وعنوان URL": the locale's own list.
      { term: messages.hmacSignedParts, detail: new Intl.ListFormat(locale, { type: 'conjunction' }).format(signed) },
      { term: messages.hmacEncoding, detail: messages.hmacEncodings[part.encoding] ?? part.encoding },
    ]
    if (part.placement) facts.push({ term: messages.sentIn, detail: messages.placement[part.placement.in](part.placement.name) })
    return facts
  },
  toCredentials: (values) => ({ scheme: 'hmac', secret: valueAt(values, 'secret') }),
}
