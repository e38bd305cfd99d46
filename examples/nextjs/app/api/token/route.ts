import { currentSession } from '../../../lib/session'

/**
 * A short-lived Ampersand token for the signed-in user (the kit's `getToken` calls this for its
 * requests). In production, sign a JWT of a few minutes here with the RSA key you registered with
 * Ampersand (its "JWT auth" guide); this example hands out the token in `AMPERSAND_TOKEN`.
 */
export async function GET(): Promise<Response> {
  const session = await currentSession()
  const token = process.env.AMPERSAND_TOKEN
  if (!session || !token) {
    return new Response('No platform token is configured (AMPERSAND_TOKEN).', { status: 503, headers: noStore })
  }
  return new Response(token, { headers: { ...noStore, 'Content-Type': 'text/plain; charset=utf-8' } })
}

const noStore = { 'Cache-Control': 'no-store' }
