import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../../../shared/api.js';
import { requireMember } from '../../platform/http/auth.js';
import { KeepSelfCheckBody, SelfCheckIdParams, SelfCheckResultEnvelope, SelfCheckResultList } from './selfcheck.schema.js';
import type { SelfCheckService } from './selfcheck.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['self-check'];

/**
 * A member's kept self-check results: only ever their own. Visitors take the self-check in the
 * browser with the shared scoring and nothing is sent.
 */
export function selfCheckRoutes({ selfCheck }: { selfCheck: SelfCheckService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/me/self-checks', { schema: { tags, summary: 'My kept self-check results, newest first (only ever mine)', response: { 200: SelfCheckResultList, ...errors } } }, async (request) => ({
      results: await selfCheck.list(requireMember(request)),
    }));
    app.post(
      '/me/self-checks',
      { schema: { tags, summary: 'Keep a self-check result (scored again on the server)', body: KeepSelfCheckBody, response: { 201: SelfCheckResultEnvelope, ...errors } } },
      async (request, reply) => reply.status(201).send({ result: await selfCheck.keep(requireMember(request), request.body) }),
    );
    app.delete('/me/self-checks/:id', { schema: { tags, summary: 'Delete one of my kept results', params: SelfCheckIdParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
      await selfCheck.remove(requireMember(request), request.params.id);
      return reply.status(204).send(null);
    });
  };
}
