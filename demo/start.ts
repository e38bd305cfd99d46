import type { Server } from 'node:http'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import react from '@vitejs/plugin-react'
import { createServer as createViteServer } from 'vite'
import type { ViteDevServer } from 'vite'
import { startAcme } from './server/acmeApi'
import type { RunningAcme } from './server/acmeApi'
import { createAuthServer, versoriAuthClients } from './server/authServer'
import { CALLBACK_PATH, createPlatform } from './server/platform'
import { createVersoriChecks } from './server/versori/checks'
import { versoriContract } from './server/versori/contract.node.js'
import { createVersoriPlatform, VERSORI_CALLBACK_PATH } from './server/versori/platform'
import type { VersoriPlatform } from './server/versori/platform'
import { demoClients, demoSeed, demoTemplates } from './server/versori/templates'
import { VERSORI_DEMO } from './server/versori/types'

/** The demo's fixed identities: documented in the README. */
export const DEMO = {
  project: 'demo',
  apiKey: 'demo-api-key',
  groupRef: 'acme',
  consumerRef: 'ada',
  client: { id: 'plugboard-platform', secret: 'demo-client-secret' },
} as const

/** Ports of the demo's servers. */
export interface DemoPorts {
  app: number
  platform: number
  auth: number
  /** The reference Versori platform: its own origin, as Versori's hosted callback page has in production. */
  versori: number
  /** Acme, the stand-in provider Versori credentials are checked against (HTTP). */
  acme: number
  /** Acme's mutual-TLS endpoint. */
  acmeMtls: number
}

/**
 * Ports from DEMO_APP_PORT, DEMO_PLATFORM_PORT, DEMO_AUTH_PORT, DEMO_VERSORI_PORT, DEMO_ACME_PORT and
 * DEMO_ACME_MTLS_PORT, else 4000, 4010, 4011, 4012, 4013 and 4014.
 */
export function portsFromEnv(env: NodeJS.ProcessEnv = process.env): DemoPorts {
  const port = (name: string, fallback: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 1 || value > 65_535) throw new Error(`${name}=${raw} is not a port number (1-65535).`)
    return value
  }
  return {
    app: port('DEMO_APP_PORT', 4000),
    platform: port('DEMO_PLATFORM_PORT', 4010),
    auth: port('DEMO_AUTH_PORT', 4011),
    versori: port('DEMO_VERSORI_PORT', 4012),
    acme: port('DEMO_ACME_PORT', 4013),
    acmeMtls: port('DEMO_ACME_MTLS_PORT', 4014),
  }
}

const HOST = '127.0.0.1'

function listen(server: Server, port: number, what: string, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} (${what}) is already in use. Stop what is using it, or set ${variable} to another port.`)
          : error,
      ),
    )
    server.listen(port, HOST, () => resolve())
  })
}

async function waitUntilAnswering(url: string, what: string) {
  const deadline = Date.now() + 20_000
  for (;;) {
    try {
      const response = await fetch(url)
      if (response.status < 500) return
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not answer at ${url} within 20 s.`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** A running demo: its URLs, the platform (for tests) and a way to stop everything. */
export interface RunningDemo {
  urls: { app: string; platform: string; auth: string; versori: string; acme: string; acmeMtls: string }
  platform: ReturnType<typeof createPlatform>
  /** The reference Versori platform (for tests: its store, faults and reset). */
  versori: VersoriPlatform
  stop(): Promise<void>
}

/**
 * Starts the reference platform, the OAuth 2 authorization server and the demo app (Vite), waits
 * until all three answer, and returns their URLs.
 */
export async function startDemo(ports: DemoPorts = portsFromEnv(), options: { logLevel?: 'info' | 'silent' } = {}): Promise<RunningDemo> {
  const urls = {
    app: `http://localhost:${ports.app}`,
    platform: `http://localhost:${ports.platform}`,
    auth: `http://localhost:${ports.auth}`,
    versori: `http://localhost:${ports.versori}`,
    acme: `http://localhost:${ports.acme}`,
    acmeMtls: `https://localhost:${ports.acmeMtls}`,
  }
  const closers: (() => Promise<void>)[] = []
  const stop = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined)
  }
  try {
    const auth = createAuthServer({
      issuer: urls.auth,
      client: { ...DEMO.client, redirectUri: `${urls.platform}${CALLBACK_PATH}` },
      clients: versoriAuthClients({ codeRedirectUris: [`${urls.versori}${VERSORI_CALLBACK_PATH}`] }),
    })
    await listen(auth.server, ports.auth, 'authorization server', 'DEMO_AUTH_PORT')
    closers.push(() => new Promise((resolve) => auth.server.close(() => resolve())))

    const platform = createPlatform({
      origin: urls.platform,
      appOrigin: urls.app,
      authorization: { kind: 'oauth', issuer: urls.auth, client: DEMO.client },
      project: DEMO.project,
      apiKey: DEMO.apiKey,
      seed: { groupRef: DEMO.groupRef, consumerRef: DEMO.consumerRef },
    })
    const platformServer = serve({ fetch: platform.app.fetch, port: ports.platform, hostname: HOST, autoListen: false } as Parameters<typeof serve>[0]) as unknown as Server
    await listen(platformServer, ports.platform, 'platform', 'DEMO_PLATFORM_PORT')
    closers.push(() => new Promise((resolve) => platformServer.close(() => resolve())))

    const acme: RunningAcme = await startAcme({ http: ports.acme, mtls: ports.acmeMtls })
    closers.push(() => acme.stop())
    const versori = createVersoriPlatform({
      contract: versoriContract,
      origin: urls.versori,
      appOrigin: urls.app,
      organisationId: VERSORI_DEMO.organisationId,
      projectId: VERSORI_DEMO.projectId,
      environmentId: VERSORI_DEMO.environmentId,
      apiKey: VERSORI_DEMO.apiKey,
      templates: demoTemplates({ issuer: urls.auth, apiBaseUrl: acme.url }),
      authorization: { kind: 'oauth', issuer: urls.auth },
      clients: demoClients(),
      checkCredential: createVersoriChecks({ acmeUrl: acme.url, acmeMtlsUrl: acme.mtlsUrl, mtlsCa: acme.mtlsCa }),
      seed: demoSeed(),
    })
    const versoriServer = serve({ fetch: versori.app.fetch, port: ports.versori, hostname: HOST, autoListen: false } as Parameters<typeof serve>[0]) as unknown as Server
    await listen(versoriServer, ports.versori, 'Versori platform', 'DEMO_VERSORI_PORT')
    closers.push(() => new Promise((resolve) => versoriServer.close(() => resolve())))

    const root = fileURLToPath(new URL('.', import.meta.url))
    const vite: ViteDevServer = await createViteServer({
      configFile: false,
      root: `${root}app`,
      logLevel: options.logLevel === 'silent' ? 'silent' : 'warn',
      plugins: [react()],
      resolve: {
        alias: [
          { find: '@plugboard/react/styles.css', replacement: `${root}../src/styles.css` },
          { find: '@plugboard/react', replacement: `${root}../src/index.ts` },
        ],
      },
      define: {
        __DEMO_CONFIG__: JSON.stringify({
          ...DEMO,
          client: undefined,
          baseUrl: `${urls.platform}/v1`,
          versori: {
            baseUrl: versori.baseUrl,
            callbackOrigin: urls.versori,
            organisationId: VERSORI_DEMO.organisationId,
            projectId: VERSORI_DEMO.projectId,
            environmentId: VERSORI_DEMO.environmentId,
            apiKey: VERSORI_DEMO.apiKey,
            externalId: VERSORI_DEMO.externalId,
            templates: versori.templates.map((template) => ({ id: template.connectionTemplateId, name: template.name })),
          },
        }),
      },
      server: { port: ports.app, strictPort: true, host: HOST },
    })
    await vite.listen().catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE' || /already in use/i.test(error.message)
        ? new Error(`Port ${ports.app} (demo app) is already in use. Stop what is using it, or set DEMO_APP_PORT to another port.`)
        : error
    })
    closers.push(() => vite.close())

    await Promise.all([
      waitUntilAnswering(`${urls.auth}/.well-known/openid-configuration`, 'The authorization server'),
      waitUntilAnswering(`${urls.platform}/v1/providers/mock`, 'The platform'),
      waitUntilAnswering(versori.baseUrl, 'The Versori platform'),
      waitUntilAnswering(urls.app, 'The demo app'),
    ])
    return { urls, platform, versori, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
