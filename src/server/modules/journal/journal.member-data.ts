import type { MemberData } from '../accounts/member-data.js';
import { UnreadableEntry, type JournalKeyring } from './journal.crypto.js';
import { openRow } from './journal.service.js';
import * as store from './journal.store.js';

/** The member's journal, opened for them (their export is the one place its words leave Kindred); erased with the account. */
export function journalMemberData(keyring: JournalKeyring): MemberData {
  return {
    name: 'journal',
    async export(db, memberId) {
      const rows = await store.allEntries(db, memberId);
      return rows.map((r) => {
        const dates = { createdAt: Number(r.created_at), updatedAt: Number(r.updated_at) };
        try {
          return { ...openRow(keyring, memberId, r), ...dates };
        } catch (err) {
          if (!(err instanceof UnreadableEntry)) throw err;
          return { title: null, body: null, unreadable: true, ...dates };
        }
      });
    },
    async erase(trx, memberId) {
      await store.deleteAllOf(trx, memberId);
    },
  };
}
