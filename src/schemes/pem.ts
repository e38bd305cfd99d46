import type { CoreMessages } from '../model/messages'

// PEM text (RFC 7468) checked as the person types: labels that match, a base64 body, CRLF or LF,
// several blocks for a chain. Nothing here decodes more than the key's algorithm identifier.

/** One `-----BEGIN X----- … -----END X-----` block. */
export interface PemBlock {
  /** The label, e.g. `CERTIFICATE`, `PRIVATE KEY`, `RSA PRIVATE KEY`. */
  label: string
  /** RFC 1421 headers (`Proc-Type: 4,ENCRYPTED`), present on legacy encrypted keys. */
  headers: string[]
  /** The base64 body without line breaks. */
  body: string
}

/** Why a text is not well-formed PEM. */
export type PemProblem =
  | { code: 'missing' }
  | { code: 'unclosed'; label: string }
  | { code: 'mismatch'; begin: string; end: string }
  | { code: 'badBody' }
  | { code: 'stray' }

const BEGIN = /^-----BEGIN ([A-Z0-9 ]+)-----$/
const END = /^-----END ([A-Z0-9 ]+)-----$/
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** Splits PEM text into its blocks, or says what is wrong with it. */
export function parsePem(text: string): { blocks: PemBlock[] } | { problem: PemProblem } {
  // Text with no BEGIN line at all is not PEM with extras: say what PEM looks like.
  if (!text.includes('-----BEGIN ')) return { problem: { code: 'missing' } }
  const blocks: PemBlock[] = []
  let open: { label: string; headers: string[]; lines: string[] } | undefined
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!open) {
      if (line === '') continue
      const begin = BEGIN.exec(line)
      if (!begin) return { problem: { code: 'stray' } }
      open = { label: begin[1]!, headers: [], lines: [] }
      continue
    }
    const end = END.exec(line)
    if (end) {
      if (end[1] !== open.label) return { problem: { code: 'mismatch', begin: open.label, end: end[1]! } }
      const body = open.lines.join('')
      if (body === '' || !BASE64.test(body)) return { problem: { code: 'badBody' } }
      blocks.push({ label: open.label, headers: open.headers, body })
      open = undefined
    } else if (BEGIN.test(line)) {
      return { problem: { code: 'unclosed', label: open.label } }
    } else if (open.lines.length === 0 && /^[A-Za-z-]+:/.test(line)) {
      open.headers.push(line)
    } else if (line !== '') {
      open.lines.push(line)
    }
  }
  if (open) return { problem: { code: 'unclosed', label: open.label } }
  return blocks.length > 0 ? { blocks } : { problem: { code: 'missing' } }
}

const isPrivateKey = (label: string) => label.endsWith('PRIVATE KEY')
const isEncrypted = (block: PemBlock) =>
  block.label === 'ENCRYPTED PRIVATE KEY' || block.headers.some((header) => /^Proc-Type:.*ENCRYPTED/i.test(header))

// DER encodings of the algorithm identifiers a PKCS#8 `PRIVATE KEY` names.
const algorithmOids: [name: string, oid: number[]][] = [
  ['RSA', [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]],
  ['RSA-PSS', [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a]],
  ['EC', [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]],
  ['Ed25519', [0x2b, 0x65, 0x70]],
  ['Ed448', [0x2b, 0x65, 0x71]],
]

/** The private key's algorithm for people ("RSA", "EC", "Ed25519"), or `''` when it cannot tell. */
export function keyAlgorithm(block: PemBlock): string {
  const legacy = /^(RSA|EC|DSA) PRIVATE KEY$/.exec(block.label)
  if (legacy) return legacy[1]!
  if (block.label === 'OPENSSH PRIVATE KEY') return ''
  let der: string
  try {
    // Only the start holds the algorithm identifier; decoding it all would copy the whole key.
    der = atob(block.body.slice(0, 64))
  } catch {
    return ''
  }
  const bytes = Array.from(der, (char) => char.charCodeAt(0))
  const found = algorithmOids.find(([, oid]) =>
    bytes.some((_, start) => oid.every((byte, offset) => bytes[start + offset] === byte)),
  )
  return found?.[0] ?? ''
}

/** What a PEM field holds. */
export type PemKind = 'certificate' | 'privateKey' | 'privateKeyOrSecret'

function problemMessage(problem: PemProblem, expected: string, messages: CoreMessages): string {
  switch (problem.code) {
    case 'missing':
      return messages.pemMissing(expected)
    case 'unclosed':
      return messages.pemUnclosed(problem.label)
    case 'mismatch':
      return messages.pemMismatch(problem.begin, problem.end)
    case 'badBody':
      return messages.pemBadBody
    case 'stray':
      return messages.pemStray
  }
}

/**
 * Checks a PEM field's text: the message to show, or `undefined` when it is usable. A certificate
 * field takes one certificate or a chain and refuses private keys; a key field takes one
 * unencrypted private key. `privateKeyOrSecret` also takes a shared secret (anything not PEM).
 */
export function checkPem(text: string, kind: PemKind, messages: CoreMessages): string | undefined {
  if (kind === 'privateKeyOrSecret' && !text.includes('-----BEGIN')) return undefined
  const expected = kind === 'certificate' ? 'CERTIFICATE' : 'PRIVATE KEY'
  const parsed = parsePem(text)
  if ('problem' in parsed) return problemMessage(parsed.problem, expected, messages)
  const { blocks } = parsed
  if (kind === 'certificate') {
    const other = blocks.find((block) => block.label !== 'CERTIFICATE' && block.label !== 'TRUSTED CERTIFICATE')
    if (!other) return undefined
    return isPrivateKey(other.label) ? messages.pemKeyInCertificate : messages.pemNotCertificate(other.label.toLowerCase())
  }
  if (blocks.length > 1) return messages.pemOneKey
  const [block] = blocks as [PemBlock]
  if (isEncrypted(block)) return messages.pemEncryptedKey
  if (!isPrivateKey(block.label)) return messages.pemNotPrivateKey(block.label.toLowerCase())
  return undefined
}

/** For a usable private key: its algorithm (`''` when unknown); `undefined` for anything else. */
export function loadedKeyAlgorithm(text: string): string | undefined {
  const parsed = parsePem(text)
  if (!('blocks' in parsed) || parsed.blocks.length !== 1) return undefined
  const [block] = parsed.blocks as [PemBlock]
  return isPrivateKey(block.label) && !isEncrypted(block) ? keyAlgorithm(block) : undefined
}

/**
 * Reads a picked file as PEM text. Binary files (DER certificates and keys, `.p12` bundles) come
 * back as `binary`, for a conversion hint; the text is never kept anywhere but the result.
 */
export async function readPemFile(file: Blob): Promise<{ text: string } | { binary: true }> {
  let bytes = new Uint8Array(await file.arrayBuffer())
  // Editors on Windows may start a text file with a UTF-8 byte order mark.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
  // DER starts with a SEQUENCE tag; PEM is ASCII text.
  if (bytes[0] === 0x30 || bytes.some((byte) => byte === 0 || byte > 0x7e || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d))) {
    return { binary: true }
  }
  return { text: new TextDecoder().decode(bytes) }
}
