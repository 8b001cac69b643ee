import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClass } from '../../ui/Button';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { formatDate } from '../../i18n';
import { AdminNav } from '../admin/AdminNav';
import { useAdminResources } from './api';
import './resources.css';

/** /admin/resources — every article, drafts included, with a way in to write a new one. */
export function AdminResourcesPage() {
  const { t } = useTranslation();
  const list = useAdminResources();
  return (
    <>
      <AdminNav />
      <PageHeading>{t('resources.adminTitle')}</PageHeading>
      <p>{t('resources.adminIntro')}</p>
      <p>
        <Link className={buttonClass('primary')} to="/admin/resources/new">
          {t('resources.newArticle')}
        </Link>
      </p>
      {list.isPending && <Loading label={t('resources.loading')} />}
      {list.isError && <LoadError message={list.error.message} onRetry={() => void list.refetch()} />}
      {list.data && list.data.length === 0 && <p>{t('resources.adminEmpty')}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="card-list">
          {list.data.map((item) => (
            <li key={item.id}>
              <article className="card">
                <h2 className="card-title">
                  <Link to={`/admin/resources/${encodeURIComponent(item.id)}`}>{item.title}</Link>
                </h2>
                <p className="card-meta">
                  <span className="badge">{item.published ? t('resources.published') : t('resources.draft')}</span>
                  <span>{t(`resources.language_${item.language}`)}</span>
                  <span>{t('resources.updated', { date: formatDate(item.updatedAt) })}</span>
                </p>
                {item.tags.length > 0 && <p className="card-text">{t('resources.tagsList', { tags: item.tags.join(', ') })}</p>}
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
