import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, isApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { Room } from '../rooms/Room';
import type { RoomView } from '../rooms/types';
import '../../styles/rooms.css';

/** /listeners/room — the listeners' own room, to talk over a hard chat with each other and the moderators. */
export function ListenersRoomPage() {
  const { t } = useTranslation();
  const { member } = useSession();
  const view = useQuery({
    queryKey: ['rooms', 'listeners'],
    queryFn: ({ signal }) => api<RoomView>('/api/v1/listeners/room', { signal }),
    enabled: !!member,
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const notAllowed = view.isError && isApiError(view.error) && view.error.status === 404;
  return (
    <div className="room-page">
      <p className="breadcrumb">
        <Link to="/listeners/me">{t('listeners.room.back')}</Link>
      </p>
      <PageHeading>{t('listeners.room.title')}</PageHeading>
      <p className="field-hint">{t('listeners.room.intro')}</p>
      {view.isPending && <Loading />}
      {notAllowed && (
        <div className="notice notice--info">
          <p>{t('listeners.room.notAllowed')}</p>
        </div>
      )}
      {view.isError && !notAllowed && <LoadError message={view.error.message} onRetry={() => void view.refetch()} />}
      {view.data && member && <Room key={`${view.data.room.id}:${view.dataUpdatedAt}`} view={view.data} member={member} />}
    </div>
  );
}
