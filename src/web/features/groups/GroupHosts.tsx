import { useTranslation } from 'react-i18next';
import { useGroupStaff } from './api';

/** "Hosted by …": the group's moderators and hosts, so members know who looks after it. */
export function GroupHosts({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const staff = useGroupStaff(slug);
  const items = staff.data ?? [];
  if (items.length === 0) return null;
  const names = new Intl.ListFormat(i18n.resolvedLanguage ?? 'en', { type: 'conjunction' }).format(
    items.map((s) => t('groupStaff.withRole', { handle: s.handle, role: t(`groupStaff.roles.${s.role}`) })),
  );
  return <p className="group-hosts">{t('groupStaff.hostedBy', { names })}</p>;
}
