import { useTranslation } from 'react-i18next';
import { REACTIONS } from '../../../../shared/forum-rules';
import { useNow } from '../../rooms/Composer';

/** The forums' supportive reactions, sent to the room while someone shares. */
export const REACTION_NAMES = REACTIONS;

/** A share's timer, counting down for everyone; it ends nothing by itself (the facilitator does). */
export function ShareTimer({ since, seconds }: { since: number; seconds: number }) {
  const { t } = useTranslation();
  const now = useNow(true);
  const left = Math.max(0, Math.ceil((since + seconds * 1000 - now) / 1000));
  const text = left === 0 ? t('meetingRoom.share.timeUp') : t('meetingRoom.share.timeLeft', { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` });
  return <span className={left === 0 ? 'meeting-timer is-up' : 'meeting-timer'}>{text}</span>;
}
