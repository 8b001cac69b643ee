import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENDA_STEPS_MAX, MEETING_WEEKDAYS, type Meeting, type UpdateMeetingBody } from '../../../shared/meetings';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useUpdateMeeting } from './api';

type Day = (typeof MEETING_WEEKDAYS)[number];

/** The fields as the leader last left them, from the series as it stands. */
function draftOf(m: Meeting) {
  return {
    title: m.title,
    description: m.description,
    agenda: m.agenda.join('\n'),
    capacity: String(m.capacity),
    duration: String(m.durationMinutes),
    startTime: m.startTime,
    days: (m.recurrence.kind === 'weekly' ? (m.recurrence.days ?? []) : []) as Day[],
  };
}

/**
 * "Edit the series": its title, description, format (one agenda step a line), places, length,
 * start time on its own clock and, for a weekly meeting, its days. The server checks the new
 * schedule against the leaders' other meetings; a problem is said in the dialog and nothing
 * typed is lost. Cancelled and moved meetings stay as they were, named by their dates.
 */
export function EditSeriesDialog({ meeting, onDone }: { meeting: Meeting; onDone: (title: string) => void }) {
  const { t } = useTranslation();
  const update = useUpdateMeeting();
  const [draft, setDraft] = useState(() => draftOf(meeting));
  const [typedFor, setTypedFor] = useState(meeting.updatedAt);
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const weekly = meeting.recurrence.kind === 'weekly';

  const submit = (): string | Promise<unknown> => {
    const agenda = draft.agenda
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!draft.title.trim()) return t('meetings.form.titleMissing');
    if (agenda.length === 0 || agenda.length > AGENDA_STEPS_MAX) return t('meetings.edit.agendaProblem', { max: AGENDA_STEPS_MAX });
    if (weekly && draft.days.length === 0) return t('meetings.form.daysMissing');
    const body: UpdateMeetingBody = {
      title: draft.title.trim(),
      description: draft.description.trim(),
      agenda,
      capacity: Number(draft.capacity),
      durationMinutes: Number(draft.duration),
      startTime: draft.startTime,
      ...(weekly ? { recurrence: { kind: 'weekly', days: draft.days, interval: meeting.recurrence.interval ?? 1 } } : {}),
    };
    return update.mutateAsync({ id: meeting.id, body }).then((r) => onDone(r.meeting.title));
  };

  return (
    <FormDialog
      trigger={t('meetings.edit.open')}
      title={t('meetings.edit.title')}
      submitLabel={t('meetings.edit.submit')}
      busyLabel={t('meetings.page.saving')}
      wide
      // Opened again after someone else's change: start from the series as it now is.
      onOpen={() => {
        if (typedFor !== meeting.updatedAt) {
          setDraft(draftOf(meeting));
          setTypedFor(meeting.updatedAt);
        }
      }}
      onSubmit={submit}
    >
      <Field label={t('meetings.form.title')}>{(c) => <input {...c} name="title" type="text" autoComplete="off" value={draft.title} onChange={(e) => set('title', e.target.value)} />}</Field>
      <Field label={t('meetings.form.description')}>{(c) => <textarea {...c} name="description" rows={3} value={draft.description} onChange={(e) => set('description', e.target.value)} />}</Field>
      <Field label={t('meetings.edit.agenda')} hint={t('meetings.edit.agendaHint', { max: AGENDA_STEPS_MAX })}>
        {(c) => <textarea {...c} name="agenda" rows={6} value={draft.agenda} onChange={(e) => set('agenda', e.target.value)} />}
      </Field>
      {weekly && (
        <fieldset className="role-fieldset">
          <legend>{t('meetings.form.days')}</legend>
          {MEETING_WEEKDAYS.map((d) => (
            <div key={d} className="checkbox-row">
              <input
                id={`edit-day-${d}`}
                type="checkbox"
                name="days"
                value={d}
                checked={draft.days.includes(d)}
                onChange={(e) => set('days', e.target.checked ? [...draft.days, d] : draft.days.filter((x) => x !== d))}
              />
              <label htmlFor={`edit-day-${d}`}>{t(`meetings.days.${d}`)}</label>
            </div>
          ))}
        </fieldset>
      )}
      <Field label={t('meetings.form.startTime')} hint={t('meetings.edit.timeHint', { zone: meeting.timeZone })}>
        {(c) => <input {...c} name="startTime" type="time" value={draft.startTime} onChange={(e) => set('startTime', e.target.value)} />}
      </Field>
      <Field label={t('meetings.form.duration')}>
        {(c) => <input {...c} name="durationMinutes" type="number" inputMode="numeric" min={15} max={240} step={5} value={draft.duration} onChange={(e) => set('duration', e.target.value)} />}
      </Field>
      <Field label={t('meetings.form.capacity')} hint={t('meetings.edit.capacityHint')}>
        {(c) => <input {...c} name="capacity" type="number" inputMode="numeric" min={2} max={50} value={draft.capacity} onChange={(e) => set('capacity', e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
