import type { AmpersandProviderName } from '@plugboard/react'
import { currentSession } from '../lib/session'
import { Integrations } from './Integrations'
import type { AmpersandConfig } from './Integrations'

/** The providers this app offers; the kit's bundled catalog names autocomplete here. */
const providers: AmpersandProviderName[] = ['salesforce', 'hubspot', 'openAI']

/**
 * The Integrations page, a Server Component. It decides everything the browser may not: which
 * organisation and person the connections belong to, and which Ampersand project to use. All of it
 * is plain data; the backend itself (an object of functions) is built in the client component.
 */
export default async function IntegrationsPage() {
  const { org, user } = await currentSession()
  const config: AmpersandConfig = {
    project: process.env.AMPERSAND_PROJECT ?? 'my-project',
    ...(process.env.AMPERSAND_BASE_URL ? { baseUrl: process.env.AMPERSAND_BASE_URL } : {}),
  }
  return (
    <main>
      <h1>Integrations</h1>
      <Integrations config={config} org={org} user={user} providers={providers} />
    </main>
  )
}
