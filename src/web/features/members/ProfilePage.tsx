import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { formatMonth } from '../../i18n';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { BlockButton } from '../blocks/BlockButton';
import { ReportDialog } from '../moderation/ReportDialog';
import { buttonClass } from '../../ui/Button';
import { useProfile } from './api';

/** /members/:handle — only what a member chose to show: no post history, no counts. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { handle = '' } = useParams();
  const { member } = useSession();
  const profile = useProfile(handle);
  const data = profile.data;
  const isMe = !!member && member.handle.toLowerCase() === handle.toLowerCase();
  const feedback = useFeedback();

  if (profile.isError && isApiError(profile.error) && profile.error.status === 404) {
    return (
      <>
        <PageHeading>{t('profile.notFoundTitle')}</PageHeading>
        <p>{t('profile.notFoundBody')}</p>
      </>
    );
  }

  return (
    <>
      <PageHeading title={data?.handle ?? handle}>
        <span translate="no">{data?.handle ?? handle}</span>
      </PageHeading>
      {profile.isPending && <Loading />}
      {profile.isError && <LoadError message={profile.error.message} onRetry={() => void profile.refetch()} />}
      {data && (
        <>
          <p className="lead">{t('profile.joined', { month: formatMonth(data.joinedMonth) })}</p>
          <section aria-labelledby="profile-groups-title">
            <h2 id="profile-groups-title">{t('profile.groupsTitle')}</h2>
            {data.groups.length === 0 ? (
              <p>{isMe ? t('profile.noGroupsMine') : t('profile.noGroups')}</p>
            ) : (
              <ul className="link-list">
                {data.groups.map((g) => (
                  <li key={g.slug}>
                    <Link to={`/groups/${encodeURIComponent(g.slug)}`}>{g.name}</Link>
                  </li>
                ))}
              </ul>
            )}
            {isMe && <p className="field-hint">{t('profile.howToShow')}</p>}
          </section>
          <p className="field-hint">{t('profile.privacy')}</p>
          {member && !isMe && (
            <div className="profile-block">
              {data.blockedByMe && <p>{t('blocks.placeholder')}</p>}
              <div className="button-row">
                <BlockButton handle={data.handle} blocked={!!data.blockedByMe} feedback={feedback} />
                <ReportDialog targetType="member" targetId={data.handle} name={data.handle} triggerClassName={buttonClass('secondary')} />
              </div>
              <FeedbackText feedback={feedback} />
            </div>
          )}
        </>
      )}
    </>
  );
}
