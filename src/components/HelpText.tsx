'use client'
import { parseInlineMarkdown } from './inlineMarkdown'

/** Props of {@link HelpText}. */
export interface HelpTextProps {
  /** Platform help text; may hold Markdown inline code and links. */
  text: string
}

/**
 * Renders platform help text: inline code as `<code>`, http(s) links as links that open in a new
 * tab, everything else as plain text. Never injects HTML.
 */
export function HelpText({ text }: HelpTextProps) {
  return (
    <>
      {parseInlineMarkdown(text).map((segment, index) =>
        segment.kind === 'code' ? (
          <code key={index} className="plugboard-code">
            {segment.text}
          </code>
        ) : segment.kind === 'link' ? (
          <a key={index} href={segment.href} target="_blank" rel="noreferrer noopener">
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </>
  )
}
