import type { SchemeDescriptor } from './SchemeDescriptor'

/** No auth: nothing to enter; the connection is made as it is. */
export const noneScheme: SchemeDescriptor<'none'> = {
  scheme: 'none',
  fields: () => [],
  toCredentials: () => ({ scheme: 'none' }),
}
