import type { Connection } from '../model/ConnectBackend'

const stamp = (connection: Connection) => connection.updateTime ?? connection.createTime

/**
 * The connection a sign-in created or refreshed: the newest one in `after` that is missing from
 * `before` or was updated since. Compares the platform's own times with each other, never with the
 * browser's clock, which may be off.
 */
export function changedConnection(before: Connection[], after: Connection[]): Connection | undefined {
  const changed = after.filter((connection) => {
    const earlier = before.find((candidate) => candidate.id === connection.id)
    return !earlier || stamp(earlier) !== stamp(connection)
  })
  return changed.sort((a, b) => stamp(b).localeCompare(stamp(a)))[0]
}
