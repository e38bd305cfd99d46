import type { SchemeDescriptor } from './SchemeDescriptor'
import { valueAt } from './SchemeDescriptor'
import { inputField, inputValues, secretField } from './fields'

/** OAuth 1 with a token the person already has: token, token secret and the editable parameters. */
export const oauth1TokenScheme: SchemeDescriptor<'oauth1/token'> = {
  scheme: 'oauth1/token',
  fields: (part, messages) => [
    secretField('token', messages.token),
    secretField('tokenSecret', messages.tokenSecret),
    // Parameters sit under their own key, so one named `token` cannot shadow the token.
    ...part.params.map((param) => {
      const field = inputField(param, messages, '')
      return { ...field, name: `params.${field.name}` }
    }),
  ],
  toCredentials: (values, part) => ({
    scheme: 'oauth1/token',
    token: valueAt(values, 'token'),
    tokenSecret: valueAt(values, 'tokenSecret'),
    // An optional parameter left empty is not sent, like empty connection fields.
    params: Object.fromEntries(Object.entries(inputValues(part.params, (values.params ?? {}) as Record<string, unknown>)).filter(([, value]) => value !== '')),
  }),
}
