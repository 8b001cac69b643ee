import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';

/** For an address that is not (or no longer) a group. */
export function GroupNotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('groups.notFoundTitle')}</PageHeading>
      <p>{t('groups.notFoundBody')}</p>
      <p>
        <Link to="/groups">{t('groups.backToGroups')}</Link>
      </p>
    </>
  );
}
