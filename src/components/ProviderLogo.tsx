'use client'
import { useState } from 'react'
import { safeUrl } from '../model/connectionName'

/** Props of {@link ProviderLogo}. */
export interface ProviderLogoProps {
  /** The provider's id: picks the monogram's colour, so a provider keeps its colour everywhere. */
  provider: string
  /** The provider's name for people: the monogram is its first letter. */
  displayName: string
  /** The platform's icon URL. Only `https:` (or `http:` on loopback) is loaded; anything else shows the monogram. */
  iconUrl?: string
  /** Width and height in CSS pixels. @default 24 */
  size?: number
  /** Extra class on the element. */
  className?: string
}

/** Monogram colours: `--plugboard-monogram-0` … `-7`, each with AA contrast for its letter in every theme. */
const MONOGRAM_COLOURS = 8

/** A stable small hash (FNV-1a) of the provider id: the same id always gets the same colour. */
export function monogramColour(provider: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < provider.length; index++) {
    hash ^= provider.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % MONOGRAM_COLOURS
}

/**
 * The monogram's letter: the name's first letter or digit (a whole grapheme, so an accented or
 * non-Latin letter stays whole), upper-cased in its own script; `?` for a name with neither.
 */
export function monogramLetter(displayName: string): string {
  // Bidi controls and symbols are skipped: a name may start with an isolate or an emoji.
  const match = /[\p{L}\p{N}][\p{M}]*/u.exec(displayName)
  return match ? match[0].toLocaleUpperCase() : '?'
}

/**
 * A provider's logo: the platform's icon when it has one that loads, else a monogram (the name's
 * first letter on a colour chosen from the provider's id) that never moves the layout. The
 * monogram shows while the icon loads, so a slow or unreachable logo host leaves no empty square.
 * Decorative: the provider's name always sits beside it, so it is hidden from assistive technology.
 *
 * @example
 * <ProviderLogo provider="hubspot" displayName="HubSpot" iconUrl={spec.iconUrl} />
 */
export function ProviderLogo({ provider, displayName, iconUrl, size = 24, className }: ProviderLogoProps) {
  const url = safeUrl(iconUrl)
  // Per URL: a new URL (a refreshed catalog) gets its own chance.
  const [loaded, setLoaded] = useState<string>()
  const [failed, setFailed] = useState<string>()
  const showImage = url !== undefined && failed !== url
  return (
    <span
      className={['plugboard-logo', className].filter(Boolean).join(' ')}
      aria-hidden="true"
      data-kind={showImage && loaded === url ? 'image' : 'monogram'}
      data-colour={monogramColour(provider)}
      // Drawn by the stylesheet (::before), so the letter never joins the text of the button or
      // row it sits in: copying, or reading `textContent`, gives the name alone.
      data-letter={monogramLetter(displayName)}
      style={{ inlineSize: size, blockSize: size, fontSize: Math.round(size * 0.5) }}
    >
      {showImage ? (
        <img
          key={url}
          src={url}
          alt=""
          width={size}
          height={size}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          onLoad={() => setLoaded(url)}
          onError={() => setFailed(url)}
        />
      ) : null}
    </span>
  )
}
