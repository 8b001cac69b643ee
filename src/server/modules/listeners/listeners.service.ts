import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../platform/db/dialect/index.js';
import {
  REAPPLY_AFTER_DAYS,
  type ApplicationBody,
  type ListenerApplication,
  type ListenerStanding,
  type PendingApplicationList,
  type QuizAnswers,
  type QuizResult,
  type ReviewBody,
  type ReviewResult,
  type TrainingModule,
  type TrainingModuleId,
  type TrainingProgress,
} from '../../../shared/listeners.js';
import type { Language } from '../../../shared/rules.js';
import type { DB } from '../../platform/db/schema.js';
import type { EventBus } from '../../platform/events/bus.js';
import { keyset, toPage, type PageRequest } from '../../platform/db/pagination.js';
import { hasRole, type AuthMember } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { ulid } from '../../platform/ids.js';
import { recordAudit } from '../moderation/audit.js';
import { checkQuiz } from '../training/training.js';
import { listenersPolicy } from './listeners.policy.js';
import { presentApplication, presentModule, presentPending, presentProgress } from './listeners.presenter.js';
import * as store from './listeners.store.js';
import { trainingFor, trainingModule } from './listeners.training.js';

export type ListenersService = ReturnType<typeof createListenersService>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The language `member` reads the training in: the one asked for, else their account's (English when it is not translated). */
const readingLanguage = (member: AuthMember, lang?: Language): string => lang ?? member.language;

/**
 * The listener programme: training with quizzes checked here (the answers never leave the
 * server), applications, and the moderators' review that makes a member a listener.
 * A listener's profile and time on duty live in listeners.duty.ts.
 */
export function createListenersService({ db, bus, now = () => Date.now() }: { db: Kysely<DB>; bus: EventBus; now?: () => number }) {
  async function progress(memberId: string, language: string, conn: Kysely<DB> = db): Promise<TrainingProgress> {
    return presentProgress(await store.passedModules(conn, memberId), trainingFor(language));
  }

  /** Why `memberId` may not apply now, or null when they may; `conn` is the transaction when there is one. */
  async function applyBlocker(conn: Kysely<DB>, memberId: string, t: number): Promise<AppError | null> {
    if (await store.hasListenerRole(conn, memberId)) {
      return new AppError('already_listener', 'You are already a Kindred listener. Thank you for giving your time.', 409);
    }
    // Only whether all are passed matters here, not the titles' language.
    if (!(await progress(memberId, 'en', conn)).allPassed) {
      return new AppError('training_incomplete', 'Please finish the four training modules first. They are short, and you can take them at your own pace.', 409);
    }
    if (await store.pendingApplication(conn, memberId)) {
      return new AppError('application_pending', 'Your application is with the moderators already. They will get back to you here; there is nothing more you need to do.', 409);
    }
    const declined = await store.latestDecline(conn, memberId);
    const reapplyAt = declined?.reviewed_at != null ? Number(declined.reviewed_at) + REAPPLY_AFTER_DAYS * DAY_MS : null;
    if (reapplyAt !== null && reapplyAt > t) {
      return new AppError(
        'reapply_later',
        `Thank you for wanting to listen. You can apply again ${REAPPLY_AFTER_DAYS} days after your last application was looked at. Until then, the group rooms and forums are a lovely place to support others.`,
        409,
        undefined,
        { reapplyAt },
      );
    }
    return null;
  }

  return {
    /** Which modules `member` has passed, titled in `lang` (else their account's language). */
    progress: (member: AuthMember, lang?: Language) => progress(member.id, readingLanguage(member, lang)),

    /** One module's page and questions (never the answers), in `lang` (else their account's language). */
    async module(member: AuthMember, id: TrainingModuleId, lang?: Language): Promise<TrainingModule> {
      const passed = await store.passedModules(db, member.id);
      return presentModule(trainingModule(id, readingLanguage(member, lang)), passed.get(id) ?? null);
    },

    /**
     * Checks the answers by question and option ids, the same in every language; all right passes
     * the module, else says which questions to look at again, worded in `lang` (else the account's).
     */
    async answer(member: AuthMember, id: TrainingModuleId, body: QuizAnswers, lang?: Language): Promise<QuizResult> {
      const language = readingLanguage(member, lang);
      const content = trainingModule(id, language);
      const revisit = checkQuiz(content, body.answers);
      if (revisit.length === 0) await store.recordPass(db, member.id, id, now());
      const passed = await store.passedModules(db, member.id);
      return { passed: revisit.length === 0, revisit, passedAt: revisit.length === 0 ? (passed.get(id) ?? null) : null, progress: presentProgress(passed, trainingFor(language)) };
    },

    /** Where `member` stands: training (titled in `lang`, else their account's language), their latest application, and whether they may apply. */
    async standing(member: AuthMember, lang?: Language): Promise<ListenerStanding> {
      const t = now();
      const [training, latest, isListener, declined] = await Promise.all([
        progress(member.id, readingLanguage(member, lang)),
        store.latestApplication(db, member.id),
        store.hasListenerRole(db, member.id),
        store.latestDecline(db, member.id),
      ]);
      const reapplyAt = declined?.reviewed_at != null ? Number(declined.reviewed_at) + REAPPLY_AFTER_DAYS * DAY_MS : null;
      return {
        training,
        isListener,
        application: latest ? presentApplication(latest) : null,
        canApply: (await applyBlocker(db, member.id, t)) === null,
        reapplyAt: reapplyAt !== null && reapplyAt > t && latest?.status === 'declined' ? reapplyAt : null,
      };
    },

    /** A member who passed the training asks to become a listener. */
    async apply(member: AuthMember, body: ApplicationBody): Promise<ListenerApplication> {
      const motivation = body.motivation.trim();
      if (!motivation) {
        throw new AppError('invalid_input', 'Please write a few words about why you would like to listen.', 400, { motivation: 'Please write a few words about why you would like to listen.' });
      }
      const t = now();
      const id = ulid(t);
      try {
        await db.transaction().execute(async (trx) => {
          const blocker = await applyBlocker(trx, member.id, t);
          if (blocker) throw blocker;
          // Two quick presses leave one application: pending_member_id is unique while the application waits.
          await trx
            .insertInto('listener_applications')
            .values({ id, member_id: member.id, pending_member_id: member.id, status: 'pending', motivation, languages: JSON.stringify(body.languages), topics: JSON.stringify(body.topics), created_at: t, reviewed_at: null, reviewed_by: null, review_note: null })
            .execute();
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('application_pending', 'Your application is with the moderators already. They will get back to you here; there is nothing more you need to do.', 409);
        throw err;
      }
      return presentApplication((await store.applicationById(db, id))!);
    },

    /** Pending applications, oldest first, for moderators and admins. */
    async pending(reviewer: AuthMember, page: PageRequest): Promise<PendingApplicationList> {
      listenersPolicy.requireReviewer(reviewer);
      const rows = await keyset(store.pendingQueue(db), { sort: 'listener_applications.created_at', sortType: 'number', id: 'listener_applications.id', direction: 'asc', page }).execute();
      return toPage(rows, page.limit, (r) => [Number(r.created_at), r.id], presentPending);
    },

    /** Approves (the member becomes a listener, with a profile off duty) or declines, with a note. */
    async review(reviewer: AuthMember, id: string, body: ReviewBody): Promise<ReviewResult> {
      listenersPolicy.requireReviewer(reviewer);
      const note = body.note?.trim() || null;
      if (body.decision === 'decline' && !note) {
        const message = 'Please write a short, kind note saying why, so the member knows what to do next.';
        throw new AppError('invalid_input', message, 400, { note: message });
      }
      const t = now();
      let memberId = '';
      await db.transaction().execute(async (trx) => {
        const app = await store.applicationById(trx, id);
        if (!app) throw notFound('That application');
        if (app.status !== 'pending') throw new AppError('already_reviewed', 'Another moderator has already looked at this application.', 409);
        // Another person reviews a moderator's own application (admins can grant roles anyway).
        if (app.member_id === reviewer.id && !hasRole(reviewer, 'admin')) {
          throw new AppError('own_application', 'Another moderator needs to review your own application.', 403);
        }
        memberId = app.member_id;
        const status = body.decision === 'approve' ? 'approved' : 'declined';
        const updated = await trx
          .updateTable('listener_applications')
          .set({ status, pending_member_id: null, reviewed_at: t, reviewed_by: reviewer.id, review_note: note })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) throw new AppError('already_reviewed', 'Another moderator has already looked at this application.', 409);
        if (status === 'approved') {
          await trx
            .insertInto('member_roles')
            .values({ member_id: memberId, role: 'listener', granted_at: t, granted_by: reviewer.id })
            .onConflict((oc) => oc.columns(['member_id', 'role']).doNothing())
            .execute();
          await trx
            .insertInto('listener_profiles')
            .values({ member_id: memberId, languages: app.languages, topics: app.topics, capacity: 1, status: 'off', status_since: t, updated_at: t })
            .onConflict((oc) => oc.column('member_id').doUpdateSet({ languages: app.languages, topics: app.topics, status: 'off', status_since: t, updated_at: t }))
            .execute();
          await store.closeStretch(trx, memberId, t);
        }
        await recordAudit(trx, { actorId: reviewer.id, action: `listener.${status}`, targetType: 'listener_application', targetId: id, detail: { memberId, ...(note ? { note } : {}) } }, t);
      });
      // After commit: live connections re-check what the member may do.
      if (body.decision === 'approve') await bus.publish('member.access_changed', { memberId });
      return { id, status: body.decision === 'approve' ? 'approved' : 'declined', reviewedAt: t, reviewNote: note };
    },
  };
}
