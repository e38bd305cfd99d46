import { describe, expect, test } from 'vitest'
import { ConnectError } from '../../model/ConnectError'
import { readJson } from './http'
import { object, ShapeError, string } from './shape'

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error) {
    return error as ConnectError
  }
  throw new Error('expected a rejection')
}

describe('readJson', () => {
  const shape = object({ url: string() })

  test('answers the body as the parser returns it: a shape, or a function', async () => {
    expect(await readJson(Response.json({ url: 'https://x.test', extra: 1 }), shape)).toEqual({ url: 'https://x.test' })
    expect(await readJson(Response.json([1, 2]), (body) => (body as number[]).length)).toBe(2)
  })

  test('a body of the wrong shape is invalid_response, caused by the error that names the path', async () => {
    const error = await failure(readJson(Response.json({ url: 7 }, { status: 201 }), shape))
    expect(error).toBeInstanceOf(ConnectError)
    expect([error.kind, error.status, error.detail]).toEqual(['invalid_response', 201, undefined])
    expect(error.message).toBe('The server sent an answer that could not be read. Please try again later.')
    expect(error.cause).toBeInstanceOf(ShapeError)
    expect((error.cause as ShapeError).message).toBe('$.url: expected a string, got number')
  })

  test('a parser function that throws and a body that is not JSON are invalid_response too', async () => {
    const refused = new Error('no')
    const thrown = await failure(
      readJson(Response.json({}), () => {
        throw refused
      }),
    )
    expect([thrown.kind, thrown.cause]).toEqual(['invalid_response', refused])
    expect((await failure(readJson(new Response('{"url": '), shape))).kind).toBe('invalid_response')
  })
})
