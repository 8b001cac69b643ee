import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ResourceSummary } from '../../../shared/resources';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { libraryLanguage, useResources } from './api';
import './resources.css';

function ResourceCard({ item }: { item: ResourceSummary }) {
  return (
    <article className="card">
      <h2 className="card-title">
        <Link to={`/resources/${encodeURIComponent(item.slug)}`}>{item.title}</Link>
      </h2>
      <p className="card-text">{item.excerpt}</p>
      {item.tags.length > 0 && (
        <ul className="resource-tags">
          {item.tags.map((tag) => (
            <li key={tag} className="badge">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** /resources — the library: short articles on looking after yourself, searchable and by tag. */
export function ResourcesPage() {
  const { t, i18n } = useTranslation();
  const lang = libraryLanguage(i18n.resolvedLanguage);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const tag = params.get('tag') ?? '';
  const [text, setText] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  // Back and forward change `q` without a submit: the box follows the address.
  if (shownQ !== q) {
    setShownQ(q);
    setText(q);
  }
  const list = useResources(lang, q, tag);
  const items = list.data?.items ?? [];

  const withParams = (next: { q?: string; tag?: string }) => {
    const merged = { q, tag, ...next };
    return Object.fromEntries(Object.entries(merged).filter(([, v]) => v)) as Record<string, string>;
  };
  const tagHref = (value: string) => {
    const p = new URLSearchParams(withParams({ tag: value }));
    const s = p.toString();
    return s ? `/resources?${s}` : '/resources';
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(withParams({ q: text.trim() }));
  };

  return (
    <>
      <PageHeading title={q ? t('resources.titleFor', { q }) : t('resources.title')}>{t('resources.title')}</PageHeading>
      <p className="lead">{t('resources.intro')}</p>
      <p>
        {t('resources.helpFirst')} <Link to="/help">{t('resources.helpLink')}</Link>
      </p>

      <form onSubmit={submit} className="form search-form search-form--single" role="search" aria-label={t('resources.searchLabel')} noValidate>
        <Field label={t('resources.searchField')} hint={t('resources.searchHint')}>
          {(control) => <input {...control} name="q" type="search" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} autoComplete="off" enterKeyHint="search" />}
        </Field>
        <div className="form-actions">
          <Button type="submit" variant="primary">
            {t('resources.searchSubmit')}
          </Button>
        </div>
      </form>

      {list.data && list.data.tags.length > 0 && (
        <nav aria-label={t('resources.tagsLabel')}>
          <ul className="resource-tags resource-tag-filter">
            <li>
              <Link to={tagHref('')} aria-current={tag === '' ? 'true' : undefined}>
                {t('resources.allTags')}
              </Link>
            </li>
            {list.data.tags.map((entry) => (
              <li key={entry.tag}>
                <Link to={tagHref(entry.tag)} aria-current={tag === entry.tag ? 'true' : undefined}>
                  {t('resources.tagCount', { tag: entry.tag, count: entry.count })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {list.isPending && <Loading label={t('resources.loading')} />}
      {list.isError && !list.data && <LoadError message={list.error.message} onRetry={() => void list.refetch()} />}
      <p className="field-status" role="status">
        {list.isSuccess && (q || tag) && (items.length === 0 ? t('resources.none') : t('resources.count', { count: items.length }))}
      </p>
      {list.isSuccess && items.length === 0 && !q && !tag && <p>{t('resources.empty')}</p>}
      {items.length > 0 && (
        <ul className="card-list">
          {items.map((item) => (
            <li key={item.slug}>
              <ResourceCard item={item} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
