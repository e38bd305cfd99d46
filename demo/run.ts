import { DEMO, portsFromEnv, startDemo } from './start'
import { DEMO_USER } from './server/authServer'
import { VERSORI_DEMO } from './server/versori/types'

try {
  const demo = await startDemo(portsFromEnv())
  console.log(`
Plugboard demo is running.

  Open          ${demo.urls.app}
  Platform API  ${demo.urls.platform}/v1   (API key: ${DEMO.apiKey}, project: ${DEMO.project})
  Versori       ${demo.versori.baseUrl}   (API key: ${VERSORI_DEMO.apiKey}; the Versori tab: ${demo.urls.app}/#versori)
  Acme API      ${demo.urls.acme} and ${demo.urls.acmeMtls} (the stand-in provider Versori credentials are checked against)
  OAuth server  ${demo.urls.auth}   (sign in as ${DEMO_USER.email} / ${DEMO_USER.password})

The OAuth server keeps its sessions in memory, as its start-up warning says; that is on purpose here.
Press Ctrl-C to stop.`)
  let stopping = false
  const shutdown = async () => {
    if (stopping) return
    stopping = true
    console.log('\nStopping…')
    await demo.stop()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
} catch (error) {
  console.error(`\nThe demo could not start: ${(error as Error).message}`)
  process.exit(1)
}
