import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';

/** After this long on the queue, a gentle word about a break. */
const BREAK_AFTER_MS = 45 * 60_000;
const STORAGE_KEY = 'kindred.moderation.queueSince';

/** When this tab's moderator started on the queue (kept for the tab's session, across pages and reloads). */
function startedAt(): number {
  const now = Date.now();
  try {
    const kept = Number(window.sessionStorage.getItem(STORAGE_KEY));
    if (Number.isFinite(kept) && kept > 0 && kept <= now) return kept;
    window.sessionStorage.setItem(STORAGE_KEY, String(now));
  } catch {
    // Storage may be off (private mode): the reminder then counts from this visit.
  }
  return now;
}

function restart(now: number): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, String(now));
  } catch {
    // As above.
  }
}

/**
 * Looking after moderators: reading distress and harm for long is heavy. After 45 minutes on the
 * queue, a calm, dismissible suggestion to step away; dismissed, it comes back 45 minutes later.
 */
export function BreakReminder({ onDismissed }: { onDismissed?: () => void }) {
  const { t } = useTranslation();
  const [start, setStart] = useState(startedAt);
  const [due, setDue] = useState(() => Date.now() - start >= BREAK_AFTER_MS);

  useEffect(() => {
    if (due) return;
    const timer = setTimeout(() => setDue(true), Math.max(0, start + BREAK_AFTER_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [start, due]);

  const dismiss = () => {
    const now = Date.now();
    restart(now);
    setStart(now);
    setDue(false);
    onDismissed?.();
  };

  // The live region is always there, so the reminder is announced (politely) when it appears.
  return (
    <div role="status" className="break-reminder-region">
      {due && (
        <div className="notice notice--info break-reminder">
          <p>
            <strong>{t('moderationQueue.breakTitle')}</strong>
          </p>
          <p>{t('moderationQueue.breakBody')}</p>
          <Button variant="secondary" className="button--small" onClick={dismiss}>
            {t('moderationQueue.breakDismiss')}
          </Button>
        </div>
      )}
    </div>
  );
}
