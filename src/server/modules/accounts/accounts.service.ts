import type { Kysely } from 'kysely';
import { FACILITATOR_MODULES } from '../../../shared/facilitators.js';
import { passedModules } from '../training/training.js';
import type { EventBus } from '../../platform/events/bus.js';
import { ulid } from '../../platform/ids.js';
import type { AdminMember, MemberSelf } from '../../../shared/api.js';
import { HANDLE_MAX, HANDLE_PATTERN, type Language, type Role } from '../../../shared/rules.js';
import type { DB } from '../../platform/db/schema.js';
import { lockNamed } from '../../platform/db/meta.js';
import { isUniqueViolation } from '../../platform/db/dialect/index.js';
import { toPage, type Page, type PageRequest } from '../../platform/db/pagination.js';
import type { AuthMember, ResolvedSession } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { recordAudit } from '../moderation/audit.js';
import * as store from './accounts.store.js';
import { accountsPolicy } from './accounts.policy.js';
import { presentAdminMember, presentSelf } from './accounts.presenter.js';
import { handleKey, isReservedHandle, randomHandle } from './handles.js';
import {
  hashPassphrase,
  hashRecoveryCode,
  isWeakPassphrase,
  newRecoveryCode,
  newSessionToken,
  sameRecoveryCode,
  sessionIdOf,
  verifyAgainstNothing,
  verifyPassphrase,
} from './secrets.js';

const DAY = 24 * 60 * 60 * 1000;
// A session's expiry slides forward at most this often, so reads rarely write.
const TOUCH_EVERY = 60 * 60 * 1000;

export interface NewSession {
  token: string;
  expiresAt: number;
  csrfToken: string;
}

export interface SignedIn {
  member: MemberSelf;
  session: NewSession;
}

export interface AccountsDeps {
  db: Kysely<DB>;
  sessionDays: number;
  /** Countries a member may choose: those the Get help data knows. */
  knownCountries?: ReadonlySet<string>;
  /** Told when sessions end or roles change, so live connections are checked afresh. */
  bus?: EventBus;
  /** The groups a member moderates (the groups module's), told to their session. */
  moderatedGroups?: (memberId: string) => Promise<{ slug: string }[]>;
  now?: () => number;
}

const HANDLE_SHAPE = new RegExp(HANDLE_PATTERN);

const WRONG_CREDENTIALS = "That handle and passphrase don't match. Please check both and try again.";
/** Said only after the right passphrase, so it tells a stranger nothing. */
const BANNED = 'This account has been closed by the moderators for going against the community guidelines. If you are struggling right now, the crisis lines on the Get help page are there for you.';
const WRONG_RECOVERY = "That handle and recovery code don't match. Please check both and try again.";

export type AccountsService = ReturnType<typeof createAccountsService>;

/** Whether `memberId` has passed every facilitator training module. */
async function facilitatorTrainingPassed(db: Kysely<DB>, memberId: string): Promise<boolean> {
  const passed = await passedModules(db, 'facilitator_training', memberId);
  return FACILITATOR_MODULES.every((m) => passed.has(m));
}

/** Which of `ids` have passed every facilitator training module, for the admins' members list. */
async function facilitatorTrainedAmong(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('facilitator_training')
    .select('member_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('member_id', 'in', ids)
    .where('module', 'in', [...FACILITATOR_MODULES])
    .groupBy('member_id')
    .execute();
  return new Set(rows.filter((r) => Number(r.n) === FACILITATOR_MODULES.length).map((r) => r.member_id));
}

/** Anonymous accounts: sign-up, sessions, recovery, preferences, roles. */
export function createAccountsService({ db, sessionDays, knownCountries, bus, moderatedGroups = async () => [], now = Date.now }: AccountsDeps) {
  const accessChanged = (memberId: string) => bus?.publish('member.access_changed', { memberId });
  const sessionLength = sessionDays * DAY;

  async function suggestHandle(): Promise<string> {
    for (let i = 0; i < 8; i++) {
      const handle = randomHandle();
      if (!(await store.handleKeyTaken(db, handleKey(handle)))) return handle;
    }
    return `${randomHandle()}${Math.floor(Math.random() * 900 + 100)}`;
  }

  async function handleProblem(handle: string, ownId?: string): Promise<string | null> {
    if (isReservedHandle(handle)) return 'That handle is reserved. Please choose another.';
    const existing = await store.findMemberByHandleKey(db, handleKey(handle));
    if (existing && existing.id !== ownId) return 'That handle is already taken.';
    return null;
  }

  async function takenError(handle: string, problem: string): Promise<AppError> {
    const suggestion = await suggestHandle();
    return new AppError('handle_taken', problem, 409, { handle: `${problem} How about ${suggestion}?` }, { suggestion, attempted: handle });
  }

  function assertStrong(passphrase: string, handle: string, field: string): void {
    if (isWeakPassphrase(passphrase, handle)) {
      throw new AppError('weak_passphrase', 'Please choose a passphrase that is harder to guess.', 400, {
        [field]: 'This passphrase is too easy to guess: it is common or close to your handle. Try three or four unrelated words.',
      });
    }
  }

  /**
   * Starts a session. `begunAt` is when the credentials were checked: a session whose check
   * came before a recovery or "log out everywhere" is born already over.
   */
  async function startSession(memberId: string, begunAt: number, previousToken?: string): Promise<NewSession> {
    const t = now();
    const { token, id, csrfToken } = newSessionToken();
    // Rotation: whatever session the browser had before is ended, and a new one begins.
    if (previousToken) await store.deleteSession(db, sessionIdOf(previousToken));
    await store.deleteExpiredSessions(db, memberId, t);
    await store.insertSession(db, { id, memberId, csrfToken, createdAt: begunAt, now: t, expiresAt: t + sessionLength });
    return { token, csrfToken, expiresAt: t + sessionLength };
  }

  function assertKnownCountry(country: string | null | undefined): void {
    if (country && knownCountries && !knownCountries.has(country)) {
      throw new AppError('invalid_input', 'Some details need another look.', 400, { country: 'Please choose a country from the list.' });
    }
  }

  async function self(memberId: string): Promise<MemberSelf> {
    const row = await store.findMemberById(db, memberId);
    if (!row) throw notFound('That account');
    const [roles, moderates] = await Promise.all([store.rolesOf(db, memberId), moderatedGroups(memberId)]);
    return presentSelf(row, roles, moderates.map((g) => g.slug));
  }

  return {
    suggestHandle,

    async handleAvailability(handle: string): Promise<{ available: boolean; message?: string; suggestion?: string }> {
      const problem = await handleProblem(handle);
      if (!problem) return { available: true };
      return { available: false, message: problem, suggestion: await suggestHandle() };
    },

    /** Creates an anonymous account, starts its session and returns its one-time recovery code. */
    async signUp(input: {
      handle: string;
      passphrase: string;
      country: string | null;
      language: Language;
    }, previousToken?: string): Promise<SignedIn & { recoveryCode: string }> {
      const handle = input.handle.trim();
      assertKnownCountry(input.country);
      const problem = await handleProblem(handle);
      if (problem) throw await takenError(handle, problem);
      assertStrong(input.passphrase, handle, 'passphrase');
      const recoveryCode = newRecoveryCode();
      const t = now();
      const id = ulid(t);
      try {
        await store.insertMember(db, {
          id,
          handle,
          handle_key: handleKey(handle),
          passphrase_hash: await hashPassphrase(input.passphrase),
          recovery_code_hash: hashRecoveryCode(recoveryCode),
          country: input.country,
          language: input.language,
          created_at: t,
          updated_at: t,
        });
      } catch (err) {
        // Two people racing for the same handle: the database decides, the loser gets a kind message.
        if (isUniqueViolation(err)) throw await takenError(handle, 'That handle is already taken.');
        throw err;
      }
      const session = await startSession(id, t, previousToken);
      return { member: await self(id), session, recoveryCode };
    },

    /** Checks a handle and passphrase; the error never says which of the two was wrong. */
    async logIn(input: { handle: string; passphrase: string }, previousToken?: string): Promise<SignedIn> {
      const begunAt = now();
      // Something that cannot be a handle is not looked up, but costs the same time as one that is.
      const shaped = input.handle.trim().length <= HANDLE_MAX && HANDLE_SHAPE.test(input.handle.trim());
      const found = shaped ? await store.findMemberByHandleKey(db, handleKey(input.handle)) : undefined;
      const row = found?.deleted_at === null ? found : undefined;
      if (!row) {
        await verifyAgainstNothing(input.passphrase);
        throw new AppError('wrong_credentials', WRONG_CREDENTIALS, 401);
      }
      if (!(await verifyPassphrase(row.passphrase_hash, input.passphrase))) {
        throw new AppError('wrong_credentials', WRONG_CREDENTIALS, 401);
      }
      if (row.banned_at !== null) throw new AppError('banned', BANNED, 403);
      const session = await startSession(row.id, begunAt, previousToken);
      return { member: await self(row.id), session };
    },

    async logOut(sessionId: string): Promise<void> {
      await store.deleteSession(db, sessionId);
      await bus?.publish('session.ended', { sessionId });
    },

    async logOutEverywhere(memberId: string): Promise<void> {
      await store.invalidateSessionsBefore(db, memberId, now());
      await accessChanged(memberId);
    },

    /** Resets the passphrase with the recovery code, which is then used up: a new one is returned. */
    async recover(input: { handle: string; recoveryCode: string; newPassphrase: string }, previousToken?: string): Promise<SignedIn & { recoveryCode: string }> {
      const wrong = () => new AppError('wrong_recovery_code', WRONG_RECOVERY, 400, { recoveryCode: WRONG_RECOVERY });
      const shaped = input.handle.trim().length <= HANDLE_MAX && HANDLE_SHAPE.test(input.handle.trim());
      const row = shaped ? await store.findMemberByHandleKey(db, handleKey(input.handle)) : undefined;
      if (!row || !row.recovery_code_hash || !sameRecoveryCode(row.recovery_code_hash, input.recoveryCode)) throw wrong();
      // A closed account stays closed: the code is not used up, and nothing is reset.
      if (row.banned_at !== null) throw new AppError('banned', BANNED, 403);
      assertStrong(input.newPassphrase, row.handle, 'newPassphrase');
      const recoveryCode = newRecoveryCode();
      const passphraseHash = await hashPassphrase(input.newPassphrase);
      const t = now();
      const consumed = await db.transaction().execute(async (trx) => {
        if (!(await store.consumeRecoveryCode(trx, row.id, row.recovery_code_hash!, { passphraseHash, recoveryCodeHash: hashRecoveryCode(recoveryCode), now: t }))) {
          return false;
        }
        // Whoever else held a session (perhaps the reason for recovering) is logged out.
        await store.invalidateSessionsBefore(trx, row.id, t);
        return true;
      });
      // Two requests with the same code at once: only the first one wins.
      if (!consumed) throw wrong();
      await accessChanged(row.id);
      const session = await startSession(row.id, t, previousToken);
      return { member: await self(row.id), session, recoveryCode };
    },

    /** The member behind a session cookie, sliding its expiry forward at most hourly (`renewedUntil` tells the cookie). */
    async resolveSession(token: string): Promise<ResolvedSession | null> {
      const t = now();
      const row = await store.findLiveSession(db, sessionIdOf(token), t);
      if (!row) return null;
      let renewedUntil: number | undefined;
      if (t - row.lastUsedAt > TOUCH_EVERY) {
        renewedUntil = t + sessionLength;
        await store.touchSession(db, row.sessionId, t, renewedUntil);
      }
      const member: AuthMember = {
        id: row.memberId,
        handle: row.handle,
        country: row.country,
        language: row.language,
        roles: row.roles,
        suspendedUntil: row.suspendedUntil,
        mutedUntil: row.mutedUntil,
        trustLevel: Number(row.trustLevel),
      };
      return { sessionId: row.sessionId, csrfToken: row.csrfToken, member, ...(renewedUntil ? { renewedUntil } : {}) };
    },

    self,

    /** What anyone signed in may know of a member: handle, id and when they joined. */
    async profileOf(handle: string): Promise<{ id: string; handle: string; createdAt: number }> {
      const row = await store.findMemberByHandleKey(db, handleKey(handle));
      if (!row || row.deleted_at !== null) throw notFound('That member');
      return { id: row.id, handle: row.handle, createdAt: row.created_at };
    },

    async updatePreferences(
      memberId: string,
      patch: { handle?: string | undefined; country?: string | null | undefined; language?: Language | undefined },
    ): Promise<MemberSelf> {
      const update: Parameters<typeof store.updateMember>[2] = { updated_at: now() };
      if (patch.handle !== undefined) {
        const handle = patch.handle.trim();
        const problem = await handleProblem(handle, memberId);
        if (problem) throw await takenError(handle, problem);
        update.handle = handle;
        update.handle_key = handleKey(handle);
      }
      assertKnownCountry(patch.country);
      if (patch.country !== undefined) update.country = patch.country;
      if (patch.language !== undefined) update.language = patch.language;
      try {
        await store.updateMember(db, memberId, update);
      } catch (err) {
        if (isUniqueViolation(err) && patch.handle) throw await takenError(patch.handle, 'That handle is already taken.');
        throw err;
      }
      return self(memberId);
    },

    /** Changes the passphrase after checking the current one; other devices are logged out. */
    async changePassphrase(member: AuthMember, sessionId: string, current: string, next: string): Promise<void> {
      const row = await store.findMemberById(db, member.id);
      if (!row || !(await verifyPassphrase(row.passphrase_hash, current))) {
        throw new AppError('wrong_passphrase', 'Your current passphrase is not right.', 400, {
          currentPassphrase: 'This is not your current passphrase.',
        });
      }
      assertStrong(next, row.handle, 'newPassphrase');
      await store.updateMember(db, member.id, { passphrase_hash: await hashPassphrase(next), updated_at: now() });
      await store.deleteSessionsOf(db, member.id, sessionId);
      await accessChanged(member.id);
    },

    /** Replaces the recovery code (the old one stops working) after checking the passphrase. */
    async newRecoveryCode(member: AuthMember, passphrase: string): Promise<string> {
      const row = await store.findMemberById(db, member.id);
      if (!row || !(await verifyPassphrase(row.passphrase_hash, passphrase))) {
        throw new AppError('wrong_passphrase', 'That passphrase is not right.', 400, { passphrase: 'This is not your current passphrase.' });
      }
      const code = newRecoveryCode();
      await store.updateMember(db, member.id, { recovery_code_hash: hashRecoveryCode(code), updated_at: now() });
      return code;
    },

    async listMembers(
      actor: AuthMember,
      filter: { q?: string | undefined; role?: Role | undefined },
      page: PageRequest,
    ): Promise<Page<AdminMember>> {
      accountsPolicy.assertCanManageMembers(actor);
      const rows = await store.listMembers(db, { handlePrefix: filter.q, role: filter.role }, page);
      const kept = rows.slice(0, page.limit);
      const [roles, trained] = await Promise.all([store.rolesOfMany(db, kept.map((r) => r.id)), facilitatorTrainedAmong(db, kept.map((r) => r.id))]);
      return toPage(rows, page.limit, (r) => [r.created_at, r.id], (r) => presentAdminMember(r, roles.get(r.id) ?? [], trained.has(r.id)));
    },

    /** Sets a member's granted roles, recorded in the audit log; the last admin cannot be removed. */
    async setRoles(actor: AuthMember, memberId: string, roles: Role[]): Promise<AdminMember> {
      accountsPolicy.assertCanManageMembers(actor);
      const updated = await db.transaction().execute(async (trx) => {
        // Two admins removing each other at once must not both pass the last-admin check.
        await lockNamed(trx, 'roles');
        const row = await store.findMemberById(trx, memberId);
        if (!row) throw notFound('That member');
        const before = await store.rolesOf(trx, memberId);
        if (before.includes('admin') && !roles.includes('admin') && (await store.countWithRole(trx, 'admin')) <= 1) {
          throw new AppError('last_admin', 'Kindred needs at least one admin. Make someone else an admin first.', 409);
        }
        // A member becomes a facilitator only once they have passed the facilitator training.
        if (roles.includes('facilitator') && !before.includes('facilitator') && !(await facilitatorTrainingPassed(trx, memberId))) {
          throw new AppError(
            'facilitator_training_incomplete',
            `${row.handle} has not finished the facilitator training yet. Once they have passed all ${FACILITATOR_MODULES.length} modules, you can make them a facilitator.`,
            409,
          );
        }
        const t = now();
        await store.replaceRoles(trx, memberId, roles, actor.id, t);
        await recordAudit(trx, { actorId: actor.id, action: 'member.roles_changed', targetType: 'member', targetId: memberId, detail: { before, after: roles } }, t);
        return presentAdminMember(row, roles, await facilitatorTrainingPassed(trx, memberId));
      });
      // A host no longer a host must stop hearing what only hosts hear, at once.
      await accessChanged(memberId);
      return updated;
    },

    /**
     * An admin vouches for a member: sets their trust level (0-2; level 3 is only earned), for
     * someone the community knows from elsewhere whose links should not wait. Levels 1 and 2 are
     * kept by the recomputation, so the vouch lasts; audited like every change of standing.
     */
    async setTrust(actor: AuthMember, memberId: string, level: number): Promise<AdminMember> {
      accountsPolicy.assertCanManageMembers(actor);
      const t = now();
      return db.transaction().execute(async (trx) => {
        const row = await store.findMemberById(trx, memberId);
        if (!row || row.deleted_at !== null) throw notFound('That member');
        await trx.updateTable('members').set({ trust_level: level, trust_checked_at: t }).where('id', '=', memberId).execute();
        await recordAudit(trx, { actorId: actor.id, action: 'member.trust_set', targetType: 'member', targetId: memberId, detail: { before: Number(row.trust_level), after: level } }, t);
        return presentAdminMember({ ...row, trust_level: level }, await store.rolesOf(trx, memberId), await facilitatorTrainingPassed(trx, memberId));
      });
    },

    /** For the CLI: makes `handle` an admin, creating the account with a generated passphrase if needed. */
    async createOrPromoteAdmin(handle: string): Promise<{ created: boolean; passphrase?: string; recoveryCode?: string }> {
      const existing = await store.findMemberByHandleKey(db, handleKey(handle));
      const t = now();
      if (existing) {
        await store.addRole(db, existing.id, 'admin', null, t);
        await recordAudit(db, { actorId: null, action: 'member.admin_granted_by_cli', targetType: 'member', targetId: existing.id }, t);
        return { created: false };
      }
      const passphrase = newRecoveryCode().toLowerCase();
      const recoveryCode = newRecoveryCode();
      const id = ulid(t);
      await store.insertMember(db, {
        id,
        handle,
        handle_key: handleKey(handle),
        passphrase_hash: await hashPassphrase(passphrase),
        recovery_code_hash: hashRecoveryCode(recoveryCode),
        country: null,
        language: 'en',
        created_at: t,
        updated_at: t,
      });
      await store.addRole(db, id, 'admin', null, t);
      await recordAudit(db, { actorId: null, action: 'member.admin_granted_by_cli', targetType: 'member', targetId: id }, t);
      return { created: true, passphrase, recoveryCode };
    },
  };
}
