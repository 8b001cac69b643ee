import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../shared/api.js';
import { Profile, ProfileParams } from '../../../shared/forum.js';
import { requireMember } from '../../platform/http/auth.js';
import type { BlocksService } from '../blocks/blocks.service.js';
import type { GroupsService } from '../groups/groups.service.js';
import type { AccountsService } from './accounts.service.js';

/** A member's profile: the handle, the month they joined, and only the groups they chose to show. Members only. */
export function profileRoutes({ accounts, groups, blocks }: { accounts: AccountsService; groups: GroupsService; blocks: Pick<BlocksService, 'hasBlocked'> }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/members/:handle',
      { schema: { tags: ['accounts'], summary: "A member's profile", params: ProfileParams, response: { 200: Profile, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody } } },
      async (request) => {
        const viewer = requireMember(request);
        const member = await accounts.profileOf(request.params.handle);
        return {
          handle: member.handle,
          joinedMonth: new Date(member.createdAt).toISOString().slice(0, 7),
          groups: await groups.shownOnProfile(member.id),
          // Said only when true, so a profile reads the same as before for everyone else.
          ...(viewer.id !== member.id && (await blocks.hasBlocked(viewer.id, member.id)) ? { blockedByMe: true } : {}),
        };
      },
    );
  };
}
