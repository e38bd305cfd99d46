import { useMemo, useState } from 'react'
import { ConnectButton, ConnectionList, ConnectProvider, ProviderGallery, useProviderSpec, versori } from '@plugboard/react'

/** What the demo server tells the page about its reference Versori platform. */
export interface VersoriDemoConfig {
  baseUrl: string
  callbackOrigin: string
  organisationId: string
  projectId: string
  environmentId: string
  apiKey: string
  externalId: string
  templates: { id: string; name: string }[]
}

/** What each demo template shows, and what to type so Acme, the stand-in provider, accepts it. */
const guide: Record<string, { blurb: string; hint: string }> = {
  'Acme API key': { blurb: 'An API key sent in the X-Api-Key header.', hint: 'Any key works; “wrong” is refused.' },
  'Acme Basic': { blurb: 'Username and password, sent as Basic auth.', hint: 'Any username and password; “wrong” is refused.' },
  'Acme Secret': { blurb: 'An opaque secret, sent as a bearer token.', hint: 'Any secret; “wrong” is refused.' },
  'Acme Webhooks': { blurb: 'HMAC-SHA256 signatures for webhooks.', hint: 'Generate a secret; Acme verifies a signed request.' },
  'Acme JWT': { blurb: 'A key that signs JWT bearer assertions.', hint: 'Upload demo/fixtures/jwt/rsa-private.pem, or type a shared secret.' },
  'Acme mTLS': { blurb: 'A client certificate for mutual TLS.', hint: 'Upload client.pem, client-key.pem and ca.pem from demo/fixtures/mtls/.' },
  'Acme Client Credentials': { blurb: 'OAuth 2 client credentials.', hint: 'Client demo-cc, secret demo-cc-secret.' },
  'Acme Password': { blurb: 'OAuth 2 password grant; the platform holds the client.', hint: 'ada@example.com / plugboard' },
  'Acme OAuth': { blurb: 'OAuth 2 sign-in through Versori’s hosted callback page.', hint: 'Sign in as ada@example.com / plugboard, then Allow.' },
  'Acme OAuth 1 token': { blurb: 'An OAuth 1 token you already have.', hint: 'Token acme-token, secret acme-token-secret.' },
  'Legacy OAuth 1': { blurb: '3-legged OAuth 1, which Versori’s API cannot start.', hint: 'Shows why it is not available here.' },
  'Acme Regions': { blurb: 'Two keys to choose from: Production or Sandbox.', hint: 'Any key works.' },
  'Acme Secure OAuth': { blurb: 'Client credentials over mTLS: two credentials at once.', hint: 'demo-cc / demo-cc-secret, plus the mTLS files.' },
  'Acme (no auth)': { blurb: 'No credentials at all.', hint: 'Just connect.' },
}

/**
 * The Versori tab: the same kit components over the `versori()` adapter, one button per connection
 * template of the demo project. Versori's API cannot delete; this host supplies a delete through the
 * reference platform's documented extension, standing in for the host's own server.
 */
export function VersoriPage({ config, onNotice }: { config: VersoriDemoConfig; onNotice: (text: string) => void }) {
  const [names] = useState(() => new Map(config.templates.map((template) => [template.id, template.name])))
  const backend = useMemo(
    () =>
      versori({
        organisationId: config.organisationId,
        projectId: config.projectId,
        environmentId: config.environmentId,
        baseUrl: config.baseUrl,
        callbackOrigin: config.callbackOrigin,
        token: config.apiKey,
        deleteConnection: async (connectionId) => {
          const response = await fetch(`${config.baseUrl}/o/${config.organisationId}/connections/${encodeURIComponent(connectionId)}`, {
            method: 'DELETE',
            headers: { Authorization: `Bearer ${config.apiKey}` },
          })
          if (!response.ok) throw new Error(`Delete failed (HTTP ${response.status}).`)
        },
      }),
    [config],
  )
  return (
    <ConnectProvider backend={backend} consumerRef={config.externalId} consumerName="Ada Lovelace">
      <section aria-label="Versori connection templates" className="grid">
        {config.templates.map((template) => (
          <TemplateCard key={template.id} id={template.id} name={template.name} onNotice={onNotice} />
        ))}
      </section>
      <ProviderGallery
        title="Search the templates"
        onSuccess={(connection) => {
          const shown = names.get(connection.provider) ?? connection.provider
          onNotice(`Connected ${shown} as “${connection.name ?? shown}”.`)
        }}
        onCancel={() => onNotice('')}
      />
      <ConnectionList onDelete={(connection) => onNotice(`Deleted the ${names.get(connection.provider) ?? connection.provider} connection.`)} />
    </ConnectProvider>
  )
}

function TemplateCard({ id, name, onNotice }: { id: string; name: string; onNotice: (text: string) => void }) {
  const shown = useProviderSpec(id).data?.displayName ?? name
  const about = guide[name]
  return (
    <article className="card" data-provider={id} data-template={name} aria-labelledby={`card-${id}`}>
      <h2 id={`card-${id}`}>{shown}</h2>
      {about ? <p className="blurb">{about.blurb}</p> : null}
      {about ? <p className="method">{about.hint}</p> : null}
      <ConnectButton provider={id} onSuccess={(connection) => onNotice(`Connected ${shown} as “${connection.name ?? shown}”.`)} onCancel={() => onNotice('')} />
    </article>
  )
}
