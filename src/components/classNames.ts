/**
 * Extra classes for a component's inner parts, by part name: each lands on that part beside the
 * kit's own `plugboard-*` class, so a host styles a part (with Tailwind or its own CSS) without
 * reaching for the kit's class names. The kit's styles sit in a cascade layer, so the host's
 * unlayered classes win.
 *
 * @example
 * <ConnectionList classNames={{ table: 'text-sm', row: 'hover:bg-slate-50' }} />
 */
export type ClassNames<Part extends string> = Partial<Record<Part, string>>

/** Joins class names, skipping empty ones. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ')
}
