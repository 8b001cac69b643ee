import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Telling a listener that a member is asking for them, even when their eyes are elsewhere:
 * a soft chime, a browser notification while Kindred is in the background, and the tab's
 * title. Each is the listener's choice, kept on this device only (it is about this browser,
 * not the account). The notification says only that someone is asking — never a topic or a
 * note — because it can appear on a lock screen.
 */
export interface OfferAlertPrefs {
  sound: boolean;
  notify: boolean;
}

const KEY = 'kindred.offerAlerts';
const DEFAULTS: OfferAlertPrefs = { sound: true, notify: false };

function readPrefs(): OfferAlertPrefs {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return DEFAULTS;
    const parsed = JSON.parse(raw) as Partial<OfferAlertPrefs>;
    return { sound: parsed.sound !== false, notify: parsed.notify === true };
  } catch {
    return DEFAULTS;
  }
}

export type NotifyPermission = NotificationPermission | 'unsupported';

function permissionNow(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

let audio: AudioContext | null = null;

/** Made ready from a click, since browsers only let a page make sound after the person acted. */
function audioContext(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  audio ??= new AudioContext();
  if (audio.state === 'suspended') void audio.resume();
  return audio;
}

/** Two soft notes, rising, made here (no sound file to fetch). */
function chime(): void {
  const ctx = audioContext();
  if (!ctx) return;
  const start = ctx.currentTime;
  [523.25, 659.25].forEach((frequency, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    const at = start + i * 0.18;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.2, at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.65);
  });
}

export function useOfferAlertPrefs() {
  const [prefs, setPrefs] = useState(readPrefs);
  const [permission, setPermission] = useState<NotifyPermission>(permissionNow);

  const save = useCallback((next: OfferAlertPrefs) => {
    setPrefs(next);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Private browsing may refuse storage: the choice then lasts for this visit.
    }
  }, []);

  const setSound = useCallback(
    (sound: boolean) => {
      if (sound) audioContext();
      save({ ...prefs, sound });
    },
    [prefs, save],
  );

  const setNotify = useCallback(
    async (notify: boolean) => {
      if (notify && permissionNow() === 'default') setPermission(await Notification.requestPermission());
      save({ ...prefs, notify: notify && permissionNow() === 'granted' });
    },
    [prefs, save],
  );

  return { prefs, permission, setSound, setNotify };
}

/**
 * Alerts once for each new offer (not again when the same offer is fetched again), and marks
 * the tab's title while an offer waits.
 */
export function useOfferAlert(offerId: string | null, prefs: OfferAlertPrefs, text: { title: string; body: string }): void {
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (!offerId || offerId === last.current) {
      if (!offerId) last.current = null;
      return;
    }
    last.current = offerId;
    if (prefs.sound) chime();
    if (prefs.notify && permissionNow() === 'granted' && document.visibilityState === 'hidden') {
      const n = new Notification(text.title, { body: text.body, tag: 'kindred-offer' });
      n.onclick = () => {
        window.focus();
        n.close();
      };
    }
  }, [offerId, prefs.sound, prefs.notify, text.title, text.body]);

  useEffect(() => {
    if (!offerId) return;
    const before = document.title;
    document.title = `● ${text.title} — ${before}`;
    return () => {
      document.title = before;
    };
  }, [offerId, text.title]);
}
