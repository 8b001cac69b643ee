import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../../../shared/api.js';
import { ChatMessage } from '../../../shared/messaging.js';
import { ListenerQueue, MySupportRequest, MySupportState, SupportFeedbackBody, SupportRequestBody, SupportReportBody, SupportRequestCreated, SupportStats } from '../../../shared/support.js';
import { requireMember } from '../../platform/http/auth.js';
import type { SupportService } from './support.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['support'];
const RequestParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

/** Asking for a listener, and the listener's side of the queue. */
export function supportRoutes({ support }: { support: SupportService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/support/requests',
      { schema: { tags, summary: 'Ask for a trained listener', body: SupportRequestBody, response: { 201: SupportRequestCreated, ...errors } }, config: { rateLimit: { max: 10, timeWindow: '1 hour' } } },
      async (request, reply) => reply.code(201).send(await support.request(requireMember(request), request.body)),
    );
    app.get('/support/requests/mine', { schema: { tags, summary: 'My request: its place in the queue, or the chat', response: { 200: MySupportState, ...errors } } }, async (request) => ({
      request: await support.mine(requireMember(request)),
    }));
    app.post(
      '/support/requests/mine/cancel',
      { schema: { tags, summary: 'Stop waiting for a listener', body: Type.Optional(Type.Object({})), response: { 200: MySupportState, ...errors } } },
      async (request) => ({ request: await support.cancel(requireMember(request)) }),
    );
    app.post(
      '/support/requests/:id/end',
      { schema: { tags, summary: 'End a support chat (either side)', params: RequestParams, body: Type.Optional(Type.Object({})), response: { 200: MySupportRequest, ...errors } } },
      async (request) => support.end(requireMember(request), request.params.id),
    );
    app.post(
      '/support/requests/:id/feedback',
      { schema: { tags, summary: 'Say whether the chat helped', params: RequestParams, body: SupportFeedbackBody, response: { 204: Type.Null(), ...errors } } },
      async (request, reply) => {
        await support.feedback(requireMember(request), request.params.id, request.body);
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/support/requests/:id/crisis-card',
      { schema: { tags, summary: "Listeners: share the crisis lines for the member's country into the chat", params: RequestParams, body: Type.Optional(Type.Object({})), response: { 201: ChatMessage, ...errors } } },
      async (request, reply) => reply.code(201).send(await support.shareCrisisCard(requireMember(request), request.params.id)),
    );
    app.post(
      '/support/requests/:id/moderator',
      { schema: { tags, summary: 'Listeners: bring a moderator into the chat', params: RequestParams, body: Type.Optional(Type.Object({})), response: { 204: Type.Null(), ...errors } } },
      async (request, reply) => {
        await support.bringModerator(requireMember(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/support/requests/:id/report',
      { schema: { tags, summary: 'Report the other person in a support chat to the moderators', params: RequestParams, body: SupportReportBody, response: { 204: Type.Null(), ...errors } }, config: { rateLimit: { max: 10, timeWindow: '1 hour' } } },
      async (request, reply) => {
        await support.report(requireMember(request), request.params.id, request.body.note);
        return reply.code(204).send(null);
      },
    );
    app.get('/support/stats', { schema: { tags, summary: 'Operators: aggregates of the last 30 days, never who', response: { 200: SupportStats, ...errors } } }, async (request) =>
      support.stats(requireMember(request)),
    );
    app.get('/support/queue', { schema: { tags, summary: 'Listeners: my offer, the anonymised queue and my chats', response: { 200: ListenerQueue, ...errors } } }, async (request) =>
      support.listenerView(requireMember(request)),
    );
    app.post(
      '/support/requests/:id/accept',
      { schema: { tags, summary: 'Listeners: accept the offer', params: RequestParams, body: Type.Optional(Type.Object({})), response: { 200: Type.Object({ conversationId: Type.String() }), ...errors } } },
      async (request) => support.accept(requireMember(request), request.params.id),
    );
    app.post(
      '/support/requests/:id/decline',
      { schema: { tags, summary: 'Listeners: pass the offer on', params: RequestParams, body: Type.Optional(Type.Object({})), response: { 204: Type.Null(), ...errors } } },
      async (request, reply) => {
        await support.decline(requireMember(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
