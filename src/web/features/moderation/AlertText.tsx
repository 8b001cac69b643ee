import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskAlert } from '../../api/safetyTypes';
import { Button } from '../../ui/Button';
import { highlight } from './highlight';

/**
 * The words that raised an alert, blurred until the moderator chooses to read them (looking after
 * moderators: distressing text is never forced on them), with what the engine matched marked.
 */
export function AlertText({ alert }: { alert: RiskAlert }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const textId = useId();
  const { text, status } = alert.content;

  if (!text) return <p className="alert-gone">{status === 'deleted' ? t('alerts.textDeleted') : t('alerts.textGone')}</p>;

  const segments = highlight(text, alert.matches);
  const matched = alert.matches.filter((m) => m.end > m.start && m.start < text.length);
  return (
    <div className="alert-text-wrap">
      {shown ? (
        <p className="alert-text" id={textId} tabIndex={-1}>
          {segments.map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
        </p>
      ) : (
        // Blurred and hidden from screen readers alike, until chosen.
        <p className="alert-text alert-text--blurred" id={textId} aria-hidden="true">
          {text}
        </p>
      )}
      <Button variant="secondary" aria-expanded={shown} aria-controls={textId} onClick={() => setShown((v) => !v)}>
        {shown ? t('alerts.hideText') : t('alerts.showText')}
      </Button>
      {shown && alert.matches.length > 0 && (
        <div className="alert-matches">
          <p className="alert-matches-title">{t('alerts.matchesTitle')}</p>
          <ul>
            {alert.matches.map((m, i) => (
              <li key={i}>
                <code translate="no">{m.rule}</code>
                {matched.includes(m) && <> {t('alerts.matchedWords', { words: text.slice(Math.max(0, m.start), Math.min(text.length, m.end)) })}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
