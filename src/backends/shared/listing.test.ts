import { describe, expect, test } from 'vitest'
import { MAX_LISTINGS, MAX_NAME_LENGTH, plainText, toListings } from './listing'

describe('plainText', () => {
  test('makes one readable line: controls, bidi overrides and line breaks become single spaces', () => {
    expect(plainText('  Acme\u0000\nCRM\u202e  ', 50)).toBe('Acme CRM')
    expect(plainText('\u2066Evil\u2069 Corp\u2028Ltd', 50)).toBe('Evil Corp Ltd')
  })

  test('keeps letters of every script, and joiners inside words', () => {
    expect(plainText('Zoho CRM 日本', 50)).toBe('Zoho CRM 日本')
    expect(plainText('می\u200cخواهم', 50)).toBe('می\u200cخواهم')
  })

  test('cuts long text with an ellipsis, never inside a surrogate pair', () => {
    expect(plainText('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`)
    expect(plainText('😀'.repeat(20), 5)).toBe('😀😀😀😀…')
  })

  test('is undefined for blanks and for anything that is not a string', () => {
    expect(plainText('  \n ', 10)).toBeUndefined()
    expect(plainText(42, 10)).toBeUndefined()
    expect(plainText({ toString: () => 'x' }, 10)).toBeUndefined()
  })
})

describe('toListings', () => {
  test('bounds names, falls back to the id, and keeps only safe icon URLs', () => {
    const listings = toListings([
      { id: 'a', displayName: 'A'.repeat(1000), iconUrl: 'javascript:alert(1)' },
      { id: 'b', iconUrl: 'http://tracker.example/pixel.gif' },
      { id: 'c', displayName: 'C', iconUrl: 'https://cdn.example/c.svg', category: ' CRM\n', description: 42 },
      { id: 'd', displayName: 'D', iconUrl: 'https://user:pw@cdn.example/d.svg' },
    ])
    expect(listings.map((listing) => listing.displayName.length)).toEqual([MAX_NAME_LENGTH, 1, 1, 1])
    expect(listings[0]).not.toHaveProperty('iconUrl')
    expect(listings[1]).toEqual({ id: 'b', displayName: 'b' })
    expect(listings[2]).toEqual({ id: 'c', displayName: 'C', iconUrl: 'https://cdn.example/c.svg', category: 'CRM' })
    expect(listings[3]).not.toHaveProperty('iconUrl')
  })

  test('drops entries without a usable id and keeps the first of a duplicate id', () => {
    const listings = toListings([
      { id: '' },
      { id: '   ' },
      { id: 42 },
      { id: 'x'.repeat(500) },
      { id: 'bad\u0000id' },
      { id: 'hubspot', displayName: 'HubSpot' },
      { id: 'hubspot', displayName: 'Impostor' },
    ])
    expect(listings).toEqual([{ id: 'hubspot', displayName: 'HubSpot' }])
  })

  test('stops at MAX_LISTINGS entries', () => {
    const many = Array.from({ length: MAX_LISTINGS + 50 }, (_, index) => ({ id: `p${index}` }))
    expect(toListings(many)).toHaveLength(MAX_LISTINGS)
  })
})
