import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { useGroups } from './api';
import { GroupCard } from './GroupCard';

export function GroupsPage() {
  const { t } = useTranslation();
  const groups = useGroups();
  return (
    <>
      <PageHeading>{t('groups.title')}</PageHeading>
      <p className="lead">{t('groups.intro')}</p>
      {groups.isPending && <Loading label={t('groups.loading')} />}
      {groups.isError && <LoadError message={groups.error.message} onRetry={() => void groups.refetch()} />}
      {groups.data && groups.data.length === 0 && <p>{t('groups.empty')}</p>}
      {groups.data && groups.data.length > 0 && (
        <ul className="card-list">
          {groups.data.map((group) => (
            <li key={group.id}>
              <GroupCard group={group} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
