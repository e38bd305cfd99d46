import type { SchemeDescriptor } from './SchemeDescriptor'
import { valueAt } from './SchemeDescriptor'

/** One opaque secret: a masked multi-line input (keys and tokens are sometimes several lines long). */
export const secretScheme: SchemeDescriptor<'secret'> = {
  scheme: 'secret',
  fields: (_part, messages) => [
    { name: 'secret', label: messages.secret, kind: 'textarea', secret: true, required: true, autoComplete: 'off' },
  ],
  toCredentials: (values) => ({ scheme: 'secret', secret: valueAt(values, 'secret') }),
}
