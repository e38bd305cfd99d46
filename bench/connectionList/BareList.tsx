import type { Connection } from '../../src/index'
import { benchProviders } from './benchBackend'

const names = new Map(benchProviders.map((spec) => [spec.id, spec.displayName]))
const statusWords: Record<string, string> = { working: 'Working', created: 'Connected', bad_credentials: 'Credentials need attention' }
const schemeWords: Record<string, string> = { apiKey: 'API key', basic: 'Username and password', 'oauth2/authorizationCode': 'OAuth sign-in' }
const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/**
 * The baseline: the same rows and columns of text as `ConnectionList` (names, status and method in
 * words, both times, a Reconnect and a Delete button), in a plain table with no kit: no context,
 * no queries, no hooks.
 */
export function BareList({ connections }: { connections: Connection[] }) {
  return (
    <section>
      <h2>Connected accounts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Status</th>
            <th scope="col">Sign-in method</th>
            <th scope="col">Connected</th>
            <th scope="col">Updated</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {connections.map((connection) => (
            <tr key={connection.id}>
              <th scope="row">
                {names.get(connection.provider)}
                {connection.name ? <span>{connection.name}</span> : null}
                {connection.providerWorkspaceRef ? <span>{connection.providerWorkspaceRef}</span> : null}
              </th>
              <td>{statusWords[connection.status]}</td>
              <td>{schemeWords[connection.authScheme]}</td>
              <td>
                <time dateTime={connection.createTime}>{format.format(new Date(connection.createTime))}</time>
              </td>
              <td>{connection.updateTime ? <time dateTime={connection.updateTime}>{format.format(new Date(connection.updateTime))}</time> : '—'}</td>
              <td>
                <button type="button">Reconnect</button>
                <button type="button">Delete</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
