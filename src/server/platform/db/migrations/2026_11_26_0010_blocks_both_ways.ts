import type { Kysely, Migration } from 'kysely';

/**
 * Blocks work both ways. The list checks are equalities on both columns, which the primary key
 * (blocker_id, blocked_id) answers in either direction; what the reverse direction adds is "who
 * blocked this member" (a socket's handshake, the thread and notification checks), which the
 * index on blocked_id alone answered with a row lookup per block. This one carries blocker_id
 * too, so those read the index only, and replaces the old one, whose work it does: each block
 * still writes two indexes.
 */
export const blocksBothWays: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.createIndex('member_blocks_blocked_blocker').on('member_blocks').columns(['blocked_id', 'blocker_id']).execute();
    await db.schema.dropIndex('member_blocks_blocked').execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.createIndex('member_blocks_blocked').on('member_blocks').columns(['blocked_id']).execute();
    await db.schema.dropIndex('member_blocks_blocked_blocker').execute();
  },
};
