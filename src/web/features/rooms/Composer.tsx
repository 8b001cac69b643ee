import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_WARNINGS, type ContentWarning } from '../../../shared/forum-rules';
import { Button } from '../../ui/Button';
import { DraftSafetyNote } from '../safety/DraftSafetyNote';
import { CharacterCount, charCount, useCharacterStatus } from '../../ui/CharacterCount';
import { DraftNotice } from '../../ui/DraftNotice';
import { Field } from '../../ui/Field';
import { useDraft } from '../../ui/useDraft';
import { MESSAGE_MAX } from './types';

/** The time now, once a second while `active` (for countdowns). */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

interface ComposerProps {
  conversationId: string;
  slowModeSeconds: number;
  /** Slow mode: the earliest the member may send again. */
  nextSendAt: number | null;
  onSend: (body: string, contentWarning: ContentWarning | null) => void;
  onTyping: (typing: boolean) => void;
}

/**
 * The box to write in: Enter sends, Shift+Enter starts a new line. What is typed is kept as a
 * draft on this device until it is sent; a message that fails keeps its words, with Retry.
 */
export function Composer({ conversationId, slowModeSeconds, nextSendAt, onSend, onTyping }: ComposerProps) {
  const { t } = useTranslation();
  const draft = useDraft<{ body: string; contentWarning: ContentWarning | '' }>(`room:${conversationId}`, { body: '', contentWarning: '' });
  const { body, contentWarning } = draft.value;
  const status = useCharacterStatus(body, MESSAGE_MAX);
  const [error, setError] = useState<string | undefined>();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const waiting = nextSendAt !== null && nextSendAt > Date.now();
  const now = useNow(waiting);
  const secondsLeft = nextSendAt ? Math.ceil((nextSendAt - now) / 1000) : 0;

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!body.trim()) return setError(t('rooms.bodyRequired'));
    if (charCount(body) > MESSAGE_MAX) return setError(t('rooms.bodyMax', { max: MESSAGE_MAX.toLocaleString() }));
    if (secondsLeft > 0) return setError(t('rooms.slowWait', { count: secondsLeft }));
    setError(undefined);
    onTyping(false);
    onSend(body, contentWarning || null);
    draft.discard();
    textareaRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    submit();
  };

  return (
    <div className="room-composer">
      <DraftNotice draft={draft} focusAfter={textareaRef} />
      <form onSubmit={submit} noValidate className="room-composer-form">
        <Field
          label={t('rooms.composerLabel')}
          hint={slowModeSeconds > 0 ? `${t('rooms.composerHint')} ${t('rooms.slowMode', { count: slowModeSeconds })}` : t('rooms.composerHint')}
          error={error}
          status={status}
          extra={<CharacterCount text={body} max={MESSAGE_MAX} />}
        >
          {(control) => (
            <textarea
              {...control}
              ref={textareaRef}
              name="body"
              rows={2}
              value={body}
              onChange={(e) => {
                draft.update({ body: e.target.value });
                if (error) setError(undefined);
                onTyping(e.target.value.trim() !== '');
              }}
              onKeyDown={onKeyDown}
              onBlur={() => onTyping(false)}
              enterKeyHint="send"
            />
          )}
        </Field>
        <div className="room-composer-row">
          <label className="room-warning">
            <span className="field-label">{t('rooms.contentWarning')}</span>
            <select value={contentWarning} onChange={(e) => draft.update({ contentWarning: e.target.value as ContentWarning | '' })}>
              <option value="">{t('contentWarnings.none')}</option>
              {CONTENT_WARNINGS.map((w) => (
                <option key={w} value={w}>
                  {t(`contentWarnings.${w}`)}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="primary">
            {t('rooms.send')}
          </Button>
        </div>
        {secondsLeft > 0 && <p className="room-countdown">{t('rooms.slowWait', { count: secondsLeft })}</p>}
        <DraftSafetyNote text={body} kind="message" />
      </form>
    </div>
  );
}
