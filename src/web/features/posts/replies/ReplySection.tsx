import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { CreatedReply, PostDetail } from '../../../api/forumTypes';
import { useSession } from '../../../api/session';
import { loginPath } from '../../../app/guards';
import { LoadMore } from '../../../ui/LoadMore';
import { LoadError, Loading } from '../../../ui/Status';
import { authorText } from '../AuthorName';
import { SafetyNote } from '../SafetyNote';
import { CrisisResponse } from '../../safety/CrisisResponse';
import { ReplyCareGuide } from '../../safety/ReplyCareGuide';
import { useReplies } from './api';
import { NewReplyForm } from './ReplyForm';
import { ReplyItem } from './ReplyItem';

/** How far a link to a reply (#reply-…) may load on looking for it: pages of up to 100 replies. */
const FIND_REPLY_MAX_PAGES = 20;

/** The thread under a post, indented by depth, and the box to add to it. */
export function ReplySection({ post }: { post: PostDetail }) {
  const { t } = useTranslation();
  const { member } = useSession();
  const location = useLocation();
  const replies = useReplies(post.id);
  const listRef = useRef<HTMLOListElement>(null);
  const [posted, setPosted] = useState<CreatedReply | null>(null);
  const [status, setStatus] = useState('');
  const items = replies.data?.pages.flatMap((p) => p.items) ?? [];
  const authors = new Map(items.map((r) => [r.id, authorText(r.author, t)]));
  const open = !post.locked && !post.deleted && post.status === 'published';
  const canReply = !!member && open;
  // Whoever wrote the post anonymously would give themselves away replying under their handle.
  const anonymousByDefault = post.anonymous && post.author.isMe;
  // Someone wrote about suicide or self-harm: a few words on replying with care, above the box.
  const careful = post.contentWarning === 'suicide' || post.contentWarning === 'self_harm';

  // Go to the reply a link points at (#reply-…), or to the one just posted, once it is in the list.
  // A link from a notification or a search may point past the first page: load on until it shows.
  const target = posted?.reply.id ?? (location.hash.startsWith('#reply-') ? location.hash.slice('#reply-'.length) : null);
  const reached = useRef<string | null>(null);
  const pageCount = replies.data?.pages.length ?? 0;
  const { hasNextPage, isFetching, isSuccess, isFetchNextPageError, fetchNextPage } = replies;
  useEffect(() => {
    if (!target || reached.current === target) return;
    const el = document.getElementById(`reply-${target}`);
    if (el) {
      reached.current = target;
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
      return;
    }
    // Wait for what is on its way (a refetch after posting, a page being loaded); stop on an error,
    // where "Load more" offers to try again.
    if (!isSuccess || isFetching || isFetchNextPageError) return;
    if (hasNextPage && pageCount < FIND_REPLY_MAX_PAGES) {
      void fetchNextPage({ cancelRefetch: false });
      return;
    }
    reached.current = target;
    // Removed, held for a moderator, or too far down: say so rather than do nothing.
    if (!posted) setStatus(t('replies.linkedNotFound'));
  }, [target, items.length, pageCount, hasNextPage, isFetching, isSuccess, isFetchNextPageError, fetchNextPage, posted, t]);

  const onPosted = (created: CreatedReply) => {
    setPosted(created);
    setStatus(created.safety.held ? t('replies.postedHeld') : t('replies.posted'));
  };
  const postedShownInList = !!posted && items.some((r) => r.id === posted.reply.id);

  return (
    <section className="replies" aria-labelledby="replies-title">
      <h2 id="replies-title" tabIndex={-1}>{post.replyCount > 0 ? t('replies.title', { count: post.replyCount }) : t('replies.titleNone')}</h2>
      {replies.isPending && <Loading label={t('replies.loading')} />}
      {replies.isError && items.length === 0 && <LoadError message={replies.error.message} onRetry={() => void replies.refetch()} />}
      {replies.isSuccess && items.length === 0 && <p>{open ? t('replies.none') : t('replies.noneClosed')}</p>}
      {items.length > 0 && (
        <ol className="reply-list" ref={listRef}>
          {items.map((reply) => (
            <li key={reply.id} className={`reply reply--depth-${Math.min(Math.max(reply.depth, 0), 3)}`} data-depth={reply.depth}>
              <ReplyItem
                reply={reply}
                groupSlug={post.group.slug}
                parentAuthor={reply.parentId ? (authors.get(reply.parentId) ?? null) : null}
                canReply={canReply}
                safety={posted?.reply.id === reply.id ? posted.safety : null}
                onPosted={onPosted}
                anonymousByDefault={anonymousByDefault}
              />
            </li>
          ))}
        </ol>
      )}
      <LoadMore pager={replies} listRef={listRef} count={items.length} label={t('replies.loadMore')} />

      <p className="field-status" role="status">
        {status}
      </p>
      {posted && !postedShownInList && <SafetyNote safety={posted.safety} what="reply" />}
      {posted && (
        <CrisisResponse
          key={posted.reply.id}
          response={posted.safety.response}
          returnFocus={() => document.getElementById(`reply-${posted.reply.id}`) ?? document.getElementById('replies-title')}
        />
      )}

      {canReply && (
        <div className="reply-box">
          <h3 className="reply-box-title">{t('replies.boxTitle')}</h3>
          {careful && <ReplyCareGuide />}
          <NewReplyForm postId={post.id} groupSlug={post.group.slug} parentId={null} label={t('replies.boxLabel')} onPosted={onPosted} anonymousByDefault={anonymousByDefault} />
        </div>
      )}
      {!open && <p className="notice notice--info">{post.deleted ? t('replies.closedDeleted') : post.locked ? t('replies.closedLocked') : t('replies.closedHeld')}</p>}
      {open && !member && (
        <p>
          <Link to={loginPath(location.pathname)}>{t('replies.logInToReply')}</Link>
        </p>
      )}
    </section>
  );
}
