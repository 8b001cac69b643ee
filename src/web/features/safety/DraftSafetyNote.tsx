import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SafetyCheckBody } from '../../api/safetyTypes';
import { usePrefetchCrisisHelp } from '../help/api';
import { useDraftCheck } from './api';
import { ReplyCareNudges } from './ReplyCareNudges';

/**
 * A gentle note under what is being written, once typing pauses: help and the safety plan when
 * the words sound like a crisis, how to help when they are about someone else, a word on replying
 * with care. A polite live region that is always there, so what appears in it is announced
 * without taking focus; it never stops anyone sending.
 */
export function DraftSafetyNote({ text, kind }: { text: string; kind: SafetyCheckBody['kind'] }) {
  const { t } = useTranslation();
  const check = useDraftCheck(text, kind);
  const offerHelp = !!check?.offerHelp;
  const concern = !!check?.concernForOther && !offerHelp;
  const nudges = kind === 'post' ? [] : (check?.replyCare ?? []);
  // The crisis card may follow the post: have its lines ready.
  usePrefetchCrisisHelp(offerHelp || concern);
  const any = offerHelp || concern || !!check?.wouldHold || nudges.length > 0;

  return (
    <div className={any ? 'draft-safety' : 'draft-safety draft-safety--empty'} role="status">
      {offerHelp && (
        <div className="notice notice--help">
          <p>{t('draftSafety.offerHelp')}</p>
          <p className="draft-safety-links">
            <Link to="/help">{t('nav.helpNow')}</Link>
            <Link to="/safety-plan">{t('safety.myPlan')}</Link>
          </p>
          <p className="field-hint">{t('draftSafety.draftKept')}</p>
        </div>
      )}
      {concern && (
        <div className="notice notice--info">
          <p>{t('draftSafety.concernForOther')}</p>
          <p className="draft-safety-links">
            <Link to="/help#helping-someone">{t('draftSafety.howToHelp')}</Link>
          </p>
        </div>
      )}
      {check?.wouldHold && (
        <div className="notice notice--info">
          <p>{t('draftSafety.wouldHold')}</p>
        </div>
      )}
      {nudges.length > 0 && (
        <div className="notice notice--info">
          <ReplyCareNudges nudges={nudges} />
        </div>
      )}
    </div>
  );
}
