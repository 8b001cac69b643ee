import type { Kysely, Migration } from 'kysely';

/**
 * Trust levels (0 new, 1 basic, 2 member, 3 regular): each member's level, worked out from
 * time and participation by the moderation module (modules/moderation/trust.ts), and when it
 * was last worked out, so the periodic sweep re-checks the members whose turn it is first.
 * Everyone starts at 0 and checked at 0 ("never"): the first sweeps find existing members' levels.
 */
export const trust: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('members').addColumn('trust_level', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    // Not null, so "oldest check first" sorts the same on both databases (they order nulls differently).
    await db.schema.alterTable('members').addColumn('trust_checked_at', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.createIndex('members_trust_checked').on('members').column('trust_checked_at').execute();
  },
};
