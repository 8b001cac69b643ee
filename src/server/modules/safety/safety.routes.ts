import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CrisisHelp, CrisisHelpQuery, ErrorBody } from '../../../shared/api.js';
import {
  AlertStats,
  ResolveAlertBody,
  RiskAlertEnvelope,
  RiskAlertList,
  RiskAlertQuery,
  SafetyCheck,
  SafetyCheckBody,
  SafetyPlan,
  SafetyPlanFields,
} from '../../../shared/safety.js';
import { hasRole, requireMember, type AuthMember } from '../../platform/http/auth.js';
import { forbidden } from '../../platform/http/errors.js';
import { browserLocale } from '../../platform/http/locale.js';
import type { FastifyRequest } from 'fastify';
import type { CrisisLinesService } from './crisis-lines.js';
import type { SafetyService } from './safety.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

/** Risk alerts are for moderators and admins; to everyone else they do not exist as a feature. */
function requireModerator(request: FastifyRequest): AuthMember {
  const member = requireMember(request);
  if (!hasRole(member, 'moderator') && !hasRole(member, 'admin')) throw forbidden();
  return member;
}

export interface SafetyRouteDeps {
  crisisLines: CrisisLinesService;
  safety: SafetyService;
  defaultCountry: string;
}

/** "Get help now" (open to everyone), the draft check, moderators' risk alerts and the member's own safety plan. */
export function safetyRoutes({ crisisLines, safety, defaultCountry }: SafetyRouteDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/help/crisis-lines',
      { schema: { tags: ['help'], summary: "Crisis lines for a country: the one asked for, else the member's, else the browser's", querystring: CrisisHelpQuery, response: { 200: CrisisHelp } } },
      async (request) =>
        crisisLines.helpFor([
          { code: request.query.country, by: 'query' },
          { code: request.member?.country, by: 'member' },
          { code: browserLocale(request).region, by: 'browser' },
          { code: defaultCountry, by: 'default' },
        ]),
    );

    app.post(
      '/safety/check',
      {
        schema: { tags: ['safety'], summary: 'A gentle look at a draft while it is written (nothing is stored)', body: SafetyCheckBody, response: { 200: SafetyCheck, ...errors } },
        config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      },
      async (request) => {
        requireMember(request);
        return safety.check(request.body.text, request.body.kind);
      },
    );

    const tags = ['safety alerts'];
    app.get('/safety/alerts', { schema: { tags, summary: 'Risk alerts: active (urgent first, then oldest) or resolved', querystring: RiskAlertQuery, response: { 200: RiskAlertList, ...errors } } }, async (request) => {
      requireModerator(request);
      return safety.alerts(request.query.view ?? 'active', { cursor: request.query.cursor, limit: request.query.limit ?? 50 });
    });
    app.get('/safety/alerts/stats', { schema: { tags, summary: 'Open alerts and the median time to acknowledge', response: { 200: AlertStats, ...errors } } }, async (request) => {
      requireModerator(request);
      return safety.stats();
    });
    app.post('/safety/alerts/:id/acknowledge', { schema: { tags, summary: 'Acknowledge a risk alert', params: IdParams, response: { 200: RiskAlertEnvelope, ...errors } } }, async (request) => ({
      alert: await safety.acknowledge(requireModerator(request), request.params.id),
    }));
    app.post(
      '/safety/alerts/:id/resolve',
      { schema: { tags, summary: 'Resolve a risk alert with a note', params: IdParams, body: ResolveAlertBody, response: { 200: RiskAlertEnvelope, ...errors } } },
      async (request) => ({ alert: await safety.resolve(requireModerator(request), request.params.id, request.body.note) }),
    );

    app.get('/me/safety-plan', { schema: { tags: ['safety plan'], summary: 'My safety plan (only ever mine)', response: { 200: SafetyPlan, ...errors } } }, async (request) =>
      safety.plan(requireMember(request)),
    );
    app.put('/me/safety-plan', { schema: { tags: ['safety plan'], summary: 'Save my safety plan', body: SafetyPlanFields, response: { 200: SafetyPlan, ...errors } } }, async (request) =>
      safety.savePlan(requireMember(request), request.body),
    );
  };
}
