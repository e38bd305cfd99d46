'use client'
import type { ClassNames } from './classNames'
import { cx } from './classNames'
import { parseInlineMarkdown } from './inlineMarkdown'

/** Props of {@link HelpText}. */
export interface HelpTextProps {
  /** Platform help text; may hold Markdown inline code and links. */
  text: string
  /** Extra classes for the inline parts: `code` and `link`. */
  classNames?: ClassNames<'code' | 'link'>
}

/**
 * Renders platform help text: inline code as `<code>`, http(s) links as links that open in a new
 * tab, everything else as plain text. Never injects HTML.
 */
export function HelpText({ text, classNames }: HelpTextProps) {
  return (
    <>
      {parseInlineMarkdown(text).map((segment, index) =>
        segment.kind === 'code' ? (
          <code key={index} className={cx('plugboard-code', classNames?.code)}>
            {segment.text}
          </code>
        ) : segment.kind === 'link' ? (
          <a key={index} className={classNames?.link} href={segment.href} target="_blank" rel="noreferrer noopener">
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </>
  )
}
