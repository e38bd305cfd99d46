import { describe, expect, test, vi } from 'vitest'
import { dateTimeFormat, formatDateTime } from './formatDate'

describe('formatDateTime', () => {
  test('formats a time as the locale’s medium date and short time', () => {
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-11-20T08:30:00Z'))
    expect(formatDateTime('2026-11-20T08:30:00Z', '—')).toBe(expected)
  })

  test('gives the fallback for a missing or unreadable time', () => {
    expect(formatDateTime(undefined, '—')).toBe('—')
    expect(formatDateTime('', '—')).toBe('—')
    expect(formatDateTime('not a date', '—')).toBe('—')
  })

  test('builds one formatter per locale and options, however many times it formats', () => {
    formatDateTime('2026-01-01T00:00:00Z', '—')
    const spy = vi.spyOn(Intl, 'DateTimeFormat')
    try {
      for (let i = 0; i < 100; i++) formatDateTime(`2026-01-0${(i % 9) + 1}T00:00:00Z`, '—')
      expect(spy).not.toHaveBeenCalled()
      const first = dateTimeFormat('de-DE', { dateStyle: 'long' })
      expect(dateTimeFormat('de-DE', { dateStyle: 'long' })).toBe(first)
      expect(dateTimeFormat('fr-FR', { dateStyle: 'long' })).not.toBe(first)
      expect(dateTimeFormat('de-DE', { dateStyle: 'short' })).not.toBe(first)
      expect(spy).toHaveBeenCalledTimes(3)
    } finally {
      spy.mockRestore()
    }
  })
})
