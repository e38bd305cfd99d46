'use client'
import { memo } from 'react'
import { useConnectContext } from '../hooks/ConnectContext'
import { withGalleryMessages } from '../model/galleryMessages'
import type { Connection, ProviderListing } from '../model/ConnectBackend'
import { cx } from './classNames'
import { ProviderLogo } from './ProviderLogo'

/** Props of {@link ProviderTile}. */
export interface ProviderTileProps {
  /** The provider the tile shows. */
  listing: ProviderListing
  /** The consumer's connection to it, if any: the tile then carries a badge. */
  connection: Connection | undefined
  /** A second line under the name: the platform's description, or what tells two same-named providers apart. */
  detail?: string
  /** Whether the tile is the gallery's current option (the one Tab reaches; roving tabindex). */
  active: boolean
  /** Shows the provider's logo (or its monogram). */
  showLogo: boolean
  /** Extra class on the tile. */
  className?: string
  /** Extra class on the badge. */
  badgeClassName?: string
}

/**
 * One option of `ProviderGallery`: logo, name (two lines at most) and, when connected, a badge. It
 * holds no handlers (the gallery listens once for all tiles) and renders again only when its own
 * props change, so typing in the search re-renders none of the tiles that stay.
 */
export const ProviderTile = memo(function ProviderTile({ listing, connection, detail, active, showLogo, className, badgeClassName }: ProviderTileProps) {
  const { messages: contextMessages } = useConnectContext('ProviderGallery')
  const messages = withGalleryMessages(contextMessages)
  const attention = connection?.status === 'bad_credentials'
  return (
    <div
      role="option"
      aria-selected={active}
      tabIndex={active ? 0 : -1}
      className={cx('plugboard-gallery-tile', className)}
      data-provider={listing.id}
      data-state={connection ? (attention ? 'attention' : 'connected') : 'available'}
    >
      {showLogo ? <ProviderLogo provider={listing.id} displayName={listing.displayName} iconUrl={listing.iconUrl} size={40} /> : null}
      {/* Bounded to two lines; the whole name stays the option's name and shows on hover. */}
      <span className="plugboard-gallery-name plugboard-clamp" title={listing.displayName.length > 40 ? listing.displayName : undefined}>
        {/* Isolated: a right-to-left name keeps its order in a left-to-right page, and the other way round. */}
        <bdi>{listing.displayName}</bdi>
      </span>
      {detail ? (
        <span className="plugboard-gallery-detail plugboard-clamp">
          <bdi>{detail}</bdi>
        </span>
      ) : null}
      {connection ? (
        <span className={cx('plugboard-status plugboard-gallery-badge', badgeClassName)} data-status={connection.status}>
          {attention ? messages.galleryNeedsAttention : messages.galleryConnected}
        </span>
      ) : null}
    </div>
  )
})

/** A tile's shape while the providers load: nothing for assistive technology to read. */
export function ProviderTileSkeleton({ showLogo }: { showLogo: boolean }) {
  return (
    <div className="plugboard-gallery-tile" data-state="loading" aria-hidden="true">
      {showLogo ? <span className="plugboard-skeleton plugboard-gallery-skeleton-logo" /> : null}
      <span className="plugboard-skeleton plugboard-gallery-skeleton-name" />
    </div>
  )
}
