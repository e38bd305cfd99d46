import { describe, expect, test } from 'vitest'
import { foldText, matchRank, searchItems, searchKey, searchQuery, typeAheadIndex } from './providerSearch'

const listing = (id: string, displayName: string, extra: { category?: string; description?: string } = {}) => ({ id, displayName, ...extra })

describe('foldText', () => {
  test('ignores case, accents and compatibility forms', () => {
    expect(foldText('Zürich', 'en')).toBe('zurich')
    expect(foldText('ZÜRICH', 'de')).toBe(foldText('zurich', 'de'))
    expect(foldText('Ｓａｌｅｓ', 'ja')).toBe('sales')
    expect(foldText('Straße', 'de')).toBe('strasse')
    expect(foldText('Café Crème', 'fr')).toBe('cafe creme')
  })

  test('folds case the locale’s way', () => {
    expect(foldText('İstanbul', 'tr')).toBe('istanbul')
    expect(foldText('DIŞ', 'tr')).toBe('dıs')
  })
})

describe('search', () => {
  const providers = [
    listing('salesforce', 'Salesforce', { category: 'CRM' }),
    listing('dynamicsCRM', 'Microsoft Dynamics CRM', { category: 'CRM' }),
    listing('zendeskSupport', 'Zendesk Support', { category: 'Support' }),
    listing('helpScout', 'Help Scout Mailbox', { description: 'Shared inbox for sales teams' }),
    listing('zurich', 'Zürich Versicherung'),
  ]
  const keys = new Map(providers.map((provider) => [provider, searchKey(provider, 'en')]))
  const search = (query: string) => searchItems(providers, (provider) => keys.get(provider)!, searchQuery(query, 'en')).map((provider) => provider.id)

  test('an empty or blank query keeps every provider in its order', () => {
    expect(search('')).toEqual(providers.map((provider) => provider.id))
    expect(search('   ')).toEqual(providers.map((provider) => provider.id))
  })

  test('matches names, ids, categories and descriptions without regard to case or accents', () => {
    expect(search('ZURICH')).toEqual(['zurich'])
    expect(search('zürich')).toEqual(['zurich'])
    expect(search('crm')).toEqual(['dynamicsCRM', 'salesforce'])
    expect(search('inbox')).toEqual(['helpScout'])
    expect(search('zendesksupport')).toEqual(['zendeskSupport'])
  })

  test('every word must be found, in any order', () => {
    expect(search('crm microsoft')).toEqual(['dynamicsCRM'])
    expect(search('crm zendesk')).toEqual([])
  })

  test('ranks names that start with the query, then names with a word that does, then the rest', () => {
    expect(search('sa')).toEqual(['salesforce', 'helpScout'])
    expect(search('s')).toEqual(['salesforce', 'zendeskSupport', 'helpScout', 'dynamicsCRM', 'zurich'])
    expect(matchRank(searchKey(listing('x', 'Zendesk Support'), 'en'), searchQuery('sup', 'en'))).toBe(1)
    expect(matchRank(searchKey(listing('x', 'Zendesk Support'), 'en'), searchQuery('desk', 'en'))).toBe(2)
  })
})

describe('typeAheadIndex', () => {
  const names = ['hubspot', 'hunter', 'jotform', 'salesforce', 'shopify', 'slack'].map((name) => foldText(name, 'en'))

  test('one letter moves to the next name starting with it, wrapping around', () => {
    expect(typeAheadIndex(names, 's', 0, 'en')).toBe(3)
    expect(typeAheadIndex(names, 's', 3, 'en')).toBe(4)
    expect(typeAheadIndex(names, 's', 5, 'en')).toBe(3)
    expect(typeAheadIndex(names, 'H', 5, 'en')).toBe(0)
  })

  test('the same letter typed again steps on; a longer prefix stays while it matches', () => {
    expect(typeAheadIndex(names, 'ss', 3, 'en')).toBe(4)
    expect(typeAheadIndex(names, 'sh', 3, 'en')).toBe(4)
    expect(typeAheadIndex(names, 'sa', 3, 'en')).toBe(3)
    expect(typeAheadIndex(names, 'hun', 0, 'en')).toBe(1)
  })

  test('accents and case do not matter; nothing matching is -1', () => {
    expect(typeAheadIndex([foldText('Zürich', 'en')], 'ZU', 0, 'en')).toBe(0)
    expect(typeAheadIndex(names, 'q', 0, 'en')).toBe(-1)
    expect(typeAheadIndex([], 'a', 0, 'en')).toBe(-1)
  })
})
