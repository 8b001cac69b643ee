import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { SearchHit } from '../../api/forumTypes';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeading } from '../../ui/PageHeading';
import { SanitizedHtml } from '../../ui/SanitizedHtml';
import { LoadError, Loading } from '../../ui/Status';
import { TimeAgo } from '../../ui/TimeAgo';
import { WarningBadge } from '../posts/PostBadges';
import { postPagePath } from '../posts/PostListItem';
import { useSearch } from './api';

function SearchResult({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const to = `${postPagePath(hit.postId)}${hit.replyId ? `#reply-${hit.replyId}` : ''}`;
  return (
    <article className="card search-hit">
      <h2 className="card-title">
        <Link to={to}>
          {hit.kind === 'reply' && <span className="search-hit-kind">{t('search.replyIn')} </span>}
          {hit.title}
        </Link>
      </h2>
      {hit.contentWarning ? (
        // Like the feed: the warning, and none of the words, until the reader chooses to open the post.
        <p className="post-badges">
          <WarningBadge warning={hit.contentWarning} />
        </p>
      ) : (
        <SanitizedHtml as="p" className="card-text search-snippet" html={hit.snippetHtml} />
      )}
      <p className="card-meta">
        <span>
          {t('posts.inGroup')} <Link to={`/groups/${encodeURIComponent(hit.group.slug)}`}>{hit.group.name}</Link>
        </span>
        <TimeAgo value={hit.createdAt} />
      </p>
    </article>
  );
}

/** /search?q= — posts and replies in the groups one may read, with the matched words marked. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [error, setError] = useState<string | undefined>();
  // Back and forward change `q` without a submit: the box follows the address.
  const [shownQ, setShownQ] = useState(q);
  if (shownQ !== q) {
    setShownQ(q);
    setText(q);
    setError(undefined);
  }
  const results = useSearch(q);
  const listRef = useRef<HTMLUListElement>(null);
  const hits = results.data?.pages.flatMap((p) => p.items) ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('search.required'));
      return;
    }
    setError(undefined);
    setParams({ q: text.trim() });
  };

  return (
    <>
      <PageHeading title={q ? t('search.titleFor', { q }) : t('search.title')}>{t('search.title')}</PageHeading>
      <form onSubmit={submit} className="form search-form search-form--single" role="search" aria-label={t('search.formLabel')} noValidate>
        <Field label={t('search.label')} hint={t('search.hint')} error={error}>
          {(control) => <input {...control} name="q" type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" enterKeyHint="search" />}
        </Field>
        <div className="form-actions">
          <Button type="submit" variant="primary">
            {t('search.submit')}
          </Button>
        </div>
      </form>

      {q && results.isPending && <Loading label={t('search.searching')} />}
      {results.isError && hits.length === 0 && <LoadError message={results.error.message} onRetry={() => void results.refetch()} />}
      <p className="field-status" role="status">
        {results.isSuccess && (hits.length === 0 ? t('search.none', { q }) : t('search.count', { count: hits.length, q }))}
      </p>
      {hits.length > 0 && (
        <ul className="card-list" ref={listRef}>
          {hits.map((hit) => (
            <li key={`${hit.postId}:${hit.replyId ?? ''}`}>
              <SearchResult hit={hit} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore pager={results} listRef={listRef} count={hits.length} />
    </>
  );
}
