import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { EventBus } from '../../platform/events/bus.js';
import { lockNamed } from '../../platform/db/meta.js';
import type { AuthMember } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';
import * as store from './accounts.store.js';
import type { MemberData } from './member-data.js';
import { verifyPassphrase } from './secrets.js';

export type AccountDataService = ReturnType<typeof createAccountDataService>;

/** "Download my data" and "Delete my account": every module's share, gathered or erased together. */
export function createAccountDataService({ db, modules, bus, now = Date.now }: { db: Kysely<DB>; modules: MemberData[]; bus?: EventBus; now?: () => number }) {
  return {
    async exportFor(member: AuthMember): Promise<Record<string, unknown>> {
      const row = (await store.findMemberById(db, member.id))!;
      const out: Record<string, unknown> = {
        exportedAt: new Date(now()).toISOString(),
        account: { handle: row.handle, joinedAt: row.created_at, country: row.country, language: row.language, roles: member.roles },
      };
      for (const m of modules) out[m.name] = await m.export(db, member.id);
      return out;
    },

    /**
     * Erases the account in one transaction: what the member wrote becomes "[deleted]"
     * (threads stay readable for the people who answered), everything else of theirs is
     * removed, and the row left behind names nobody and can never log in.
     */
    async deleteAccount(member: AuthMember, passphrase: string): Promise<void> {
      const row = await store.findMemberById(db, member.id);
      if (!row || !(await verifyPassphrase(row.passphrase_hash, passphrase))) {
        throw new AppError('wrong_passphrase', 'That passphrase is not right. Your account is unchanged.', 400, { passphrase: 'That passphrase is not right.' });
      }
      await db.transaction().execute(async (trx) => {
        await lockNamed(trx, 'roles');
        const roles = await store.rolesOf(trx, member.id);
        if (roles.includes('admin') && (await store.countWithRole(trx, 'admin')) <= 1) {
          throw new AppError('last_admin', 'You are the only admin. Make someone else an admin first, then delete your account.', 409);
        }
        const t = now();
        for (const m of modules) await m.erase(trx, member.id, t);
        await store.replaceRoles(trx, member.id, [], null, t);
        await store.deleteSessionsOf(trx, member.id);
        const tombstone = `deleted-${ulid(t).slice(-12).toLowerCase()}`;
        await store.updateMember(trx, member.id, {
          handle: tombstone,
          handle_key: tombstone,
          passphrase_hash: '',
          recovery_code_hash: null,
          country: null,
          unread_notifications: 0,
          deleted_at: t,
          updated_at: t,
        });
      });
      // Any connection still open ends now.
      await bus?.publish('member.access_changed', { memberId: member.id });
    },
  };
}
