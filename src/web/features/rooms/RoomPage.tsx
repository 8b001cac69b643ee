import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { GroupNotFound } from '../groups/GroupNotFound';
import { useGroup } from '../groups/api';
import { useRoomView } from './api';
import { Room } from './Room';
import '../../styles/rooms.css';

/** /groups/:slug/room — the group's room, open day and night, for its members. */
export function RoomPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { member } = useSession();
  const group = useGroup(slug);
  const view = useRoomView(slug, !!member);
  const name = view.data?.room.group?.name ?? group.data?.name;
  const title = name ? t('rooms.title', { name }) : t('rooms.titleShort');

  if (view.isError && isApiError(view.error) && view.error.status === 404) return <GroupNotFound />;
  const notMember = view.isError && isApiError(view.error) && view.error.code === 'not_a_member';

  return (
    <div className="room-page">
      <p className="breadcrumb">
        <Link to={`/groups/${encodeURIComponent(slug)}`}>{name ? t('rooms.backToGroup', { name }) : t('rooms.backToGroupShort')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {view.isPending && <Loading label={t('rooms.loading')} />}
      {notMember && (
        <div className="notice notice--info">
          <p>{t('rooms.notMember')}</p>
          <p>
            <Link to={`/groups/${encodeURIComponent(slug)}`}>{t('rooms.joinFirst')}</Link>
          </p>
        </div>
      )}
      {view.isError && !notMember && <LoadError message={view.error.message} onRetry={() => void view.refetch()} />}
      {/* Keyed by conversation and by fetch: a fresh view starts a fresh live room. */}
      {view.data && member && <Room key={`${view.data.room.id}:${view.dataUpdatedAt}`} view={view.data} member={member} />}
    </div>
  );
}
