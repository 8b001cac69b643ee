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
export function moderationRoutes(deps: { reports: ReportsService; review: ReviewService; sanctions: SanctionsService; oversight: OversightService }): FastifyPluginAsyncTypebox {
  const { reports, review, sanctions, oversight } = deps;
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

    app.get('/moderation/queue', { schema: { tags, summary: 'The review queue: reports, held content, risk alerts and flags, oldest urgent first', querystring: ReviewQuery, response: { 200: ReviewList, ...errors } } }, async (request) =>
      review.list(requireModerator(request), request.query),
    );
    app.get('/moderation/queue/:key', { schema: { tags, summary: 'One review item', params: ReviewKeyParams, response: { 200: Type.Object({ item: ReviewItem }), ...errors } } }, async (request) => ({
      item: await review.get(requireModerator(request), request.params.key),
    }));
    app.post('/moderation/queue/:key/claim', { schema: { tags, summary: 'Take a review item to work on, so no one else acts on it at the same time', params: ReviewKeyParams, body: Type.Optional(Type.Object({})), response: { 200: Type.Object({ item: ReviewItem }), ...errors } } }, async (request) => ({
      item: await review.claim(requireModerator(request), request.params.key),
    }));
    app.delete('/moderation/queue/:key/claim', { schema: { tags, summary: 'Leave a review item for someone else', params: ReviewKeyParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
      await review.release(requireModerator(request), request.params.key);
      return reply.code(204).send(null);
    });
    app.post('/moderation/queue/:key/actions', { schema: { tags, summary: 'Approve, dismiss or remove what a review item is about', params: ReviewKeyParams, body: ContentActionBody, response: { 200: Type.Object({ item: Type.Union([ReviewItem, Type.Null()]) }), ...errors } } }, async (request) => ({
      item: await review.act(requireModerator(request), request.params.key, request.body),
    }));
    app.post('/moderation/content/:type/:id/restore', { schema: { tags, summary: 'Put back a post, reply or message that was removed', params: ContentParams, body: RestoreBody, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
      await review.restore(requireModerator(request), request.params, request.body.reason);
      return reply.code(204).send(null);
    });

    app.get('/moderation/members/:handle', { schema: { tags, summary: 'A member’s standing: mutes, suspension, ban, warnings', params: MemberActionParams, response: { 200: Type.Object({ member: MemberStanding }), ...errors } } }, async (request) => ({
      member: await sanctions.standing(requireModerator(request), request.params.handle),
    }));
    app.post('/moderation/members/:handle/actions', { schema: { tags, summary: 'Warn, mute, suspend, ban, or lift', params: MemberActionParams, body: MemberActionBody, response: { 200: Type.Object({ member: MemberStanding }), ...errors } } }, async (request) => ({
      member: await sanctions.act(requireModerator(request), request.params.handle, request.body),
    }));

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
