import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const POINTS = ['person', 'listen', 'open', 'danger', 'yourself'] as const;

/**
 * "How to reply with care", above the reply box of a post about suicide or self-harm: what helps
 * (listening, validating, pointing to help) and what does not (promises, pressure, private contact).
 */
export function ReplyCareGuide() {
  const { t } = useTranslation();
  return (
    <aside className="notice notice--info reply-care" aria-labelledby="reply-care-title">
      <h3 id="reply-care-title" className="reply-care-title">
        {t('replyCare.title')}
      </h3>
      <ul className="reply-care-list">
        {POINTS.map((point) => (
          <li key={point}>
            {t(`replyCare.points.${point}`)}
            {point === 'danger' && (
              <>
                {' '}
                <Link to="/help">{t('replyCare.helpLink')}</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
