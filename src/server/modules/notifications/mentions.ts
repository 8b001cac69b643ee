import { HANDLE_MAX, HANDLE_MIN } from '../../../shared/rules.js';

/** At most this many people are notified from one text, so a list of handles cannot become a broadcast. */
export const MENTIONS_MAX = 10;

// "@" then a handle (HANDLE_PATTERN's characters), not inside a word, an e-mail address or a URL path.
const MENTION = new RegExp(`(?<![A-Za-z0-9_\\-@./:])@([A-Za-z0-9_-]{${HANDLE_MIN},${HANDLE_MAX}})(?![A-Za-z0-9_-])`, 'g');

/** The distinct handles mentioned in `text` (compared case-insensitively), first ones first, at most MENTIONS_MAX. */
export function mentionedHandles(text: string): string[] {
  const seen = new Map<string, string>();
  for (const m of text.matchAll(MENTION)) {
    const handle = m[1]!;
    const key = handle.toLowerCase();
    if (!seen.has(key)) seen.set(key, handle);
    if (seen.size >= MENTIONS_MAX) break;
  }
  return [...seen.values()];
}
