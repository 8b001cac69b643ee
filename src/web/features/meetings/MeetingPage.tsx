import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useParams } from 'react-router';
import type { Meeting } from '../../../shared/meetings';
import { useSession } from '../../api/session';
import { FormDialog } from '../../ui/FormDialog';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Field, VERBATIM } from '../../ui/Field';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading, Notice } from '../../ui/Status';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { calendarPath, useCancelSeries, useMeeting, useSeriesOccurrences, useSetCoFacilitator } from './api';
import { EditSeriesDialog } from './EditSeriesDialog';
import { OccurrenceCard } from './OccurrenceCard';

/** The series' rule in words, on its own clock: "Every 2 weeks on Tuesday and Thursday, at 19:00 (America/New_York)". */
function ruleInWords(m: Meeting, t: TFunction, language: string): string {
  const r = m.recurrence;
  const at = { time: m.startTime, zone: m.timeZone };
  if (r.kind === 'weekly') {
    const days = new Intl.ListFormat(language, { type: 'conjunction' }).format((r.days ?? []).map((d) => t(`meetings.days.${d}`)));
    return t('meetings.page.ruleWeekly', { count: r.interval ?? 1, days, ...at });
  }
  if (r.kind === 'monthly_nth_weekday') {
    const names = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' } as const;
    const nth = names[(r.nth ?? 1) as keyof typeof names] ?? 'first';
    return t('meetings.page.ruleMonthly', { nth: t(`meetings.nth.${nth}`), day: t(`meetings.days.${r.day ?? 'mo'}`), ...at });
  }
  return t('meetings.page.ruleOnce', { date: m.startDate, ...at });
}

/** "Now", moving on each minute: the room's link appears as the start nears. */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** /meetings/:id — one series: what it is, its next meetings with places to save, and its leaders' tools. */
export function MeetingPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { member, isAdmin } = useSession();
  const meeting = useMeeting(id);
  const occurrences = useSeriesOccurrences(id);
  const now = useMinute();

  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <LoadError message={meeting.error.message} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  const leads = !!member && (member.handle === m.facilitator || member.handle === m.coFacilitator);
  const choosesCo = !!member && (member.handle === m.facilitator || isAdmin);

  return (
    <>
      <PageHeading>{m.title}</PageHeading>
      <p className="lead">
        {t('meetings.page.inGroup')} <Link to={`/groups/${encodeURIComponent(m.group.slug)}`}>{m.group.name}</Link>
      </p>
      {m.cancelled && <Notice tone="error">{t('meetings.page.seriesCancelled')}</Notice>}
      <dl className="meeting-facts">
        <dt>{t('meetings.page.facilitator')}</dt>
        <dd>
          <Link to={`/members/${encodeURIComponent(m.facilitator)}`}>{m.facilitator}</Link>
        </dd>
        <dt>{t('meetings.page.coFacilitator')}</dt>
        <dd>{m.coFacilitator ? <Link to={`/members/${encodeURIComponent(m.coFacilitator)}`}>{m.coFacilitator}</Link> : t('meetings.page.none')}</dd>
        <dt>{t('meetings.page.when')}</dt>
        <dd>{ruleInWords(m, t, i18n.language)}</dd>
        <dt>{t('meetings.page.length')}</dt>
        <dd>{t('meetings.page.minutes', { count: m.durationMinutes })}</dd>
        <dt>{t('meetings.page.capacity')}</dt>
        <dd>{t('meetings.page.people', { count: m.capacity })}</dd>
      </dl>
      {m.description && <p className="meeting-description">{m.description}</p>}
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t('meetings.page.agenda')}</h2>
        <ol className="meeting-agenda-list">
          {m.agenda.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      </section>
      <p>
        <a href={calendarPath(m.id)} download>
          {t('meetings.addToCalendar')}
          <span className="visually-hidden"> {t('meetings.addToCalendarFor', { title: m.title })}</span>
        </a>
      </p>
      {m.canManage && !m.cancelled && <SeriesTools meeting={m} choosesCo={choosesCo} />}
      <section aria-labelledby="next-title">
        <h2 id="next-title">{t('meetings.page.next')}</h2>
        <p className="field-hint">{t('meetings.page.nextHint')}</p>
        {occurrences.isPending && <Loading />}
        {occurrences.isError && <LoadError message={occurrences.error.message} onRetry={() => void occurrences.refetch()} />}
        {occurrences.data && occurrences.data.length === 0 && <p>{t('meetings.page.noneAhead')}</p>}
        {occurrences.data && occurrences.data.length > 0 && (
          <ul className="meeting-list">
            {occurrences.data.map((o) => (
              <OccurrenceCard key={o.localDate} meeting={m} o={o} leads={leads} now={now} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** For the facilitator, the co-facilitator and admins: the series as a whole. */
function SeriesTools({ meeting, choosesCo }: { meeting: Meeting; choosesCo: boolean }) {
  const { t } = useTranslation();
  const cancelSeries = useCancelSeries();
  const setCo = useSetCoFacilitator();
  const feedback = useFeedback();
  const [handle, setHandle] = useState(meeting.coFacilitator ?? '');

  return (
    <section aria-labelledby="series-tools-title" className="card meeting-tools-series">
      <h2 id="series-tools-title">{t('meetings.page.tools')}</h2>
      <div className="button-row">
        <EditSeriesDialog meeting={meeting} onDone={(title) => feedback.done(t('meetings.edit.saved', { title }))} />
        {choosesCo && (
          <FormDialog
            trigger={t('meetings.page.chooseCo')}
            title={t('meetings.page.chooseCoTitle')}
            submitLabel={t('meetings.page.chooseCoSubmit')}
            busyLabel={t('meetings.page.saving')}
            onSubmit={() =>
              setCo.mutateAsync({ id: meeting.id, handle: handle.trim() || null }).then((r) => {
                feedback.done(r.meeting.coFacilitator ? t('meetings.page.coSet', { handle: r.meeting.coFacilitator }) : t('meetings.page.coCleared'));
              })
            }
          >
            <Field label={t('meetings.page.coHandle')} hint={t('meetings.page.coHint')}>
              {(control) => <input {...control} {...VERBATIM} type="text" name="handle" autoComplete="off" value={handle} onChange={(e) => setHandle(e.target.value)} />}
            </Field>
          </FormDialog>
        )}
        <ConfirmDialog
          trigger={t('meetings.page.cancelSeries')}
          title={t('meetings.page.cancelSeriesTitle')}
          confirmLabel={t('meetings.page.cancelSeriesConfirm')}
          busyLabel={t('meetings.page.cancelling')}
          cancelLabel={t('meetings.page.keepSeries')}
          destructive
          onConfirm={() => cancelSeries.mutateAsync(meeting.id).then(() => feedback.done(t('meetings.page.seriesCancelled')))}
        >
          <p>{t('meetings.page.cancelSeriesBody')}</p>
        </ConfirmDialog>
      </div>
      <FeedbackText feedback={feedback} />
    </section>
  );
}
