import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../shared/api.js';
import {
  ApplicationBody,
  ApplicationParams,
  DutyBody,
  ListenerApplication,
  ListenerProfile,
  ListenerStanding,
  PendingApplicationList,
  PendingQuery,
  ProfileUpdate,
  QuizAnswers,
  QuizResult,
  ReviewBody,
  ReviewResult,
  TrainingModule,
  TrainingModuleParams,
  TrainingProgress,
  TrainingQuery,
} from '../../../shared/listeners.js';
import { requireMember } from '../../platform/http/auth.js';
import type { ListenerDutyService } from './listeners.duty.js';
import type { ListenersService } from './listeners.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['listeners'];

/** The listener programme: training, applying, the moderators' review, and a listener's duty. */
export function listenersRoutes({ listeners, duty }: { listeners: ListenersService; duty: ListenerDutyService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/listeners/me',
      { schema: { tags, summary: 'Where I stand in the listener programme: training, my application, whether I may apply', querystring: TrainingQuery, response: { 200: ListenerStanding, ...errors } } },
      async (request) => listeners.standing(requireMember(request), request.query.lang),
    );
    app.get(
      '/listeners/training',
      { schema: { tags, summary: 'The training modules and which I have passed, titled in ?lang= or my language', querystring: TrainingQuery, response: { 200: TrainingProgress, ...errors } } },
      async (request) => listeners.progress(requireMember(request), request.query.lang),
    );
    app.get(
      '/listeners/training/:module',
      {
        schema: {
          tags,
          summary: 'One training module: its page and quiz questions (never the answers), in ?lang= or my language, English when not translated',
          params: TrainingModuleParams,
          querystring: TrainingQuery,
          response: { 200: TrainingModule, ...errors },
        },
      },
      async (request) => listeners.module(requireMember(request), request.params.module, request.query.lang),
    );
    app.post(
      '/listeners/training/:module/answers',
      {
        schema: {
          tags,
          summary: 'Check my quiz answers by ids, whatever language I read it in: all right passes the module; otherwise which questions to look at again',
          params: TrainingModuleParams,
          querystring: TrainingQuery,
          body: QuizAnswers,
          response: { 200: QuizResult, ...errors },
        },
      },
      async (request) => listeners.answer(requireMember(request), request.params.module, request.body, request.query.lang),
    );
    app.post(
      '/listeners/applications',
      { schema: { tags, summary: 'Apply to become a listener (after passing the training)', body: ApplicationBody, response: { 201: ListenerApplication, ...errors } } },
      async (request, reply) => reply.status(201).send(await listeners.apply(requireMember(request), request.body)),
    );
    app.get('/listeners/me/profile', { schema: { tags, summary: 'My listener profile, time on duty today and the break nudge', response: { 200: ListenerProfile, ...errors } } }, async (request) =>
      duty.mine(requireMember(request)),
    );
    app.patch(
      '/listeners/me/profile',
      { schema: { tags, summary: 'Change my languages, topics or how many chats I take at once', body: ProfileUpdate, response: { 200: ListenerProfile, ...errors } } },
      async (request) => duty.update(requireMember(request), request.body),
    );
    app.put(
      '/listeners/me/duty',
      { schema: { tags, summary: 'Go on duty, off duty or take a break', body: DutyBody, response: { 200: ListenerProfile, ...errors } } },
      async (request) => duty.setStatus(requireMember(request), request.body.status),
    );
    app.get(
      '/moderation/listener-applications',
      { schema: { tags: ['moderation', ...tags], summary: 'Pending listener applications, oldest first', querystring: PendingQuery, response: { 200: PendingApplicationList, ...errors } } },
      async (request) => listeners.pending(requireMember(request), { cursor: request.query.cursor, limit: 30 }),
    );
    app.post(
      '/moderation/listener-applications/:id/review',
      { schema: { tags: ['moderation', ...tags], summary: 'Approve or decline a listener application, with a note', params: ApplicationParams, body: ReviewBody, response: { 200: ReviewResult, ...errors } } },
      async (request) => listeners.review(requireMember(request), request.params.id, request.body),
    );
  };
}
