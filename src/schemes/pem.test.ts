import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { defaultMessages as messages } from '../model/messages'
import { checkPem, keyAlgorithm, loadedKeyAlgorithm, parsePem, readPemFile } from './pem'

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/pem/${name}`, import.meta.url), 'utf8')
const bytes = (name: string) => readFileSync(new URL(`../../test/fixtures/pem/${name}`, import.meta.url))

describe('checkPem', () => {
  test('a certificate, a chain, CRLF line ends and surrounding blank lines are accepted', () => {
    expect(checkPem(fixture('client.pem'), 'certificate', messages)).toBeUndefined()
    expect(checkPem(fixture('chain.pem'), 'certificate', messages)).toBeUndefined()
    expect(checkPem(`\r\n${fixture('chain.pem').replace(/\n/g, '\r\n')}\r\n`, 'certificate', messages)).toBeUndefined()
    expect((parsePem(fixture('chain.pem')) as { blocks: unknown[] }).blocks).toHaveLength(2)
  })

  test('every private key format is accepted in a key field', () => {
    for (const name of ['client-key.pem', 'rsa-legacy-key.pem', 'ec-key.pem', 'ed25519-key.pem']) {
      expect(checkPem(fixture(name), 'privateKey', messages), name).toBeUndefined()
    }
  })

  test('a private key pasted into a certificate field is refused, and a certificate into a key field', () => {
    expect(checkPem(fixture('client-key.pem'), 'certificate', messages)).toBe(messages.pemKeyInCertificate)
    expect(checkPem(`${fixture('client.pem')}\n${fixture('client-key.pem')}`, 'certificate', messages)).toBe(messages.pemKeyInCertificate)
    expect(checkPem(fixture('client.pem'), 'privateKey', messages)).toBe('This is a certificate, not a private key.')
  })

  test('an encrypted key gets "remove the passphrase first", in both encodings', () => {
    expect(checkPem(fixture('encrypted-key.pem'), 'privateKey', messages)).toBe(messages.pemEncryptedKey)
    expect(checkPem(fixture('legacy-encrypted-key.pem'), 'privateKey', messages)).toBe(messages.pemEncryptedKey)
    expect(messages.pemEncryptedKey).toContain('Remove the passphrase first')
  })

  test('each malformed text gets its own message', () => {
    const cert = fixture('client.pem')
    expect(checkPem('hello', 'certificate', messages)).toBe('Paste the whole text, starting with the line -----BEGIN CERTIFICATE-----.')
    expect(checkPem(`Bag Attributes\n${cert}`, 'certificate', messages)).toBe(messages.pemStray)
    expect(checkPem('', 'certificate', messages)).toBe('Paste the whole text, starting with the line -----BEGIN CERTIFICATE-----.')
    expect(checkPem(cert.replace(/-----END CERTIFICATE-----\s*$/, ''), 'certificate', messages)).toBe('The last line, -----END CERTIFICATE-----, is missing. Paste the whole text.')
    expect(checkPem(cert.replace('END CERTIFICATE', 'END PRIVATE KEY'), 'certificate', messages)).toBe(
      'The text starts with -----BEGIN CERTIFICATE----- but ends with -----END PRIVATE KEY-----. Both lines must name the same thing.',
    )
    const lines = cert.split('\n')
    lines[3] = lines[3]!.replace(/^./, '%')
    expect(checkPem(lines.join('\n'), 'certificate', messages)).toBe(messages.pemBadBody)
    expect(checkPem(`${fixture('client-key.pem')}${fixture('ec-key.pem')}`, 'privateKey', messages)).toBe(messages.pemOneKey)
    expect(checkPem('-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----', 'certificate', messages)).toBe('This is a public key, not a certificate.')
  })

  test('a JWT signing key may be a private key or a shared secret', () => {
    expect(checkPem('a-shared-secret', 'privateKeyOrSecret', messages)).toBeUndefined()
    expect(checkPem(fixture('ec-key.pem'), 'privateKeyOrSecret', messages)).toBeUndefined()
    expect(checkPem(fixture('encrypted-key.pem'), 'privateKeyOrSecret', messages)).toBe(messages.pemEncryptedKey)
  })
})

describe('loaded keys', () => {
  test("the key's algorithm is read from its label or its PKCS#8 identifier", () => {
    const algorithm = (name: string) => keyAlgorithm((parsePem(fixture(name)) as { blocks: [never] }).blocks[0])
    expect(['client-key.pem', 'rsa-legacy-key.pem', 'ec-key.pem', 'ed25519-key.pem'].map(algorithm)).toEqual(['RSA', 'RSA', 'EC', 'Ed25519'])
  })

  test('only a single usable private key counts as loaded', () => {
    expect(loadedKeyAlgorithm(fixture('client-key.pem'))).toBe('RSA')
    expect(loadedKeyAlgorithm(fixture('encrypted-key.pem'))).toBeUndefined()
    expect(loadedKeyAlgorithm(fixture('client.pem'))).toBeUndefined()
    expect(loadedKeyAlgorithm('not pem')).toBeUndefined()
  })
})

describe('readPemFile', () => {
  test('PEM text comes back as text (a byte order mark dropped); DER and PKCS#12 come back as binary', async () => {
    expect(await readPemFile(new Blob([bytes('client.pem')]))).toEqual({ text: fixture('client.pem') })
    expect(await readPemFile(new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), bytes('ca.pem')]))).toEqual({ text: fixture('ca.pem') })
    expect(await readPemFile(new Blob([bytes('client.der')]))).toEqual({ binary: true })
    expect(await readPemFile(new Blob([bytes('client.p12')]))).toEqual({ binary: true })
  })
})
