// OpenAPI documents as JSON Schema for ajv, shared by the Ampersand and Versori reference platforms.

type Json = Record<string, unknown>

/** OpenAPI → JSON Schema: `nullable`, boolean exclusive bounds, untyped objects; examples and x- keys dropped. */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema)
  if (node === null || typeof node !== 'object') return node
  const out: Json = {}
  for (const [key, value] of Object.entries(node as Json)) {
    // `examples` may be an OpenAPI-style map (Versori's v2 InitialiseOAuth2ConnectionRequest), not JSON Schema.
    if (key === 'example' || key === 'examples' || key.startsWith('x-')) continue
    out[key] = toJsonSchema(value)
  }
  // Objects that list properties but no type (Ampersand's Media, BatchWriteSupport) are objects.
  if (out.properties && out.type === undefined) out.type = 'object'
  for (const bound of ['Minimum', 'Maximum'] as const) {
    const flag = out[`exclusive${bound}`]
    if (typeof flag === 'boolean') {
      const limit = out[bound.toLowerCase()]
      delete out[`exclusive${bound}`]
      if (flag && typeof limit === 'number') {
        out[`exclusive${bound}`] = limit
        delete out[bound.toLowerCase()]
      }
    }
  }
  if (out.nullable === true) {
    delete out.nullable
    return { anyOf: [out, { type: 'null' }] }
  }
  delete out.nullable
  return out
}
