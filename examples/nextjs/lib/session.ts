/** The signed-in person and the customer organisation they act for. */
export interface Session {
  org: { id: string; name: string }
  user: { id: string; name: string }
}

/**
 * The current session. A stand-in: read your own (a session cookie, Auth.js, Clerk…) here; the
 * page and the token route both ask it, so the browser never chooses whose connections it sees.
 */
export async function currentSession(): Promise<Session> {
  return { org: { id: 'org_northwind', name: 'Northwind' }, user: { id: 'user_ada', name: 'Ada Lovelace' } }
}
