import { describe, expect, test } from 'vitest'
import { defaultMessages } from '../model/messages'
import { schemaForFields } from '../schemes/fieldSchema'
import type { SchemeField } from '../schemes/SchemeDescriptor'
import { resolveWithSchema } from './schemaResolver'

const fields: SchemeField[] = [
  { name: 'credentials.0.apiKey', label: 'API key', kind: 'text', required: true, secret: true },
  { name: 'connection.region', label: 'Region', kind: 'text', required: false, secret: false },
]

describe('resolveWithSchema', () => {
  test('valid values come back parsed, with no errors', async () => {
    const schema = schemaForFields(fields, defaultMessages)
    const result = await resolveWithSchema(schema, { credentials: [{ apiKey: 'sk-1' }], connection: { region: 'eu' } })
    expect(result.errors).toEqual({})
    expect(result.values).toMatchObject({ credentials: [{ apiKey: 'sk-1' }], connection: { region: 'eu' } })
  })

  test('a missing required value is an error nested under its field path, with the kit’s message', async () => {
    const schema = schemaForFields(fields, defaultMessages)
    const result = await resolveWithSchema(schema, { credentials: [{ apiKey: '' }], connection: {} })
    expect(result.values).toEqual({})
    expect(result.errors).toEqual({ credentials: [{ apiKey: { type: 'validate', message: 'API key is required.' } }] })
  })
})
