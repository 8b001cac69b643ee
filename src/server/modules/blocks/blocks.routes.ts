import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../../../shared/api.js';
import { BlockList, BlockParams } from '../../../shared/blocks.js';
import { requireMember } from '../../platform/http/auth.js';
import type { BlocksService } from './blocks.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['blocks'];

export function blocksRoutes({ blocks }: { blocks: BlocksService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/me/blocks', { schema: { tags, summary: 'The members I blocked, newest first', response: { 200: BlockList, ...errors } } }, async (request) =>
      blocks.list(requireMember(request)),
    );
    app.put(
      '/me/blocks/:handle',
      { schema: { tags, summary: 'Block a member: neither of us sees the other’s posts, replies and messages, or hears of the other’s mentions, replies and reactions; they are not told', params: BlockParams, response: { 204: Type.Null(), ...errors } } },
      async (request, reply) => {
        await blocks.block(requireMember(request), request.params.handle);
        return reply.status(204).send(null);
      },
    );
    app.delete(
      '/me/blocks/:handle',
      { schema: { tags, summary: 'Unblock a member', params: BlockParams, response: { 204: Type.Null(), ...errors } } },
      async (request, reply) => {
        await blocks.unblock(requireMember(request), request.params.handle);
        return reply.status(204).send(null);
      },
    );
  };
}
