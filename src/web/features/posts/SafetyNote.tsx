import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SafetyOutcome } from '../../api/forumTypes';

const CONCERN = ['ideation', 'plan', 'imminent'];

/**
 * What the author needs to hear after writing: that a held text is safe and waiting for a
 * moderator, and, when the words sound like a crisis, where help is right now.
 * (The full crisis card, with the member's country's lines, comes with the safety work.)
 */
export function SafetyNote({ safety, what }: { safety: SafetyOutcome; what: 'post' | 'reply' }) {
  const { t } = useTranslation();
  const concern = CONCERN.includes(safety.level);
  return (
    <>
      {concern && (
        <div className="notice notice--help safety-card">
          <p className="safety-card-title">{t('safety.concernTitle')}</p>
          <p>{t('safety.concernBody')}</p>
          <p>
            <Link to="/help" className="button button--primary">
              {t('nav.helpNow')}
            </Link>
          </p>
        </div>
      )}
      {safety.held && (
        <div className="notice notice--info">
          <p>{what === 'post' ? t('safety.heldPost') : t('safety.heldReply')}</p>
        </div>
      )}
      {safety.contentWarningAdded && (
        <div className="notice notice--info">
          <p>{t('safety.warningAdded', { warning: t(`contentWarnings.${safety.contentWarningAdded}`) })}</p>
        </div>
      )}
    </>
  );
}
