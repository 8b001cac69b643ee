import { useTranslation } from 'react-i18next';
import type { ReplyCareNudge } from '../../api/safetyTypes';
import { REPLY_CARE_NUDGES } from '../../api/safetyTypes';

/** A gentle word on replying with care, one line for each thing the safety module noticed. Never a block. */
export function ReplyCareNudges({ nudges, after = false }: { nudges: readonly ReplyCareNudge[]; after?: boolean }) {
  const { t } = useTranslation();
  const shown = REPLY_CARE_NUDGES.filter((n) => nudges.includes(n));
  if (shown.length === 0) return null;
  return (
    <div className="reply-care-nudge">
      <p className="reply-care-nudge-title">{after ? t('replyCare.nudgeAfter') : t('replyCare.nudgeBefore')}</p>
      <ul>
        {shown.map((n) => (
          <li key={n}>{t(`replyCare.nudges.${n}`)}</li>
        ))}
      </ul>
    </div>
  );
}
