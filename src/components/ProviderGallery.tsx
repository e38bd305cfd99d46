'use client'
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { useConnectContext } from '../hooks/ConnectContext'
import { withGalleryMessages } from '../model/galleryMessages'
import type { UseConnectOptions } from '../hooks/useConnect'
import { useListboxNavigation } from '../hooks/useListboxNavigation'
import { useProviderGallery } from '../hooks/useProviderGallery'
import type { ProviderListing } from '../model/ConnectBackend'
import { isolate } from '../model/connectionName'
import { describeError } from '../model/describeError'
import { preloadAuthSchemeForm } from './AuthSchemeFormLoader'
import type { ClassNames } from './classNames'
import { cx } from './classNames'
import { ConnectButton } from './ConnectButton'
import { ProviderTile, ProviderTileSkeleton } from './ProviderTile'
import { RequestReference } from './RequestReference'

/** Props of {@link ProviderGallery}. */
export interface ProviderGalleryProps extends Pick<UseConnectOptions, 'onSuccess' | 'onError' | 'onCancel' | 'onEvent' | 'popupTimeoutMs'> {
  /**
   * Only these providers (ids), e.g. the ones your product integrates with. Required when the
   * backend has no `listProviders`. Tiles are always sorted by name.
   * @default every provider the platform lists
   */
  providers?: readonly string[]
  /** The heading. @default messages.galleryTitle */
  title?: string
  /** The search text, controlled; pair with `onQueryChange`. */
  query?: string
  /** The search text to start with, uncontrolled. @default '' */
  defaultQuery?: string
  /** Called with the search text as the person types or clears it. */
  onQueryChange?: (query: string) => void
  /** The category shown, controlled (`''` for all); pair with `onCategoryChange`. */
  category?: string
  /** The category to start with, uncontrolled. @default '' (all) */
  defaultCategory?: string
  /** Called with the category the person picks (`''` for all). */
  onCategoryChange?: (category: string) => void
  /** Shows each provider's logo (or its monogram). @default true */
  showLogo?: boolean
  /** Extra class on the root element. */
  className?: string
  /** Extra classes for inner parts (see `ProviderGalleryPart`). */
  classNames?: ClassNames<ProviderGalleryPart>
}

/** The inner parts of `ProviderGallery` a `classNames` entry can style. */
export type ProviderGalleryPart = 'heading' | 'toolbar' | 'search' | 'category' | 'grid' | 'tile' | 'badge' | 'flow' | 'empty' | 'loading' | 'error'

const SKELETON_TILES = 8

/** A value the host may control (with its change handler) or leave to the component. */
function useControllable<T>(value: T | undefined, initial: T, onChange?: (next: T) => void): [T, (next: T) => void] {
  const [own, setOwn] = useState(initial)
  const controlled = value !== undefined
  return [
    controlled ? value : own,
    (next) => {
      if (!controlled) setOwn(next)
      onChange?.(next)
    },
  ]
}

/**
 * A searchable grid of the platform's providers (Ampersand's catalog, Versori's templates) with
 * logos and the consumer's connected ones marked. Choosing a tile runs the same flow as
 * `ConnectButton` (a sign-in window opens inside the click; a form opens in a dialog). A listbox
 * with roving focus: arrows (mirrored right-to-left), Home, End and type-ahead move; Enter, Space or
 * a click chooses. One request lists every provider; none is loaded on its own until chosen.
 *
 * @example
 * <ProviderGallery onSuccess={(connection) => toast(`Connected ${connection.provider}`)} />
 */
export function ProviderGallery({
  providers: only,
  title,
  showLogo = true,
  className,
  classNames,
  onSuccess,
  onError,
  onCancel,
  onEvent,
  popupTimeoutMs,
  ...props
}: ProviderGalleryProps) {
  const { messages: contextMessages, theme, locale } = useConnectContext('ProviderGallery')
  const messages = withGalleryMessages(contextMessages)
  const [query, setQuery] = useControllable(props.query, props.defaultQuery ?? '', props.onQueryChange)
  const [category, setCategory] = useControllable(props.category, props.defaultCategory ?? '', props.onCategoryChange)
  // Typing stays instant; the grid follows when React has a moment.
  const searched = useDeferredValue(query)
  const gallery = useProviderGallery({ query: searched, category, providers: only })
  const { results } = gallery
  const headingId = useId()
  const searchId = useId()
  const categoryId = useId()
  const listboxId = useId()
  const flow = useRef<HTMLDivElement>(null)
  const search = useRef<HTMLInputElement>(null)
  // The provider whose ConnectButton is mounted: the last one chosen.
  const [chosen, setChosen] = useState<string>()
  const ids = useMemo(() => results.map((listing) => listing.id), [results])
  // Down pressed in the search box before the (deferred) results caught up with what was typed.
  const focusWhenCurrent = useRef(false)
  const nav = useListboxNavigation({ ids, typeAhead: gallery.typeAhead, onChoose: (index) => choose(results[index]!) })
  useEffect(() => {
    if (!focusWhenCurrent.current || searched !== query) return
    focusWhenCurrent.current = false
    nav.focusAt(nav.activeIndex)
  })

  // Two providers of the same name (a catalog's Google and Google with delegation) are told apart by their id.
  const nameCounts = useMemo(() => {
    const counts = new Map<string, number>()
    for (const listing of gallery.providers) counts.set(listing.displayName, (counts.get(listing.displayName) ?? 0) + 1)
    return counts
  }, [gallery.providers])
  const number = (value: number) => new Intl.NumberFormat(locale).format(value)
  const shownQuery = isolate(searched.trim())
  const state =
    gallery.status !== 'ready' ? gallery.status : gallery.providers.length === 0 ? 'empty' : results.length === 0 ? 'no-results' : 'ready'

  /** Runs the provider's ConnectButton flow, inside the click or key press that chose it. */
  function choose(listing: ProviderListing) {
    nav.setActiveId(listing.id)
    // The spec comes from the listing, so the button mounts ready and can open a window at once.
    gallery.preload(listing.id)
    flushSync(() => setChosen(listing.id))
    const root = flow.current?.querySelector<HTMLElement>('.plugboard-connect')
    const button = root?.querySelector<HTMLButtonElement>('.plugboard-connect-button')
    if (!button || root?.dataset.state === 'loading') {
      // Not ready (a backend whose list carries no spec): the person continues from the button itself.
      ;(button ?? root?.querySelector('button'))?.focus()
      return
    }
    button.click()
  }

  const announcement =
    state === 'loading'
      ? messages.galleryLoading
      : state === 'ready'
        ? searched.trim()
          ? messages.gallerySearchResults(results.length, number(results.length), shownQuery)
          : messages.galleryCount(results.length, number(results.length))
        : state === 'no-results'
          ? `${messages.galleryNoResults(shownQuery)} ${category ? messages.galleryNoResultsCategoryHint : messages.galleryNoResultsHint}`
          : state === 'empty'
            ? messages.galleryEmpty
            : ''

  /** Closes the chosen provider's flow (stopping a sign-in under way) and returns to its tile. */
  const closeFlow = () => {
    const index = chosen === undefined ? -1 : ids.indexOf(chosen)
    setChosen(undefined)
    if (index >= 0) nav.focusAt(index)
  }

  const clearSearch = () => {
    setQuery('')
    search.current?.focus()
  }

  return (
    <section className={cx('plugboard', 'plugboard-gallery', className)} data-theme={theme} aria-labelledby={headingId} data-state={state}>
      <h2 id={headingId} className={cx('plugboard-heading', classNames?.heading)}>
        {title ?? messages.galleryTitle}
      </h2>
      <div className={cx('plugboard-gallery-toolbar', classNames?.toolbar)}>
        <div className={cx('plugboard-field plugboard-gallery-search', classNames?.search)}>
          <label className="plugboard-label" htmlFor={searchId}>
            {messages.gallerySearch}
          </label>
          <div className="plugboard-control">
            <SearchIcon className="plugboard-gallery-search-icon" />
            <input
              ref={search}
              id={searchId}
              type="search"
              className="plugboard-input"
              value={query}
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
              aria-controls={state === 'ready' ? listboxId : undefined}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => {
                // Down from the search lands on the grid's current tile.
                if (event.key === 'ArrowDown' && state === 'ready') {
                  event.preventDefault()
                  // Typed fast, the grid may still show the previous search: go once it shows this one.
                  if (searched === query) nav.focusAt(nav.activeIndex)
                  else focusWhenCurrent.current = true
                }
              }}
            />
            {query ? (
              <button type="button" className="plugboard-gallery-clear" aria-label={messages.galleryClearSearch} onClick={clearSearch}>
                <svg aria-hidden="true" width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round">
                  <path d="M6 6l12 12M18 6L6 18" />
                </svg>
              </button>
            ) : null}
          </div>
        </div>
        {gallery.categories.length > 1 ? (
          <div className={cx('plugboard-field plugboard-gallery-category', classNames?.category)}>
            <label className="plugboard-label" htmlFor={categoryId}>
              {messages.galleryCategory}
            </label>
            <select id={categoryId} className="plugboard-input" value={category} onChange={(event) => setCategory(event.target.value)}>
              <option value="">{messages.galleryAllCategories}</option>
              {gallery.categories.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {/* What the grid holds now, said once after each search. */}
      <p className="plugboard-visually-hidden" role="status">
        {announcement}
      </p>
      {state === 'loading' ? (
        <div className={cx('plugboard-gallery-grid', classNames?.loading)} data-state="loading">
          {Array.from({ length: SKELETON_TILES }, (_, index) => (
            <ProviderTileSkeleton key={index} showLogo={showLogo} />
          ))}
        </div>
      ) : state === 'error' ? (
        <div className={cx('plugboard-gallery-error', classNames?.error)} role="alert">
          <p className="plugboard-message" data-tone="error">
            {messages.galleryLoadError} {describeError(gallery.error, messages, '')} <RequestReference error={gallery.error} />
          </p>
          <button type="button" className="plugboard-button" data-variant="secondary" onClick={gallery.retry}>
            {messages.retry}
          </button>
        </div>
      ) : state === 'empty' || state === 'no-results' ? (
        <div className={cx('plugboard-empty plugboard-gallery-empty', classNames?.empty)}>
          {state === 'empty' ? (
            <p className="plugboard-empty-title">{messages.galleryEmpty}</p>
          ) : (
            <>
              <span className="plugboard-empty-icon" aria-hidden="true">
                <SearchIcon />
              </span>
              <p className="plugboard-empty-title">{messages.galleryNoResults(shownQuery)}</p>
              <p className="plugboard-empty-hint">{category ? messages.galleryNoResultsCategoryHint : messages.galleryNoResultsHint}</p>
              <div className="plugboard-empty-action">
                <button type="button" className="plugboard-button" data-variant="secondary" onClick={clearSearch}>
                  {messages.galleryClearSearch}
                </button>
              </div>
            </>
          )}
        </div>
      ) : (
        <div
          {...nav.listboxProps}
          id={listboxId}
          role="listbox"
          aria-label={messages.galleryProviders}
          className={cx('plugboard-gallery-grid', classNames?.grid)}
          onClick={(event) => {
            // One listener for every tile: the tiles hold no handlers, so they stay memoised.
            const option = (event.target as Element).closest('[role="option"]')
            const index = option ? Array.prototype.indexOf.call(event.currentTarget.children, option) : -1
            if (index >= 0) choose(results[index]!)
          }}
          // Most providers open a form: fetch its code once the person reaches the grid.
          onPointerEnter={preloadAuthSchemeForm}
        >
          {results.map((listing, index) => (
            <ProviderTile
              key={listing.id}
              listing={listing}
              connection={gallery.connections.get(listing.id)}
              detail={listing.description ?? ((nameCounts.get(listing.displayName) ?? 0) > 1 ? listing.id : undefined)}
              active={index === nav.activeIndex}
              showLogo={showLogo}
              className={classNames?.tile}
              badgeClassName={classNames?.badge}
            />
          ))}
        </div>
      )}
      {chosen ? (
        // The chosen provider's flow, kept in view at the foot of the gallery however far the grid scrolls.
        <div ref={flow} className={cx('plugboard-gallery-flow', classNames?.flow)} data-provider={chosen}>
          <ConnectButton
            key={chosen}
            provider={chosen}
            showLogo={showLogo}
            onSuccess={onSuccess}
            onError={onError}
            onCancel={onCancel}
            onEvent={onEvent}
            popupTimeoutMs={popupTimeoutMs}
          />
          <button type="button" className="plugboard-dialog-close" aria-label={messages.close} onClick={closeFlow}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ) : null}
    </section>
  )
}

/** A magnifier (decorative). */
function SearchIcon({ className }: { className?: string }) {
  return (
    <svg className={className} aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <circle cx="11" cy="11" r="7" />
      <path d="M20 20l-3.5-3.5" />
    </svg>
  )
}
