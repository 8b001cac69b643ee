import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, MessagesTable } from '../schema.js';
import type { DialectName } from './index.js';

/**
 * Inserts a message with the next seq of its conversation, as the last statement of the
 * sending transaction. Taking the seq locks the conversation's row until commit, so senders
 * to one room queue here: the lock is held for as little as possible. PostgreSQL bumps and
 * inserts in one statement (one round trip, then the commit); SQLite, in-process and with
 * one writer at a time, runs the two statements back to back (it cannot put an UPDATE in a
 * WITH clause).
 */
export async function insertWithNextSeq(trx: Kysely<DB>, dialect: DialectName, row: Omit<Insertable<MessagesTable>, 'seq'>): Promise<number> {
  if (dialect === 'postgres') {
    const result = await sql<{ seq: number }>`
      with next as (update conversations set last_seq = last_seq + 1 where id = ${row.conversation_id} returning last_seq)
      insert into messages (id, conversation_id, seq, author_id, client_id, body, content_warning, status, held_reason, card, created_at)
      select ${row.id}, ${row.conversation_id}, next.last_seq, ${row.author_id}, ${row.client_id}, ${row.body},
             ${row.content_warning ?? null}, ${row.status}, ${row.held_reason ?? null}, ${row.card ?? null}, cast(${row.created_at} as bigint)
      from next
      returning seq`.execute(trx);
    const seq = result.rows[0]?.seq;
    if (seq === undefined) throw new Error('the conversation to write in is gone');
    return Number(seq);
  }
  const bumped = await trx
    .updateTable('conversations')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', row.conversation_id)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const seq = Number(bumped.last_seq);
  await trx.insertInto('messages').values({ ...row, seq }).execute();
  return seq;
}
