// Versori's ids are ULIDs: 48 bits of milliseconds, then 80 random bits, in Crockford's base 32.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A new ULID, as Versori makes its ids. */
export function ulid(): string {
  let time = ''
  for (let rest = Date.now(), i = 0; i < 10; i++, rest = Math.floor(rest / 32)) time = CROCKFORD[rest % 32] + time
  let random = ''
  // 256 is a multiple of 32: every character equally likely.
  for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(16))) random += CROCKFORD[byte % 32]
  return time + random
}
