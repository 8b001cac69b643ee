import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../../api/session';

/** Between the moderators' pages: the review queue first, then alerts, flags, applications and the record. */
export function ModerationNav() {
  const { t } = useTranslation();
  const { isAdmin, isModerator } = useSession();
  // A group's moderator has the queue only (their groups' items): no other pages to move between.
  if (!isModerator) return null;
  return (
    <nav aria-label={t('moderationQueue.navLabel')} className="sub-nav">
      <ul>
        <li>
          <NavLink to="/moderation/queue">{t('nav.reviewQueue')}</NavLink>
        </li>
        <li>
          <NavLink to="/moderation/alerts">{t('nav.alerts')}</NavLink>
        </li>
        <li>
          <NavLink to="/moderation/flags">{t('flags.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/moderation/listeners">{t('listeners.review.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/moderation/audit">{t('nav.auditLog')}</NavLink>
        </li>
        {isAdmin && (
          <li>
            <NavLink to="/admin/moderation">{t('nav.moderationNumbers')}</NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
