import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** Between the admin pages. */
export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('admin.navLabel')} className="sub-nav">
      <ul>
        <li>
          <NavLink to="/admin/members">{t('admin.membersNav')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/groups">{t('admin.groupsNav')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/support">{t('adminSupport.nav')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/resources">{t('resources.adminNav')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/moderation">{t('nav.moderationNumbers')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
