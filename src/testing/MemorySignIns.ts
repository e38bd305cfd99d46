import type { Connection, ConnectionInput, ConnectScope, PopupProtocol, RedirectStep, SignInStep } from '../model/ConnectBackend'
import { answerSignIn, waitUntil } from './answerSignIn'

// The memory backend's sign-in pages: each OAuth or multi-step sign-in waits at a made-up page
// until the test answers it (`completeOAuth`), as the provider's page and the platform would.

/** Where the pages live: an `https:` origin that never resolves. */
const ORIGIN = 'https://sign-in.memory.invalid'

/** A sign-in waiting for the test. */
export interface MemorySignIn {
  id: string
  /** The page its window shows; empty between two pages of a multi-step sign-in. */
  url: string
  provider: string
  scope: ConnectScope
  input: ConnectionInput
  /** The connection a reconnect refreshes. */
  connectionId?: string
  /** Pages still to go (OAuth: 1). */
  pagesLeft: number
  kind: 'oauth' | 'steps'
  /** A `steps` sign-in's last page: the connection it made, handed over by `next()`. */
  made?: Connection
}

/** What a page "posts" (through {@link answerSignIn}). */
interface PageAnswer {
  plugboardMemorySignIn: string
  approved: boolean
  connectionId?: string
  reason?: string
}

/** The memory backend's sign-ins under way. */
export class MemorySignIns {
  private readonly waiting: MemorySignIn[] = []
  private count = 0

  /** Their provider and the page each window shows, oldest first. */
  get pending(): { provider: string; url: string }[] {
    return this.waiting.map(({ provider, url }) => ({ provider, url }))
  }

  /** Starts a sign-in: its first page. */
  begin(kind: MemorySignIn['kind'], scope: ConnectScope, input: ConnectionInput, pagesLeft: number, connectionId?: string): RedirectStep {
    const signIn: MemorySignIn = { id: `mem-sign-in-${++this.count}`, url: '', provider: input.provider, scope, input, pagesLeft, kind, ...(connectionId ? { connectionId } : {}) }
    this.waiting.push(signIn)
    return this.page(signIn)
  }

  /**
   * Answers the newest sign-in (of `provider`, if given) once its window shows its page: approved
   * on its last page, with the connection `finish` makes. Resolves to that connection, if any.
   */
  async complete(
    answer: { approve?: boolean; provider?: string; reason?: string },
    using: { finish: (signIn: MemorySignIn) => Connection; describe: () => string },
  ): Promise<Connection | undefined> {
    // The newest: an abandoned sign-in's window is gone. One between pages has no page yet.
    const signIn = await waitUntil(
      () => this.waiting.findLast((candidate) => candidate.url !== '' && (!answer.provider || candidate.provider === answer.provider)),
      () => `no sign-in${answer.provider ? ` to ${answer.provider}` : ''} is waiting to be completed (${using.describe()}).`,
    )
    const approved = answer.approve ?? true
    const url = signIn.url
    signIn.pagesLeft -= 1
    signIn.url = ''
    const done = !approved || signIn.pagesLeft <= 0
    if (done) this.waiting.splice(this.waiting.indexOf(signIn), 1)
    const connection = approved && done ? using.finish(signIn) : undefined
    if (signIn.kind === 'steps') signIn.made = connection
    const message: PageAnswer = {
      plugboardMemorySignIn: signIn.id,
      approved,
      ...(connection ? { connectionId: connection.id } : {}),
      ...(answer.reason ? { reason: answer.reason } : {}),
    }
    await answerSignIn((page) => page.href === url, ORIGIN, message)
    return connection
  }

  /** A page of a sign-in, and the protocol that reads its answer. */
  private page(signIn: MemorySignIn): RedirectStep {
    const url = new URL('/authorize', ORIGIN)
    url.search = new URLSearchParams({ provider: signIn.provider, signIn: signIn.id, page: String(signIn.pagesLeft) }).toString()
    signIn.url = url.href
    const protocol: PopupProtocol = {
      origin: ORIGIN,
      read: (data) => {
        const answer = data as Partial<PageAnswer> | null
        if (!answer || typeof answer !== 'object' || answer.plugboardMemorySignIn !== signIn.id) return undefined
        if (!answer.approved) return { kind: 'refused', reason: answer.reason }
        if (signIn.kind === 'oauth') return { kind: 'authorized', connectionId: answer.connectionId }
        return { kind: 'continue', next: async (): Promise<SignInStep> => (signIn.made ? { kind: 'connection', connection: signIn.made } : this.page(signIn)) }
      },
    }
    return { kind: 'redirect', url: signIn.url, protocol }
  }
}
