import type { ElementType } from 'react';

interface SanitizedHtmlProps {
  /**
   * HTML that the server rendered and sanitized: a post's or reply's `bodyHtml`, a Markdown
   * preview, or a search `snippetHtml` (escaped text with <mark>). Never anything else.
   */
  html: string;
  as?: ElementType;
  className?: string;
  id?: string;
}

/** The one place the client puts HTML into the page; everything else is text React escapes. */
export function SanitizedHtml({ html, as: Tag = 'div', className, id }: SanitizedHtmlProps) {
  return <Tag id={id} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
