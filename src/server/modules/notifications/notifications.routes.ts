import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../../../shared/api.js';
import { NotificationPage, PageQuery, UnreadCount } from '../../../shared/forum.js';
import { requireMember } from '../../platform/http/auth.js';
import type { NotificationsService } from './notifications.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody };
const tags = ['notifications'];

export function notificationsRoutes({ notifications }: { notifications: NotificationsService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/notifications', { schema: { tags, summary: 'My notifications, newest first', querystring: PageQuery, response: { 200: NotificationPage, ...errors } } }, async (request) =>
      notifications.list(requireMember(request).id, { cursor: request.query.cursor, limit: request.query.limit ?? 20 }),
    );
    app.get('/notifications/unread-count', { schema: { tags, summary: 'How many notifications I have not read', response: { 200: UnreadCount, ...errors } } }, async (request) => ({
      unread: await notifications.unread(requireMember(request).id),
    }));
    app.post(
      '/notifications/read',
      { schema: { tags, summary: 'Mark all my notifications read', body: Type.Optional(Type.Object({})), response: { 200: UnreadCount, ...errors } } },
      async (request) => {
        const member = requireMember(request);
        await notifications.markRead(member.id);
        return { unread: await notifications.unread(member.id) };
      },
    );
    app.post(
      '/notifications/:id/read',
      { schema: { tags, summary: 'Mark one of my notifications read', params: Type.Object({ id: Type.String({ maxLength: 40 }) }), body: Type.Optional(Type.Object({})), response: { 200: UnreadCount, ...errors } } },
      async (request) => {
        const member = requireMember(request);
        // Someone else's notification, or one already read, changes nothing.
        await notifications.markRead(member.id, request.params.id);
        return { unread: await notifications.unread(member.id) };
      },
    );
  };
}
