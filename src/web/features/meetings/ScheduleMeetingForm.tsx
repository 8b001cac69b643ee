import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../shared/api';
import { MEETING_CAPACITY_DEFAULT, MEETING_WEEKDAYS, type CreateMeetingBody } from '../../../shared/meetings';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Form } from '../../ui/Form';
import { clientProblem, useFormProblem } from '../../ui/formProblem';
import { Notice } from '../../ui/Status';
import { useScheduleMeeting } from './api';

type Repeat = 'weekly' | 'monthly_nth_weekday' | 'once';
type Day = (typeof MEETING_WEEKDAYS)[number];

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const zones = (): string[] => {
  const all = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  const own = browserZone();
  return all.includes(own) ? all : [own, ...all];
};

/** "Schedule a meeting": a facilitator's series, in their own time zone unless they choose another. Kind errors keep what was typed. */
export function ScheduleMeetingForm({ groups }: { groups: Group[] }) {
  const { t } = useTranslation();
  const form = useFormProblem();
  const schedule = useScheduleMeeting();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [group, setGroup] = useState(groups[0]?.slug ?? '');
  const [repeat, setRepeat] = useState<Repeat>('weekly');
  const [days, setDays] = useState<Day[]>([]);
  const [interval, setInterval] = useState('1');
  const [nth, setNth] = useState('1');
  const [monthDay, setMonthDay] = useState<Day>('mo');
  const [startDate, setStartDate] = useState('');
  const [startTime, setStartTime] = useState('19:00');
  const [timeZone, setTimeZone] = useState(browserZone);
  const [duration, setDuration] = useState('90');
  const [capacity, setCapacity] = useState(String(MEETING_CAPACITY_DEFAULT));
  const [done, setDone] = useState<string | null>(null);

  const toggleDay = (d: Day, on: boolean) => setDays((list) => (on ? [...list, d] : list.filter((x) => x !== d)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (schedule.isPending) return;
    const problem = clientProblem({
      title: title.trim() ? undefined : t('meetings.form.titleMissing'),
      group: group ? undefined : t('meetings.form.groupMissing'),
      startDate: startDate ? undefined : t('meetings.form.dateMissing'),
      'recurrence.days': repeat === 'weekly' && days.length === 0 ? t('meetings.form.daysMissing') : undefined,
    });
    if (problem) return form.show(problem);
    form.clear();
    const recurrence: CreateMeetingBody['recurrence'] =
      repeat === 'weekly' ? { kind: 'weekly', days, interval: Number(interval) } : repeat === 'monthly_nth_weekday' ? { kind: 'monthly_nth_weekday', nth: Number(nth), day: monthDay } : { kind: 'once' };
    try {
      const { meeting } = await schedule.mutateAsync({
        slug: group,
        body: { title: title.trim(), description: description.trim(), startDate, startTime, timeZone, durationMinutes: Number(duration), capacity: Number(capacity), recurrence },
      });
      setDone(meeting.title);
      setTitle('');
      setDescription('');
    } catch (error) {
      form.fail(error);
    }
  };

  const labels = {
    title: t('meetings.form.title'),
    description: t('meetings.form.description'),
    group: t('meetings.form.group'),
    'recurrence.days': t('meetings.form.days'),
    'recurrence.interval': t('meetings.form.interval'),
    startDate: t('meetings.form.startDate'),
    startTime: t('meetings.form.startTime'),
    timeZone: t('meetings.form.timeZone'),
    durationMinutes: t('meetings.form.duration'),
    capacity: t('meetings.form.capacity'),
  };

  return (
    <section aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('meetings.form.heading')}</h2>
      {done && <Notice live>{t('meetings.form.scheduled', { title: done })}</Notice>}
      <Form form={form} onSubmit={(e) => void submit(e)} labels={labels}>
        <Field label={labels.title} error={form.fieldError('title')}>
          {(control) => <input {...control} name="title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />}
        </Field>
        <Field label={labels.description} error={form.fieldError('description')}>
          {(control) => <textarea {...control} name="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <Field label={labels.group} hint={t('meetings.form.groupHint')} error={form.fieldError('group')}>
          {(control) => (
            <select {...control} name="group" value={group} onChange={(e) => setGroup(e.target.value)}>
              {groups.map((g) => (
                <option key={g.slug} value={g.slug}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('meetings.form.repeat')} error={form.fieldError('recurrence.kind')}>
          {(control) => (
            <select {...control} name="repeat" value={repeat} onChange={(e) => setRepeat(e.target.value as Repeat)}>
              <option value="weekly">{t('meetings.form.repeatWeekly')}</option>
              <option value="monthly_nth_weekday">{t('meetings.form.repeatMonthly')}</option>
              <option value="once">{t('meetings.form.repeatOnce')}</option>
            </select>
          )}
        </Field>
        {repeat === 'weekly' && (
          <>
            <fieldset className="role-fieldset" aria-describedby={form.fieldError('recurrence.days') ? 'meeting-days-error' : undefined}>
              <legend>{labels['recurrence.days']}</legend>
              {form.fieldError('recurrence.days') && (
                <p className="field-error" id="meeting-days-error">
                  {form.fieldError('recurrence.days')}
                </p>
              )}
              {MEETING_WEEKDAYS.map((d) => (
                <div key={d} className="checkbox-row">
                  <input id={`meeting-day-${d}`} type="checkbox" name="days" value={d} checked={days.includes(d)} onChange={(e) => toggleDay(d, e.target.checked)} />
                  <label htmlFor={`meeting-day-${d}`}>{t(`meetings.days.${d}`)}</label>
                </div>
              ))}
            </fieldset>
            <Field label={labels['recurrence.interval']} error={form.fieldError('recurrence.interval')}>
              {(control) => (
                <select {...control} name="interval" value={interval} onChange={(e) => setInterval(e.target.value)}>
                  {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
                    <option key={n} value={n}>
                      {t('meetings.form.everyWeeks', { count: n })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
        {repeat === 'monthly_nth_weekday' && (
          <>
            <Field label={t('meetings.form.nth')} error={form.fieldError('recurrence.nth')}>
              {(control) => (
                <select {...control} name="nth" value={nth} onChange={(e) => setNth(e.target.value)}>
                  <option value="1">{t('meetings.nth.first')}</option>
                  <option value="2">{t('meetings.nth.second')}</option>
                  <option value="3">{t('meetings.nth.third')}</option>
                  <option value="4">{t('meetings.nth.fourth')}</option>
                  <option value="-1">{t('meetings.nth.last')}</option>
                </select>
              )}
            </Field>
            <Field label={t('meetings.form.monthDay')} error={form.fieldError('recurrence.day')}>
              {(control) => (
                <select {...control} name="monthDay" value={monthDay} onChange={(e) => setMonthDay(e.target.value as Day)}>
                  {MEETING_WEEKDAYS.map((d) => (
                    <option key={d} value={d}>
                      {t(`meetings.days.${d}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
        <Field label={labels.startDate} error={form.fieldError('startDate')}>
          {(control) => <input {...control} name="startDate" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />}
        </Field>
        <Field label={labels.startTime} error={form.fieldError('startTime')}>
          {(control) => <input {...control} name="startTime" type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} />}
        </Field>
        <Field label={labels.timeZone} hint={t('meetings.form.timeZoneHint')} error={form.fieldError('timeZone')}>
          {(control) => (
            <select {...control} name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              {zones().map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={labels.durationMinutes} error={form.fieldError('durationMinutes')}>
          {(control) => <input {...control} name="durationMinutes" type="number" inputMode="numeric" min={15} max={240} step={5} value={duration} onChange={(e) => setDuration(e.target.value)} />}
        </Field>
        <Field label={labels.capacity} error={form.fieldError('capacity')}>
          {(control) => <input {...control} name="capacity" type="number" inputMode="numeric" min={2} max={50} value={capacity} onChange={(e) => setCapacity(e.target.value)} />}
        </Field>
        <div className="form-actions button-row">
          <Button type="submit" variant="primary" busy={schedule.isPending} busyLabel={t('meetings.form.scheduling')}>
            {t('meetings.form.submit')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
