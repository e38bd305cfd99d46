import type { ProviderSpec } from '../model/ProviderSpec'

/**
 * Providers for {@link createMemoryBackend}, in the kit's neutral model: one per credential kind
 * beyond Ampersand's (`vaultly` secret, `hookrelay` HMAC, `tokenforge` JWT bearer, `ledgerbank`
 * client certificate, `quillpress` OAuth 1 token) and `paystream`, with three sign-in methods, a
 * connection name and a base URL.
 *
 * @example
 * const memory = createMemoryBackend({ providers: sampleProviders })
 */
export const sampleProviders: ProviderSpec[] = [
  {
    id: 'vaultly',
    displayName: 'Vaultly',
    methods: [{ id: 'secret', flow: 'form', parts: [{ scheme: 'secret' }] }],
    connectionFields: [],
  },
  {
    id: 'hookrelay',
    displayName: 'HookRelay',
    methods: [
      {
        id: 'hmac',
        flow: 'form',
        parts: [{ scheme: 'hmac', algorithm: 'sha256', encoding: 'hex', digestInputs: ['body', 'url'], placement: { in: 'header', name: 'X-Signature' } }],
      },
    ],
    connectionFields: [],
  },
  {
    id: 'tokenforge',
    displayName: 'TokenForge',
    methods: [{ id: 'jwt', flow: 'form', parts: [{ scheme: 'jwtBearer' }] }],
    connectionFields: [],
  },
  {
    id: 'ledgerbank',
    displayName: 'Ledger Bank',
    methods: [{ id: 'mtls', label: 'Client certificate (mTLS)', flow: 'form', parts: [{ scheme: 'certificate', caRequired: true }] }],
    connectionFields: [],
  },
  {
    id: 'quillpress',
    displayName: 'QuillPress',
    methods: [
      {
        id: 'oauth1',
        flow: 'form',
        parts: [
          {
            scheme: 'oauth1/token',
            params: [{ name: 'realm', label: 'Realm', required: false, help: 'Your account ID, as in `1234567_SB1`.' }],
          },
        ],
      },
    ],
    connectionFields: [],
  },
  {
    id: 'paystream',
    displayName: 'PayStream',
    methods: [
      { id: 'prod-key', label: 'Production key', flow: 'form', parts: [{ scheme: 'apiKey', placement: { in: 'header', name: 'X-API-Key' } }] },
      { id: 'sandbox-key', label: 'Sandbox key', flow: 'form', parts: [{ scheme: 'apiKey', placement: { in: 'header', name: 'X-API-Key' } }] },
      { id: 'basic', flow: 'form', parts: [{ scheme: 'basic' }] },
    ],
    connectionFields: [
      { name: 'name', label: 'Connection name', role: 'connectionName', defaultValue: 'PayStream – Ada Lovelace' },
      { name: 'baseUrl', label: 'Base URL', role: 'baseUrl', required: false, help: 'Leave empty for `https://api.paystream.test`.' },
    ],
  },
]
