import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingLive, MeetingRoomView } from '../../../../shared/meeting-room';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { toProblem } from '../../../ui/formProblem';
import { useHandOff, useMute, useRoomAction } from './api';

/** A share's timer choices, in seconds (0: no timer). */
const TIMER_CHOICES = [0, 120, 180, 300] as const;

/**
 * The facilitators' tools (a moderator handed in gets the safety ones): start and move through
 * the agenda, give and end the floor, lock, mute, remove, hand someone to a listener or a
 * moderator, and end the meeting.
 */
export function LeaderTools({ live, view, id, date }: { live: MeetingLive; view: MeetingRoomView; id: string; date: string }) {
  const { t } = useTranslation();
  const action = useRoomAction(id, date);
  const handOff = useHandOff(id, date);
  const mute = useMute(live.conversationId);
  const [timer, setTimer] = useState<number>(0);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const leader = view.me.isLeader;
  const last = live.agenda.length - 1;
  const onError = (e: unknown) => setError(toProblem(e).message);
  const run = (a: Parameters<typeof action.mutate>[0], done = '') => {
    setError(null);
    setStatus('');
    action.mutate(a, { onSuccess: () => setStatus(done), onError });
  };
  const giveFloor = (memberId: string) => run({ path: 'floor', body: { memberId, shareSeconds: timer > 0 ? timer : null } });
  const inQueue = new Set(live.hands.map((h) => h.id));

  return (
    <section className="meeting-tools" aria-labelledby="meeting-tools-title">
      <h2 id="meeting-tools-title">{leader ? t('meetingRoom.tools.title') : t('meetingRoom.tools.titleHost')}</h2>
      {leader && (
        <div className="button-row">
          {live.currentStep < 0 ? (
            <Button variant="primary" busy={action.isPending} busyLabel={t('meetingRoom.saving')} onClick={() => run({ path: 'step', body: { step: 0 } })}>
              {t('meetingRoom.tools.start')}
            </Button>
          ) : (
            <>
              <Button disabled={live.currentStep <= 0} onClick={() => run({ path: 'step', body: { step: live.currentStep - 1 } })}>
                {t('meetingRoom.tools.previous')}
              </Button>
              <Button disabled={live.currentStep >= last} onClick={() => run({ path: 'step', body: { step: live.currentStep + 1 } })}>
                {t('meetingRoom.tools.next')}
              </Button>
            </>
          )}
          {live.speaker && (
            <Button variant="primary" onClick={() => run({ path: 'floor', body: { memberId: null } })}>
              {t('meetingRoom.tools.endShare', { name: live.speaker.handle })}
            </Button>
          )}
        </div>
      )}
      <div className="button-row">
        <Button aria-pressed={live.locked} onClick={() => run({ path: 'lock', body: { on: !live.locked } }, live.locked ? t('meetingRoom.tools.unlocked') : t('meetingRoom.tools.locked'))}>
          {live.locked ? t('meetingRoom.tools.unlock') : t('meetingRoom.tools.lock')}
        </Button>
        <Button aria-pressed={live.allMuted} onClick={() => run({ path: 'mute-all', body: { on: !live.allMuted } })}>
          {live.allMuted ? t('meetingRoom.tools.unmuteAll') : t('meetingRoom.tools.muteAll')}
        </Button>
      </div>
      {leader && live.currentStep >= 0 && (
        <p className="field">
          <label htmlFor="meeting-timer">{t('meetingRoom.tools.timer')}</label>
          <select id="meeting-timer" value={timer} onChange={(e) => setTimer(Number(e.target.value))}>
            {TIMER_CHOICES.map((s) => (
              <option key={s} value={s}>
                {s === 0 ? t('meetingRoom.tools.noTimer') : t('meetingRoom.tools.minutes', { count: s / 60 })}
              </option>
            ))}
          </select>
        </p>
      )}
      <h3>{t('meetingRoom.tools.people', { count: live.people.length })}</h3>
      {live.people.length === 0 ? (
        <p className="field-hint">{t('meetingRoom.tools.nobody')}</p>
      ) : (
        <ul className="meeting-people">
          {live.people.map((p) => (
            <li key={p.id}>
              <span className="meeting-person">
                {p.handle}
                {inQueue.has(p.id) && <> · {t('meetingRoom.tools.handUp')}</>}
                {live.speaker?.id === p.id && <> · {t('meetingRoom.tools.sharing')}</>}
              </span>
              <span className="button-row">
                {leader && live.currentStep >= 0 && live.speaker?.id !== p.id && (
                  <Button variant={inQueue.has(p.id) ? 'primary' : 'secondary'} onClick={() => giveFloor(p.id)}>
                    {t('meetingRoom.tools.giveFloor', { name: p.handle })}
                  </Button>
                )}
                <Button
                  onClick={() => {
                    setError(null);
                    mute.mutate({ memberId: p.id, minutes: 10 }, { onSuccess: () => setStatus(t('meetingRoom.tools.muted', { name: p.handle })), onError });
                  }}
                >
                  {t('meetingRoom.tools.mute', { name: p.handle })}
                </Button>
                <Button
                  onClick={() => {
                    setError(null);
                    handOff.mutate({ memberId: p.id, to: 'listener' }, { onSuccess: () => setStatus(t('meetingRoom.tools.handedListener', { name: p.handle })), onError });
                  }}
                >
                  {t('meetingRoom.tools.toListener', { name: p.handle })}
                </Button>
                <Button
                  onClick={() => {
                    setError(null);
                    handOff.mutate({ memberId: p.id, to: 'moderator' }, { onSuccess: () => setStatus(t('meetingRoom.tools.handedModerator', { name: p.handle })), onError });
                  }}
                >
                  {t('meetingRoom.tools.toModerator', { name: p.handle })}
                </Button>
                <ConfirmDialog
                  trigger={t('meetingRoom.tools.remove', { name: p.handle })}
                  title={t('meetingRoom.tools.removeTitle', { name: p.handle })}
                  confirmLabel={t('meetingRoom.tools.removeConfirm')}
                  destructive
                  onConfirm={() => action.mutateAsync({ path: 'remove', body: { memberId: p.id } })}
                >
                  <p>{t('meetingRoom.tools.removeText')}</p>
                </ConfirmDialog>
              </span>
            </li>
          ))}
        </ul>
      )}
      {leader && (
        <ConfirmDialog
          trigger={t('meetingRoom.tools.end')}
          triggerVariant="danger"
          title={t('meetingRoom.tools.endTitle')}
          confirmLabel={t('meetingRoom.tools.endConfirm')}
          destructive
          onConfirm={() => action.mutateAsync({ path: 'end', body: {} })}
        >
          <p>{live.deletesMessages ? t('meetingRoom.tools.endTextDeletes') : t('meetingRoom.tools.endText')}</p>
        </ConfirmDialog>
      )}
      <p role="status" className="field-hint">
        {status}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
