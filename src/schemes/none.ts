import type { SchemeDescriptor } from './SchemeDescriptor'

/** No auth: nothing to enter; the connection is generated as it is. */
export const noneScheme: SchemeDescriptor<'none'> = {
  id: 'none',
  flow: 'form',
  fields: () => [],
  toCredentials: () => ({ scheme: 'none' }),
}
