import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../api/session';
import { draftGeneration, draftKey, readDraft, removeDraft, sessionEndedSince, writeDraft } from './draftStorage';

const SAVE_AFTER_MS = 400;

const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

export interface Draft<T> {
  value: T;
  /** Change some of the fields; saved shortly after typing pauses, and when the page is left. */
  update: (patch: Partial<T>) => void;
  /** True when the value came back from storage (show "Draft restored"). */
  restored: boolean;
  /** Forget the draft and go back to `initial`. */
  discard: () => void;
  /**
   * Forget the draft and keep the fields as they are: after a successful publish. `saved` is what
   * the fields now hold without a draft, when the form stays on screen (e.g. a plan just saved).
   */
  clear: (saved?: T) => void;
}

export interface DraftOptions {
  /** A draft kept before this moment (e.g. the server copy's last save, made elsewhere) is let go of. */
  notBefore?: number | null | undefined;
}

/**
 * A form's fields, saved to this browser as the member types, so a failed submit, a lost
 * connection or a closed tab loses nothing. `name` says what is being written (e.g.
 * "post:new:depression-support"); `initial` is what the fields hold without a draft.
 */
export function useDraft<T extends object>(name: string, initial: T, options: DraftOptions = {}): Draft<T> {
  const { member } = useSession();
  const key = member ? draftKey(member.id, name) : null;
  const initialRef = useRef(initial);
  const [state, setState] = useState(() => {
    let stored = key ? readDraft<Partial<T>>(key) : null;
    if (key && stored && options.notBefore && stored.savedAt < options.notBefore) {
      removeDraft(key);
      stored = null;
    }
    return stored ? { value: { ...initial, ...stored.value }, restored: true } : { value: initial, restored: false };
  });
  const latest = useRef(state.value);
  const unsaved = useRef(false);
  const generation = useRef(draftGeneration());
  const [mountedAt] = useState(Date.now);

  const persist = useCallback(() => {
    if (!key || !unsaved.current) return;
    // The member logged out since this form opened (here, or in another tab, which this one may
    // not have heard yet): what is in it must not be written back, e.g. on pagehide.
    if (generation.current !== draftGeneration() || sessionEndedSince(mountedAt)) return;
    unsaved.current = false;
    if (same(latest.current, initialRef.current)) removeDraft(key);
    else writeDraft(key, latest.current);
  }, [key, mountedAt]);

  useEffect(() => {
    if (!unsaved.current) return;
    const timer = setTimeout(persist, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [state.value, persist]);

  // Leaving the page (reload, closed tab, a phone putting the browser away) saves at once.
  useEffect(() => {
    const onHidden = () => document.visibilityState === 'hidden' && persist();
    window.addEventListener('pagehide', persist);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', persist);
      document.removeEventListener('visibilitychange', onHidden);
      persist();
    };
  }, [persist]);

  const update = useCallback((patch: Partial<T>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    unsaved.current = true;
    setState((s) => ({ ...s, value: next }));
  }, []);

  const clear = useCallback(
    (saved?: T) => {
      unsaved.current = false;
      if (saved) initialRef.current = saved;
      if (key) removeDraft(key);
      setState((s) => ({ ...s, restored: false }));
    },
    [key],
  );

  const discard = useCallback(() => {
    unsaved.current = false;
    if (key) removeDraft(key);
    latest.current = initialRef.current;
    setState({ value: initialRef.current, restored: false });
  }, [key]);

  return { value: state.value, update, restored: state.restored, discard, clear };
}
