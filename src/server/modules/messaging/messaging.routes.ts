import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, GroupSlugParams } from '../../../shared/api.js';
import { ChatMessage, MessagePage, MuteBody, ParticipantState, RemoveMessageBody, RoomInfo, RoomSettingsBody, RoomView, SendMessageBody, SentMessage } from '../../../shared/messaging.js';
import { requireMember } from '../../platform/http/auth.js';
import type { MessagingService } from './messaging.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const tags = ['messaging'];
const ConversationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });
const HistoryQuery = Type.Object({
  before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, errorMessage: 'That place in the conversation is not valid.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, errorMessage: 'Ask for 1 to 100 messages at a time.' })),
});

/**
 * Rooms over HTTP: opening one, history, host tools, and sending (the same idempotent send
 * the socket offers, for clients without one). Live delivery is messaging.socket.ts.
 */
export function messagingRoutes({ messaging }: { messaging: MessagingService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/groups/:slug/room', { schema: { tags, summary: "A group's room: settings, my standing, who is here and the latest messages", params: GroupSlugParams, response: { 200: RoomView, ...errors } } }, async (request) =>
      messaging.roomOf(requireMember(request), request.params.slug),
    );

    app.get(
      '/groups/:slug/room/here',
      { schema: { tags, summary: "How many are in a group's room right now", params: GroupSlugParams, response: { 200: Type.Object({ hereNow: Type.Integer() }), ...errors } } },
      async (request) => ({ hereNow: await messaging.hereNow(requireMember(request), request.params.slug) }),
    );

    app.get('/listeners/room', { schema: { tags, summary: "The listeners' room, for debriefing after a hard chat", response: { 200: RoomView, ...errors } } }, async (request) =>
      messaging.debriefRoom(requireMember(request)),
    );

    app.get('/conversations/:id', { schema: { tags, summary: 'A conversation I take part in (a support chat): settings, my standing and the latest messages', params: ConversationParams, response: { 200: RoomView, ...errors } } }, async (request) =>
      messaging.view(requireMember(request), request.params.id),
    );

    app.get(
      '/conversations/:id/messages',
      { schema: { tags, summary: 'Earlier messages, oldest first, before a place in the conversation', params: ConversationParams, querystring: HistoryQuery, response: { 200: MessagePage, ...errors } } },
      async (request) => messaging.history(requireMember(request), request.params.id, request.query.before ?? null, request.query.limit),
    );

    app.post(
      '/conversations/:id/messages',
      { schema: { tags, summary: 'Send a message (a retry with the same clientId returns the first)', params: ConversationParams, body: SendMessageBody, response: { 201: SentMessage, 200: SentMessage, ...errors } } },
      async (request, reply) => {
        const sent = await messaging.send(requireMember(request), request.params.id, request.body);
        return reply.code(201).send(sent);
      },
    );

    app.post(
      '/conversations/:id/guidelines/seen',
      { schema: { tags, summary: "I have read the room's guidelines", params: ConversationParams, body: Type.Optional(Type.Object({})), response: { 200: ParticipantState, ...errors } } },
      async (request) => messaging.guidelinesSeen(requireMember(request), request.params.id),
    );

    app.patch(
      '/conversations/:id/settings',
      { schema: { tags, summary: 'Hosts: the pinned guidelines and slow mode', params: ConversationParams, body: RoomSettingsBody, response: { 200: RoomInfo, ...errors } } },
      async (request) => messaging.updateSettings(requireMember(request), request.params.id, request.body),
    );

    app.post(
      '/conversations/:id/mutes',
      { schema: { tags, summary: 'Hosts: pause a participant’s messages for some minutes (0 lifts it)', params: ConversationParams, body: MuteBody, response: { 204: Type.Null(), ...errors } } },
      async (request, reply) => {
        await messaging.mute(requireMember(request), request.params.id, request.body.memberId, request.body.minutes);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/messages/:id/remove',
      { schema: { tags, summary: 'Hosts: remove a message, telling its author why', params: ConversationParams, body: RemoveMessageBody, response: { 200: ChatMessage, ...errors } } },
      async (request) => messaging.removeMessage(requireMember(request), request.params.id, request.body.reason),
    );
  };
}
