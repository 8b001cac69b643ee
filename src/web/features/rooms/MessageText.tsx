import LinkifyIt from 'linkify-it';
import type { ReactNode } from 'react';

// Web addresses only: no mail or other schemes, and no scheme-less "//host" links.
const linkify = new LinkifyIt({}, { fuzzyEmail: false }).add('ftp:', null).add('//', null).add('mailto:', null);

/**
 * A message's plain text as React elements, with web addresses made into links that carry no
 * referrer and no endorsement. Nothing is ever rendered as HTML.
 */
export function MessageText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of linkify.match(text) ?? []) {
    if (!/^https?:\/\//i.test(match.url)) continue;
    if (match.index > at) parts.push(text.slice(at, match.index));
    parts.push(
      <a key={match.index} href={match.url} rel="noopener noreferrer nofollow ugc" target="_blank">
        {match.text}
      </a>,
    );
    at = match.lastIndex;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <p className="message-text">{parts}</p>;
}
