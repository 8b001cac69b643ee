import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SafetyOutcome } from '../../api/forumTypes';
import { HelpStaysNote } from '../safety/HelpStaysNote';
import { ReplyCareNudges } from '../safety/ReplyCareNudges';

/**
 * What stays on the page after writing, under whatever the crisis response showed: that a held
 * text is safe and waiting for a moderator (and kindly, why), that a content warning was added,
 * where help is, and a word on replying with care.
 */
export function SafetyNote({ safety, what }: { safety: SafetyOutcome; what: 'post' | 'reply' }) {
  const { t } = useTranslation();
  const crisis = safety.response === 'card' || safety.response === 'screen';
  return (
    <>
      {safety.held && (
        <div className="notice notice--info">
          <p>{what === 'post' ? t('safety.heldPost') : t('safety.heldReply')}</p>
          {safety.heldReason && <p>{t(`safety.heldWhy.${safety.heldReason}`)}</p>}
        </div>
      )}
      {safety.contentWarningAdded && (
        <div className="notice notice--info">
          <p>{t('safety.warningAdded', { warning: t(`contentWarnings.${safety.contentWarningAdded}`) })}</p>
        </div>
      )}
      {crisis && <HelpStaysNote />}
      {safety.response === 'helping' && (
        <div className="notice notice--info">
          <p>
            {t('safety.helpingStays')} <Link to="/help#helping-someone">{t('draftSafety.howToHelp')}</Link>
          </p>
        </div>
      )}
      {what === 'reply' && safety.replyCare.length > 0 && (
        <div className="notice notice--info">
          <ReplyCareNudges nudges={safety.replyCare} after />
        </div>
      )}
    </>
  );
}
