// Versori's API wants client-made ULIDs for credential ids: 48 bits of milliseconds, then 80
// random bits, in Crockford's base 32.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A new ULID (26 characters) from the current time and `crypto.getRandomValues`. */
export function ulid(now: number = Date.now()): string {
  let time = ''
  let rest = now
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[rest % 32] + time
    rest = Math.floor(rest / 32)
  }
  // 256 is a multiple of 32, so masking a byte keeps every character equally likely.
  const random = crypto.getRandomValues(new Uint8Array(16))
  let tail = ''
  for (const byte of random) tail += ALPHABET[byte & 31]
  return time + tail
}
