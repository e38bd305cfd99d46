// Web APIs only: the Versori platform also runs inside MSW in a browser.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** What the contract's `format: ulid` means: 26 Crockford base32 characters, the first at most `7`. */
export const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/

/** A new ULID: 48 bits of milliseconds, then 80 random bits. */
export function newUlid(now: number = Date.now()): string {
  let time = ''
  let rest = now
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[rest % 32]! + time
    rest = Math.floor(rest / 32)
  }
  // 256 is a multiple of 32, so `byte % 32` is unbiased.
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  let random = ''
  for (const byte of bytes) random += CROCKFORD[byte % 32]!
  return time + random
}
