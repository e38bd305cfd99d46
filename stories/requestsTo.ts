import type { RecordedRequest } from '../test/fakePlatform'
import { platform } from '../test/platform'

/**
 * What the fake platform received during this story for one method and path (a string the path
 * ends with, or a pattern), oldest first. The preview resets the record before every story.
 *
 * @example
 * await expect(requestsTo('POST', '/connections:generate')).toHaveLength(1)
 */
export function requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
  const matches = (actual: string) => (typeof path === 'string' ? actual.endsWith(path) : path.test(actual))
  return platform.requests.filter((request) => request.method === method && matches(request.path))
}

/** The JSON body of the only request to `method` + `path`; throws when there is not exactly one. */
export function onlyBodyTo(method: string, path: string | RegExp): Record<string, unknown> {
  const matching = requestsTo(method, path)
  if (matching.length !== 1) {
    throw new Error(`Expected one ${method} ${String(path)} request; the fake platform received ${matching.length}.`)
  }
  return matching[0]!.body as Record<string, unknown>
}
