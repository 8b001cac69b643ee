import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberSelf } from '../../../shared/api';
import type { CrisisResponse as Response } from '../../api/safetyTypes';
import { formatDateTime } from '../../i18n';
import { useConnectionStatus } from '../../realtime';
import { Button } from '../../ui/Button';
import { toProblem } from '../../ui/formProblem';
import { CrisisResponse } from '../safety/CrisisResponse';
import { fetchOlder, useGuidelinesSeen } from './api';
import { Composer, useNow } from './Composer';
import { RoomSettingsDialog } from './HostDialogs';
import { MessageItem, OutgoingItem } from './MessageItem';
import type { ChatMessage, RoomView, SentMessage } from './types';
import { useRoomLive } from './useRoomLive';

/** Near enough to the bottom that new messages should keep the newest in view. */
const STICK_PX = 120;
/** Several messages arriving at once are announced as a count, not read out one by one. */
const ANNOUNCE_EACH_MAX = 3;

/** "softlantern is typing…", or for several, "Several people are typing…". */
function TypingLine({ handles }: { handles: string[] }) {
  const { t } = useTranslation();
  const text = handles.length === 0 ? '' : handles.length === 1 ? t('rooms.typingOne', { name: handles[0] }) : handles.length === 2 ? t('rooms.typingTwo', { a: handles[0], b: handles[1] }) : t('rooms.typingMany');
  // Not a live region: a screen reader would hear it on every keystroke of everyone.
  return <p className="room-typing">{text}</p>;
}

/** The pinned welcome message, with the room's guidelines. */
function PinnedGuidelines({ text, open, privateChat }: { text: string; open: boolean; privateChat: boolean }) {
  const { t } = useTranslation();
  return (
    <details className="room-pinned" open={open}>
      <summary>{privateChat ? t('rooms.pinnedTitleChat') : t('rooms.pinnedTitle')}</summary>
      <div className="room-pinned-text">
        {text.split(/\n{2,}/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
      </div>
    </details>
  );
}

interface RoomProps {
  view: RoomView;
  member: MemberSelf;
  /** A support chat's own buttons (End chat, the listener's tools), above the messages. */
  tools?: ReactNode;
  /** Shown instead of the composer once the conversation has ended (closedAt set). */
  ended?: ReactNode;
  /** Shown instead of the composer while the member may not write (a meeting: someone is sharing, the chat is paused). */
  composerNotice?: ReactNode;
}

/** The room, live: status line, pinned guidelines, the messages, who is typing, and the box to write in. */
export function Room({ view, member, tools, ended, composerNotice }: RoomProps) {
  const { t } = useTranslation();
  const [crisis, setCrisis] = useState<{ key: string; response: Response } | null>(null);
  const onSent = useCallback((sent: SentMessage) => {
    if (sent.safety.response !== 'none') setCrisis({ key: sent.message.id, response: sent.safety.response });
  }, []);
  const live = useRoomLive({ view, memberId: member.id, myHandle: member.handle, onSent });
  const { state, dispatch } = live;
  const { room, me } = state;
  const status = useConnectionStatus();
  const seen = useGuidelinesSeen(room.id);
  const [seenError, setSeenError] = useState<string | null>(null);
  const [older, setOlder] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const scrollRef = useRef<HTMLDivElement>(null);
  const composerRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const prepend = useRef<number | null>(null);
  const muted = me.mutedUntil !== null && me.mutedUntil > Date.now();
  const now = useNow(muted);
  const stillMuted = me.mutedUntil !== null && me.mutedUntil > now;
  const hasGuidelines = room.guidelines.trim() !== '';
  // A support chat is one member and their listener: no room settings, no removing or muting.
  const isSupport = room.kind === 'support';
  // A meeting room has its own header (the agenda, the floor) and its facilitators' tools around it.
  const isMeeting = room.kind === 'meeting';
  const mustReadGuidelines = hasGuidelines && !me.guidelinesSeen;

  // Keep the newest message in view while the reader is at the bottom; keep their place when older ones load above.
  const count = state.messages.length + state.outbox.length;
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (prepend.current !== null) {
      el.scrollTop += el.scrollHeight - prepend.current;
      prepend.current = null;
    } else if (stick.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [count, state.typing]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
  };

  // New messages from others, told to screen readers politely: one by one when few, as a count when many.
  const [announcement, setAnnouncement] = useState('');
  const announcedSeq = useRef(state.lastSeq);
  useEffect(() => {
    const fresh = state.messages.filter((m) => m.seq > announcedSeq.current && m.author.id !== member.id && m.status === 'published');
    announcedSeq.current = Math.max(announcedSeq.current, state.lastSeq);
    if (fresh.length === 0) return;
    const say = (m: ChatMessage) =>
      m.contentWarning
        ? t('rooms.announceWarning', { name: m.author.handle ?? t('posts.formerMember'), warning: t(`contentWarnings.${m.contentWarning}`) })
        : t('rooms.announce', { name: m.author.handle ?? t('posts.formerMember'), text: m.body });
    setAnnouncement(fresh.length > ANNOUNCE_EACH_MAX ? t('rooms.announceMany', { count: fresh.length }) : fresh.map(say).join(' '));
  }, [state.messages, state.lastSeq, member.id, t]);

  // Tell the server how far the member has read, while the page is in view.
  const { markRead } = live;
  useEffect(() => {
    if (document.visibilityState !== 'visible' || state.lastSeq === 0) return;
    const timer = setTimeout(() => markRead(state.lastSeq), 1000);
    return () => clearTimeout(timer);
  }, [state.lastSeq, markRead]);

  const loadOlder = async () => {
    if (state.olderCursor === null || older.busy) return;
    setOlder({ busy: true, error: null });
    try {
      const page = await fetchOlder(room.id, state.olderCursor);
      prepend.current = scrollRef.current?.scrollHeight ?? null;
      dispatch({ type: 'older', page });
      setOlder({ busy: false, error: null });
    } catch (e) {
      setOlder({ busy: false, error: toProblem(e).message });
    }
  };

  const readGuidelines = () => {
    setSeenError(null);
    seen.mutate(undefined, {
      onSuccess: (next) => {
        dispatch({ type: 'me', me: next });
        requestAnimationFrame(() => composerRef.current?.querySelector('textarea')?.focus());
      },
      onError: (e) => setSeenError(toProblem(e).message),
    });
  };

  const send = (body: string, contentWarning: Parameters<typeof live.send>[1]) => {
    stick.current = true;
    live.send(body, contentWarning);
  };

  const typingHandles = Object.keys(state.typing);

  return (
    <>
      {!isSupport && !isMeeting && (
        <p className="room-meta">
          <span className="room-here">{t('rooms.hereNow', { count: state.hereNow })}</span>
          <span>{t('rooms.openAlways')}</span>
        </p>
      )}
      <div className="room-connection" role="status">
        {status === 'offline' && <p className="notice notice--info">{t('rooms.offline')}</p>}
        {status === 'reconnecting' && <p className="notice notice--info">{t('rooms.reconnecting')}</p>}
      </div>
      {me.isHost && !isSupport && !isMeeting && (
        <div className="room-host-bar">
          <p className="field-hint">{t('rooms.host.youHost')}</p>
          <RoomSettingsDialog room={room} onSaved={(next) => dispatch({ type: 'room', room: next })} />
        </div>
      )}
      {room.closedAt === null && tools}
      {hasGuidelines && !mustReadGuidelines && <PinnedGuidelines text={room.guidelines} open={false} privateChat={room.kind === 'support'} />}

      <div className="room-scroll" ref={scrollRef} onScroll={onScroll} tabIndex={0} role="region" aria-label={t('rooms.messagesLabel')}>
        {state.olderCursor !== null && (
          <div className="room-older">
            <Button variant="quiet" busy={older.busy} busyLabel={t('lists.loadingMore')} onClick={() => void loadOlder()}>
              {t('rooms.loadEarlier')}
            </Button>
            {older.error && (
              <p className="field-error" role="alert">
                {older.error}
              </p>
            )}
          </div>
        )}
        {state.olderCursor === null && <p className="room-start">{room.kind === 'support' ? t('rooms.startChat') : t('rooms.start')}</p>}
        {count === 0 && <p className="room-empty">{t('rooms.empty')}</p>}
        {count > 0 && (
          <ol className="message-list">
            {state.messages.map((m) => (
              <MessageItem
                key={m.id}
                message={m}
                memberId={member.id}
                readerIsHost={me.isHost}
                hostTools={!isSupport}
                reportable={!isSupport}
                conversationId={room.id}
                sent={state.sent[m.id]}
                risk={state.risk[m.id]}
                onUpdated={(updated) => dispatch({ type: 'received', messages: [updated] })}
              />
            ))}
            {state.outbox.map((o) => (
              <OutgoingItem key={o.clientId} outgoing={o} myHandle={member.handle} onRetry={live.retry} />
            ))}
          </ol>
        )}
      </div>
      <TypingLine handles={typingHandles} />
      <div className="visually-hidden" role="log" aria-live="polite">
        {announcement}
      </div>

      <div ref={composerRef} className="room-write">
        {room.closedAt !== null ? (
          (ended ?? (
            <div className="notice notice--info">
              <p>{t('support.chat.ended')}</p>
            </div>
          ))
        ) : stillMuted && me.mutedUntil !== null ? (
          <div className="notice notice--info">
            <p>{t('rooms.muted', { time: formatDateTime(me.mutedUntil) })}</p>
          </div>
        ) : mustReadGuidelines ? (
          <section className="room-guidelines-gate" aria-labelledby="room-guidelines-title">
            <h2 id="room-guidelines-title">{t('rooms.guidelinesTitle')}</h2>
            <p>{t('rooms.guidelinesIntro')}</p>
            <div className="room-pinned-text">
              {room.guidelines.split(/\n{2,}/).map((para, i) => (
                <p key={i}>{para}</p>
              ))}
            </div>
            {seenError && (
              <p className="field-error" role="alert">
                {seenError}
              </p>
            )}
            <Button variant="primary" busy={seen.isPending} busyLabel={t('rooms.guidelinesSaving')} onClick={readGuidelines}>
              {t('rooms.guidelinesRead')}
            </Button>
          </section>
        ) : composerNotice ? (
          <div className="notice notice--info">{composerNotice}</div>
        ) : (
          <>
            {!hasGuidelines && (
              <p className="field-hint">
                {t('rooms.communityGuidelines')} <Link to="/guidelines">{t('rooms.communityGuidelinesLink')}</Link>
              </p>
            )}
            <Composer conversationId={room.id} slowModeSeconds={room.slowModeSeconds} nextSendAt={me.nextSendAt} onSend={send} onTyping={live.setTyping} />
          </>
        )}
      </div>

      {crisis && (
        <CrisisResponse
          key={crisis.key}
          response={crisis.response}
          returnFocus={() => composerRef.current?.querySelector<HTMLElement>('textarea') ?? document.getElementById(`message-${crisis.key}`)}
        />
      )}
    </>
  );
}
