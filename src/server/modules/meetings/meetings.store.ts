import type { Kysely } from 'kysely';
import type { DB, MeetingOverrideRow, MeetingRow } from '../../platform/db/schema.js';

/** The meetings module's queries. */

/** A series with what presenting it needs: its group and its facilitators' handles. */
export interface MeetingView extends MeetingRow {
  group_slug: string;
  group_name: string;
  facilitator_handle: string;
  co_facilitator_handle: string | null;
}

function viewQuery(db: Kysely<DB>) {
  return db
    .selectFrom('meetings')
    .innerJoin('groups', 'groups.id', 'meetings.group_id')
    .innerJoin('members as f', 'f.id', 'meetings.facilitator_id')
    .leftJoin('members as cf', 'cf.id', 'meetings.co_facilitator_id')
    .selectAll('meetings')
    .select(['groups.slug as group_slug', 'groups.name as group_name', 'f.handle as facilitator_handle', 'cf.handle as co_facilitator_handle']);
}

export async function findMeeting(db: Kysely<DB>, id: string): Promise<MeetingView | undefined> {
  return viewQuery(db).where('meetings.id', '=', id).executeTakeFirst();
}

/** Live series in these groups (not cancelled), oldest first. */
export async function liveMeetingsIn(db: Kysely<DB>, groupIds: string[]): Promise<MeetingView[]> {
  if (groupIds.length === 0) return [];
  return viewQuery(db).where('meetings.group_id', 'in', groupIds).where('meetings.cancelled_at', 'is', null).where('groups.archived_at', 'is', null).orderBy('meetings.id').execute();
}

/** Every live series in a group that is not archived: what the reminders job looks through. */
export async function allLiveMeetings(db: Kysely<DB>): Promise<MeetingView[]> {
  return viewQuery(db).where('meetings.cancelled_at', 'is', null).where('groups.archived_at', 'is', null).orderBy('meetings.id').execute();
}

/** Live series someone facilitates or co-facilitates. */
export async function liveMeetingsLedBy(db: Kysely<DB>, memberId: string): Promise<MeetingRow[]> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('cancelled_at', 'is', null)
    .where((eb) => eb.or([eb('facilitator_id', '=', memberId), eb('co_facilitator_id', '=', memberId)]))
    .execute();
}

export async function overridesOf(db: Kysely<DB>, meetingIds: string[]): Promise<MeetingOverrideRow[]> {
  if (meetingIds.length === 0) return [];
  return db.selectFrom('meeting_overrides').selectAll().where('meeting_id', 'in', meetingIds).execute();
}

/** Writes the override of one occurrence, replacing any earlier one. */
export async function putOverride(
  db: Kysely<DB>,
  row: { meeting_id: string; local_date: string; cancelled_at: number | null; moved_to: number | null; reason: string; updated_at: number },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('meeting_overrides').where('meeting_id', '=', row.meeting_id).where('local_date', '=', row.local_date).execute();
    await trx.insertInto('meeting_overrides').values(row).execute();
  });
}

/** A member named by handle, with whether they hold the facilitator role, for choosing a co-facilitator. */
export async function memberByHandle(db: Kysely<DB>, handleKey: string): Promise<{ id: string; handle: string; facilitator: boolean } | undefined> {
  const row = await db
    .selectFrom('members')
    .select(['members.id', 'members.handle'])
    .select((eb) => eb.exists(eb.selectFrom('member_roles').select('member_roles.member_id').whereRef('member_roles.member_id', '=', 'members.id').where('member_roles.role', '=', 'facilitator')).as('facilitator'))
    .where('members.handle_key', '=', handleKey)
    .where('members.deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, handle: row.handle, facilitator: Boolean(row.facilitator) } : undefined;
}

export async function setCoFacilitator(db: Kysely<DB>, id: string, coFacilitatorId: string | null, t: number): Promise<void> {
  await db.updateTable('meetings').set({ co_facilitator_id: coFacilitatorId, updated_at: t }).where('id', '=', id).execute();
}

/** Dates of one series on which someone waits for a seat. */
export async function datesWithWaitlist(db: Kysely<DB>, meetingId: string): Promise<string[]> {
  const rows = await db.selectFrom('meeting_rsvps').select('local_date').distinct().where('meeting_id', '=', meetingId).where('status', '=', 'waitlist').orderBy('local_date').execute();
  return rows.map((r) => r.local_date);
}

/** Reminders already sent for one occurrence go when it moves, so they follow the new time. */
export async function forgetReminders(db: Kysely<DB>, meetingId: string, localDate: string): Promise<void> {
  await db.deleteFrom('meeting_reminders').where('meeting_id', '=', meetingId).where('local_date', '=', localDate).execute();
}
