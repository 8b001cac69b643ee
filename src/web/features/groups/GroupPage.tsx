import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { loginPath } from '../../app/guards';
import { Button } from '../../ui/Button';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { useGroup, useMembership } from './api';
import { GroupHosts } from './GroupHosts';
import { GroupNotFound } from './GroupNotFound';
import { GroupPosts } from './GroupPosts';
import { ShowOnProfile } from './ShowOnProfile';
import { RoomLink } from '../rooms/RoomLink';

export function GroupPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const { member, isLoading: sessionLoading } = useSession();
  const group = useGroup(slug);
  const membership = useMembership(slug);
  const [status, setStatus] = useState('');

  if (group.isError && isApiError(group.error) && group.error.status === 404) return <GroupNotFound />;

  const data = group.data;
  const toggle = () => {
    if (!data || membership.isPending) return;
    if (!member) {
      void navigate(loginPath(`/groups/${encodeURIComponent(slug)}`));
      return;
    }
    setStatus('');
    const join = !data.joined;
    membership.mutate(join, {
      onSuccess: ({ group: g }) => setStatus(join ? t('groups.joinedStatus', { name: g.name }) : t('groups.leftStatus', { name: g.name })),
    });
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/groups">{t('groups.backToGroups')}</Link>
      </p>
      <PageHeading title={data?.name ?? t('groups.groupTitle')}>{data?.name ?? t('groups.groupTitle')}</PageHeading>
      {group.isPending && <Loading label={t('groups.loadingOne')} />}
      {group.isError && <LoadError message={group.error.message} onRetry={() => void group.refetch()} />}
      {data && (
        <>
          <p className="card-meta">
            <span>{t('groups.members', { count: data.memberCount })}</span>
            {data.joined && <span className="badge badge--joined">{t('groups.joinedBadge')}</span>}
            {data.archived && <span className="badge">{t('groups.archivedBadge')}</span>}
          </p>
          {!data.archived && (member || data.visitorsCanRead) && <GroupHosts slug={data.slug} />}
          <p className="lead">{data.description}</p>

          {data.archived && !data.joined ? (
            <p>{t('groups.archivedNote')}</p>
          ) : (
            <div className="membership">
              <Button
                variant={data.joined ? 'secondary' : 'primary'}
                busy={membership.isPending || sessionLoading}
                busyLabel={membership.isPending ? (data.joined ? t('groups.leaving') : t('groups.joining')) : undefined}
                onClick={toggle}
                aria-describedby={member ? undefined : 'join-login-hint'}
              >
                {data.joined ? t('groups.leave') : t('groups.join')}
              </Button>
              {!member && !sessionLoading && (
                <p className="field-hint" id="join-login-hint">
                  {t('groups.joinNeedsLogin')}
                </p>
              )}
              {membership.isError && (
                <p className="field-error" role="alert">
                  {membership.error.message}
                </p>
              )}
              <p className="field-status" role="status">
                {status}
              </p>
              {member && data.joined && <ShowOnProfile group={data} />}
            </div>
          )}

          {member && data.joined && <RoomLink slug={data.slug} />}

          <GroupPosts group={data} />

          <section>
            <h2 id="group-rules-title">{t('groups.rulesTitle')}</h2>
            {data.rules.length > 0 ? (
              <ol className="rules-list">
                {data.rules.map((rule, i) => (
                  <li key={i}>{rule}</li>
                ))}
              </ol>
            ) : (
              <p>{t('groups.noRules')}</p>
            )}
            <p>
              {t('groups.rulesAlso')} <Link to="/guidelines">{t('groups.rulesAlsoLink')}</Link>
            </p>
          </section>
        </>
      )}
    </>
  );
}
