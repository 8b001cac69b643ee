import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../../../shared/api.js';
import { requireMember } from '../../platform/http/auth.js';
import { MoodIdParams, MoodList, MoodListQuery, RecordMoodBody, RecordMoodResult } from './moods.schema.js';
import type { MoodsService } from './moods.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['moods'];

/** A member's mood check-ins: only ever their own. */
export function moodsRoutes({ moods }: { moods: MoodsService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/me/moods', { schema: { tags, summary: 'My mood check-ins of the last 30 or 90 days (only ever mine)', querystring: MoodListQuery, response: { 200: MoodList, ...errors } } }, async (request) => {
      const days = request.query.days ?? 30;
      return { checkIns: await moods.list(requireMember(request), days), days };
    });
    app.post(
      '/me/moods',
      { schema: { tags, summary: 'Record how I feel (1–5, optional feeling words and a short note); may gently offer help after a low stretch', body: RecordMoodBody, response: { 201: RecordMoodResult, ...errors } } },
      async (request, reply) => reply.status(201).send(await moods.record(requireMember(request), request.body)),
    );
    app.delete('/me/moods/:id', { schema: { tags, summary: 'Delete one of my check-ins', params: MoodIdParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
      await moods.remove(requireMember(request), request.params.id);
      return reply.status(204).send(null);
    });
  };
}
