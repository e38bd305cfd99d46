import type { ProviderListing } from '../../model/ConnectBackend'
import { toListings } from '../shared/listing'
import { object, optional, record, string, unknown } from '../shared/shape'
import { providerInfoSchema, toProviderSpec } from './catalog'

/**
 * Ampersand's `GET /providers` body (`CatalogType`): an object keyed by provider name, each value a
 * `ProviderInfo`. Only the object itself is checked here; each entry is read on its own.
 */
export const catalogListSchema = record(unknown())

/** The part of one catalog entry a tile shows. */
const listingEntrySchema = object({
  name: optional(string()),
  displayName: optional(string()),
  media: optional(object({ regular: optional(object({ iconURL: optional(string()) })) })),
  labels: optional(record(unknown())),
})

/**
 * The catalog as listings: one per entry the kit can read, under its catalog key; an entry of the
 * wrong shape is left out rather than failing the whole list. Names default to the provider's
 * (as Ampersand's `displayName` does); the category is the entry's `category` label, when it has
 * one. An entry that is a full `ProviderInfo` carries its provider spec, so choosing it needs no
 * second request.
 */
export function toProviderListings(catalog: Record<string, unknown>): ProviderListing[] {
  return toListings(
    Object.entries(catalog).flatMap(([key, value]) => {
      const entry = listingEntrySchema.safeParse(value)
      if (!entry.success) return []
      const info = providerInfoSchema.safeParse(value)
      const { displayName, name, media, labels } = entry.data
      return [
        {
          id: key,
          displayName: displayName || name,
          iconUrl: media?.regular?.iconURL,
          category: labels?.category,
          // A spec answers for its own name only: an entry filed under another key gets none.
          spec: info.success && info.data.name === key ? toProviderSpec(info.data) : undefined,
        },
      ]
    }),
  )
}
