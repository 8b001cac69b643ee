import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { FeedSort } from '../../api/forumTypes';
import { useSession } from '../../api/session';
import { loginPath } from '../../app/guards';
import { PostList } from '../posts/PostList';
import type { Group } from '../../../shared/api';

const SORTS: FeedSort[] = ['new', 'active', 'unanswered'];
const sortOf = (value: string | null): FeedSort => SORTS.find((s) => s === value) ?? 'new';

/** A group's posts, by New, Active or Unanswered, and the way to write one. */
export function GroupPosts({ group }: { group: Group }) {
  const { t } = useTranslation();
  const { member } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const sort = sortOf(params.get('sort'));
  const canRead = !!member || group.visitorsCanRead;

  return (
    <section className="group-posts" aria-labelledby="group-posts-title">
      <div className="section-header">
        <h2 id="group-posts-title">{t('groups.postsTitle')}</h2>
        {member && group.joined && !group.archived && (
          <Link to={`/groups/${encodeURIComponent(group.slug)}/new`} className="button button--primary">
            {t('groups.writePost')}
          </Link>
        )}
      </div>
      {member && !group.joined && !group.archived && <p className="field-hint">{t('groups.joinToWrite')}</p>}
      {!canRead ? (
        <p>
          {t('groups.postsForMembers')} <Link to={loginPath(location.pathname)}>{t('nav.logIn')}</Link>
        </p>
      ) : (
        <>
          <nav aria-label={t('groups.sortLabel')} className="feed-tabs">
            <ul>
              {SORTS.map((s) => (
                <li key={s}>
                  <Link to={{ search: s === 'new' ? '' : `?sort=${s}` }} aria-current={s === sort ? 'page' : undefined} preventScrollReset>
                    {t(`groups.sort.${s}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <PostList
            source={{ kind: 'group', slug: group.slug, sort }}
            headingLevel={3}
            empty={<p>{sort === 'unanswered' ? t('groups.noUnanswered') : t('groups.noPosts')}</p>}
          />
        </>
      )}
    </section>
  );
}
