import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSocket, useSocketEvent } from '../../../realtime';
import { Button } from '../../../ui/Button';
import { toProblem } from '../../../ui/formProblem';
import { useHandOff } from './api';

interface Alert {
  messageId: string;
  author: { id: string; handle: string };
  urgent: boolean;
  handled: '' | 'listener' | 'moderator';
}

/**
 * For the meeting's hosts: a message in the room showed signs of risk. Said at once, at the top
 * of their tools, with what they can do from here — hand the member to a listener (a support
 * request that goes first) or to a moderator — and the crisis lines. The moderators' alert
 * queue has it too; this is so the facilitator need not leave the room.
 */
export function RiskAlerts({ conversationId, id, date }: { conversationId: string; id: string; date: string }) {
  const { t } = useTranslation();
  const socket = useSocket();
  const handOff = useHandOff(id, date);
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [error, setError] = useState<string | null>(null);
  useSocketEvent(socket, 'message:risk', (r) => {
    if (r.conversationId !== conversationId || !r.author.id) return;
    setAlerts((list) => {
      const same = list.find((a) => a.author.id === r.author.id);
      if (same) return list.map((a) => (a === same ? { ...a, messageId: r.messageId, urgent: a.urgent || r.urgent } : a));
      return [...list, { messageId: r.messageId, author: r.author, urgent: r.urgent, handled: '' }];
    });
  });
  if (alerts.length === 0) return null;
  const send = (alert: Alert, to: 'listener' | 'moderator') => {
    setError(null);
    handOff.mutate(
      { memberId: alert.author.id, to },
      {
        onSuccess: () => setAlerts((list) => list.map((a) => (a.author.id === alert.author.id ? { ...a, handled: to } : a))),
        onError: (e) => setError(toProblem(e).message),
      },
    );
  };
  return (
    <section className="meeting-risk" aria-labelledby="meeting-risk-title">
      <h2 id="meeting-risk-title">{t('meetingRoom.risk.title')}</h2>
      <div className="meeting-risk-list">
        {alerts.map((a) => (
          <div key={a.author.id} className={a.urgent ? 'notice notice--urgent' : 'notice notice--help'} role="alert">
            <p>{t(a.urgent ? 'meetingRoom.risk.urgent' : 'meetingRoom.risk.concern', { name: a.author.handle })}</p>
            {a.handled ? (
              <p>{t(a.handled === 'listener' ? 'meetingRoom.risk.handedListener' : 'meetingRoom.risk.handedModerator', { name: a.author.handle })}</p>
            ) : (
              <p className="button-row">
                <Button variant="primary" onClick={() => send(a, 'listener')}>
                  {t('meetingRoom.tools.toListener', { name: a.author.handle })}
                </Button>
                <Button onClick={() => send(a, 'moderator')}>{t('meetingRoom.tools.toModerator', { name: a.author.handle })}</Button>
              </p>
            )}
            <p>
              <a href={`#message-${encodeURIComponent(a.messageId)}`}>{t('meetingRoom.risk.seeMessage')}</a> · <Link to="/help">{t('meetingRoom.risk.lines')}</Link>
            </p>
          </div>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
