import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClass } from '../../ui/Button';
import { useHereNow } from './api';

/** On a group's page, for its members: the way into the group's room. */
export function RoomLink({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const here = useHereNow(slug);
  return (
    <div className="room-link">
      <Link to={`/groups/${encodeURIComponent(slug)}/room`} className={buttonClass('primary')} aria-describedby="room-link-hint">
        {t('rooms.enter')}
      </Link>
      <p className="field-hint" id="room-link-hint">
        {t('rooms.enterHint')}
        {here.data !== undefined && here.data > 0 && <> {t('rooms.hereNowShort', { count: here.data })}</>}
      </p>
    </div>
  );
}
