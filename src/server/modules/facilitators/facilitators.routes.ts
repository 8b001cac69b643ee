import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../shared/api.js';
import {
  FacilitatorModule,
  FacilitatorModuleParams,
  FacilitatorQuizResult,
  FacilitatorStanding,
  FacilitatorTrainingProgress,
  QuizAnswers,
  TrainingQuery,
} from '../../../shared/facilitators.js';
import { requireMember } from '../../platform/http/auth.js';
import type { FacilitatorsService } from './facilitators.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['facilitators'];

/** The facilitator programme: its training, and where a member stands. */
export function facilitatorsRoutes({ facilitators }: { facilitators: FacilitatorsService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/facilitators/me',
      { schema: { tags, summary: 'Where I stand in the facilitator programme: training, and whether I am a facilitator', querystring: TrainingQuery, response: { 200: FacilitatorStanding, ...errors } } },
      async (request) => facilitators.standing(requireMember(request), request.query.lang),
    );
    app.get(
      '/facilitators/training',
      { schema: { tags, summary: 'The facilitator training modules and which I have passed, titled in ?lang= or my language', querystring: TrainingQuery, response: { 200: FacilitatorTrainingProgress, ...errors } } },
      async (request) => facilitators.progress(requireMember(request), request.query.lang),
    );
    app.get(
      '/facilitators/training/:module',
      {
        schema: {
          tags,
          summary: 'One facilitator training module: its page and quiz questions (never the answers), in ?lang= or my language',
          params: FacilitatorModuleParams,
          querystring: TrainingQuery,
          response: { 200: FacilitatorModule, ...errors },
        },
      },
      async (request) => facilitators.module(requireMember(request), request.params.module, request.query.lang),
    );
    app.post(
      '/facilitators/training/:module/answers',
      {
        schema: {
          tags,
          summary: 'Check my facilitator quiz answers by ids: all right passes the module; otherwise which questions to look at again',
          params: FacilitatorModuleParams,
          querystring: TrainingQuery,
          body: QuizAnswers,
          response: { 200: FacilitatorQuizResult, ...errors },
        },
      },
      async (request) => facilitators.answer(requireMember(request), request.params.module, request.body, request.query.lang),
    );
  };
}
