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
