import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AdminMemberPage,
  AdminMembersQuery,
  SetTrustBody,
  ChangePassphraseBody,
  ErrorBody,
  HandleAvailability,
  HandleSuggestion,
  LogInBody,
  MemberSelf,
  NewRecoveryCodeBody,
  RecoverBody,
  RecoveryCode,
  SessionInfo,
  SetRolesBody,
  SignedIn,
  SignedUp,
  SignUpBody,
  UpdateMeBody,
} from '../../../shared/api.js';
import { requireMember } from '../../platform/http/auth.js';
import { browserLocale } from '../../platform/http/locale.js';
import type { SessionCookie } from '../../platform/http/session-cookie.js';
import type { AccountsService } from './accounts.service.js';
import { AdminMember } from '../../../shared/api.js';

export interface AccountsRouteDeps {
  accounts: AccountsService;
  cookie: SessionCookie;
  /** Two-letter codes the Get help data knows, to default a new member's country from the browser. */
  knownCountries: ReadonlySet<string>;
  limits: { signUpPerHour: number; logInPer15Min: number; recoveryPerHour: number };
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const tags = ['accounts'];

/** Sign-up, sessions, recovery and the member's own settings; and the admin's member list. */
export function accountsRoutes(deps: AccountsRouteDeps): FastifyPluginAsyncTypebox {
  const { accounts, cookie, limits } = deps;
  return async (app) => {
    app.get('/session', { schema: { tags, summary: 'Who is signed in, and the CSRF token for writes', response: { 200: SessionInfo } } }, async (request) => {
      if (!request.member || !request.session) return { member: null, csrfToken: null };
      return { member: await accounts.self(request.member.id), csrfToken: request.session.csrfToken };
    });

    app.get('/accounts/suggest-handle', { schema: { tags, summary: 'A friendly random handle that is free', response: { 200: HandleSuggestion } } }, async () => ({
      handle: await accounts.suggestHandle(),
    }));

    app.get(
      '/accounts/handle-available',
      {
        schema: { tags, summary: 'Whether a handle can be taken', querystring: Type.Object({ handle: SignUpBody.properties.handle }), response: { 200: HandleAvailability, ...errors } },
        config: { rateLimit: { max: limits.signUpPerHour * 20, timeWindow: '1 hour' } },
      },
      async (request) => accounts.handleAvailability(request.query.handle),
    );

    app.post(
      '/accounts',
      {
        schema: { tags, summary: 'Sign up with a handle and passphrase', body: SignUpBody, response: { 201: SignedUp, ...errors } },
        config: { rateLimit: { max: limits.signUpPerHour, timeWindow: '1 hour' } },
      },
      async (request, reply) => {
        const locale = browserLocale(request);
        const country =
          request.body.country !== undefined ? request.body.country : locale.region && deps.knownCountries.has(locale.region) ? locale.region : null;
        const result = await accounts.signUp({
          handle: request.body.handle,
          passphrase: request.body.passphrase,
          country,
          language: request.body.language ?? locale.language ?? 'en',
        }, cookie.read(request));
        cookie.set(reply, result.session.token, result.session.expiresAt);
        return reply.status(201).send({ member: result.member, csrfToken: result.session.csrfToken, recoveryCode: result.recoveryCode });
      },
    );

    app.post(
      '/session',
      {
        schema: { tags, summary: 'Log in', body: LogInBody, response: { 200: SignedIn, ...errors } },
        config: { rateLimit: { max: limits.logInPer15Min, timeWindow: '15 minutes' } },
      },
      async (request, reply) => {
        const result = await accounts.logIn(request.body, cookie.read(request));
        cookie.set(reply, result.session.token, result.session.expiresAt);
        return { member: result.member, csrfToken: result.session.csrfToken };
      },
    );

    app.delete('/session', { schema: { tags, summary: 'Log out on this device', response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
      if (request.session) await accounts.logOut(request.session.sessionId);
      cookie.clear(reply);
      return reply.status(204).send(null);
    });

    app.delete('/sessions', { schema: { tags, summary: 'Log out everywhere', response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
      const member = requireMember(request);
      await accounts.logOutEverywhere(member.id);
      cookie.clear(reply);
      return reply.status(204).send(null);
    });

    app.post(
      '/accounts/recover',
      {
        schema: { tags, summary: 'Reset the passphrase with the recovery code', body: RecoverBody, response: { 200: SignedUp, ...errors } },
        config: { rateLimit: { max: limits.recoveryPerHour, timeWindow: '1 hour' } },
      },
      async (request, reply) => {
        const result = await accounts.recover(request.body, cookie.read(request));
        cookie.set(reply, result.session.token, result.session.expiresAt);
        return { member: result.member, csrfToken: result.session.csrfToken, recoveryCode: result.recoveryCode };
      },
    );

    app.get('/me', { schema: { tags, summary: 'My account', response: { 200: Type.Object({ member: MemberSelf }), ...errors } } }, async (request) => ({
      member: await accounts.self(requireMember(request).id),
    }));

    app.patch(
      '/me',
      { schema: { tags, summary: 'Change my handle, country or language', body: UpdateMeBody, response: { 200: Type.Object({ member: MemberSelf }), ...errors } } },
      async (request) => ({ member: await accounts.updatePreferences(requireMember(request).id, request.body) }),
    );

    app.put(
      '/me/passphrase',
      {
        schema: { tags, summary: 'Change my passphrase', body: ChangePassphraseBody, response: { 204: Type.Null(), ...errors } },
        config: { rateLimit: { max: limits.logInPer15Min, timeWindow: '15 minutes' } },
      },
      async (request, reply) => {
        const member = requireMember(request);
        await accounts.changePassphrase(member, request.session!.sessionId, request.body.currentPassphrase, request.body.newPassphrase);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/me/recovery-code',
      {
        schema: { tags, summary: 'Replace my recovery code', body: NewRecoveryCodeBody, response: { 200: RecoveryCode, ...errors } },
        config: { rateLimit: { max: limits.recoveryPerHour, timeWindow: '1 hour' } },
      },
      async (request) => ({ recoveryCode: await accounts.newRecoveryCode(requireMember(request), request.body.passphrase) }),
    );

    app.get(
      '/admin/members',
      { schema: { tags: ['admin'], summary: 'Members, newest first', querystring: AdminMembersQuery, response: { 200: AdminMemberPage, ...errors } } },
      async (request) => {
        const { q, role, cursor, limit } = request.query;
        return accounts.listMembers(requireMember(request), { q, role }, { cursor, limit: limit ?? 50 });
      },
    );

    app.put(
      '/admin/members/:id/roles',
      {
        schema: {
          tags: ['admin'],
          summary: "Set a member's roles",
          params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
          body: SetRolesBody,
          response: { 200: Type.Object({ member: AdminMember }), ...errors },
        },
      },
      async (request) => ({ member: await accounts.setRoles(requireMember(request), request.params.id, request.body.roles) }),
    );

    app.put(
      '/admin/members/:id/trust',
      {
        schema: {
          tags: ['admin'],
          summary: "Vouch for a member: set their trust level (0-2; level 3 is earned)",
          params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
          body: SetTrustBody,
          response: { 200: Type.Object({ member: AdminMember }), ...errors },
        },
      },
      async (request) => ({ member: await accounts.setTrust(requireMember(request), request.params.id, request.body.level) }),
    );
  };
}
