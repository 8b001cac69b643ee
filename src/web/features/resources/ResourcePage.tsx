import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { formatDate } from '../../i18n';
import { PageHeading } from '../../ui/PageHeading';
import { SanitizedHtml } from '../../ui/SanitizedHtml';
import { LoadError, Loading } from '../../ui/Status';
import { CrisisChoices } from '../safety/CrisisChoices';
import { useResource } from './api';
import './resources.css';

/** /resources/:slug — one article, and under every article the reader's own crisis lines. */
export function ResourcePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const resource = useResource(slug);

  if (resource.isPending) return <Loading label={t('resources.loadingOne')} />;
  if (resource.isError) {
    const missing = isApiError(resource.error) && resource.error.status === 404;
    return (
      <>
        <PageHeading>{missing ? t('resources.notFoundTitle') : t('resources.title')}</PageHeading>
        <LoadError message={missing ? t('resources.notFound') : resource.error.message} {...(missing ? {} : { onRetry: () => void resource.refetch() })} />
        <p>
          <Link to="/resources">{t('resources.back')}</Link>
        </p>
      </>
    );
  }
  const article = resource.data;
  return (
    <article className="resource-article" lang={article.language}>
      <p>
        <Link to="/resources">{t('resources.back')}</Link>
      </p>
      <PageHeading>{article.title}</PageHeading>
      <p className="card-meta">{t('resources.updated', { date: formatDate(article.updatedAt) })}</p>
      {article.tags.length > 0 && (
        <ul className="resource-tags" aria-label={t('resources.tagsOf')}>
          {article.tags.map((tag) => (
            <li key={tag}>
              <Link className="badge" to={`/resources?tag=${encodeURIComponent(tag)}`}>
                {tag}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <SanitizedHtml className="prose" html={article.html} />
      <section className="resource-help" aria-labelledby="resource-help-heading">
        <h2 id="resource-help-heading">{t('resources.helpHeading')}</h2>
        <p>{t('resources.helpText')}</p>
        <CrisisChoices variant="self" />
      </section>
    </article>
  );
}
