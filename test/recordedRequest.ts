/** A request as a fake platform received it: method, path, query, headers (lower-case names) and the parsed JSON body (text if not JSON). */
export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  body: unknown
}

/** Reads a request for the record, leaving the original unread for the platform. */
export async function recordRequest(request: Request): Promise<RecordedRequest> {
  const url = new URL(request.url)
  const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.clone().text()
  let body: unknown = text || undefined
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    // kept as text
  }
  const headers: Record<string, string> = {}
  request.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value
  })
  return { method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers, body }
}
