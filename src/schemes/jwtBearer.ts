import type { SchemeDescriptor } from './SchemeDescriptor'
import { valueAt } from './SchemeDescriptor'

/** JWT bearer: the key that signs assertions, a PEM private key (RSA or EC) or a shared secret. */
export const jwtBearerScheme: SchemeDescriptor<'jwtBearer'> = {
  scheme: 'jwtBearer',
  fields: (_part, messages) => [
    {
      name: 'key',
      label: messages.signingKey,
      kind: 'pem',
      pem: 'privateKeyOrSecret',
      secret: true,
      required: true,
      help: messages.signingKeyHelp,
      autoComplete: 'off',
      validateOnChange: true,
    },
  ],
  toCredentials: (values) => ({ scheme: 'jwtBearer', key: valueAt(values, 'key') }),
}
