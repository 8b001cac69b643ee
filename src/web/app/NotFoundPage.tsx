import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../ui/PageHeading';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <ul className="link-list">
        <li>
          <Link to="/">{t('notFound.home')}</Link>
        </li>
        <li>
          <Link to="/groups">{t('notFound.groups')}</Link>
        </li>
        <li>
          <Link to="/help">{t('notFound.help')}</Link>
        </li>
      </ul>
    </>
  );
}
