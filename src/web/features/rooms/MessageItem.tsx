import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { WarningGate } from '../posts/WarningGate';
import { HelpStaysNote } from '../safety/HelpStaysNote';
import { Button } from '../../ui/Button';
import { TimeAgo } from '../../ui/TimeAgo';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { BlockButton } from '../blocks/BlockButton';
import { ReportDialog } from '../moderation/ReportDialog';
import { MuteDialog, RemoveMessageDialog } from './HostDialogs';
import { MessageText } from './MessageText';
import type { Outgoing, RoomState } from './roomState';
import type { ChatMessage } from './types';

interface MessageItemProps {
  message: ChatMessage;
  memberId: string;
  /** The reader looks after this room: Remove and Mute are theirs. */
  readerIsHost: boolean;
  /** Remove and Mute for hosts (not in a support chat, where the listener is the host). */
  hostTools?: boolean;
  /** Report on others' messages (not in a support chat, which has its own way to report). */
  reportable?: boolean;
  conversationId: string;
  sent: RoomState['sent'][string] | undefined;
  /** For hosts: the safety module found signs of risk in this message. */
  risk?: RoomState['risk'][string] | undefined;
  onUpdated: (m: ChatMessage) => void;
}

/** One message in the room: who wrote it and when, then its words, or why they are not shown. */
export function MessageItem({ message, memberId, readerIsHost, hostTools = true, reportable = false, conversationId, sent, risk, onUpdated }: MessageItemProps) {
  const { t } = useTranslation();
  const mine = message.author.id === memberId;
  const name = message.author.handle ?? t('posts.formerMember');
  const text = <MessageText text={message.body} />;
  const canReport = reportable && !mine && message.status === 'published';
  const blockFeedback = useFeedback();
  const canModerate = hostTools && readerIsHost && !mine && message.author.id !== null && (message.status === 'published' || message.status === 'held');

  let body: ReactNode;
  if (message.status === 'removed') {
    body = (
      <p className="message-gone">
        {mine && message.removedReason
          ? t('rooms.removedMine', { reason: message.removedReason })
          : message.removedReason && readerIsHost
            ? t('rooms.removedWithReason', { reason: message.removedReason })
            : t('rooms.removed')}
      </p>
    );
  } else if (message.status === 'deleted') {
    body = <p className="message-gone">{t('rooms.deleted')}</p>;
  } else {
    body = message.contentWarning ? <WarningGate warning={message.contentWarning} what="message">
        {text}
      </WarningGate> : text;
  }

  const heldReason = sent?.safety.heldReason ?? message.heldReason;
  // A card a listener shared into a support chat: the crisis lines for the member's country.
  const card = message.card;
  const crisis = sent && (sent.safety.response === 'card' || sent.safety.response === 'screen');

  return (
    <li className={['message', mine ? 'message--mine' : '', message.status !== 'published' ? `message--${message.status}` : ''].filter(Boolean).join(' ')} id={`message-${message.id}`}>
      <p className="message-meta">
        <span className="message-author" translate="no">
          {name}
        </span>
        {message.author.isHost && <span className="badge badge--host">{t('rooms.hostBadge')}</span>}
        {mine && <span className="message-you">{t('posts.you')}</span>}
        <TimeAgo value={message.createdAt} />
      </p>
      {message.status === 'held' && (
        <div className="notice notice--info message-held">
          <p>{mine ? t('rooms.heldMine') : t('rooms.heldHost')}</p>
          {heldReason && <p>{t(`rooms.heldWhy.${heldReason}`)}</p>}
        </div>
      )}
      {body}
      {card?.type === 'crisis_lines' && message.status === 'published' && (
        <div className="notice notice--help message-card">
          <p>
            <strong>{t('support.chat.crisisCardTitle')}</strong>
          </p>
          <p>{t('support.chat.crisisCardBody')}</p>
          <p>
            <Link to={card.country ? `/help?country=${encodeURIComponent(card.country)}` : '/help'}>{t('support.chat.crisisCardLink')}</Link>
          </p>
        </div>
      )}
      {readerIsHost && risk && !mine && (
        <div className={risk.urgent ? 'notice notice--urgent' : 'notice notice--help'} role="note">
          <p>{t(risk.urgent ? 'rooms.riskUrgent' : 'rooms.risk', { handle: name })}</p>
          <p className="draft-safety-links">
            <Link to="/help">{t('rooms.riskHelpLink')}</Link>
          </p>
        </div>
      )}
      {sent?.offPlatformNudge && (
        <div className="notice notice--info">
          <p>{t('rooms.offPlatformNudge')}</p>
        </div>
      )}
      {crisis && <HelpStaysNote />}
      {sent && message.status === 'published' && <p className="message-state message-state--sent">{t('rooms.sent')}</p>}
      {((canModerate && message.author.id) || canReport) && (
        <div className="button-row button-row--tight message-tools">
          {canModerate && message.author.id && (
            <>
              <RemoveMessageDialog message={message} authorName={name} onDone={onUpdated} />
              <MuteDialog conversationId={conversationId} memberId={message.author.id} authorName={name} />
            </>
          )}
          {canReport && <ReportDialog targetType="message" targetId={message.id} name={name} />}
          {canReport && message.author.handle && <BlockButton handle={message.author.handle} blocked={false} feedback={blockFeedback} named triggerVariant="quiet" />}
        </div>
      )}
      <FeedbackText feedback={blockFeedback} />
    </li>
  );
}

/** A message on its way: "Sending…", or not sent with Retry (which sends the very same message again). */
export function OutgoingItem({ outgoing, myHandle, onRetry }: { outgoing: Outgoing; myHandle: string; onRetry: (clientId: string) => void }) {
  const { t } = useTranslation();
  const failed = outgoing.state === 'failed';
  const ids = useId();
  return (
    <li className={`message message--mine message--${outgoing.state}`} data-client-id={outgoing.clientId}>
      <p className="message-meta">
        <span className="message-author" translate="no">
          {myHandle}
        </span>
        <span className="message-you">{t('posts.you')}</span>
      </p>
      <div id={`${ids}-text`}>
        <MessageText text={outgoing.body} />
      </div>
      {failed ? (
        <div className="message-failed">
          {/* Said aloud when it appears: a message that did not go must not fail in silence. */}
          <p className="message-state message-state--failed" role="alert" id={`${ids}-state`}>
            {outgoing.error ?? t('rooms.notSent')}
          </p>
          <Button variant="secondary" className="button--small" aria-describedby={`${ids}-state ${ids}-text`} onClick={() => onRetry(outgoing.clientId)}>
            {t('rooms.retry')}
          </Button>
        </div>
      ) : (
        <p className="message-state">
          <span className="spinner" aria-hidden="true" />
          {t('rooms.sending')}
        </p>
      )}
    </li>
  );
}
