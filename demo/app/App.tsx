import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { ampersand, ConnectButton, ConnectionList, ConnectProvider, ProviderGallery, useProviderGallery, useProviderSpec } from '@plugboard/react'
import type { Connection } from '@plugboard/react'
import '@plugboard/react/styles.css'
import { VersoriPage } from './VersoriPage'
import type { VersoriDemoConfig } from './VersoriPage'

declare const __DEMO_CONFIG__: { project: string; apiKey: string; groupRef: string; consumerRef: string; baseUrl: string; versori: VersoriDemoConfig }

/** Which platform the page shows: `#versori`, else Ampersand. */
const useTab = () =>
  useSyncExternalStore(
    (notify) => {
      window.addEventListener('hashchange', notify)
      return () => window.removeEventListener('hashchange', notify)
    },
    () => (location.hash === '#versori' ? 'versori' : 'ampersand'),
  )

/** The integrations the fictional app offers, one per sign-in method the kit supports. */
const integrations = [
  { provider: 'hubspot', blurb: 'Sync contacts and deals.', method: 'OAuth sign-in' },
  { provider: 'salesforce', blurb: 'Sync accounts from your org.', method: 'OAuth with PKCE and a workspace' },
  { provider: 'adobe', blurb: 'Pull campaign audiences.', method: 'OAuth client credentials' },
  { provider: 'sugarCRM', blurb: 'Import leads.', method: 'OAuth password grant' },
  { provider: 'openAI', blurb: 'Draft follow-up emails.', method: 'API key' },
  { provider: 'mailgun', blurb: 'Send transactional mail.', method: 'Basic auth' },
  { provider: 'freshdesk', blurb: 'See support tickets.', method: 'Basic auth and a domain' },
  { provider: 'acmeErp', blurb: 'Match invoices to deals.', method: 'Custom inputs with a select' },
  { provider: 'redtail', blurb: 'Link advisor records.', method: 'Custom inputs, exchanged server-side (multi-step)' },
  { provider: 'microsoftAdminConsent', blurb: 'Read your organisation’s directory.', method: 'Admin consent in a window (multi-step)' },
  { provider: 'acmeSso', blurb: 'Sign your team in with Acme SSO.', method: 'A domain, then consent (multi-step)' },
]

export function App() {
  // ?apiKey= lets you see what a wrong key looks like.
  const apiKey = new URLSearchParams(location.search).get('apiKey') ?? __DEMO_CONFIG__.apiKey
  const backend = useMemo(() => ampersand({ project: __DEMO_CONFIG__.project, apiKey, baseUrl: __DEMO_CONFIG__.baseUrl }), [apiKey])
  const [notice, setNotice] = useState('')
  const tab = useTab()
  // Display names the cards have loaded from the catalog, for the notices.
  const names = useRef(new Map<string, string>())
  const nameOf = (provider: string) => names.current.get(provider) ?? provider

  return (
    <div className="shell">
      <aside className="nav" aria-label="Settings">
        <div className="logo">Northwind CRM</div>
        <nav>
          <a href="#profile">Profile</a>
          <a href="#team">Team</a>
          <a href="#billing">Billing</a>
          <a aria-current="page" href="#integrations">Integrations</a>
        </nav>
      </aside>
      <main className="content">
        <header>
          <h1>Integrations</h1>
          <p>Connect the tools Acme Inc. already uses. Each connection belongs to you, Ada.</p>
        </header>
        <nav className="tabs" aria-label="Platform">
          <a href="#ampersand" aria-current={tab === 'ampersand' ? 'page' : undefined} onClick={() => setNotice('')}>
            Ampersand
          </a>
          <a href="#versori" aria-current={tab === 'versori' ? 'page' : undefined} onClick={() => setNotice('')}>
            Versori
          </a>
        </nav>
        <p className="notice" role="status">{notice}</p>
        {tab === 'versori' ? (
          <VersoriPage config={__DEMO_CONFIG__.versori} onNotice={setNotice} />
        ) : (
          <ConnectProvider backend={backend} groupRef={__DEMO_CONFIG__.groupRef} groupName="Acme Inc." consumerRef={__DEMO_CONFIG__.consumerRef} consumerName="Ada Lovelace">
            <section aria-label="Available integrations" className="grid">
              {integrations.map((integration) => (
                <IntegrationCard key={integration.provider} {...integration} names={names.current} onNotice={setNotice} />
              ))}
            </section>
            <CatalogGallery onNotice={setNotice} />
            <ConnectionList onDelete={(connection) => setNotice(`Deleted the ${nameOf(connection.provider)} connection.`)} />
          </ConnectProvider>
        )}
      </main>
    </div>
  )
}

/**
 * Every provider of the platform's catalog, searchable, with the connected ones marked. The notice
 * names a provider from the gallery's own list (`useProviderGallery` reads the same cached query).
 */
function CatalogGallery({ onNotice }: { onNotice: (text: string) => void }) {
  const { providers } = useProviderGallery()
  const nameOf = (provider: string) => providers.find((listing) => listing.id === provider)?.displayName ?? provider
  return (
    <ProviderGallery
      title="Browse every app"
      onSuccess={(connection) => onNotice(`Connected ${nameOf(connection.provider)}.`)}
      onCancel={() => onNotice('')}
    />
  )
}

/** One integration: its name from the catalog (the key until the catalog answers), what it does, and the kit's button. */
function IntegrationCard({ provider, blurb, method, names, onNotice }: (typeof integrations)[number] & { names: Map<string, string>; onNotice: (text: string) => void }) {
  const name = useProviderSpec(provider).data?.displayName ?? provider
  useEffect(() => {
    names.set(provider, name)
  }, [names, provider, name])
  const connected = (_connection: Connection) => onNotice(`Connected ${name}.`)
  return (
    <article className="card" data-provider={provider} aria-labelledby={`card-${provider}`}>
      <h2 id={`card-${provider}`}>{name}</h2>
      <p className="blurb">{blurb}</p>
      <p className="method">{method}</p>
      <ConnectButton provider={provider} onSuccess={connected} onCancel={() => onNotice('')} />
    </article>
  )
}
