import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Occurrence } from '../../../shared/meetings';
import { useSession } from '../../api/session';
import { Field } from '../../ui/Field';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { Link } from 'react-router';
import { useGroups } from '../groups/api';
import { calendarPath, meetingPagePath, useUpcomingMeetings } from './api';
import { when } from './time';
import { ScheduleMeetingForm } from './ScheduleMeetingForm';

function OccurrenceItem({ o }: { o: Occurrence }) {
  const { t, i18n } = useTranslation();
  const start = when(o.startsAt, i18n.language);
  const end = when(o.endsAt, i18n.language);
  return (
    <li className="card meeting-item">
      <h3>
        <Link to={`${meetingPagePath(o.meetingId)}#occurrence-${o.localDate}`}>{o.title}</Link>
      </h3>
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
