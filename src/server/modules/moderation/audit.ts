import type { Kysely } from 'kysely';
import { ulid } from '../../platform/ids.js';
import type { DB } from '../../platform/db/schema.js';

/**
 * The append-only audit trail: who did what to whom, when and why. Written in the same
 * transaction as the action it records; nothing in Kysely's code paths updates or deletes it.
 */
export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<DB>, entry: AuditEntry, now = Date.now()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: ulid(now),
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      detail: JSON.stringify(entry.detail ?? {}),
      created_at: now,
    })
    .execute();
}
