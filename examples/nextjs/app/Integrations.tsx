'use client'
import { ampersand, ConnectButton, ConnectionList, ConnectProvider } from '@plugboard/react'
import type { AmpersandProviderName, Connection } from '@plugboard/react'
import { useState } from 'react'
import type { Session } from '../lib/session'

/** What the server tells the browser about the platform: plain data, never a key or a function. */
export interface AmpersandConfig {
  /** The Ampersand project id or name. */
  project: string
  /** The API base URL. @default Ampersand's */
  baseUrl?: string
}

/** Props of {@link Integrations}: everything is serialisable, so a Server Component can pass it. */
export interface IntegrationsProps extends Session {
  config: AmpersandConfig
  providers: AmpersandProviderName[]
}

/**
 * The kit on the page: builds the Ampersand backend once, in the browser, with tokens from this
 * app's `/api/token` route, then renders a button per provider and the connection list.
 */
export function Integrations({ config, org, user, providers }: IntegrationsProps) {
  const [backend] = useState(() => ampersand({ ...config, getToken: fetchToken }))
  const [connected, setConnected] = useState<Connection>()
  return (
    <ConnectProvider backend={backend} groupRef={org.id} groupName={org.name} consumerRef={user.id} consumerName={user.name}>
      {providers.map((provider) => (
        <ConnectButton key={provider} provider={provider} onSuccess={setConnected} />
      ))}
      {connected && <p role="status">Connected {connected.provider}.</p>}
      <ConnectionList />
    </ConnectProvider>
  )
}

/** A short-lived platform token for the signed-in user, from this app's server, for each request. */
async function fetchToken(): Promise<string> {
  const response = await fetch('/api/token', { cache: 'no-store' })
  if (!response.ok) throw new Error(`The token route answered ${response.status}.`)
  return response.text()
}
