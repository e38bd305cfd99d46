import { safeUrl } from '../model/connectionName'
/** A piece of help text: plain text, inline code, or a link. */
export type InlineSegment =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; href: string }

// `code`, [text](url) (the url may hold balanced parentheses), <url>, or a bare http(s) URL, in
// that order of precedence.
const TOKEN = /`([^`]+)`|\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)|<(https?:\/\/[^>\s]+)>|(https?:\/\/[^\s<>`]+)/g

/** A bare URL without the sentence's punctuation after it; a closing parenthesis stays when the URL opened one. */
function trimBareUrl(url: string): string {
  let end = url.replace(/[.,;:!?'"\]]+$/, '')
  const count = (text: string, char: string) => text.split(char).length - 1
  while (end.endsWith(')') && count(end, ')') > count(end, '(')) end = end.slice(0, -1).replace(/[.,;:!?'"\]]+$/, '')
  return end
}

/** The link target when `href` is https (or http on a loopback host); `undefined` for anything else (`javascript:`, plain http, relative, malformed). */
const webHref = (href: string): string | undefined => safeUrl(href)

/**
 * Splits platform help text into plain text, inline code and http(s) links, the only Markdown a
 * catalog's help may use. Everything else stays text: nothing here produces HTML.
 */
export function parseInlineMarkdown(source: string): InlineSegment[] {
  const segments: InlineSegment[] = []
  const text = (value: string) => {
    if (!value) return
    const last = segments[segments.length - 1]
    if (last?.kind === 'text') last.text += value
    else segments.push({ kind: 'text', text: value })
  }
  let index = 0
  for (const match of source.matchAll(TOKEN)) {
    const [whole, code, label, target, angled, bare] = match
    text(source.slice(index, match.index))
    index = match.index + whole.length
    if (code !== undefined) {
      segments.push({ kind: 'code', text: code })
    } else if (label !== undefined) {
      const href = webHref(target!)
      if (href) segments.push({ kind: 'link', text: label, href })
      else text(label)
    } else {
      // A bare URL ends before trailing punctuation of the sentence around it.
      const url = angled ?? trimBareUrl(bare!)
      if (angled === undefined) index -= bare!.length - url.length
      const href = webHref(url)
      if (href) segments.push({ kind: 'link', text: url, href })
      else text(url)
    }
  }
  text(source.slice(index))
  return segments
}
