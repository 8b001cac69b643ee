import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClass } from '../../ui/Button';

/** On a group's page, for its members: the way into the group's room. */
export function RoomLink({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <div className="room-link">
      <Link to={`/groups/${encodeURIComponent(slug)}/room`} className={buttonClass('primary')} aria-describedby="room-link-hint">
        {t('rooms.enter')}
      </Link>
      <p className="field-hint" id="room-link-hint">
        {t('rooms.enterHint')}
      </p>
    </div>
  );
}
