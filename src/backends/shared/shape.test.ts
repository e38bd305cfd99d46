import { describe, expect, expectTypeOf, test } from 'vitest'
import type { Infer } from './shape'
import { array, boolean, literal, nullable, number, object, optional, record, refine, ShapeError, string, union, unknown } from './shape'

/** The error `run` throws. */
const thrown = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return error as ShapeError
  }
  throw new Error('expected a ShapeError')
}

const connection = object({
  id: string(),
  status: literal('created', 'working'),
  updateTime: optional(string()),
  retries: optional(number()),
  group: object({ groupRef: string() }),
})

describe('shapes', () => {
  test('primitives accept their own type only', () => {
    expect(string().parse('a')).toBe('a')
    expect(number().parse(0)).toBe(0)
    expect(boolean().parse(false)).toBe(false)
    expect(unknown().parse(undefined)).toBeUndefined()
    expect(thrown(() => string().parse(1)).message).toBe('$: expected a string, got number')
    expect(thrown(() => number().parse('1')).message).toBe('$: expected a number, got string')
    expect(thrown(() => number().parse(Number.NaN)).message).toBe('$: expected a number, got number')
    expect(thrown(() => boolean().parse(null)).message).toBe('$: expected a boolean, got null')
  })

  test('a literal is one of its values', () => {
    const placement = literal('query', 'header')
    expect(placement.parse('header')).toBe('header')
    expect(thrown(() => placement.parse('cookie')).message).toBe('$: expected one of "query", "header", got string')
    expectTypeOf<Infer<typeof placement>>().toEqualTypeOf<'query' | 'header'>()
  })

  test('an object keeps the keys it names and drops the rest', () => {
    const value = connection.parse({ id: 'c1', status: 'created', projectId: 'p', group: { groupRef: 'g', extra: true } })
    expect(value).toStrictEqual({ id: 'c1', status: 'created', group: { groupRef: 'g' } })
    expectTypeOf(value).toEqualTypeOf<{
      id: string
      status: 'created' | 'working'
      group: { groupRef: string }
      updateTime?: string | undefined
      retries?: number | undefined
    }>()
  })

  test('optional: an absent key stays absent, undefined is accepted, a wrong type is not', () => {
    const shape = object({ a: optional(string()) })
    expect(Object.keys(shape.parse({}))).toEqual([])
    expect(shape.parse({ a: undefined })).toStrictEqual({ a: undefined })
    expect(thrown(() => shape.parse({ a: 1 })).message).toBe('$.a: expected a string, got number')
    // Optional is not nullable.
    expect(thrown(() => shape.parse({ a: null })).message).toBe('$.a: expected a string, got null')
    expect(object({ a: nullable(string()) }).parse({ a: null })).toEqual({ a: null })
  })

  test('a required key that is missing is named', () => {
    const error = thrown(() => connection.parse({ id: 'c1', status: 'working' }))
    expect(error).toBeInstanceOf(ShapeError)
    expect([error.path, error.message]).toEqual(['$.group', '$.group: expected an object, got undefined'])
  })

  test('arrays of objects: the path names the item and the key', () => {
    const list = array(connection)
    const good = { id: 'c1', status: 'created', group: { groupRef: 'g' } }
    expect(list.parse([good, good])).toHaveLength(2)
    const error = thrown(() => list.parse([good, { ...good, group: { groupRef: 7 } }]))
    expect(error.path).toBe('$[1].group.groupRef')
    expect(error.message).toBe('$[1].group.groupRef: expected a string, got number')
    expect(thrown(() => list.parse({})).message).toBe('$: expected an array, got object')
    expect(thrown(() => connection.parse([])).message).toBe('$: expected an object, got an array')
  })

  test('a record keeps every key, each checked; odd keys are quoted in the path', () => {
    const modules = record(unknown())
    const input = { crm: {}, 'Sales Cloud': 1 }
    expect(modules.parse(input)).toStrictEqual(input)
    expect(thrown(() => record(string()).parse({ ok: 'x', 'two words': 2 })).message).toBe('$["two words"]: expected a string, got number')
    // A `__proto__` key is an own key of the result, never its prototype.
    const parsed = modules.parse(JSON.parse('{"__proto__": {"polluted": true}}'))
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
    expect(Object.keys(parsed)).toEqual(['__proto__'])
  })

  test('a union answers its first fitting option, or the error of the closest one', () => {
    const step = union(
      object({ redirect: object({ url: string(), sessionId: refine(string(), (id) => id !== '', 'a session id') }) }),
      object({ connection: object({ id: string() }) }),
    )
    expect(step.parse({ connection: { id: 'c1' } })).toEqual({ connection: { id: 'c1' } })
    expect(step.parse({ redirect: { url: 'u', sessionId: 's' }, connection: {} })).toEqual({ redirect: { url: 'u', sessionId: 's' } })
    expect(thrown(() => step.parse({ redirect: { url: 'u', sessionId: '' } })).message).toBe('$.redirect.sessionId: expected a session id, got an empty string')
    expect(thrown(() => step.parse({ connection: {} })).message).toBe('$.connection.id: expected a string, got undefined')
    expect(thrown(() => step.parse('x')).message).toBe('$: expected an object, got string')
    expectTypeOf<Infer<typeof step>>().toEqualTypeOf<{ redirect: { url: string; sessionId: string } } | { connection: { id: string } }>()
    const code = union(string(), number())
    expect([code.parse('E1'), code.parse(42)]).toEqual(['E1', 42])
  })

  test('safeParse answers instead of throwing', () => {
    expect(connection.safeParse({ id: 'c1', status: 'created', group: { groupRef: 'g' } })).toEqual({
      success: true,
      data: { id: 'c1', status: 'created', group: { groupRef: 'g' } },
    })
    const failed = connection.safeParse({ id: 1 })
    expect(failed.success).toBe(false)
    expect(!failed.success && failed.error.path).toBe('$.id')
  })

  test('errors say what kind of value was found, never the value', () => {
    expect(thrown(() => object({ token: number() }).parse({ token: 'sk-secret' })).message).not.toContain('sk-secret')
  })
})
