import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../../../shared/api.js';
import { JournalEntryBody, JournalEntryEnvelope, JournalEntryParams, JournalListQuery, JournalPage } from '../../../shared/journal.js';
import { requireMember } from '../../platform/http/auth.js';
import type { JournalService } from './journal.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['journal'];

/** The member's private journal: only ever the caller's own entries, for every role, admins included. */
export function journalRoutes({ journal }: { journal: JournalService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/me/journal', { schema: { tags, summary: 'My journal entries, newest first (only ever mine)', querystring: JournalListQuery, response: { 200: JournalPage, ...errors } } }, async (request) =>
      journal.list(requireMember(request), { cursor: request.query.cursor, limit: request.query.limit ?? 20 }),
    );
    app.post(
      '/me/journal',
      { schema: { tags, summary: 'Write a journal entry (sealed before it is stored)', body: JournalEntryBody, response: { 201: JournalEntryEnvelope, ...errors } } },
      async (request, reply) => reply.status(201).send({ entry: await journal.create(requireMember(request), request.body) }),
    );
    app.get('/me/journal/:id', { schema: { tags, summary: 'One of my journal entries', params: JournalEntryParams, response: { 200: JournalEntryEnvelope, ...errors } } }, async (request) => ({
      entry: await journal.read(requireMember(request), request.params.id),
    }));
    app.put(
      '/me/journal/:id',
      { schema: { tags, summary: 'Rewrite one of my journal entries', params: JournalEntryParams, body: JournalEntryBody, response: { 200: JournalEntryEnvelope, ...errors } } },
      async (request) => ({ entry: await journal.update(requireMember(request), request.params.id, request.body) }),
    );
    app.delete(
      '/me/journal/:id',
      { schema: { tags, summary: 'Delete one of my journal entries for good', params: JournalEntryParams, response: { 204: Type.Null(), ...errors } } },
      async (request, reply) => {
        await journal.remove(requireMember(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
