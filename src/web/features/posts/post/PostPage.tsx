import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import type { SafetyOutcome } from '../../../api/forumTypes';
import { loginPath } from '../../../app/guards';
import { focusSoon } from '../../../ui/focusSoon';
import { PageHeading } from '../../../ui/PageHeading';
import { LoadError, Loading, Notice } from '../../../ui/Status';
import { TimeAgo } from '../../../ui/TimeAgo';
import { usePost } from '../api';
import { AuthorName } from '../AuthorName';
import { PostBadges } from '../PostBadges';
import { ReactionBar } from '../ReactionBar';
import { ReplySection } from '../replies/ReplySection';
import { SafetyNote } from '../SafetyNote';
import { CrisisResponse } from '../../safety/CrisisResponse';
import { ModeratorTools, PostActions } from './PostActions';
import { PostContent } from './PostContent';

/** What the page before left for this one: the safety outcome of a new post, or "saved". */
interface Arrival {
  safety?: SafetyOutcome;
  saved?: boolean;
}

function useArrival(): Arrival | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [arrival] = useState(() => (location.state as Arrival | null) ?? null);
  // Shown once: a reload or a return later should not repeat it.
  useEffect(() => {
    if (location.state) void navigate(`${location.pathname}${location.hash}`, { replace: true, state: null });
  }, [location.state, location.pathname, location.hash, navigate]);
  return arrival;
}

/** /posts/:id — a post, its reactions and its replies. */
export function PostPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const post = usePost(id);
  const arrival = useArrival();
  const [deleted, setDeleted] = useState(false);
  const deletedNote = useRef<HTMLDivElement>(null);

  if (post.isError && isApiError(post.error) && [401, 404].includes(post.error.status)) {
    const needsLogin = post.error.status === 401;
    return (
      <>
        <PageHeading>{needsLogin ? t('posts.logInTitle') : t('posts.notFoundTitle')}</PageHeading>
        <p>{needsLogin ? t('posts.logInBody') : t('posts.notFoundBody')}</p>
        <p>
          {needsLogin ? <Link to={loginPath(location.pathname)}>{t('nav.logIn')}</Link> : <Link to="/groups">{t('groups.backToGroups')}</Link>}
        </p>
      </>
    );
  }

  const data = post.data;
  return (
    <>
      {data && (
        <p className="breadcrumb">
          <Link to={`/groups/${encodeURIComponent(data.group.slug)}`}>{data.group.name}</Link>
        </p>
      )}
      <PageHeading title={data?.title ?? t('posts.postTitle')}>{data?.title ?? t('posts.postTitle')}</PageHeading>
      {post.isPending && <Loading label={t('posts.loadingOne')} />}
      {post.isError && <LoadError message={post.error.message} onRetry={() => void post.refetch()} />}
      {arrival?.safety && <SafetyNote safety={arrival.safety} what="post" />}
      {arrival?.safety && <CrisisResponse response={arrival.safety.response} returnFocus={() => document.querySelector<HTMLElement>('main h1')} />}
      {arrival?.saved && (
        <Notice tone="success" live>
          <p>{t('composer.saved')}</p>
        </Notice>
      )}
      {deleted && (
        <div className="notice notice--success" ref={deletedNote} tabIndex={-1}>
          <p>{t('posts.deletedNotice')}</p>
        </div>
      )}
      {data && (
        <article className="post">
          <p className="card-meta post-meta">
            <AuthorName author={data.author} />
            <TimeAgo value={data.createdAt} />
            {data.editedAt && !data.deleted && <span className="edited">{t('posts.edited')}</span>}
          </p>
          <PostBadges post={data} />
          <PostContent post={data} />
          {!data.deleted && <ReactionBar target={{ type: 'post', id: data.id }} reactions={data.reactions} myReactions={data.myReactions} label={t('posts.reactionsLabel')} />}
          <PostActions
            post={data}
            onDeleted={() => {
              setDeleted(true);
              focusSoon(deletedNote);
            }}
          />
        </article>
      )}
      {data && <ModeratorTools post={data} />}
      {data && <ReplySection post={data} />}
    </>
  );
}
