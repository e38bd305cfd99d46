/** Base64url without padding, from bytes. Web APIs only, so the platform also runs in a browser (MSW). */
export function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** A random token of `bytes` random bytes, base64url-encoded. */
export function randomToken(bytes: number): string {
  return base64url(globalThis.crypto.getRandomValues(new Uint8Array(bytes)))
}

/** The PKCE S256 challenge of a verifier. */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return base64url(new Uint8Array(digest))
}
