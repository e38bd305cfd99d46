// A response-shape checker for the platform adapters: just enough to read JSON bodies typed, without
// a schema library on the click path. Objects keep only the keys they name (what the kit reads);
// records keep every key. A mismatch throws a `ShapeError` naming the JSON path of the first one.

/** A value that did not have its expected shape: where (`$.items[0].id`), and what was expected there. */
export class ShapeError extends Error {
  override name = 'ShapeError'
  /** The JSON path of the mismatch, from `$` (the whole value). */
  readonly path: string

  constructor(path: string, expected: string, received: unknown) {
    super(`${path}: expected ${expected}, got ${describe(received)}`)
    this.path = path
  }
}

/** A value's kind for an error message; never the value itself, which may be private. */
const describe = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : value === '' ? 'an empty string' : typeof value

/** The result of {@link Shape.safeParse}. */
export type ShapeResult<T> = { success: true; data: T } | { success: false; error: ShapeError }

/** A shape a value is checked against; build one with {@link object}, {@link string} and the rest. */
export interface Shape<T> {
  /** The value, typed, or a `ShapeError` naming the first mismatch. */
  parse(value: unknown): T
  /** Like `parse`, but answers `{ success, data }` or `{ success, error }` instead of throwing. */
  safeParse(value: unknown): ShapeResult<T>
  /** Checks a value found at `path`; what the combinators call. */
  check(value: unknown, path: string): T
  /** Whether an object may leave this key out (see {@link optional}). */
  readonly optional?: boolean
}

/** The type a shape checks for, as `z.infer` is zod's. */
export type Infer<S extends Shape<unknown>> = S extends Shape<infer T> ? T : never

class Checker<T> implements Shape<T> {
  readonly check: (value: unknown, path: string) => T
  readonly optional?: boolean

  constructor(check: (value: unknown, path: string) => T, optional?: boolean) {
    this.check = check
    this.optional = optional
  }

  parse(value: unknown): T {
    return this.check(value, '$')
  }

  safeParse(value: unknown): ShapeResult<T> {
    try {
      return { success: true, data: this.parse(value) }
    } catch (error) {
      if (error instanceof ShapeError) return { success: false, error }
      throw error
    }
  }
}

const fail = (path: string, expected: string, value: unknown): never => {
  throw new ShapeError(path, expected, value)
}

/** A shape that accepts what `test` accepts, as is. */
const primitive = <T>(expected: string, test: (value: unknown) => boolean) =>
  new Checker<T>((value, path) => (test(value) ? (value as T) : fail(path, expected, value)))

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `path` followed by an object key: `$.name`, or `$["odd key"]`. */
const keyPath = (path: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`)

/** Any string. */
export const string = (): Shape<string> => primitive('a string', (value) => typeof value === 'string')
/** Any finite number. */
export const number = (): Shape<number> => primitive('a number', Number.isFinite)
/** `true` or `false`. */
export const boolean = (): Shape<boolean> => primitive('a boolean', (value) => typeof value === 'boolean')
/** Anything at all, unchecked. */
export const unknown = (): Shape<unknown> => primitive('anything', () => true)

/** Exactly one of `values` (an enum: `literal('query', 'header')`). */
export const literal = <const V extends readonly (string | number | boolean)[]>(...values: V): Shape<V[number]> =>
  primitive(`one of ${values.map((value) => JSON.stringify(value)).join(', ')}`, (value) => values.includes(value as V[number]))

/** `shape`, or a missing value: an object may leave the key out. */
export const optional = <T>(shape: Shape<T>): Shape<T | undefined> & { readonly optional: true } =>
  new Checker((value, path) => (value === undefined ? undefined : shape.check(value, path)), true) as Shape<T | undefined> & { readonly optional: true }

/** `shape`, or `null`. */
export const nullable = <T>(shape: Shape<T>): Shape<T | null> => new Checker((value, path) => (value === null ? null : shape.check(value, path)))

/** `shape`, further held to `test`; `expected` says what a failing value should have been. */
export const refine = <T>(shape: Shape<T>, test: (value: T) => boolean, expected: string): Shape<T> =>
  new Checker((value, path) => {
    const checked = shape.check(value, path)
    return test(checked) ? checked : fail(path, expected, value)
  })

/** An array whose every item has `item`'s shape. */
export const array = <T>(item: Shape<T>): Shape<T[]> =>
  new Checker((value, path) => (Array.isArray(value) ? value.map((entry, index) => item.check(entry, `${path}[${index}]`)) : fail(path, 'an array', value)))

/** An object with any keys, each value of `value`'s shape; every key is kept. */
export const record = <T>(value: Shape<T>): Shape<Record<string, T>> =>
  new Checker((input, path) =>
    isObject(input) ? Object.fromEntries(Object.entries(input).map(([key, entry]) => [key, value.check(entry, keyPath(path, key))])) : fail(path, 'an object', input),
  )

type Props = Record<string, Shape<unknown>>
type OptionalKeys<P extends Props> = { [K in keyof P]: P[K] extends { readonly optional: true } ? K : never }[keyof P]
type Flat<T> = { [K in keyof T]: T[K] }
/** The type of an {@link object} shape: keys whose shape is `optional` may be left out. */
export type ObjectOf<P extends Props> = Flat<
  { [K in Exclude<keyof P, OptionalKeys<P>>]: Infer<P[K]> } & { [K in OptionalKeys<P>]?: Infer<P[K]> }
>

/**
 * An object with the keys of `props`, each of its shape. The result holds only those keys (others
 * are dropped); an `optional` key that is absent stays absent.
 */
export const object = <P extends Props>(props: P): Shape<ObjectOf<P>> =>
  new Checker((value, path) => {
    if (!isObject(value)) return fail(path, 'an object', value)
    const out: Record<string, unknown> = {}
    for (const key in props) {
      const shape = props[key]!
      const present = Object.hasOwn(value, key)
      if (present || !shape.optional) out[key] = shape.check(present ? value[key] : undefined, keyPath(path, key))
    }
    return out as ObjectOf<P>
  })

/**
 * The first of `shapes` the value has, in order. When none fits, the error is the one that got
 * furthest into the value (the longest path): the option the value most looks like.
 */
export const union = <S extends Shape<unknown>[]>(...shapes: S): Shape<Infer<S[number]>> =>
  new Checker((value, path) => {
    let closest: ShapeError | undefined
    for (const shape of shapes) {
      try {
        return shape.check(value, path) as Infer<S[number]>
      } catch (error) {
        if (!(error instanceof ShapeError)) throw error
        if (!closest || error.path.length > closest.path.length) closest = error
      }
    }
    throw closest ?? new ShapeError(path, 'one of no options', value)
  })
