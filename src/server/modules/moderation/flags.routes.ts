import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ErrorBody } from '../../../shared/api.js';
import { FlaggedItem, FlagList, FlagQuery } from '../../../shared/messaging.js';
import { hasRole, requireMember, type AuthMember } from '../../platform/http/auth.js';
import { forbidden } from '../../platform/http/errors.js';
import type { FlagsService } from './flags.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['moderation'];

function requireModerator(request: FastifyRequest): AuthMember {
  const member = requireMember(request);
  if (!hasRole(member, 'moderator') && !hasRole(member, 'admin')) throw forbidden();
  return member;
}

/** Moderators' list of flagged messages. */
export function flagsRoutes({ flags }: { flags: FlagsService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/moderation/flags', { schema: { tags, summary: 'Flagged messages: open ones oldest first, or resolved ones', querystring: FlagQuery, response: { 200: FlagList, ...errors } } }, async (request) => {
      requireModerator(request);
      return flags.list(request.query.view ?? 'open', { cursor: request.query.cursor, limit: 30 });
    });
    app.get('/moderation/flags/count', { schema: { tags, summary: 'How many flags are open', response: { 200: Type.Object({ open: Type.Integer() }), ...errors } } }, async (request) => {
      requireModerator(request);
      return { open: await flags.openCount() };
    });
    app.post(
      '/moderation/flags/:id/resolve',
      { schema: { tags, summary: 'Mark a flag looked at', params: Type.Object({ id: Type.String({ maxLength: 40 }) }), body: Type.Optional(Type.Object({})), response: { 200: FlaggedItem, ...errors } } },
      async (request) => flags.resolve(requireModerator(request), request.params.id),
    );
  };
}
