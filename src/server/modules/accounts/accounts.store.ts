import { sql, type Kysely } from 'kysely';
import type { Role } from '../../../shared/rules.js';
import type { DB, MemberRow, MemberUpdate, NewMember } from '../../platform/db/schema.js';
import { keyset, type PageRequest } from '../../platform/db/pagination.js';

/** The accounts module's queries: members, their roles and their sessions. */

export function findMemberById(db: Kysely<DB>, id: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findMemberByHandleKey(db: Kysely<DB>, key: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('handle_key', '=', key).executeTakeFirst();
}

export async function handleKeyTaken(db: Kysely<DB>, key: string): Promise<boolean> {
  const row = await db.selectFrom('members').select('id').where('handle_key', '=', key).executeTakeFirst();
  return row !== undefined;
}

export async function insertMember(db: Kysely<DB>, member: NewMember): Promise<void> {
  await db.insertInto('members').values(member).execute();
}

export async function updateMember(db: Kysely<DB>, id: string, patch: MemberUpdate): Promise<void> {
  await db.updateTable('members').set(patch).where('id', '=', id).execute();
}

export async function rolesOf(db: Kysely<DB>, memberId: string): Promise<Role[]> {
  const rows = await db.selectFrom('member_roles').select('role').where('member_id', '=', memberId).execute();
  return rows.map((r) => r.role as Role);
}

export async function rolesOfMany(db: Kysely<DB>, memberIds: string[]): Promise<Map<string, Role[]>> {
  const map = new Map<string, Role[]>(memberIds.map((id) => [id, []]));
  if (memberIds.length === 0) return map;
  const rows = await db.selectFrom('member_roles').select(['member_id', 'role']).where('member_id', 'in', memberIds).execute();
  for (const row of rows) map.get(row.member_id)?.push(row.role as Role);
  return map;
}

/** Replaces a member's granted roles with `roles`. */
export async function replaceRoles(db: Kysely<DB>, memberId: string, roles: Role[], grantedBy: string | null, now: number): Promise<void> {
  await db.deleteFrom('member_roles').where('member_id', '=', memberId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('member_roles')
      .values(roles.map((role) => ({ member_id: memberId, role, granted_at: now, granted_by: grantedBy })))
      .execute();
  }
}

export async function addRole(db: Kysely<DB>, memberId: string, role: Role, grantedBy: string | null, now: number): Promise<void> {
  await db
    .insertInto('member_roles')
    .values({ member_id: memberId, role, granted_at: now, granted_by: grantedBy })
    .onConflict((oc) => oc.columns(['member_id', 'role']).doNothing())
    .execute();
}

export async function countWithRole(db: Kysely<DB>, role: Role): Promise<number> {
  const row = await db
    .selectFrom('member_roles')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listMembers(
  db: Kysely<DB>,
  filter: { handlePrefix?: string | undefined; role?: Role | undefined },
  page: PageRequest,
): Promise<Pick<MemberRow, 'id' | 'handle' | 'created_at' | 'trust_level'>[]> {
  let q = db.selectFrom('members').select(['members.id', 'members.handle', 'members.created_at', 'members.trust_level']).where('members.deleted_at', 'is', null);
  if (filter.handlePrefix) {
    // handle_key is lower-case, so this prefix match is case-insensitive; substr is the same on both dialects.
    const prefix = filter.handlePrefix.trim().toLowerCase();
    q = q.where(sql<boolean>`substr(members.handle_key, 1, ${prefix.length}) = ${prefix}`);
  }
  if (filter.role && filter.role !== 'member') {
    const role = filter.role;
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('member_roles').select('member_roles.role').whereRef('member_roles.member_id', '=', 'members.id').where('member_roles.role', '=', role),
      ),
    );
  }
  return keyset(q, { sort: 'members.created_at', sortType: 'number', id: 'members.id', direction: 'desc', page }).execute();
}

// --- sessions ---

export async function insertSession(
  db: Kysely<DB>,
  s: { id: string; memberId: string; csrfToken: string; createdAt: number; now: number; expiresAt: number },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: s.id, member_id: s.memberId, csrf_token: s.csrfToken, created_at: s.createdAt, last_used_at: s.now, expires_at: s.expiresAt })
    .execute();
}

/** A live session with its member and the member's roles, in one query (one row per role). */
export async function findLiveSession(db: Kysely<DB>, id: string, now: number) {
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('members', 'members.id', 'sessions.member_id')
    .leftJoin('member_roles', 'member_roles.member_id', 'members.id')
    .select([
      'member_roles.role',
      'sessions.id as sessionId',
      'sessions.csrf_token as csrfToken',
      'sessions.last_used_at as lastUsedAt',
      'members.id as memberId',
      'members.handle',
      'members.country',
      'members.language',
      'members.suspended_until as suspendedUntil',
      'members.muted_until as mutedUntil',
      'members.trust_level as trustLevel',
    ])
    .where('sessions.id', '=', id)
    .where('members.banned_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .whereRef('sessions.created_at', '>=', 'members.sessions_valid_after')
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  const { role: _role, ...session } = first;
  return { ...session, roles: rows.flatMap((r) => (r.role ? [r.role as Role] : [])) };
}

export async function touchSession(db: Kysely<DB>, id: string, now: number, expiresAt: number): Promise<void> {
  await db.updateTable('sessions').set({ last_used_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a member, except `keepId` when given. */
export async function deleteSessionsOf(db: Kysely<DB>, memberId: string, keepId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('member_id', '=', memberId);
  if (keepId) q = q.where('id', '!=', keepId);
  await q.execute();
}

/** Ends every session begun before `time`, including one being created right now by a log-in that raced this. */
export async function invalidateSessionsBefore(db: Kysely<DB>, memberId: string, time: number): Promise<void> {
  await db.updateTable('members').set({ sessions_valid_after: time }).where('id', '=', memberId).execute();
  await db.deleteFrom('sessions').where('member_id', '=', memberId).execute();
}

/** Replaces the recovery code only if it is still the one that was checked: a code works once, even for two taps at once. */
export async function consumeRecoveryCode(
  db: Kysely<DB>,
  memberId: string,
  expectedHash: string,
  next: { passphraseHash: string; recoveryCodeHash: string; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable('members')
    .set({ passphrase_hash: next.passphraseHash, recovery_code_hash: next.recoveryCodeHash, updated_at: next.now })
    .where('id', '=', memberId)
    .where('recovery_code_hash', '=', expectedHash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteExpiredSessions(db: Kysely<DB>, memberId: string, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('member_id', '=', memberId).where('expires_at', '<=', now).execute();
}
