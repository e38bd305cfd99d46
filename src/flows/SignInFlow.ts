import type { Connection, PopupAnswer, RedirectStep, SignInStep } from '../model/ConnectBackend'
import type { ConnectError } from '../model/ConnectError'
import { safeUrl } from '../model/connectionName'
import { changedConnection } from './changedConnection'
import type { PopupHost, PopupMessageEvent, PopupTarget } from './popupWindow'
import { openPopup } from './popupWindow'
import type { SignInEvent, SignInSnapshot } from './SignInStatus'
import { isActiveStatus } from './SignInStatus'

/** The errors a flow reports, in the host's words. */
export interface SignInErrors {
  blocked(): ConnectError
  timeout(): ConnectError
  refused(reason: string | undefined): ConnectError
  /** The window said it succeeded (or closed) but the platform shows no new or refreshed connection. */
  unconfirmed(): ConnectError
  /** A page address the engine will not open: not `https:` (or `http:` on a loopback host). */
  unsafeUrl(): ConnectError
  /** Any failure of a platform request. */
  from(caught: unknown): ConnectError
}

/** What a flow needs from the platform and the page. */
export interface SignInFlowOptions {
  /**
   * Give up after this many milliseconds. In the last minute (or the last half, for a timeout under
   * two minutes) the snapshot carries `expiresAt`, and `keepWaiting()` starts the time again.
   */
  timeoutMs: number
  /** Loads a connection by id. `signal` aborts when the attempt ends. */
  getConnection(connectionId: string, signal?: AbortSignal): Promise<Connection>
  /** The consumer's connections to this provider, to confirm an outcome the window could not report. */
  listConnections(signal?: AbortSignal): Promise<Connection[]>
  errors: SignInErrors
  /** Called with every outcome. */
  onEvent?(event: SignInEvent): void
  /** Called when the attempt's window opens, and when it closes without answering. */
  onWindow?(change: 'opened' | 'closed'): void
  /** The page hosting the kit. @default window */
  host?: PopupHost
}

/** One attempt: its own window, listeners and timers. A later attempt never sees an earlier one's messages. */
interface Run {
  window: PopupTarget | null
  /** The page the window should show, and how it reports back. */
  step?: RedirectStep
  /** Whether the current step has had its answer (each step is answered once). */
  answered: boolean
  /** The connections before the person signed in, to tell what the sign-in changed. */
  baseline: Promise<Connection[] | undefined>
  stopTalking?: () => void
  cleanup: (() => void)[]
  /** The first request, held back while the window is blocked. */
  deferred?: (signal: AbortSignal) => Promise<SignInStep>
  /** Aborted when the attempt ends: every platform request of the attempt carries its signal. */
  abort: AbortController
  /** Starts the attempt's time again (the warning, then the timeout). */
  arm(): void
  /** When the attempt gives up, once the person has been warned. */
  expiresAt?: number
}

const CLOSED_POLL_MS = 400
// A callback page posts its answer and closes itself at once; the message task can run after a poll
// sees the window closed. Wait a moment for it before treating the close as unanswered.
const CLOSED_GRACE_MS = 600
/** How long before the timeout the person is warned (at most half the timeout). */
const WARNING_MS = 60_000

/**
 * A sign-in through a window (OAuth, a platform's multi-step sign-in), as a small state machine
 * outside React. Each attempt opens its own window inside the click, accepts one answer per page,
 * only from that window and the protocol's origin, and cleans up in one place. `subscribe` and
 * `getSnapshot` fit `useSyncExternalStore`.
 */
export class SignInFlow {
  private snapshot: SignInSnapshot = { status: 'idle' }
  private readonly listeners = new Set<() => void>()
  private run: Run | undefined

  constructor(private options: SignInFlowOptions) {}

  /** Replaces the options (newer callbacks, timeout, words); an attempt under way keeps its timer. */
  configure(options: SignInFlowOptions): void {
    this.options = options
  }

  getSnapshot = (): SignInSnapshot => this.snapshot

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** True from the start of an attempt until its outcome. */
  get isActive(): boolean {
    return isActiveStatus(this.snapshot.status)
  }

  /**
   * Opens the window now (call it synchronously in a click), then asks `begin` for the page to show
   * in it. While an attempt is under way, a second call only raises its window.
   */
  start(begin: (signal: AbortSignal) => Promise<SignInStep>): void {
    if (this.raiseActive()) return
    const run = this.begin()
    run.window = openPopup(this.host)
    if (run.window) {
      this.set({ status: 'starting' })
      this.options.onWindow?.('opened')
      this.watch(run)
      this.ask(run, begin)
    } else {
      // Nothing goes to the platform while the window is blocked: the click that opens it asks.
      run.deferred = begin
      this.block(run)
    }
  }

  /** Asks the platform for the first page (after the window opened, so the baseline is taken now too). */
  private ask(run: Run, begin: (signal: AbortSignal) => Promise<SignInStep>) {
    this.takeBaseline(run)
    new Promise<SignInStep>((resolve) => resolve(begin(run.abort.signal))).then(
      (step) => this.apply(run, step),
      (caught: unknown) => this.fail(run, this.options.errors.from(caught)),
    )
  }

  /**
   * Continues from a step the platform already answered (a form sent the first one): opens its
   * page. Outside a click the browser may block the window; the flow is then `blocked`.
   */
  follow(step: SignInStep): void {
    if (this.raiseActive()) return
    const run = this.begin()
    this.takeBaseline(run)
    this.apply(run, step)
  }

  /** After `blocked`: opens the window from a fresh click; it shows the page as soon as it is known. */
  openBlockedWindow(): void {
    const run = this.run
    if (!run || this.snapshot.status !== 'blocked') return
    const popup = openPopup(this.host, run.step?.url)
    if (!popup) return
    run.window = popup
    this.options.onWindow?.('opened')
    this.watch(run)
    if (run.step) this.talk(run)
    this.set({ status: run.step ? 'waiting' : 'starting' })
    const begin = run.deferred
    run.deferred = undefined
    if (begin) this.ask(run, begin)
  }

  /**
   * After the warning that the attempt is about to time out (`expiresAt` in the snapshot): gives the
   * person the whole timeout again.
   */
  keepWaiting(): void {
    const run = this.run
    if (!run || !this.isActive) return
    run.arm()
    if (this.snapshot.expiresAt !== undefined) this.set(this.snapshot)
  }

  /** Brings the window to the front. */
  focus(): void {
    if (this.run?.window && !this.run.window.closed) this.run.window.focus()
  }

  /** Stops the attempt and closes its window; counts as cancelled. */
  cancel(): void {
    if (!this.run) return
    this.end()
    this.set({ status: 'cancelled' })
    this.options.onEvent?.({ type: 'cancelled' })
  }

  /** Stops any attempt, closes its window, and goes back to `idle`. */
  reset(): void {
    this.end()
    this.set({ status: 'idle' })
  }

  /** Stops any attempt and closes its window without reporting anything (the owner unmounts). */
  dispose(): void {
    this.end()
  }

  private get host(): PopupHost {
    return this.options.host ?? (window as unknown as PopupHost)
  }

  private set(next: SignInSnapshot) {
    // A warning about the time left belongs to the attempt under way, whatever step it is at.
    const { expiresAt: _, ...rest } = next
    const expiresAt = isActiveStatus(next.status) ? this.run?.expiresAt : undefined
    this.snapshot = expiresAt === undefined ? rest : { ...rest, expiresAt }
    for (const listener of this.listeners) listener()
  }

  private raiseActive(): boolean {
    if (!this.run || !this.isActive) return false
    if (this.snapshot.status === 'blocked') this.openBlockedWindow()
    else this.focus()
    return true
  }

  private begin(): Run {
    this.end()
    let timer: ReturnType<typeof setTimeout> | undefined
    let warning: ReturnType<typeof setTimeout> | undefined
    const stopTimers = () => {
      clearTimeout(timer)
      clearTimeout(warning)
    }
    const run: Run = {
      window: null,
      answered: false,
      baseline: Promise.resolve(undefined),
      cleanup: [],
      abort: new AbortController(),
      arm: () => {
        stopTimers()
        run.expiresAt = undefined
        const { timeoutMs } = this.options
        const lead = Math.min(WARNING_MS, timeoutMs / 2)
        const endsAt = Date.now() + timeoutMs
        warning = setTimeout(() => {
          if (run !== this.run || !this.isActive) return
          run.expiresAt = endsAt
          this.set(this.snapshot)
        }, timeoutMs - lead)
        timer = setTimeout(() => this.fail(run, this.options.errors.timeout()), timeoutMs)
      },
    }
    this.run = run
    run.arm()
    // Leaving or reloading the page takes the sign-in window with it.
    const onPageHide = () => {
      if (this.run === run) this.reset()
    }
    this.host.addEventListener('pagehide', onPageHide)
    run.cleanup.push(
      stopTimers,
      () => this.host.removeEventListener('pagehide', onPageHide),
      // Whatever the attempt still has in flight (the first page, a confirmation) is not needed any more.
      () => run.abort.abort(),
    )
    return run
  }

  /** Notes the connections as they are before the person signs in (after the window opened: it must open first). */
  private takeBaseline(run: Run) {
    run.baseline = this.options.listConnections(run.abort.signal).catch(() => undefined)
  }

  /** Ends the current attempt: listeners, timers and the window go. */
  private end() {
    const run = this.run
    if (!run) return
    this.run = undefined
    run.stopTalking?.()
    for (const cleanup of run.cleanup.splice(0)) cleanup()
    if (run.window && !run.window.closed) run.window.close()
  }

  private block(run: Run) {
    const error = this.options.errors.blocked()
    this.set({ status: 'blocked', error })
    this.options.onEvent?.({ type: 'blocked', error })
  }

  private apply(run: Run, step: SignInStep) {
    if (run !== this.run) return
    if (step.kind === 'connection') {
      if (run.window && !run.window.closed) run.window.close()
      this.succeed(run, step.connection)
      return
    }
    // Whatever backend produced it, a page that is not https (or loopback http) is never opened.
    if (!safeUrl(step.url)) return this.fail(run, this.options.errors.unsafeUrl())
    // Closed before it showed any page, and not by a page that answered: the person gave up.
    if (run.window?.closed && !run.answered) {
      this.options.onWindow?.('closed')
      return this.cancel()
    }
    run.step = step
    run.answered = false
    if (this.snapshot.status === 'blocked') return // the person's next click opens the page
    if (run.window && !run.window.closed) {
      run.window.location.replace(step.url)
    } else {
      // Gone (the callback page closes itself), or a form sent the first step: open one now.
      run.window = openPopup(this.host, step.url)
      if (!run.window) return this.block(run)
      this.options.onWindow?.('opened')
      this.watch(run)
    }
    this.talk(run)
    this.set({ status: 'waiting' })
  }

  /** Lets the step's protocol talk to its page, and listens for its one answer. */
  private talk(run: Run) {
    const { step, window: popup } = run
    if (!step || !popup) return
    run.stopTalking?.()
    const { protocol } = step
    const onMessage = (event: PopupMessageEvent) => {
      if (run !== this.run || run.answered || event.source !== run.window || event.origin !== protocol.origin) return
      const answer = protocol.read(event.data)
      if (!answer) return
      run.answered = true
      run.stopTalking?.()
      void this.answer(run, answer)
    }
    this.host.addEventListener('message', onMessage)
    const stopProtocol = protocol.attach?.((message) => {
      if (!popup.closed) popup.postMessage(message, protocol.origin)
    })
    run.stopTalking = () => {
      this.host.removeEventListener('message', onMessage)
      stopProtocol?.()
      run.stopTalking = undefined
    }
  }

  private async answer(run: Run, answer: PopupAnswer) {
    const { errors } = this.options
    if (answer.kind === 'refused') return this.fail(run, errors.refused(answer.reason))
    this.set({ status: 'finishing' })
    try {
      if (answer.kind === 'continue') return this.apply(run, await answer.next(run.abort.signal))
      const connection = answer.connectionId ? await this.options.getConnection(answer.connectionId, run.abort.signal) : await this.confirm(run)
      if (connection) this.succeed(run, connection)
      else this.fail(run, errors.unconfirmed())
    } catch (caught) {
      this.fail(run, errors.from(caught))
    }
  }

  /** Watches the current window for being closed without an answer. */
  private watch(run: Run) {
    const popup = run.window
    let grace: ReturnType<typeof setTimeout> | undefined
    const poll = setInterval(() => {
      if (!popup?.closed || grace !== undefined) return
      clearInterval(poll)
      grace = setTimeout(() => {
        if (run !== this.run || run.window !== popup || run.answered) return
        this.options.onWindow?.('closed')
        void this.closedUnanswered(run)
      }, CLOSED_GRACE_MS)
    }, CLOSED_POLL_MS)
    run.cleanup.push(() => {
      clearInterval(poll)
      clearTimeout(grace)
    })
  }

  /**
   * The window closed without an answer. A provider page that cuts the link to its opener
   * (Cross-Origin-Opener-Policy) looks the same as the person closing it, so ask the platform
   * before calling it cancelled.
   */
  private async closedUnanswered(run: Run) {
    if (!run.step) return this.cancel()
    run.answered = true
    run.stopTalking?.()
    this.set({ status: 'finishing' })
    const connection = await this.confirm(run).catch(() => undefined)
    if (run !== this.run) return
    if (connection) this.succeed(run, connection)
    else this.cancel()
  }

  /** The connection this attempt created or refreshed, by comparing the platform's list with the one before. */
  private async confirm(run: Run): Promise<Connection | undefined> {
    const before = await run.baseline
    return before ? changedConnection(before, await this.options.listConnections(run.abort.signal)) : undefined
  }

  private succeed(run: Run, connection: Connection) {
    if (run !== this.run) return
    this.end()
    this.set({ status: 'succeeded', connection })
    this.options.onEvent?.({ type: 'succeeded', connection })
  }

  private fail(run: Run, error: ConnectError) {
    if (run !== this.run) return
    this.end()
    this.set({ status: 'failed', error })
    this.options.onEvent?.({ type: 'failed', error })
  }
}
