import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import * as training from '../training/training.js';

/** The queries over listener_training, listener_applications, listener_profiles and listener_duty. */

export const passedModules = (db: Kysely<DB>, memberId: string): Promise<Map<string, number>> => training.passedModules(db, 'listener_training', memberId);

/** Records a passed module; passing it again keeps the first time. */
export const recordPass = (db: Kysely<DB>, memberId: string, module: string, now: number): Promise<void> => training.recordPass(db, 'listener_training', memberId, module, now);

export function latestApplication(db: Kysely<DB>, memberId: string) {
  return db.selectFrom('listener_applications').selectAll().where('member_id', '=', memberId).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export function pendingApplication(db: Kysely<DB>, memberId: string) {
  return db.selectFrom('listener_applications').select('id').where('member_id', '=', memberId).where('status', '=', 'pending').executeTakeFirst();
}

export function latestDecline(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('listener_applications')
    .select(['reviewed_at'])
    .where('member_id', '=', memberId)
    .where('status', '=', 'declined')
    .orderBy('reviewed_at', 'desc')
    .executeTakeFirst();
}

export function applicationById(db: Kysely<DB>, id: string) {
  return db.selectFrom('listener_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Pending applications with the applicant's handle, for the review queue (keyset-paged by the caller). */
export function pendingQueue(db: Kysely<DB>) {
  return db
    .selectFrom('listener_applications')
    .innerJoin('members', 'members.id', 'listener_applications.member_id')
    .select([
      'listener_applications.id',
      'listener_applications.motivation',
      'listener_applications.languages',
      'listener_applications.topics',
      'listener_applications.created_at',
      'members.handle',
    ])
    .where('listener_applications.status', '=', 'pending')
    .where('members.deleted_at', 'is', null);
}

export async function hasListenerRole(db: Kysely<DB>, memberId: string): Promise<boolean> {
  const row = await db.selectFrom('member_roles').select('role').where('member_id', '=', memberId).where('role', '=', 'listener').executeTakeFirst();
  return row !== undefined;
}

export function profile(db: Kysely<DB>, memberId: string) {
  return db.selectFrom('listener_profiles').selectAll().where('member_id', '=', memberId).executeTakeFirst();
}

/** Every stretch on duty that touches [from, ∞): finished ones that ended after `from`, and the open one. */
export function stretchesSince(db: Kysely<DB>, memberId: string, from: number) {
  return db
    .selectFrom('listener_duty')
    .select(['id', 'started_at', 'ended_at'])
    .where('member_id', '=', memberId)
    .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', from)]))
    .execute();
}

/** Closes the member's open stretch on duty, if there is one. */
export async function closeStretch(db: Kysely<DB>, memberId: string, now: number): Promise<void> {
  await db.updateTable('listener_duty').set({ ended_at: now }).where('member_id', '=', memberId).where('ended_at', 'is', null).execute();
}

/** Listeners on duty who still hold the listener role and may take part. */
export function onDuty(db: Kysely<DB>, now: number) {
  return db
    .selectFrom('listener_profiles')
    .innerJoin('members', 'members.id', 'listener_profiles.member_id')
    .innerJoin('member_roles', (j) => j.onRef('member_roles.member_id', '=', 'listener_profiles.member_id').on('member_roles.role', '=', 'listener'))
    .select(['listener_profiles.member_id', 'listener_profiles.languages', 'listener_profiles.topics', 'listener_profiles.capacity'])
    .where('listener_profiles.status', '=', 'on')
    .where('members.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('members.suspended_until', 'is', null), eb('members.suspended_until', '<=', now)]))
    .orderBy('listener_profiles.member_id')
    .execute();
}
