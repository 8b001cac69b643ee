import type { AuthMember } from '../../platform/http/auth.js';
import { hasRole } from '../../platform/http/auth.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';

/** Who may see, write, change and moderate posts and replies. */
export const postsPolicy = {
  isModerator(actor: AuthMember | null): boolean {
    return hasRole(actor, 'moderator') || hasRole(actor, 'admin');
  },

  /** Held and removed content is for its author and the moderators only; to anyone else it does not exist. */
  assertCanSee(actor: AuthMember | null, item: { author_id: string; status: string }, what: string): void {
    if (item.status === 'published') return;
    if (actor && (actor.id === item.author_id || postsPolicy.isModerator(actor))) return;
    throw notFound(what);
  },

  assertAuthor(actor: AuthMember, item: { author_id: string; deleted_at: number | null }, what: 'post' | 'reply'): void {
    if (item.deleted_at !== null) throw new AppError(`${what}_deleted`, `This ${what} was deleted, so it can no longer be changed.`, 409);
    if (item.author_id !== actor.id) throw new AppError('not_author', `Only the person who wrote this ${what} can edit it.`, 403);
  },

  assertCanDelete(actor: AuthMember, item: { author_id: string }): void {
    if (item.author_id !== actor.id && !postsPolicy.isModerator(actor)) throw forbidden();
  },

  assertModerator(actor: AuthMember): void {
    if (!postsPolicy.isModerator(actor)) throw forbidden();
  },
};
