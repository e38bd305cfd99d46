import { expect, test } from 'vitest'
import { absoluteBaseUrl, defaultConnectionName } from './connectionName'

test('a base URL gets https:// when typed without a scheme, and loses a trailing slash', () => {
  expect(absoluteBaseUrl('eu.acme.example')).toBe('https://eu.acme.example')
  expect(absoluteBaseUrl(' https://acme.example/api/ ')).toBe('https://acme.example/api')
  expect(absoluteBaseUrl('http://localhost:4013')).toBe('http://localhost:4013')
})

test('what is no web address is refused: other schemes, spaces, credentials, an empty host', () => {
  for (const text of ['', 'ftp://files.acme.example', 'not a url', 'https://acme example', 'https://user:pw@acme.example', 'javascript:alert(1)', 'https://', 'acme%20.example']) {
    expect(absoluteBaseUrl(text), text).toBeUndefined()
  }
})

test('a connection is named after the provider and the consumer, by name when known', () => {
  expect(defaultConnectionName('Acme CRM', { consumerRef: 'u-1', consumerName: 'Ada Lovelace' })).toBe('Acme CRM – Ada Lovelace')
  expect(defaultConnectionName('Acme CRM', { consumerRef: 'u-1', consumerName: '  ' })).toBe('Acme CRM – u-1')
})
