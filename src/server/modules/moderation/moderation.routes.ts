import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ErrorBody } from '../../../shared/api.js';
import {
  AuditPage,
  AuditQuery,
  ContentActionBody,
  ContentParams,
  MemberActionBody,
  MemberActionParams,
  MemberStanding,
  ModerationDashboard,
  MyNoticeList,
  MyReport,
  MyReportList,
  ReportBody,
  RestoreBody,
  ReviewItem,
  ReviewKeyParams,
  ReviewList,
  ReviewQuery,
} from '../../../shared/moderation.js';
import { hasRole, requireMember, type AuthMember } from '../../platform/http/auth.js';
import { forbidden } from '../../platform/http/errors.js';
import type { OversightService } from './oversight.service.js';
import type { ReportsService } from './reports.service.js';
import { isSiteModerator, SITE_SCOPE, type ReviewScope } from './review.scope.js';
import type { ReviewService } from './review.service.js';
import type { SanctionsService } from './sanctions.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const tags = ['moderation'];

export function requireModerator(request: FastifyRequest): AuthMember {
  const member = requireMember(request);
  if (!hasRole(member, 'moderator') && !hasRole(member, 'admin')) throw forbidden();
  return member;
}

function requireAdmin(request: FastifyRequest): AuthMember {
  const member = requireMember(request);
  if (!hasRole(member, 'admin')) throw forbidden();
  return member;
}

/** Members' reports and notices; the moderators' review queue, member actions and audit log; the operators' numbers. */
export function moderationRoutes(deps: {
  reports: ReportsService;
  review: ReviewService;
  sanctions: SanctionsService;
  oversight: OversightService;
  groupStaff: { moderatedGroups(memberId: string): Promise<{ id: string; slug: string }[]> };
}): FastifyPluginAsyncTypebox {
  const { reports, review, sanctions, oversight, groupStaff } = deps;

  /** A site moderator or admin (everything), or a group moderator (their groups' items: review.scope.ts); else 401/403. */
  async function requireReviewer(request: FastifyRequest): Promise<[AuthMember, ReviewScope]> {
    const member = requireMember(request);
    if (isSiteModerator(member)) return [member, SITE_SCOPE];
    const groups = await groupStaff.moderatedGroups(member.id);
    if (groups.length === 0) throw forbidden();
    return [member, { site: false, groups }];
  }

  return async (app) => {
    app.post('/reports', { schema: { tags, summary: 'Report a post, reply, message, member or listener to the moderators', body: ReportBody, response: { 200: Type.Object({ report: MyReport }), 201: Type.Object({ report: MyReport }), ...errors } } }, async (request, reply) => {
      const { report, created } = await reports.create(requireMember(request), request.body);
      return reply.code(created ? 201 : 200).send({ report });
    });
    app.get('/reports/mine', { schema: { tags, summary: 'The reports I made and where each stands', response: { 200: MyReportList, ...errors } } }, async (request) => ({ items: await reports.mine(requireMember(request)) }));

    app.get('/me/notices', { schema: { tags, summary: 'What moderators did about my words or my account, newest first', response: { 200: MyNoticeList, ...errors } } }, async (request) => ({
      items: await sanctions.notices(requireMember(request)),
    }));
    app.post('/me/notices/seen', { schema: { tags, summary: 'Mark my notices read', body: Type.Optional(Type.Object({})), response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
      await sanctions.seen(requireMember(request));
      return reply.code(204).send(null);
    });

    app.get('/moderation/queue', { schema: { tags, summary: 'The review queue: reports, held content, risk alerts and flags, oldest urgent first (a group moderator’s: their groups’)', querystring: ReviewQuery, response: { 200: ReviewList, ...errors } } }, async (request) => {
      const [member, scope] = await requireReviewer(request);
      return review.list(member, request.query, scope);
    });
    app.get('/moderation/queue/:key', { schema: { tags, summary: 'One review item', params: ReviewKeyParams, response: { 200: Type.Object({ item: ReviewItem }), ...errors } } }, async (request) => {
      const [member, scope] = await requireReviewer(request);
      return { item: await review.get(member, request.params.key, scope) };
    });
    app.post('/moderation/queue/:key/claim', { schema: { tags, summary: 'Take a review item to work on, so no one else acts on it at the same time', params: ReviewKeyParams, body: Type.Optional(Type.Object({})), response: { 200: Type.Object({ item: ReviewItem }), ...errors } } }, async (request) => {
      const [member, scope] = await requireReviewer(request);
      return { item: await review.claim(member, request.params.key, scope) };
    });
    app.delete('/moderation/queue/:key/claim', { schema: { tags, summary: 'Leave a review item for someone else', params: ReviewKeyParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
      const [member, scope] = await requireReviewer(request);
      await review.release(member, request.params.key, scope);
      return reply.code(204).send(null);
    });
    app.post('/moderation/queue/:key/actions', { schema: { tags, summary: 'Approve, dismiss or remove what a review item is about', params: ReviewKeyParams, body: ContentActionBody, response: { 200: Type.Object({ item: Type.Union([ReviewItem, Type.Null()]) }), ...errors } } }, async (request) => {
      const [member, scope] = await requireReviewer(request);
      return { item: await review.act(member, request.params.key, request.body, scope) };
    });
    app.post('/moderation/content/:type/:id/restore', { schema: { tags, summary: 'Put back a post, reply or message that was removed', params: ContentParams, body: RestoreBody, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
      const [member, scope] = await requireReviewer(request);
      await review.restore(member, request.params, request.body.reason, scope);
      return reply.code(204).send(null);
    });

    app.get('/moderation/members/:handle', { schema: { tags, summary: 'A member’s standing: mutes, suspension, ban, warnings', params: MemberActionParams, response: { 200: Type.Object({ member: MemberStanding }), ...errors } } }, async (request) => {
      const [member, scope] = await requireReviewer(request);
      return { member: await sanctions.standing(member, request.params.handle, scope) };
    });
    app.post('/moderation/members/:handle/actions', { schema: { tags, summary: 'Warn, mute, suspend, ban, or lift (a group moderator: warn a member of their groups)', params: MemberActionParams, body: MemberActionBody, response: { 200: Type.Object({ member: MemberStanding }), ...errors } } }, async (request) => {
      const [member, scope] = await requireReviewer(request);
      return { member: await sanctions.act(member, request.params.handle, request.body, scope) };
    });

    app.get('/moderation/audit', { schema: { tags, summary: 'The audit log, newest first (never editable)', querystring: AuditQuery, response: { 200: AuditPage, ...errors } } }, async (request) => {
      requireModerator(request);
      return oversight.audit(request.query);
    });
    app.get('/moderation/dashboard', { schema: { tags, summary: 'For operators: open reports, alerts, held items and time to first action (numbers only)', response: { 200: ModerationDashboard, ...errors } } }, async (request) => {
      requireAdmin(request);
      return oversight.dashboard();
    });
  };
}
