import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { MeetingLive, MeetingRoomView } from '../../../../shared/meeting-room';
import { isApiError } from '../../../api/client';
import { useSession } from '../../../api/session';
import { formatDateTime } from '../../../i18n';
import { useSocket, useSocketEvent } from '../../../realtime';
import { Button } from '../../../ui/Button';
import { toProblem } from '../../../ui/formProblem';
import { PageHeading } from '../../../ui/PageHeading';
import { LoadError, Loading } from '../../../ui/Status';
import { Room } from '../../rooms/Room';
import { meetingRoomKeys, useEnterRoom, useMeetingConversation, useReact, useRoomAction } from './api';
import { EndedScreen } from './EndedScreen';
import { LeaderTools } from './LeaderTools';
import { REACTION_NAMES, ShareTimer } from './parts';
import { RiskAlerts } from './RiskAlerts';
import '../../../styles/rooms.css';
import '../../../styles/meeting-room.css';

/** What changed between two states of the room, said once for screen readers. */
function useAnnouncements(live: MeetingLive | undefined): string {
  const { t } = useTranslation();
  const before = useRef<MeetingLive | undefined>(undefined);
  const [text, setText] = useState('');
  useEffect(() => {
    const prev = before.current;
    before.current = live;
    if (!prev || !live) return;
    const said: string[] = [];
    if (prev.currentStep !== live.currentStep && live.currentStep >= 0) {
      said.push(prev.currentStep < 0 ? t('meetingRoom.announce.started', { step: live.agenda[live.currentStep] }) : t('meetingRoom.announce.step', { step: live.agenda[live.currentStep] }));
    }
    if (prev.speaker?.id !== live.speaker?.id) said.push(live.speaker ? t('meetingRoom.announce.floor', { name: live.speaker.handle }) : t('meetingRoom.announce.shareEnded'));
    if (prev.leader?.id !== live.leader?.id && live.leader) said.push(t('meetingRoom.announce.leader', { name: live.leader.handle }));
    if (prev.pausedAt === null && live.pausedAt !== null) said.push(t('meetingRoom.paused'));
    if (prev.pausedAt !== null && live.pausedAt === null) said.push(t('meetingRoom.announce.resumed'));
    if (prev.allMuted !== live.allMuted) said.push(live.allMuted ? t('meetingRoom.announce.allMuted') : t('meetingRoom.announce.allUnmuted'));
    if (prev.endedAt === null && live.endedAt !== null) said.push(t('meetingRoom.ended.title'));
    if (said.length > 0) setText(said.join(' '));
  }, [live, t]);
  return text;
}

/** The agenda, pinned, with the current step marked. */
function Agenda({ live }: { live: MeetingLive }) {
  const { t } = useTranslation();
  return (
    <section className="meeting-agenda" aria-labelledby="meeting-agenda-title">
      <h2 id="meeting-agenda-title">{t('meetingRoom.agenda')}</h2>
      <ol>
        {live.agenda.map((step, i) => (
          <li key={i} aria-current={i === live.currentStep ? 'step' : undefined} className={i === live.currentStep ? 'is-current' : undefined}>
            {step}
            {i === live.currentStep && <span className="visually-hidden"> {t('meetingRoom.currentStep')}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Who has the floor, the share queue, my hand, and the reactions anyone may send. */
function ShareQueue({ live, view, memberId, id, date }: { live: MeetingLive; view: MeetingRoomView; memberId: string; id: string; date: string }) {
  const { t } = useTranslation();
  const action = useRoomAction(id, date);
  const react = useReact(id, date);
  const [error, setError] = useState<string | null>(null);
  const [sentNote, setSentNote] = useState('');
  const mine = live.hands.some((h) => h.id === memberId);
  const speaking = live.speaker?.id === memberId;
  const started = live.currentStep >= 0;
  return (
    <section className="meeting-share" aria-labelledby="meeting-share-title">
      <h2 id="meeting-share-title">{t('meetingRoom.share.title')}</h2>
      {live.speaker ? (
        <p className="meeting-speaker">
          <strong>{speaking ? t('meetingRoom.share.you') : t('meetingRoom.share.floor', { name: live.speaker.handle })}</strong>
          {live.speaker.shareSeconds !== null && <ShareTimer since={live.speaker.since} seconds={live.speaker.shareSeconds} />}
        </p>
      ) : (
        <p>{started ? t('meetingRoom.share.nobody') : t('meetingRoom.share.notYet')}</p>
      )}
      {live.hands.length > 0 ? (
        <>
          <h3>{t('meetingRoom.share.queue')}</h3>
          <ol className="meeting-hands">
            {live.hands.map((h) => (
              <li key={h.id}>{h.id === memberId ? t('meetingRoom.share.youInQueue', { name: h.handle }) : h.handle}</li>
            ))}
          </ol>
        </>
      ) : (
        started && <p className="field-hint">{t('meetingRoom.share.emptyQueue')}</p>
      )}
      {!view.me.isLeader && started && !speaking && (
        <Button
          variant={mine ? 'secondary' : 'primary'}
          busy={action.isPending}
          busyLabel={t('meetingRoom.saving')}
          onClick={() => {
            setError(null);
            action.mutate({ path: 'hand', body: { raised: !mine } }, { onError: (e) => setError(toProblem(e).message) });
          }}
        >
          {mine ? t('meetingRoom.share.lower') : t('meetingRoom.share.raise')}
        </Button>
      )}
      {started && (
        <div className="meeting-reactions" role="group" aria-label={t('meetingRoom.reactions.label')}>
          {REACTION_NAMES.map((r) => (
            <Button
              key={r}
              variant="quiet"
              onClick={() => {
                setError(null);
                react.mutate(r, { onSuccess: () => setSentNote(t('meetingRoom.reactions.sent', { reaction: t(`reactions.${r}`) })), onError: (e) => setError(toProblem(e).message) });
              }}
            >
              {t(`reactions.${r}`)}
            </Button>
          ))}
        </div>
      )}
      <p className="visually-hidden" role="status">
        {sentNote}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** Reactions others sent, shown for a few seconds. */
function ReactionsHeard({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const socket = useSocket();
  const [heard, setHeard] = useState<{ key: number; text: string }[]>([]);
  const counter = useRef(0);
  useSocketEvent(socket, 'meeting:reaction', (r) => {
    if (r.conversationId !== conversationId) return;
    const key = ++counter.current;
    setHeard((list) => [...list.slice(-4), { key, text: t('meetingRoom.reactions.heard', { name: r.handle, reaction: t(`reactions.${r.reaction}`) }) }]);
    setTimeout(() => setHeard((list) => list.filter((x) => x.key !== key)), 8000);
  });
  if (heard.length === 0) return null;
  return (
    <ul className="meeting-heard" aria-label={t('meetingRoom.reactions.heardLabel')}>
      {heard.map((h) => (
        <li key={h.key}>{h.text}</li>
      ))}
    </ul>
  );
}

/** Why a member may not write just now, or null. */
function composerNotice(live: MeetingLive, view: MeetingRoomView, memberId: string, t: TFunction): string | null {
  if (view.me.isHost) return null;
  if (live.currentStep < 0) return t('meetingRoom.lobby.chatClosed');
  if (live.pausedAt !== null) return t('meetingRoom.paused');
  if (live.allMuted) return t('meetingRoom.allMuted');
  if (live.speaker && live.speaker.id !== memberId) return t('meetingRoom.share.listen', { name: live.speaker.handle });
  return null;
}

/** /meetings/:id/:date/room — the live room of one meeting: lobby, agenda, share queue, chat, and the facilitators' tools. */
export function MeetingRoomPage() {
  const { t } = useTranslation();
  const { id = '', date = '' } = useParams();
  const { member } = useSession();
  const queryClient = useQueryClient();
  const socket = useSocket();
  const entered = useEnterRoom(id, date);
  const view = entered.data;
  const live = view?.live;
  const conversationId = live && live.endedAt === null ? live.conversationId : null;
  const conversation = useMeetingConversation(conversationId);
  const [removed, setRemoved] = useState(false);
  const [handed, setHanded] = useState<'listener' | 'moderator' | null>(null);
  const announcement = useAnnouncements(live);

  useSocketEvent(socket, 'meeting:live', (next) => {
    if (next.meetingId !== id || next.localDate !== date) return;
    queryClient.setQueryData<MeetingRoomView>(meetingRoomKeys.room(id, date), (old) => (old ? { ...old, live: next } : old));
    // The facilitator's counts come with the room as they see it.
    if (next.endedAt !== null) void queryClient.invalidateQueries({ queryKey: meetingRoomKeys.room(id, date) });
  });
  useSocketEvent(socket, 'meeting:removed', (r) => r.conversationId === live?.conversationId && setRemoved(true));
  useSocketEvent(socket, 'meeting:handed', (r) => r.conversationId === live?.conversationId && setHanded(r.to));

  const title = live?.title ?? t('meetingRoom.titleShort');
  const refusal = entered.isError && isApiError(entered.error) && entered.error.status < 500 ? entered.error : null;

  return (
    <div className="room-page meeting-room">
      <p className="breadcrumb">
        <Link to="/meetings">{t('meetingRoom.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
      {entered.isPending && <Loading label={t('meetingRoom.loading')} />}
      {refusal && (
        <div className={refusal.code === 'removed_from_meeting' ? 'notice notice--help' : 'notice notice--info'} role="status">
          <p>{refusal.message}</p>
          {refusal.code === 'removed_from_meeting' ? (
            <p>
              <Link to="/support">{t('meetingRoom.removed.support')}</Link> · <Link to="/help">{t('meetingRoom.removed.help')}</Link>
            </p>
          ) : (
            <p>
              <Link to="/meetings">{t('meetingRoom.toMeetings')}</Link>
            </p>
          )}
        </div>
      )}
      {entered.isError && !refusal && <LoadError message={entered.error.message} onRetry={() => void entered.refetch()} />}
      {removed ? (
        <div className="notice notice--help" role="alert">
          <p>{t('meetingRoom.removed.text')}</p>
          <p>
            <Link to="/support">{t('meetingRoom.removed.support')}</Link> · <Link to="/help">{t('meetingRoom.removed.help')}</Link>
          </p>
        </div>
      ) : (
        view &&
        live &&
        member &&
        (live.endedAt !== null ? (
          <EndedScreen view={view} id={id} date={date} />
        ) : (
          <>
            {handed && (
              <div className="notice notice--help" role="alert">
                {handed === 'listener' ? (
                  <p>
                    {t('meetingRoom.handed.listener')} <Link to="/support">{t('meetingRoom.handed.listenerLink')}</Link>
                  </p>
                ) : (
                  <p>{t('meetingRoom.handed.moderator')}</p>
                )}
              </div>
            )}
            <p className="meeting-when">
              {t('meetingRoom.when', { start: formatDateTime(live.startsAt), end: formatDateTime(live.endsAt) })}
              {live.leader && <> · {t('meetingRoom.ledBy', { name: live.leader.handle })}</>}
            </p>
            {live.deletesMessages && <p className="notice notice--info">{t('meetingRoom.staysHere')}</p>}
            {live.pausedAt !== null && (
              <p className="notice notice--help" role="status">
                {t('meetingRoom.paused')}
              </p>
            )}
            {live.currentStep < 0 && (
              <section className="meeting-lobby" aria-labelledby="meeting-lobby-title">
                <h2 id="meeting-lobby-title">{t('meetingRoom.lobby.title')}</h2>
                <p>{t('meetingRoom.lobby.begins', { time: formatDateTime(live.startsAt) })}</p>
                <p>{view.me.isLeader ? t('meetingRoom.lobby.leaderHint') : t('meetingRoom.lobby.wait')}</p>
              </section>
            )}
            <div className="meeting-layout">
              <div className="meeting-side">
                <Agenda live={live} />
                <ShareQueue live={live} view={view} memberId={member.id} id={id} date={date} />
                <ReactionsHeard conversationId={live.conversationId} />
                {view.me.isHost && <RiskAlerts conversationId={live.conversationId} id={id} date={date} />}
                {view.me.isHost && <LeaderTools live={live} view={view} id={id} date={date} />}
              </div>
              <div className="meeting-chat">
                <h2 className="visually-hidden">{t('meetingRoom.chat')}</h2>
                {conversation.isPending && <Loading label={t('meetingRoom.loading')} />}
                {conversation.isError && <LoadError message={conversation.error.message} onRetry={() => void conversation.refetch()} />}
                {conversation.data && (
                  <Room
                    key={`${conversation.data.room.id}:${conversation.dataUpdatedAt}`}
                    view={conversation.data}
                    member={member}
                    composerNotice={composerNotice(live, view, member.id, t)}
                    ended={<p>{t('meetingRoom.ended.title')}</p>}
                  />
                )}
              </div>
            </div>
          </>
        ))
      )}
    </div>
  );
}

