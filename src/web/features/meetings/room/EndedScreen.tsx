import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETING_FEEDBACK_ANSWERS, type MeetingFeedbackAnswer, type MeetingRoomView } from './types';
import { Button } from '../../../ui/Button';
import { toProblem } from '../../../ui/formProblem';
import { useRoomAction } from './api';

/** The meeting has ended: thanks, the one optional question for members, and counts only for the facilitators. */
export function EndedScreen({ view, id, date }: { view: MeetingRoomView; id: string; date: string }) {
  const { t } = useTranslation();
  const action = useRoomAction(id, date);
  const [answer, setAnswer] = useState<MeetingFeedbackAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { live, me, feedbackCounts } = view;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!answer) {
      setError(t('meetingRoom.ended.choose'));
      return;
    }
    setError(null);
    action.mutate({ path: 'feedback', body: { answer } }, { onError: (err) => setError(toProblem(err).message) });
  };

  return (
    <section className="meeting-ended" aria-labelledby="meeting-ended-title">
      <h2 id="meeting-ended-title">{t('meetingRoom.ended.title')}</h2>
      <p>{t('meetingRoom.ended.thanks')}</p>
      {live.deletesMessages && <p>{t('meetingRoom.ended.deleted')}</p>}
      {me.isLeader ? (
        <>
          <p>{t('meetingRoom.ended.attendance', { count: live.attendance ?? 0 })}</p>
          {feedbackCounts && (
            <>
              <h3>{t('meetingRoom.ended.question')}</h3>
              <ul>
                {MEETING_FEEDBACK_ANSWERS.map((a) => (
                  <li key={a}>{t('meetingRoom.ended.count', { answer: t(`meetingRoom.ended.answers.${a}`), count: feedbackCounts[a] })}</li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : me.feedback ? (
        <p role="status">{t('meetingRoom.ended.answered')}</p>
      ) : (
        !me.isHost && (
          <form onSubmit={submit} noValidate>
            <fieldset className="meeting-question">
              <legend>{t('meetingRoom.ended.question')}</legend>
              <p className="field-hint">{t('meetingRoom.ended.optional')}</p>
              {MEETING_FEEDBACK_ANSWERS.map((a) => (
                <label key={a} className="radio">
                  <input type="radio" name="helped" value={a} checked={answer === a} onChange={() => setAnswer(a)} /> {t(`meetingRoom.ended.answers.${a}`)}
                </label>
              ))}
            </fieldset>
            {error && (
              <p className="field-error" role="alert">
                {error}
              </p>
            )}
            <Button type="submit" variant="primary" busy={action.isPending} busyLabel={t('meetingRoom.saving')}>
              {t('meetingRoom.ended.send')}
            </Button>
          </form>
        )
      )}
      <p>
        <Link to="/meetings">{t('meetingRoom.toMeetings')}</Link> · <Link to="/help">{t('meetingRoom.removed.help')}</Link>
      </p>
    </section>
  );
}
