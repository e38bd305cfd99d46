import type { CoreMessages } from '../model/messages'
import type { SchemeDescriptor, SchemeField } from './SchemeDescriptor'
import { valueAt } from './SchemeDescriptor'
import type { PemKind } from './pem'

function pemField(name: string, label: string, kind: PemKind, required: boolean, messages: CoreMessages): SchemeField {
  return {
    name,
    label,
    kind: 'pem',
    pem: kind,
    // The certificate and its chain are public; the key is the secret.
    secret: kind !== 'certificate',
    required,
    help: messages.pemHelp,
    autoComplete: 'off',
    validateOnChange: true,
  }
}

/** A client certificate: certificate (or chain), its private key and the CA chain, each as PEM. */
export const certificateScheme: SchemeDescriptor<'certificate'> = {
  scheme: 'certificate',
  fields: (part, messages) => [
    pemField('certificate', messages.certificate, 'certificate', true, messages),
    pemField('privateKey', messages.privateKey, 'privateKey', true, messages),
    pemField('ca', messages.caChain, 'certificate', part.caRequired, messages),
  ],
  toCredentials(values) {
    const ca = valueAt(values, 'ca')
    return {
      scheme: 'certificate',
      certificate: valueAt(values, 'certificate'),
      privateKey: valueAt(values, 'privateKey'),
      ...(ca ? { ca } : {}),
    }
  },
}
