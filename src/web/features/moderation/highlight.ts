/** A piece of an alert's text, marked when the risk engine matched it. */
export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Splits `text` into plain and marked pieces from the engine's matches (`start`/`end` are
 * offsets into the text). Matches out of range are clamped; overlapping ones are merged.
 */
export function highlight(text: string, matches: readonly { start: number; end: number }[]): Segment[] {
  const ranges = matches
    .map((m) => ({ start: Math.max(0, Math.min(text.length, m.start)), end: Math.max(0, Math.min(text.length, m.end)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const r of merged) {
    if (r.start > at) segments.push({ text: text.slice(at, r.start), marked: false });
    segments.push({ text: text.slice(r.start, r.end), marked: true });
    at = r.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}
