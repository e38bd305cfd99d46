import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { Connection, PopupProtocol, SignInStep } from '../model/ConnectBackend'
import { ConnectError } from '../model/ConnectError'
import type { PopupHost, PopupMessageEvent, PopupTarget } from './popupWindow'
import type { SignInFlowOptions } from './SignInFlow'
import type { SignInEvent } from './SignInStatus'
import { SignInFlow } from './SignInFlow'

const PLATFORM = 'https://platform.test'

class FakeWindow implements PopupTarget {
  closed = false
  focused = 0
  /** Whether close() works; a window on a page that ignores it stays open. */
  closable = true
  readonly visited: string[] = []
  readonly posted: { message: unknown; targetOrigin: string }[] = []
  readonly location = { replace: (url: string) => void this.visited.push(url) }
  constructor(
    readonly name: string,
    url: string,
  ) {
    this.visited.push(url)
  }
  close() {
    if (this.closable) this.closed = true
  }
  focus() {
    this.focused += 1
  }
  postMessage(message: unknown, targetOrigin: string) {
    this.posted.push({ message, targetOrigin })
  }
}

/** A page hosting the kit: records windows, delivers messages as the browser would, can block windows. */
function fakeHost() {
  const listeners = { message: new Set<(event: PopupMessageEvent) => void>(), pagehide: new Set<() => void>() }
  const windows: FakeWindow[] = []
  const host = {
    windows,
    blocking: false,
    screenX: 0,
    screenY: 0,
    outerWidth: 1200,
    outerHeight: 900,
    open(url: string, name: string) {
      if (host.blocking) return null
      const opened = new FakeWindow(name, url)
      windows.push(opened)
      return opened
    },
    addEventListener(type: 'message' | 'pagehide', listener: never) {
      listeners[type].add(listener)
    },
    removeEventListener(type: 'message' | 'pagehide', listener: never) {
      listeners[type].delete(listener)
    },
    /** Delivers a message from `source` (a window or anything else) and `origin`. */
    deliver(source: unknown, origin: string, data: unknown) {
      for (const listener of [...listeners.message]) listener({ source, origin, data })
    },
    leavePage() {
      for (const listener of [...listeners.pagehide]) listener()
    },
    listenerCount: () => listeners.message.size + listeners.pagehide.size,
  }
  return host
}

const connection = (id: string, updateTime?: string): Connection => ({
  id,
  provider: 'hubspot',
  authScheme: 'oauth2/authorizationCode',
  status: 'working',
  createTime: '2026-01-01T00:00:00Z',
  updateTime,
  groupRef: 'g',
  consumerRef: 'c',
})

/** Ampersand-like: `{ ok, id? }` succeeds, `{ ok: false }` refuses. */
const resultProtocol: PopupProtocol = {
  origin: PLATFORM,
  read(data) {
    const message = data as { ok?: boolean; id?: string } | null
    if (!message || typeof message.ok !== 'boolean') return undefined
    return message.ok ? { kind: 'authorized', connectionId: message.id } : { kind: 'refused', reason: 'denied' }
  },
}
const redirect = (url: string, protocol: PopupProtocol = resultProtocol): SignInStep => ({ kind: 'redirect', url, protocol })

function setup(overrides: Partial<SignInFlowOptions> = {}) {
  const host = fakeHost()
  const events: SignInEvent[] = []
  let listed: Connection[][] = [[]]
  const platform = {
    getConnection: vi.fn(async (id: string) => connection(id)),
    /** Answers the lists in turn; the last one repeats. */
    listConnections: vi.fn(async () => (listed.length > 1 ? listed.shift()! : listed[0]!)),
    setLists(...lists: Connection[][]) {
      listed = lists
    },
  }
  const flow = new SignInFlow({
    timeoutMs: 60_000,
    getConnection: platform.getConnection,
    listConnections: platform.listConnections,
    errors: {
      blocked: () => new ConnectError('popup_blocked', 'blocked'),
      timeout: () => new ConnectError('timeout', 'timed out'),
      refused: (reason) => new ConnectError('authorization_failed', `refused: ${reason}`, { detail: reason }),
      unconfirmed: () => new ConnectError('unconfirmed', 'unconfirmed'),
      unsafeUrl: () => new ConnectError('invalid_response', 'unsafe url'),
      from: (caught) => (caught instanceof ConnectError ? caught : new ConnectError('network', 'network')),
    },
    onEvent: (event) => events.push(event),
    host: host as unknown as PopupHost,
    ...overrides,
  })
  return { flow, host, events, platform }
}

/** Lets promises settle and the closed-window poll and grace period run. */
const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms)

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('SignInFlow', () => {
  test('opens its window inside start(), before the platform is asked, then sends it to the page', async () => {
    const { flow, host } = setup()
    const begin = vi.fn(async () => redirect('https://provider.test/authorize'))
    flow.start(() => {
      expect(host.windows).toHaveLength(1)
      return begin()
    })
    expect(host.windows[0]!.visited).toEqual(['about:blank'])
    expect(flow.getSnapshot().status).toBe('starting')
    await settle()
    expect(host.windows[0]!.visited).toEqual(['about:blank', 'https://provider.test/authorize'])
    expect(flow.getSnapshot().status).toBe('waiting')
  })

  test('every flow has its own window: two flows never share one', async () => {
    const first = setup()
    const second = setup({ host: first.host as unknown as PopupHost })
    first.flow.start(async () => redirect('https://provider.test/a'))
    second.flow.start(async () => redirect('https://provider.test/b'))
    await settle()
    const [a, b] = first.host.windows
    expect(a!.name).not.toBe(b!.name)
    first.host.deliver(a, PLATFORM, { ok: true, id: 'conn-a' })
    await settle()
    expect(first.flow.getSnapshot()).toMatchObject({ status: 'succeeded', connection: { id: 'conn-a' } })
    expect(second.flow.getSnapshot().status).toBe('waiting')
  })

  test("accepts an answer only from its own window and the protocol's origin", async () => {
    const { flow, host, platform } = setup()
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle()
    const popup = host.windows[0]!
    host.deliver(popup, 'https://evil.test', { ok: true, id: 'forged' })
    host.deliver({}, PLATFORM, { ok: true, id: 'forged' })
    host.deliver(null, PLATFORM, { ok: true, id: 'forged' })
    host.deliver(popup, PLATFORM, 'not a message of the protocol')
    await settle()
    expect(flow.getSnapshot().status).toBe('waiting')
    expect(platform.getConnection).not.toHaveBeenCalled()
    host.deliver(popup, PLATFORM, { ok: true, id: 'conn-1' })
    await settle()
    expect(flow.getSnapshot()).toMatchObject({ status: 'succeeded', connection: { id: 'conn-1' } })
  })

  test('accepts one answer per page: later messages change nothing', async () => {
    const { flow, host, events, platform } = setup()
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle()
    const popup = host.windows[0]!
    popup.closable = false
    host.deliver(popup, PLATFORM, { ok: true, id: 'conn-1' })
    host.deliver(popup, PLATFORM, { ok: true, id: 'conn-2' })
    host.deliver(popup, PLATFORM, { ok: false })
    await settle()
    expect(platform.getConnection.mock.calls.map(([id]) => id)).toEqual(['conn-1'])
    expect(events).toEqual([{ type: 'succeeded', connection: connection('conn-1') }])
  })

  test('a message from an earlier, cancelled flow never completes a later one, even while its window stays open and keeps posting', async () => {
    const { flow, host, events } = setup()
    flow.start(async () => redirect('https://provider.test/first'))
    await settle()
    const old = host.windows[0]!
    old.closable = false
    flow.cancel()
    expect(old.closed).toBe(false)
    flow.start(async () => redirect('https://provider.test/second'))
    await settle()
    for (let i = 0; i < 3; i++) host.deliver(old, PLATFORM, { ok: true, id: 'stale' })
    await settle(2_000)
    expect(flow.getSnapshot().status).toBe('waiting')
    expect(events).toEqual([{ type: 'cancelled' }])
    host.deliver(host.windows[1], PLATFORM, { ok: true, id: 'fresh' })
    await settle()
    expect(flow.getSnapshot().connection?.id).toBe('fresh')
  })

  test('leaving or reloading the host page closes the sign-in window', async () => {
    const { flow, host } = setup()
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle()
    host.leavePage()
    expect(host.windows[0]!.closed).toBe(true)
    expect(flow.getSnapshot().status).toBe('idle')
    expect(host.listenerCount()).toBe(0)
  })

  test('a window closed without an answer (the provider cut the opener link) is a success when the platform shows a new connection', async () => {
    const { flow, host, events, platform } = setup()
    platform.setLists([connection('old', '2026-01-02T00:00:00Z')], [connection('old', '2026-01-02T00:00:00Z'), connection('new')])
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle()
    host.windows[0]!.closed = true
    await settle(1_100)
    expect(flow.getSnapshot()).toMatchObject({ status: 'succeeded', connection: { id: 'new' } })
    expect(events).toEqual([{ type: 'succeeded', connection: connection('new') }])
  })

  test('a refreshed connection counts too (a reconnect whose window lost its opener)', async () => {
    const { flow, host, platform } = setup()
    platform.setLists([connection('c1', '2026-01-02T00:00:00Z')], [connection('c1', '2026-11-30T12:00:00Z')])
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle()
    host.windows[0]!.closed = true
    await settle(1_100)
    expect(flow.getSnapshot()).toMatchObject({ status: 'succeeded', connection: { id: 'c1', updateTime: '2026-11-30T12:00:00Z' } })
  })

  test('a window closed without an answer, and nothing new on the platform, is cancelled', async () => {
    const { flow, host, events, platform } = setup()
    platform.setLists([connection('old')])
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle()
    host.windows[0]!.closed = true
    await settle(1_100)
    expect(flow.getSnapshot().status).toBe('cancelled')
    expect(events).toEqual([{ type: 'cancelled' }])
    expect(platform.listConnections).toHaveBeenCalledTimes(2)
  })

  test('a window closed before the page is known is cancelled, and no other window opens', async () => {
    const { flow, host, events } = setup()
    let answer!: (step: SignInStep) => void
    flow.start(() => new Promise((resolve) => (answer = resolve)))
    host.windows[0]!.closed = true
    answer(redirect('https://provider.test/authorize'))
    await settle(1_100)
    expect(host.windows).toHaveLength(1)
    expect(flow.getSnapshot().status).toBe('cancelled')
    expect(events).toEqual([{ type: 'cancelled' }])
  })

  test('a success without a usable connection id is confirmed with the platform', async () => {
    const { flow, host, platform } = setup()
    platform.setLists([], [connection('made')])
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle()
    host.deliver(host.windows[0], PLATFORM, { ok: true })
    await settle()
    expect(flow.getSnapshot()).toMatchObject({ status: 'succeeded', connection: { id: 'made' } })
    expect(platform.getConnection).not.toHaveBeenCalled()
  })

  test('a success without a usable connection id, and nothing new on the platform, fails clearly instead of guessing', async () => {
    const { flow, host, events, platform } = setup()
    platform.setLists([connection('old')])
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle()
    host.deliver(host.windows[0], PLATFORM, { ok: true })
    await settle()
    expect(flow.getSnapshot()).toMatchObject({ status: 'failed', error: { kind: 'unconfirmed' } })
    expect(events.map((event) => event.type)).toEqual(['failed'])
  })

  test('a refusal fails with the reason, and closes the window', async () => {
    const { flow, host } = setup()
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle()
    host.windows[0]!.closable = true
    host.deliver(host.windows[0], PLATFORM, { ok: false })
    await settle()
    expect(flow.getSnapshot()).toMatchObject({ status: 'failed', error: { kind: 'authorization_failed', detail: 'denied' } })
    expect(host.windows[0]!.closed).toBe(true)
  })

  test('a blocked window is reported, and a click on openBlockedWindow() opens it at the page once it is known', async () => {
    const { flow, host, events, platform } = setup()
    host.blocking = true
    let answer!: (step: SignInStep) => void
    const begin = vi.fn(() => new Promise<SignInStep>((resolve) => (answer = resolve)))
    flow.start(begin)
    expect(flow.getSnapshot().status).toBe('blocked')
    expect(events.map((event) => event.type)).toEqual(['blocked'])
    // Nothing goes to the platform while the window is blocked: no start, no baseline list.
    await settle()
    expect(begin).not.toHaveBeenCalled()
    expect(platform.listConnections).not.toHaveBeenCalled()
    host.blocking = false
    // Clicked before the platform answered: the window opens now and is sent on when the page is known.
    flow.openBlockedWindow()
    expect(flow.getSnapshot().status).toBe('starting')
    answer(redirect('https://provider.test/authorize'))
    await settle()
    expect(host.windows[0]!.visited).toEqual(['about:blank', 'https://provider.test/authorize'])
    expect(flow.getSnapshot().status).toBe('waiting')
  })

  test('the timeout is configurable: the flow fails with kind timeout and closes its window', async () => {
    const { flow, host } = setup({ timeoutMs: 5_000 })
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle(4_900)
    expect(flow.getSnapshot().status).toBe('waiting')
    await settle(200)
    expect(flow.getSnapshot()).toMatchObject({ status: 'failed', error: { kind: 'timeout' } })
    expect(host.windows[0]!.closed).toBe(true)
  })

  test('with the default five minutes, the person is warned one minute before the end; keepWaiting() starts the time again', async () => {
    const { flow, host, events } = setup({ timeoutMs: 300_000 })
    const t0 = Date.now()
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle(239_000)
    expect(flow.getSnapshot()).toEqual({ status: 'waiting' })
    await settle(1_000)
    expect(flow.getSnapshot()).toEqual({ status: 'waiting', expiresAt: t0 + 300_000 })
    flow.keepWaiting()
    expect(flow.getSnapshot()).toEqual({ status: 'waiting' })
    // Past the first deadline: still waiting, window open; warned again a minute before the new end.
    await settle(100_000)
    expect(flow.getSnapshot().status).toBe('waiting')
    expect(host.windows[0]!.closed).toBe(false)
    await settle(140_000)
    expect(flow.getSnapshot().expiresAt).toBe(t0 + 240_000 + 300_000)
    await settle(60_000)
    expect(flow.getSnapshot()).toMatchObject({ status: 'failed', error: { kind: 'timeout' } })
    expect(flow.getSnapshot().expiresAt).toBeUndefined()
    expect(events).toMatchObject([{ type: 'failed', error: { kind: 'timeout' } }])
  })

  test('the warning lasts through the steps of one attempt and never outlives it', async () => {
    const { flow } = setup({ timeoutMs: 10_000 })
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle(5_000)
    expect(flow.getSnapshot().expiresAt).toBeDefined()
    flow.cancel()
    expect(flow.getSnapshot()).toEqual({ status: 'cancelled' })
    flow.keepWaiting()
    expect(flow.getSnapshot()).toEqual({ status: 'cancelled' })
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle(4_000)
    expect(flow.getSnapshot()).toEqual({ status: 'waiting' })
  })

  test('every platform request of an attempt is aborted when the attempt ends', async () => {
    const { flow, platform } = setup()
    const signals: AbortSignal[] = []
    flow.start((signal) => {
      signals.push(signal)
      return new Promise(() => undefined)
    })
    await settle()
    const baseline = platform.listConnections.mock.calls[0] as unknown as [AbortSignal]
    expect(signals[0]!.aborted).toBe(false)
    flow.dispose()
    expect(signals[0]!.aborted).toBe(true)
    expect(baseline[0].aborted).toBe(true)
  })

  test('a second start while one runs opens no window and asks nothing: it raises the open one', async () => {
    const { flow, host } = setup()
    const begin = vi.fn(async () => redirect('https://provider.test/authorize'))
    flow.start(begin)
    flow.start(begin)
    await settle()
    flow.start(begin)
    expect(host.windows).toHaveLength(1)
    expect(begin).toHaveBeenCalledTimes(1)
    expect(host.windows[0]!.focused).toBe(2)
  })

  test('a continue answer runs the next step: a new window when the callback page closed itself', async () => {
    const { flow, host, events } = setup()
    const steps: PopupProtocol = {
      origin: PLATFORM,
      read: (data) => ((data as { params?: unknown })?.params ? { kind: 'continue', next: async () => redirect('https://provider.test/step-2') } : undefined),
    }
    flow.follow(redirect('https://provider.test/step-1', steps))
    const first = host.windows[0]!
    host.deliver(first, PLATFORM, { params: { code: 'x' } })
    first.closed = true
    await settle(1_100)
    expect(host.windows).toHaveLength(2)
    expect(host.windows[1]!.visited).toEqual(['https://provider.test/step-2'])
    // The first window's close is not a cancel: it had answered.
    expect(events).toEqual([])
    host.deliver(host.windows[1], PLATFORM, { ok: true, id: 'conn-9' })
    await settle()
    expect(flow.getSnapshot().connection?.id).toBe('conn-9')
  })

  test("a hello-response protocol (Versori's hosted page) plugs in: hellos go only to its origin, until the answer", async () => {
    const { flow, host } = setup()
    const hosted: PopupProtocol = {
      origin: 'https://hosted.test',
      attach(post) {
        const timer = setInterval(() => post({ type: 'hello', payload: { state: 's-1' } }), 500)
        return () => clearInterval(timer)
      },
      read(data) {
        const message = data as { type?: string; payload?: { search?: unknown } }
        if (message?.type !== 'response' || typeof message.payload?.search !== 'string') return undefined
        const params = new URLSearchParams(message.payload.search)
        if (params.get('state') !== 's-1') return { kind: 'refused', reason: 'state mismatch' }
        return { kind: 'continue', next: async () => ({ kind: 'connection', connection: connection(`from-${params.get('code')}`) }) }
      },
    }
    flow.start(async () => redirect('https://provider.test/authorize', hosted))
    await settle(1_600)
    const popup = host.windows[0]!
    expect(popup.posted.length).toBe(3)
    expect(new Set(popup.posted.map((post) => post.targetOrigin))).toEqual(new Set(['https://hosted.test']))
    host.deliver(popup, PLATFORM, { type: 'response', payload: { search: '?code=forged&state=s-1' } })
    await settle()
    expect(flow.getSnapshot().status).toBe('waiting')
    host.deliver(popup, 'https://hosted.test', { type: 'response', payload: { search: '?code=abc&state=s-1' } })
    await settle(2_000)
    expect(flow.getSnapshot().connection?.id).toBe('from-abc')
    expect(popup.posted.length).toBe(3)
  })

  test('after an outcome no listener or timer is left behind', async () => {
    const { flow, host } = setup()
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle()
    expect(host.listenerCount()).toBe(2)
    host.deliver(host.windows[0], PLATFORM, { ok: true, id: 'c' })
    await settle()
    expect(host.listenerCount()).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
  })

  test('dispose() stops silently (an unmount), and the flow can start again (React strict mode remounts)', async () => {
    const { flow, host, events } = setup()
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle()
    flow.dispose()
    expect(host.windows[0]!.closed).toBe(true)
    expect(events).toEqual([])
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle()
    expect(host.windows).toHaveLength(2)
    expect(flow.getSnapshot().status).toBe('waiting')
  })

  test('a failing platform request fails the flow and closes the window', async () => {
    const { flow, host } = setup()
    flow.start(async () => Promise.reject(new ConnectError('http', 'The server said no.', { status: 500 })))
    await settle()
    expect(flow.getSnapshot()).toMatchObject({ status: 'failed', error: { message: 'The server said no.' } })
    expect(host.windows[0]!.closed).toBe(true)
  })
})

describe('SignInFlow window reports (onWindow)', () => {
  test('says when the window opens (at once, or from the click after a block) and when it closes unanswered', async () => {
    const changes: string[] = []
    const { flow, host, events } = setup({ onWindow: (change) => changes.push(change) })
    host.blocking = true
    flow.start(async () => redirect('https://provider.test/authorize'))
    expect(changes).toEqual([])
    host.blocking = false
    flow.openBlockedWindow()
    await settle()
    expect(changes).toEqual(['opened'])
    host.windows[0]!.closed = true
    await settle(1_100)
    expect(changes).toEqual(['opened', 'closed'])
    expect(events.map((event) => event.type)).toEqual(['blocked', 'cancelled'])
  })

  test('a window that answered and closed itself is no unanswered close', async () => {
    const changes: string[] = []
    const { flow, host } = setup({ onWindow: (change) => changes.push(change) })
    flow.start(async () => redirect('https://provider.test/authorize'))
    await settle()
    host.deliver(host.windows[0], PLATFORM, { ok: true, id: 'conn-1' })
    host.windows[0]!.closed = true
    await settle(1_100)
    expect(changes).toEqual(['opened'])
    expect(flow.getSnapshot().status).toBe('succeeded')
  })
})
