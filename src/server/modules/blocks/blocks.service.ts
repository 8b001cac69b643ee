import type { Kysely } from 'kysely';
import type { BlockList } from '../../../shared/blocks.js';
import type { DB } from '../../platform/db/schema.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { AuthMember } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import * as store from './blocks.store.js';

export type BlocksService = ReturnType<typeof createBlocksService>;

/** Ids per query, within each database's parameter limit. */
const CHUNK = 500;

/**
 * Blocking keeps two members apart, both ways: neither sees the other's posts, replies and
 * messages, and neither hears of the other's mentions, replies and reactions. The blocked
 * member is never told, and nothing they see gives it away (docs/decisions.md).
 */
export function createBlocksService({ db, accounts, bus, now = Date.now }: { db: Kysely<DB>; accounts: Pick<AccountsService, 'profileOf'>; bus: EventBus; now?: () => number }) {
  async function target(member: AuthMember, handle: string): Promise<string> {
    const other = await accounts.profileOf(handle);
    if (other.id === member.id) {
      throw new AppError('cannot_block_self', 'You can’t block yourself. If you need a break, you can leave a group or log out for a while.', 400);
    }
    return other.id;
  }

  return {
    /** The people `member` blocked, newest first. */
    async list(member: AuthMember): Promise<BlockList> {
      const rows = await store.listBlocked(db, member.id);
      return { items: rows.map((r) => ({ handle: r.handle, blockedAt: Number(r.created_at) })) };
    },

    /** Blocks the member with `handle`; blocking again changes nothing. */
    async block(member: AuthMember, handle: string): Promise<void> {
      const blockedId = await target(member, handle);
      if (await store.insertBlock(db, member.id, blockedId, now())) {
        await bus.publish('member.blocked', { blockerId: member.id, blockedId });
      }
    },

    /** Lifts a block; lifting one that is not there changes nothing. */
    async unblock(member: AuthMember, handle: string): Promise<void> {
      const blockedId = await target(member, handle);
      await store.deleteBlock(db, member.id, blockedId);
      await bus.publish('member.unblocked', { blockerId: member.id, blockedId });
    },

    /** True when `blockerId` blocked `blockedId`. */
    hasBlocked(blockerId: string, blockedId: string): Promise<boolean> {
      return store.exists(db, blockerId, blockedId);
    },

    /** True when either of the two blocked the other. */
    isBlockedEitherWay(a: string, b: string): Promise<boolean> {
      return store.existsEitherWay(db, a, b);
    },

    /** Everyone `memberId` blocked, and everyone who blocked them (a socket's hiding rooms). */
    async blocksOf(memberId: string): Promise<{ blocked: string[]; blockedBy: string[] }> {
      const rows = await store.blocksOf(db, memberId);
      return { blocked: rows.filter((r) => r.blocker_id === memberId).map((r) => r.blocked_id), blockedBy: rows.filter((r) => r.blocked_id === memberId).map((r) => r.blocker_id) };
    },

    /**
     * The blocks between `memberId` and each of `others`: the ones `memberId` blocked, and the
     * ones who blocked `memberId`. One indexed query per 500 others.
     */
    async between(memberId: string, others: Iterable<string>): Promise<{ blocked: Set<string>; blockedBy: Set<string> }> {
      const ids = [...new Set(others)].filter((id) => id !== memberId);
      const blocked = new Set<string>();
      const blockedBy = new Set<string>();
      for (let i = 0; i < ids.length; i += CHUNK) {
        for (const r of await store.blocksWith(db, memberId, ids.slice(i, i + CHUNK))) {
          if (r.blocker_id === memberId) blocked.add(r.blocked_id);
          else blockedBy.add(r.blocker_id);
        }
      }
      return { blocked, blockedBy };
    },
  };
}
