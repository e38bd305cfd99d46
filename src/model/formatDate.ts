/** How lists show a time: the locale's medium date and short time ("Nov 20, 2026, 8:30 AM"). */
export const dateTimeStyle: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }

// Building an Intl.DateTimeFormat costs far more than formatting with one (it resolves the locale
// and loads its patterns), so each locale and options pair is built once per page and reused.
const formats = new Map<string, Intl.DateTimeFormat>()
// The ones lists use, one per locale, held apart so formatting a row does not even build a cache key.
const listFormats = new Map<string | undefined, Intl.DateTimeFormat>()

/**
 * The shared `Intl.DateTimeFormat` for a locale (the browser's when `undefined`) and options,
 * created on first use and reused after.
 */
export function dateTimeFormat(locale?: string | string[], options: Intl.DateTimeFormatOptions = dateTimeStyle): Intl.DateTimeFormat {
  const key = JSON.stringify([locale ?? null, options])
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    formats.set(key, format)
  }
  return format
}

/**
 * An ISO 8601 time in `locale` (medium date, short time), or `fallback` when it is missing or not a
 * date. Components pass the provider's `locale`; without one it is the browser's.
 *
 * @example
 * formatDateTime(connection.updateTime, messages.never, locale)
 */
export function formatDateTime(iso: string | undefined, fallback: string, locale?: string): string {
  if (!iso) return fallback
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return fallback
  let format = listFormats.get(locale)
  if (!format) {
    format = dateTimeFormat(locale)
    listFormats.set(locale, format)
  }
  return format.format(date)
}

const dayFormats = new Map<string | undefined, Intl.DateTimeFormat>()

/**
 * An ISO 8601 time's day in `locale` ("Nov 20, 2026"), or `fallback` when it is missing or not a
 * date: what a list cell shows, on one line; `formatDateTime` gives the exact time for its title.
 */
export function formatDate(iso: string | undefined, fallback: string, locale?: string): string {
  if (!iso) return fallback
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return fallback
  let format = dayFormats.get(locale)
  if (!format) {
    format = dateTimeFormat(locale, { dateStyle: 'medium' })
    dayFormats.set(locale, format)
  }
  return format.format(date)
}
