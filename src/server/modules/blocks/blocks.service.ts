import type { Kysely } from 'kysely';
import type { BlockList } from '../../../shared/blocks.js';
import type { DB } from '../../platform/db/schema.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { AuthMember } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import * as store from './blocks.store.js';

export type BlocksService = ReturnType<typeof createBlocksService>;

/**
 * Blocking: a member hides another member's posts, replies and messages from themselves,
 * and that member can no longer mention them. The blocked member is never told.
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

    /** Ids of everyone `memberId` blocked: what they should not see. */
    blockedIds(memberId: string): Promise<string[]> {
      return store.blockedIds(db, memberId);
    },

    /** True when `blockerId` blocked `blockedId`. */
    hasBlocked(blockerId: string, blockedId: string): Promise<boolean> {
      return store.exists(db, blockerId, blockedId);
    },

    /** True when either of the two blocked the other. */
    isBlockedEitherWay(a: string, b: string): Promise<boolean> {
      return store.existsEitherWay(db, a, b);
    },

    /** Which of `candidates` blocked `authorId`: the people `authorId` must not reach. */
    async blockersAmong(authorId: string, candidates: string[]): Promise<Set<string>> {
      return new Set(await store.blockersAmong(db, authorId, candidates));
    },
  };
}
