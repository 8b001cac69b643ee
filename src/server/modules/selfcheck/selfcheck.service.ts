import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AuthMember } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';
import {
  ITEM_COUNT,
  SELF_CHECK_KEEP_MAX,
  scoreSelfCheck,
  type Answer,
  type Difficulty,
  type KeepSelfCheckBody,
  type Phq9Band,
  type SelfCheckKind,
  type SelfCheckResult,
} from '../../../shared/selfcheck.js';

type Row = { id: string; kind: string; answers: string; difficulty: number | null; total: number; band: string | null; created_at: number | string };

function present(row: Row): SelfCheckResult {
  const answers = JSON.parse(row.answers) as Answer[];
  return {
    id: row.id,
    kind: row.kind as SelfCheckKind,
    answers,
    difficulty: row.difficulty as Difficulty | null,
    total: row.total,
    band: row.band as Phq9Band | null,
    item9Positive: row.kind === 'phq9' && (answers[8] ?? 0) > 0,
    createdAt: Number(row.created_at),
  };
}

export type SelfCheckService = ReturnType<typeof createSelfCheckService>;

/**
 * Results a member chose to keep. Scored again here with the same shared function the browser
 * uses, so a kept total is never taken on trust. Only ever the member's own: every query is
 * keyed on the caller, and another member's id is simply not found.
 */
export function createSelfCheckService({ db, now = Date.now }: { db: Kysely<DB>; now?: () => number }) {
  return {
    async list(member: AuthMember): Promise<SelfCheckResult[]> {
      const rows = await db.selectFrom('self_check_results').selectAll().where('member_id', '=', member.id).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(SELF_CHECK_KEEP_MAX).execute();
      return rows.map(present);
    },

    async keep(member: AuthMember, body: KeepSelfCheckBody): Promise<SelfCheckResult> {
      const expected = ITEM_COUNT[body.kind];
      if (body.answers.length !== expected) {
        throw new AppError('invalid_answers', `Please answer all ${expected} questions before keeping the result.`, 400, { answers: `Please answer all ${expected} questions.` });
      }
      const score = scoreSelfCheck(body.kind, body.answers);
      const count = await db.selectFrom('self_check_results').select((eb) => eb.fn.countAll<number | string>().as('n')).where('member_id', '=', member.id).executeTakeFirstOrThrow();
      if (Number(count.n) >= SELF_CHECK_KEEP_MAX) {
        throw new AppError('too_many', `You have kept ${SELF_CHECK_KEEP_MAX} results, the most Kindred keeps. Deleting some older ones makes room.`, 409);
      }
      const row = {
        id: ulid(),
        member_id: member.id,
        kind: body.kind,
        answers: JSON.stringify(body.answers),
        difficulty: body.kind === 'phq9' ? (body.difficulty ?? null) : null,
        total: score.total,
        band: score.band,
        created_at: now(),
      };
      await db.insertInto('self_check_results').values(row).execute();
      return present(row);
    },

    async remove(member: AuthMember, id: string): Promise<void> {
      const res = await db.deleteFrom('self_check_results').where('id', '=', id).where('member_id', '=', member.id).executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) throw notFound('That result');
    },
  };
}
