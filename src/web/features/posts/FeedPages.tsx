import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NEEDS_REPLY_DAYS } from '../../../shared/forum-rules';
import { PageHeading } from '../../ui/PageHeading';
import type { PostSource } from './api';
import { PostList } from './PostList';

function FeedPage({ title, intro, source, empty }: { title: string; intro: ReactNode; source: PostSource; empty: ReactNode }) {
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <div className="lead">{intro}</div>
      <PostList source={source} empty={empty} />
    </>
  );
}

/** Recent activity in the groups the member has joined. */
export function HomeFeedPage() {
  const { t } = useTranslation();
  return (
    <FeedPage
      title={t('feeds.homeTitle')}
      intro={
        <p>
          {t('feeds.homeIntro')} <Link to="/saved">{t('feeds.savedLink')}</Link>
        </p>
      }
      source={{ kind: 'feed' }}
      empty={
        <p>
          {t('feeds.homeEmpty')} <Link to="/groups">{t('home.browseGroups')}</Link>
        </p>
      }
    />
  );
}

/** Posts nobody has answered yet, oldest first, so nobody is left waiting. */
export function NeedsReplyPage() {
  const { t } = useTranslation();
  return (
    <FeedPage
      title={t('feeds.needsReplyTitle')}
      intro={
        <>
          <p>{t('feeds.needsReplyIntro', { count: NEEDS_REPLY_DAYS })}</p>
          <p className="field-hint">{t('feeds.needsReplyLimits')}</p>
        </>
      }
      source={{ kind: 'needsReply' }}
      empty={<p>{t('feeds.needsReplyEmpty')}</p>}
    />
  );
}

/** The posts the member saved to come back to. */
export function SavedPage() {
  const { t } = useTranslation();
  return <FeedPage title={t('feeds.savedTitle')} intro={<p>{t('feeds.savedIntro')}</p>} source={{ kind: 'saved' }} empty={<p>{t('feeds.savedEmpty')}</p>} />;
}
