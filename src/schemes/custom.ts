import type { SchemeDescriptor } from './SchemeDescriptor'
import { inputField, inputValues } from './fields'

/** Custom auth: one field per input the platform defines, sent keyed by input name. */
export const customScheme: SchemeDescriptor<'custom'> = {
  scheme: 'custom',
  // Platform inputs carry their own labels; the provider name only matters for workspace inputs.
  fields: (part, messages) => part.inputs.map((input) => inputField(input, messages, '')),
  toCredentials: (values, part) => ({ scheme: 'custom', values: inputValues(part.inputs, values) }),
}
