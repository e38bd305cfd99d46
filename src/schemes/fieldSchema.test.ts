import { expect, test } from 'vitest'
import { defaultMessages } from '../model/messages'
import { methodSchema } from './fieldSchema'
import { resolveMethods } from './resolveMethod'

const [method] = resolveMethods(
  { id: 'acme', displayName: 'Acme', methods: [{ id: 'apiKey', flow: 'form', parts: [{ scheme: 'apiKey' }] }], connectionFields: [] },
  defaultMessages,
)

test('a method has no schema until a form asks; then one per method and messages', () => {
  expect(method).not.toHaveProperty('schema')
  const schema = methodSchema(method!, defaultMessages)
  expect(methodSchema(method!, defaultMessages)).toBe(schema)
  expect(schema.safeParse({ credentials: [{ apiKey: ' k ' }] }).data).toEqual({ credentials: [{ apiKey: 'k' }] })
  const french = { ...defaultMessages, required: (label: string) => `${label} est obligatoire.` }
  const other = methodSchema(method!, french)
  expect(other).not.toBe(schema)
  expect(other.safeParse({ credentials: [{ apiKey: '' }] }).error?.issues[0]?.message).toBe('API key est obligatoire.')
})
