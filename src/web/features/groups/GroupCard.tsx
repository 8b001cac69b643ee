import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Group } from '../../../shared/api';

/** One group in a list: its name links to the group page. */
export function GroupCard({ group, headingLevel = 2 }: { group: Group; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card group-card">
      <Heading className="card-title">
        <Link to={`/groups/${encodeURIComponent(group.slug)}`}>{group.name}</Link>
      </Heading>
      <p className="card-text">{group.description}</p>
      <p className="card-meta">
        <span>{t('groups.members', { count: group.memberCount })}</span>
        {group.joined && <span className="badge badge--joined">{t('groups.joinedBadge')}</span>}
        {group.archived && <span className="badge">{t('groups.archivedBadge')}</span>}
      </p>
    </article>
  );
}
