import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DeleteAccountBody, ErrorBody } from '../../../shared/api.js';
import { requireMember } from '../../platform/http/auth.js';
import type { AccountDataService } from './account-data.service.js';
import type { SessionCookie } from '../../platform/http/session-cookie.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody };
const tags = ['accounts'];

/** A member's own data: download all of it, or delete the account. */
export function accountDataRoutes({ accountData, cookie }: { accountData: AccountDataService; cookie: SessionCookie }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/me/export',
      { schema: { tags, summary: 'Download everything Kindred keeps about me, as JSON', response: { 200: Type.Record(Type.String(), Type.Unknown()), ...errors } } },
      async (request, reply) => {
        const data = await accountData.exportFor(requireMember(request));
        const day = new Date().toISOString().slice(0, 10);
        reply.header('content-disposition', `attachment; filename="kindred-my-data-${day}.json"`);
        reply.header('cache-control', 'no-store');
        return data;
      },
    );

    app.delete(
      '/me',
      {
        schema: { tags, summary: 'Delete my account (my posts and replies stay as "[deleted]")', body: DeleteAccountBody, response: { 204: Type.Null(), ...errors } },
        config: { rateLimit: { max: 10, timeWindow: '15 minutes' } },
      },
      async (request, reply) => {
        await accountData.deleteAccount(requireMember(request), request.body.passphrase);
        cookie.clear(reply);
        return reply.status(204).send(null);
      },
    );
  };
}
