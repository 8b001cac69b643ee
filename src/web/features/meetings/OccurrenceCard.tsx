import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting, Occurrence } from '../../../shared/meetings';
import { Button, buttonClass } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { meetingRoomPath, useCancelOccurrence, useCancelRsvp, useMoveOccurrence, useRsvp } from './api';
import { ROOM_OPENS_MS, wallClockIn, when } from './time';

/**
 * One meeting of the series on the member's own clock: its seats, the member's place and the
 * button to save or give it up; the room's link once it opens; and for its leaders, cancel or move.
 */
export function OccurrenceCard({ meeting, o, leads, now }: { meeting: Meeting; o: Occurrence; leads: boolean; now: number }) {
  const { t, i18n } = useTranslation();
  const feedback = useFeedback();
  const rsvp = useRsvp();
  const cancelRsvp = useCancelRsvp();
  const start = when(o.startsAt, i18n.language);
  const end = when(o.endsAt, i18n.language);
  const full = o.going >= o.capacity;
  const started = o.startsAt <= now;
  const open = !o.cancelled && o.startsAt - ROOM_OPENS_MS <= now && now < o.endsAt;
  const mayEnter = leads || o.myRsvp?.status === 'going';
  const headingId = `occurrence-${o.localDate}-title`;

  return (
    <li className="card meeting-item" id={`occurrence-${o.localDate}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{start.date}</h3>
      <p>{t('meetings.timeRange', { start: start.time, end: end.time, zone: start.zone })}</p>
      {o.cancelled ? (
        <p className="notice">
          <strong>{t('meetings.cancelled')}</strong> {o.reason}
        </p>
      ) : (
        <>
          {o.moved && <p className="field-hint">{t('meetings.moved')}</p>}
          <p className="field-hint">
            {t('meetings.page.seats', { going: o.going, capacity: o.capacity })}
            {o.waitlist > 0 && ` ${t('meetings.page.waiting', { count: o.waitlist })}`}
          </p>
        </>
      )}
      {o.myRsvp?.status === 'going' && (
        <p className="meeting-status">
          <strong>{t('meetings.youreGoing')}</strong>
        </p>
      )}
      {o.myRsvp?.status === 'waitlist' && (
        <p className="meeting-status">
          <strong>{t('meetings.youreWaiting', { position: o.myRsvp.position ?? 1 })}</strong>
        </p>
      )}
      {leads && !o.cancelled && <p className="field-hint">{t('meetings.page.youLead')}</p>}
      <div className="button-row">
        {open && mayEnter && (
          <Link className={buttonClass('primary')} to={meetingRoomPath(o.meetingId, o.localDate)}>
            {t('meetings.page.goToRoom')}
          </Link>
        )}
        {!leads && !o.cancelled && !started && !o.myRsvp && (
          <Button
            variant={open ? 'secondary' : 'primary'}
            busy={rsvp.isPending}
            busyLabel={t('meetings.page.saving')}
            onClick={() =>
              feedback.run(rsvp, { id: o.meetingId, date: o.localDate }, (r) =>
                r.rsvp?.status === 'going' ? t('meetings.page.savedGoing') : t('meetings.page.savedWaiting', { position: r.rsvp?.position ?? 1 }),
              )
            }
          >
            {full ? t('meetings.page.joinWaitlist') : t('meetings.page.rsvp')}
            <span className="visually-hidden"> {t('meetings.page.forDate', { date: start.date })}</span>
          </Button>
        )}
        {o.myRsvp && o.endsAt > now && (
          <Button
            variant="secondary"
            busy={cancelRsvp.isPending}
            busyLabel={t('meetings.page.cancelling')}
            onClick={() => feedback.run(cancelRsvp, { id: o.meetingId, date: o.localDate }, () => t('meetings.page.cancelledPlace'))}
          >
            {o.myRsvp.status === 'going' ? t('meetings.page.cancelPlace') : t('meetings.page.leaveWaitlist')}
            <span className="visually-hidden"> {t('meetings.page.forDate', { date: start.date })}</span>
          </Button>
        )}
        {meeting.canManage && !meeting.cancelled && !o.cancelled && o.endsAt > now && <OccurrenceTools meeting={meeting} o={o} dateLabel={start.date} />}
      </div>
      <FeedbackText feedback={feedback} />
    </li>
  );
}

/** Cancel one meeting (with a reason members will see) or move it, on the series' own clock. */
function OccurrenceTools({ meeting, o, dateLabel }: { meeting: Meeting; o: Occurrence; dateLabel: string }) {
  const { t } = useTranslation();
  const cancel = useCancelOccurrence();
  const move = useMoveOccurrence();
  const [reason, setReason] = useState('');
  const [to, setTo] = useState(() => wallClockIn(o.startsAt, meeting.timeZone));
  const [moveReason, setMoveReason] = useState('');

  return (
    <>
      <FormDialog
        trigger={
          <>
            {t('meetings.page.move')}
            <span className="visually-hidden"> {t('meetings.page.forDate', { date: dateLabel })}</span>
          </>
        }
        title={t('meetings.page.moveTitle', { date: dateLabel })}
        submitLabel={t('meetings.page.moveSubmit')}
        busyLabel={t('meetings.page.moving')}
        onSubmit={() => {
          if (!to.date || !to.time) return t('meetings.page.moveMissing');
          return move.mutateAsync({ id: meeting.id, date: o.localDate, to: { date: to.date, time: to.time, ...(moveReason.trim() ? { reason: moveReason.trim() } : {}) } });
        }}
      >
        <p>{t('meetings.page.moveHint', { zone: meeting.timeZone })}</p>
        <Field label={t('meetings.page.newDate')}>{(control) => <input {...control} type="date" name="date" value={to.date} onChange={(e) => setTo({ ...to, date: e.target.value })} />}</Field>
        <Field label={t('meetings.page.newTime', { zone: meeting.timeZone })}>
          {(control) => <input {...control} type="time" name="time" value={to.time} onChange={(e) => setTo({ ...to, time: e.target.value })} />}
        </Field>
        <Field label={t('meetings.page.moveReason')}>{(control) => <input {...control} type="text" name="reason" value={moveReason} onChange={(e) => setMoveReason(e.target.value)} />}</Field>
      </FormDialog>
      <FormDialog
        trigger={
          <>
            {t('meetings.page.cancelOne')}
            <span className="visually-hidden"> {t('meetings.page.forDate', { date: dateLabel })}</span>
          </>
        }
        title={t('meetings.page.cancelOneTitle', { date: dateLabel })}
        submitLabel={t('meetings.page.cancelOneSubmit')}
        busyLabel={t('meetings.page.cancelling')}
        destructive
        onSubmit={() => (reason.trim() ? cancel.mutateAsync({ id: meeting.id, date: o.localDate, reason: reason.trim() }) : t('meetings.page.reasonMissing'))}
      >
        <p>{t('meetings.page.cancelOneHint')}</p>
        <Field label={t('meetings.page.reason')}>{(control) => <textarea {...control} name="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      </FormDialog>
    </>
  );
}
