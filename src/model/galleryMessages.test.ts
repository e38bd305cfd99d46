import { describe, expect, test } from 'vitest'
import { de } from '../locales/de'
import { galleryMessages, withGalleryMessages } from './galleryMessages'
import { defaultMessages } from './messages'

describe('withGalleryMessages', () => {
  test('a catalog’s gallery words win; English fills what it lacks; an undefined override erases nothing', () => {
    const context: typeof defaultMessages & Partial<typeof galleryMessages> = { ...defaultMessages, ...de, galleryNoResultsHint: undefined }
    const merged = withGalleryMessages(context)
    expect(merged.galleryTitle).toBe(de.galleryTitle)
    expect(merged.galleryTitle).not.toBe(galleryMessages.galleryTitle)
    expect(merged.galleryNoResultsHint).toBe(galleryMessages.galleryNoResultsHint)
    expect(merged.connect('Acme')).toBe(de.connect!('Acme'))
    // The same context messages give the same object: memoised views do not render again.
    expect(withGalleryMessages(context)).toBe(merged)
  })

  test('the core English messages carry no gallery words (an app without a gallery does not download them)', () => {
    expect(Object.keys(defaultMessages).filter((key) => key.startsWith('gallery'))).toEqual([])
  })
})
