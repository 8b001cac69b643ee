/** Where drafts are kept: this browser's localStorage, one key per member and per thing being written. */
const PREFIX = 'kindred:draft:';
/** A draft older than this is let go of rather than restored. */
const KEEP_FOR_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * Written when a member's session ends in this browser (log-out, a session the server ended, another
 * member logging in): other tabs hear of it through the `storage` event, and a form mounted before it
 * never writes its draft again.
 */
const ENDED_KEY = 'kindred:session-ended';

interface Stored<T> {
  value: T;
  savedAt: number;
}

export function readDraft<T>(key: string): Stored<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored<T>;
    if (typeof stored?.savedAt !== 'number' || Date.now() - stored.savedAt > KEEP_FOR_MS) {
      window.localStorage.removeItem(key);
      return null;
    }
    return stored;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify({ value, savedAt: Date.now() }));
  } catch {
    // Storage full or switched off: the words are still in the form, just not kept across visits.
  }
}

export function removeDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // As above.
  }
}

// Bumped when drafts are cleared: a form still on screen while the member logs out must not save again.
let generation = 0;
export const draftGeneration = (): number => generation;

/** Removes the drafts that `keep` (a member id) did not write; every draft when `keep` is null. */
function removeDraftsExcept(keep: string | null): void {
  const own = keep ? `${PREFIX}${keep}:` : null;
  try {
    for (const key of Object.keys(window.localStorage)) if (key.startsWith(PREFIX) && !(own && key.startsWith(own))) window.localStorage.removeItem(key);
  } catch {
    // As above.
  }
}

/** Forgets every draft in this browser: after logging out, on a device others may use. */
export function clearAllDrafts(): void {
  generation += 1;
  removeDraftsExcept(null);
}

/**
 * A session ended, as this tab learned: `from` is no longer signed in and `to` (another member, or
 * nobody) is; `seenAt` is when this tab last knew `from` was. Forgets every draft but `to`'s, stops
 * the forms on screen saving, and tells the other tabs.
 */
export function endDraftsOf(from: string, to: string | null, seenAt: number): void {
  generation += 1;
  const ended = sessionEnded();
  // Another tab said so already, and this one heard late: saying it again would stop the forms
  // opened since (for whoever is signed in now) from saving.
  if (!(ended && ended.member === from && ended.at >= seenAt)) {
    try {
      // Said before the drafts go, so another tab saving in between is refused rather than kept.
      window.localStorage.setItem(ENDED_KEY, JSON.stringify({ member: from, at: Date.now() }));
    } catch {
      // As above: the other tabs find out on their next request instead.
    }
  }
  removeDraftsExcept(to);
}

/**
 * The first time a tab learns who is signed in: drafts anyone else left here (their session ended
 * while no tab was open) go. Nothing is on screen yet, so nothing else needs telling.
 */
export function keepOnlyDraftsOf(member: string | null): void {
  removeDraftsExcept(member);
}

/** The last session that ended in this browser, in any tab. */
function sessionEnded(): { member: string; at: number } | null {
  try {
    const raw = window.localStorage.getItem(ENDED_KEY);
    const ended = raw ? (JSON.parse(raw) as { member?: unknown; at?: unknown }) : null;
    return ended && typeof ended.member === 'string' && typeof ended.at === 'number' ? { member: ended.member, at: ended.at } : null;
  } catch {
    return null;
  }
}

/** True when a session ended (in any tab) at or after `since`: a form opened before then must not save. */
export function sessionEndedSince(since: number): boolean {
  const ended = sessionEnded();
  return !!ended && ended.at >= since;
}

/** Calls `fn` when a session ends in another tab of this browser. Returns the way to stop listening. */
export function onSessionEndedElsewhere(fn: () => void): () => void {
  const listener = (e: StorageEvent) => {
    if (e.key === ENDED_KEY && e.newValue) fn();
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}

/** Per member, so another account on a shared device never sees someone else's draft. */
export const draftKey = (memberId: string, name: string) => `${PREFIX}${memberId}:${name}`;
