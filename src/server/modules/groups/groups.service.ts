import type { Kysely } from 'kysely';
import { ulid } from '../../platform/ids.js';
import type { CreateGroupBody, Group, UpdateGroupBody } from '../../../shared/api.js';
import type { DB, GroupRow } from '../../platform/db/schema.js';
import { isUniqueViolation } from '../../platform/db/dialect/index.js';
import { getMeta, lockNamed, setMeta } from '../../platform/db/meta.js';
import type { AuthMember } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { recordAudit } from '../moderation/audit.js';
import * as store from './groups.store.js';
import { groupsPolicy } from './groups.policy.js';
import { presentGroup } from './groups.presenter.js';
import { DEFAULT_GROUPS } from './default-groups.js';

export type GroupsService = ReturnType<typeof createGroupsService>;

/** Lower-case ASCII words joined by dashes: "Anxiety & depression" → "anxiety-depression". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'group';
}

const SEEDED = 'seeded_default_groups';

function assertReadable(actor: AuthMember | null, group: Pick<GroupRow, 'archived_at' | 'visitors_can_read'>): void {
  if (group.archived_at !== null) throw notFound('That group');
  if (!actor && Number(group.visitors_can_read) !== 1) {
    throw new AppError('unauthenticated', "This group's posts are for signed-in members. Please log in to read them.", 401);
  }
}

/** Groups: list, view, join, leave; admins create, edit, archive and restore. */
export function createGroupsService({ db, now = Date.now }: { db: Kysely<DB>; now?: () => number }) {
  async function visible(actor: AuthMember | null, slug: string): Promise<GroupRow> {
    const row = await store.findGroupBySlug(db, slug);
    if (!row || !groupsPolicy.canSee(actor, row)) throw notFound('That group');
    return row;
  }

  /** The group as `actor` sees it, given their memberships (read once for a whole list). */
  function presentFor(actor: AuthMember | null, row: GroupRow, mine: Map<string, store.Membership>): Group {
    const membership = mine.get(row.id);
    return presentGroup(row, {
      joined: membership !== undefined,
      showOnProfile: membership?.showOnProfile ?? false,
      mustReadRules: actor !== null && groupsPolicy.mustReadRules(actor, row, membership),
    });
  }

  async function present(actor: AuthMember | null, row: GroupRow): Promise<Group> {
    return presentFor(actor, row, actor ? await store.memberships(db, actor.id, [row.id]) : new Map());
  }

  async function freeSlug(name: string): Promise<string> {
    const base = slugify(name);
    for (let n = 1; n < 50; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!(await store.slugTaken(db, slug))) return slug;
    }
    return `${base}-${ulid().slice(-6).toLowerCase()}`;
  }

  return {
    async list(actor: AuthMember | null, opts: { archived?: boolean | undefined } = {}): Promise<Group[]> {
      const rows = await store.listGroups(db, { includeArchived: Boolean(opts.archived) && groupsPolicy.canSeeArchived(actor) });
      const mine = actor ? await store.memberships(db, actor.id, rows.map((r) => r.id)) : new Map<string, store.Membership>();
      return rows.map((r) => presentFor(actor, r, mine));
    },

    async get(actor: AuthMember | null, slug: string): Promise<Group> {
      return present(actor, await visible(actor, slug));
    },

    async join(actor: AuthMember, slug: string): Promise<Group> {
      const row = await visible(actor, slug);
      if (row.archived_at !== null) throw new AppError('group_archived', 'This group is archived, so it is not taking new members.', 409);
      await db.transaction().execute((trx) => store.addMembership(trx, row.id, actor.id, now()));
      return present(actor, (await store.findGroupBySlug(db, slug))!);
    },

    async leave(actor: AuthMember, slug: string): Promise<Group> {
      const row = await visible(actor, slug);
      await db.transaction().execute((trx) => store.removeMembership(trx, row.id, actor.id));
      return present(actor, (await store.findGroupBySlug(db, slug))!);
    },

    async create(actor: AuthMember, input: CreateGroupBody): Promise<Group> {
      groupsPolicy.assertCanManage(actor);
      const t = now();
      const id = ulid(t);
      const rules = cleanRules(input.rules);
      for (let attempt = 0; ; attempt++) {
        const slug = await freeSlug(input.name);
        try {
          await db.transaction().execute(async (trx) => {
            await store.insertGroup(trx, {
              id,
              slug,
              name: input.name.trim(),
              description: input.description.trim(),
              rules: JSON.stringify(rules),
              sortOrder: (await store.maxSortOrder(trx)) + 1,
              now: t,
            });
            await recordAudit(trx, { actorId: actor.id, action: 'group.created', targetType: 'group', targetId: id, detail: { name: input.name } }, t);
          });
          return present(actor, (await store.findGroupBySlug(db, slug))!);
        } catch (err) {
          // Another admin took the same slug a moment ago: pick the next one.
          if (!isUniqueViolation(err) || attempt >= 3) throw err;
        }
      }
    },

    async update(actor: AuthMember, slug: string, input: UpdateGroupBody): Promise<Group> {
      groupsPolicy.assertCanManage(actor);
      const row = await visible(actor, slug);
      const t = now();
      const patch: Parameters<typeof store.updateGroup>[2] = { updated_at: t };
      if (input.name !== undefined) patch.name = input.name.trim();
      if (input.description !== undefined) patch.description = input.description.trim();
      if (input.rules !== undefined) patch.rules = JSON.stringify(cleanRules(input.rules));
      if (input.visitorsCanRead !== undefined) patch.visitors_can_read = input.visitorsCanRead ? 1 : 0;
      await db.transaction().execute(async (trx) => {
        await store.updateGroup(trx, row.id, patch);
        await recordAudit(trx, { actorId: actor.id, action: 'group.edited', targetType: 'group', targetId: row.id, detail: { fields: Object.keys(input) } }, t);
      });
      return present(actor, (await store.findGroupBySlug(db, slug))!);
    },

    /** Archiving hides a group from members and stops new joins; nothing in it is deleted. */
    async setArchived(actor: AuthMember, slug: string, archived: boolean): Promise<Group> {
      groupsPolicy.assertCanManage(actor);
      const row = await visible(actor, slug);
      const t = now();
      await db.transaction().execute(async (trx) => {
        await store.updateGroup(trx, row.id, { archived_at: archived ? (row.archived_at ?? t) : null, updated_at: t });
        await recordAudit(trx, { actorId: actor.id, action: archived ? 'group.archived' : 'group.restored', targetType: 'group', targetId: row.id }, t);
      });
      return present(actor, (await store.findGroupBySlug(db, slug))!);
    },

    /** A group whose posts `actor` may read: not archived, and signed in unless the group is open to visitors. */
    async readable(actor: AuthMember | null, slug: string): Promise<GroupRow> {
      const row = await visible(actor, slug);
      assertReadable(actor, row);
      return row;
    },

    /** The same rule, for a group already read along with what is in it. */
    assertReadable,

    /** Ids of every group whose posts `actor` may read. */
    readableIds(actor: AuthMember | null): Promise<string[]> {
      return store.readableGroupIds(db, actor === null);
    },

    /**
     * Refuses a post in `group` by someone who has not joined it, or whose first post there would
     * come before they read its rules. One query; what they wrote stays in their composer.
     */
    async assertMayPost(actor: AuthMember, group: GroupRow): Promise<void> {
      const membership = (await store.memberships(db, actor.id, [group.id])).get(group.id);
      if (!membership) throw new AppError('not_a_member', 'Please join this group to post in it. Your draft is kept.', 403);
      if (groupsPolicy.mustReadRules(actor, group, membership)) {
        throw new AppError('rules_unseen', "Please read this group's rules before your first post. Your draft is kept.", 409);
      }
    },

    /** The member has read the group's rules (members of the group only). */
    async rulesSeen(actor: AuthMember, slug: string): Promise<Group> {
      const row = await visible(actor, slug);
      if (!(await store.markRulesSeen(db, row.id, actor.id, now()))) {
        throw new AppError('not_a_member', 'Join the group first; its rules are shown before your first post in it.', 403);
      }
      return present(actor, row);
    },

    async setShowOnProfile(actor: AuthMember, slug: string, show: boolean): Promise<Group> {
      const row = await visible(actor, slug);
      if (!(await store.setShowOnProfile(db, row.id, actor.id, show))) {
        throw new AppError('not_a_member', 'Join the group first, then you can show it on your profile.', 409);
      }
      return present(actor, row);
    },

    shownOnProfile(memberId: string): Promise<{ slug: string; name: string }[]> {
      return store.shownGroups(db, memberId);
    },

    /** Creates the default groups once per installation; later starts leave the admins' edits alone. */
    async seedDefaults(): Promise<boolean> {
      if (await getMeta(db, SEEDED)) return false;
      const t = now();
      // Several nodes starting together on a new database: one seeds, the others find it done.
      return db.transaction().execute(async (trx) => {
        await lockNamed(trx, 'seed');
        if (await getMeta(trx, SEEDED)) return false;
        let order = 0;
        for (const g of DEFAULT_GROUPS) {
          if (await store.slugTaken(trx, g.slug)) continue;
          await store.insertGroup(trx, {
            id: ulid(t + order),
            slug: g.slug,
            name: g.name,
            description: g.description,
            rules: JSON.stringify(g.rules),
            sortOrder: ++order,
            now: t,
          });
        }
        await setMeta(trx, SEEDED, new Date(t).toISOString());
        return true;
      });
    },
  };
}

function cleanRules(rules: string[]): string[] {
  return rules.map((r) => r.trim()).filter((r) => r.length > 0);
}
