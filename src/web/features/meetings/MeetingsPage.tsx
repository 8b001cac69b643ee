import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Occurrence } from '../../../shared/meetings';
import { useSession } from '../../api/session';
import { Field } from '../../ui/Field';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { useGroups } from '../groups/api';
import { calendarPath, useUpcomingMeetings } from './api';
import { ScheduleMeetingForm } from './ScheduleMeetingForm';

/** A meeting's time on the member's own clock, with the zone named plainly. */
function when(ms: number, language: string): { date: string; time: string; zone: string } {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const at = new Date(ms);
  return {
    date: new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }).format(at),
    time: new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(at),
    zone: new Intl.DateTimeFormat(language, { timeZoneName: 'long', timeZone: zone }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? zone,
  };
}

function OccurrenceItem({ o }: { o: Occurrence }) {
  const { t, i18n } = useTranslation();
  const start = when(o.startsAt, i18n.language);
  const end = when(o.endsAt, i18n.language);
  return (
    <li className="card meeting-item">
      <h3>{o.title}</h3>
      <p>
        <strong>{start.date}</strong>
        <br />
        {t('meetings.timeRange', { start: start.time, end: end.time, zone: start.zone })}
      </p>
      <p className="field-hint">{t('meetings.details', { group: o.group.name, facilitator: o.facilitator, capacity: o.capacity })}</p>
      {o.cancelled && (
        <p className="notice">
          <strong>{t('meetings.cancelled')}</strong> {o.reason}
        </p>
      )}
      {o.moved && !o.cancelled && <p className="field-hint">{t('meetings.moved')}</p>}
      <p>
        <a href={calendarPath(o.meetingId)} download>
          {t('meetings.addToCalendar')}
          <span className="visually-hidden"> {t('meetings.addToCalendarFor', { title: o.title })}</span>
        </a>
      </p>
    </li>
  );
}

/** /meetings — upcoming facilitated meetings across my groups, in my own time zone; facilitators schedule here. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { member } = useSession();
  const [group, setGroup] = useState('');
  const groups = useGroups();
  const upcoming = useUpcomingMeetings(group);
  const isFacilitator = member?.roles.includes('facilitator') ?? false;
  const myGroups = (groups.data ?? []).filter((g) => g.joined);

  return (
    <>
      <PageHeading>{t('meetings.title')}</PageHeading>
      <p className="lead">{t('meetings.intro')}</p>
      <Field label={t('meetings.filterGroup')}>
        {(control) => (
          <select {...control} name="group" value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value="">{t('meetings.allGroups')}</option>
            {(groups.data ?? []).map((g) => (
              <option key={g.slug} value={g.slug}>
                {g.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('meetings.upcoming')}</h2>
        {upcoming.isPending && <Loading />}
        {upcoming.isError && <LoadError message={upcoming.error.message} onRetry={() => void upcoming.refetch()} />}
        {upcoming.data && upcoming.data.length === 0 && <p>{t('meetings.none')}</p>}
        {upcoming.data && upcoming.data.length > 0 && (
          <ul className="meeting-list">
            {upcoming.data.map((o) => (
              <OccurrenceItem key={`${o.meetingId}:${o.localDate}`} o={o} />
            ))}
          </ul>
        )}
      </section>
      {isFacilitator && myGroups.length > 0 && <ScheduleMeetingForm groups={myGroups} />}
      {isFacilitator && groups.data && myGroups.length === 0 && <p>{t('meetings.joinFirst')}</p>}
    </>
  );
}
