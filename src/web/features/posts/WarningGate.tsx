import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentWarning } from '../../api/forumTypes';
import { Button } from '../../ui/Button';

interface WarningGateProps {
  warning: ContentWarning;
  what: 'post' | 'reply' | 'message';
  children: ReactNode;
}

/**
 * Words behind a content warning: hidden until the reader chooses "Show post", "Show reply" or "Show message";
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
  const words = {
    post: { gate: t('posts.warningGate', { warning: name }), show: t('posts.showPost'), hide: t('posts.hidePost') },
    reply: { gate: t('replies.warningGate', { warning: name }), show: t('replies.showReply'), hide: t('replies.hideReply') },
    message: { gate: t('rooms.warningGate', { warning: name }), show: t('rooms.showMessage'), hide: t('rooms.hideMessage') },
  }[what];
  return (
    <div className={`warning-gate warning-gate--${what}`}>
      <p className="warning-gate-text">{words.gate}</p>
      <Button
        variant="secondary"
        className={what === 'message' ? 'button--small' : undefined}
        aria-expanded={shown}
        aria-controls={bodyId}
        onClick={() => {
          chosen.current = true;
          setShown((s) => !s);
        }}
      >
        {shown ? words.hide : words.show}
      </Button>
      <div id={bodyId} ref={bodyRef} tabIndex={-1} className="warning-gate-body">
        {shown && children}
      </div>
    </div>
  );
}
