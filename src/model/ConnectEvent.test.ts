import { afterEach, describe, expect, test, vi } from 'vitest'
import { ConnectError } from './ConnectError'
import type { ConnectEvent } from './ConnectEvent'
import { emitConnectEvent, errorDetail, newFlowId } from './ConnectEvent'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('ConnectEvent helpers', () => {
  test('newFlowId gives a fresh id each time', () => {
    const ids = new Set(Array.from({ length: 20 }, newFlowId))
    expect(ids.size).toBe(20)
  })

  test('an error becomes its kind and the platform ids, never its words', () => {
    const error = new ConnectError('http', 'Key sk-secret-1 is revoked', {
      status: 422,
      code: 'invalid_key',
      requestId: 'req-9',
      detail: 'Key sk-secret-1 is revoked',
      fieldErrors: { 'credentials.0.apiKey': 'sk-secret-1 is wrong' },
    })
    expect(errorDetail(error)).toEqual({ type: 'error', kind: 'http', status: 422, code: 'invalid_key', requestId: 'req-9' })
    expect(errorDetail(new ConnectError('timeout', 'too slow'))).toEqual({ type: 'error', kind: 'timeout' })
    expect(JSON.stringify(errorDetail(error))).not.toContain('sk-secret-1')
  })

  test('emit stamps the base fields and calls every handler in order, the component first', () => {
    const calls: string[] = []
    const seen: ConnectEvent[] = []
    const event = emitConnectEvent(
      [(e) => (calls.push('component'), seen.push(e)), undefined, () => void calls.push('provider')],
      { type: 'method_chosen', methodId: 'basic' },
      { flowId: 'f-1', provider: 'paystream' },
    )
    expect(calls).toEqual(['component', 'provider'])
    expect(event).toEqual({ type: 'method_chosen', methodId: 'basic', flowId: 'f-1', provider: 'paystream', at: expect.any(Number) })
    expect(seen).toEqual([event])
  })

  test('a handler that throws is logged with the library name, and the next still runs', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const provider = vi.fn()
    expect(() =>
      emitConnectEvent(
        [
          () => {
            throw new Error('analytics down')
          },
          provider,
        ],
        { type: 'cancelled' },
        { flowId: 'f-2', provider: 'hubspot' },
      ),
    ).not.toThrow()
    expect(provider).toHaveBeenCalledTimes(1)
    expect(logged.mock.calls[0]![0]).toMatch(/^Plugboard: /)
  })
})
