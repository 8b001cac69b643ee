/** Where drafts are kept: this browser's localStorage, one key per member and per thing being written. */
const PREFIX = 'kindred:draft:';
/** A draft older than this is let go of rather than restored. */
const KEEP_FOR_MS = 30 * 24 * 60 * 60 * 1000;

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

// Bumped by clearAllDrafts: a form still on screen while the member logs out must not save again.
let generation = 0;
export const draftGeneration = (): number => generation;

/** Forgets every draft in this browser: after logging out, on a device others may use. */
export function clearAllDrafts(): void {
  generation += 1;
  try {
    for (const key of Object.keys(window.localStorage)) if (key.startsWith(PREFIX)) window.localStorage.removeItem(key);
  } catch {
    // As above.
  }
}

/** Per member, so another account on a shared device never sees someone else's draft. */
export const draftKey = (memberId: string, name: string) => `${PREFIX}${memberId}:${name}`;
