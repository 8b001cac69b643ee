import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentWarning } from '../../api/forumTypes';
import { Button } from '../../ui/Button';

interface WarningGateProps {
  warning: ContentWarning;
  what: 'post' | 'reply';
  children: ReactNode;
}

/**
 * Words behind a content warning: hidden until the reader chooses "Show post" / "Show reply";
 * they then take focus, so a screen reader goes straight on to them.
 */
export function WarningGate({ warning, what, children }: WarningGateProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const chosen = useRef(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  const bodyId = useId();

  useEffect(() => {
    if (shown && chosen.current) bodyRef.current?.focus();
  }, [shown]);

  const name = t(`contentWarnings.${warning}`);
  return (
    <div className={`warning-gate warning-gate--${what}`}>
      <p className="warning-gate-text">{what === 'post' ? t('posts.warningGate', { warning: name }) : t('replies.warningGate', { warning: name })}</p>
      <Button
        variant="secondary"
        aria-expanded={shown}
        aria-controls={bodyId}
        onClick={() => {
          chosen.current = true;
          setShown((s) => !s);
        }}
      >
        {what === 'post' ? (shown ? t('posts.hidePost') : t('posts.showPost')) : shown ? t('replies.hideReply') : t('replies.showReply')}
      </Button>
      <div id={bodyId} ref={bodyRef} tabIndex={-1} className="warning-gate-body">
        {shown && children}
      </div>
    </div>
  );
}
