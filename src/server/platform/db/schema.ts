import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as Kysely sees it. Conventions: ids are ULIDs (sortable text); times are
 * integer milliseconds since the epoch (UTC); flags are nullable timestamps (archived_at)
 * rather than booleans, so both dialects store them the same way.
 */
export interface DB {
  members: MembersTable;
  member_roles: MemberRolesTable;
  sessions: SessionsTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  audit_log: AuditLogTable;
  meta: MetaTable;
}

export interface MembersTable {
  id: string;
  handle: string;
  /** Lower-cased handle: the unique key that makes handles case-insensitive. */
  handle_key: string;
  passphrase_hash: string;
  recovery_code_hash: string | null;
  country: string | null;
  language: string;
  /** Sessions begun before this time are over: set by recovery, passphrase change and log out everywhere. */
  sessions_valid_after: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface MemberRolesTable {
  member_id: string;
  role: string;
  granted_at: number;
  granted_by: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a stolen database cannot be replayed as cookies. */
  id: string;
  member_id: string;
  csrf_token: string;
  created_at: number;
  last_used_at: number;
  expires_at: number;
}

export interface GroupsTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  rules: string;
  member_count: Generated<number>;
  sort_order: Generated<number>;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
}

export interface GroupMembersTable {
  group_id: string;
  member_id: string;
  joined_at: number;
}

export interface AuditLogTable {
  id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  detail: string;
  created_at: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export type MemberRow = Selectable<MembersTable>;
export type NewMember = Insertable<MembersTable>;
export type MemberUpdate = Updateable<MembersTable>;
export type GroupRow = Selectable<GroupsTable>;
export type SessionRow = Selectable<SessionsTable>;
