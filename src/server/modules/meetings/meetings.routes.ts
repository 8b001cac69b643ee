import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../../../shared/api.js';
import {
  CancelOccurrenceBody,
  CoFacilitatorBody,
  CreateMeetingBody,
  GroupSlugParams,
  MeetingParams,
  MeetingResult,
  MoveOccurrenceBody,
  OccurrenceList,
  OccurrenceParams,
  OccurrenceResult,
  RsvpResult,
  SeriesOccurrencesQuery,
  UpcomingList,
  UpcomingQuery,
  UpdateMeetingBody,
} from '../../../shared/meetings.js';
import { requireMember } from '../../platform/http/auth.js';
import type { MeetingsService } from './meetings.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['meetings'];

/** Facilitated meetings: scheduling a series, its occurrences, the upcoming list and the .ics export. */
export function meetingsRoutes({ meetings, publicOrigin }: { meetings: MeetingsService; publicOrigin: string }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/groups/:slug/meetings',
      { schema: { tags, summary: 'Schedule a meeting series in a group (facilitators who have joined it)', params: GroupSlugParams, body: CreateMeetingBody, response: { 201: MeetingResult, ...errors } } },
      async (request, reply) => reply.status(201).send({ meeting: await meetings.create(requireMember(request), request.params.slug, request.body) }),
    );
    app.get(
      '/meetings/upcoming',
      {
        schema: {
          tags,
          summary: 'Upcoming occurrences across the groups I may read (or ?group=), overrides applied; times as UTC ms with the series’ zone',
          querystring: UpcomingQuery,
          response: { 200: UpcomingList, ...errors },
        },
      },
      async (request) => meetings.upcoming(requireMember(request), request.query),
    );
    app.get('/meetings/:id', { schema: { tags, summary: 'One meeting series', params: MeetingParams, response: { 200: MeetingResult, ...errors } } }, async (request) => ({
      meeting: await meetings.get(requireMember(request), request.params.id),
    }));
    app.patch(
      '/meetings/:id',
      { schema: { tags, summary: 'Edit a series (its facilitator or co-facilitator, or an admin)', params: MeetingParams, body: UpdateMeetingBody, response: { 200: MeetingResult, ...errors } } },
      async (request) => ({ meeting: await meetings.update(requireMember(request), request.params.id, request.body) }),
    );
    app.post(
      '/meetings/:id/cancel',
      { schema: { tags, summary: 'Cancel the whole series', params: MeetingParams, response: { 200: MeetingResult, ...errors } } },
      async (request) => ({ meeting: await meetings.cancelSeries(requireMember(request), request.params.id) }),
    );
    app.post(
      '/meetings/:id/occurrences/:date/cancel',
      { schema: { tags, summary: 'Cancel one occurrence, named by its local date, with a reason', params: OccurrenceParams, body: CancelOccurrenceBody, response: { 200: OccurrenceResult, ...errors } } },
      async (request) => ({ occurrence: await meetings.cancelOccurrence(requireMember(request), request.params.id, request.params.date, request.body.reason) }),
    );
    app.post(
      '/meetings/:id/occurrences/:date/move',
      {
        schema: {
          tags,
          summary: 'Move one occurrence to a new date and time on the series’ own wall clock',
          params: OccurrenceParams,
          body: MoveOccurrenceBody,
          response: { 200: OccurrenceResult, ...errors },
        },
      },
      async (request) => ({ occurrence: await meetings.moveOccurrence(requireMember(request), request.params.id, request.params.date, request.body) }),
    );
    app.put(
      '/meetings/:id/co-facilitator',
      {
        schema: {
          tags,
          summary: 'Name or clear the co-facilitator: a facilitator who joined the group and is free at its times (the facilitator or an admin)',
          params: MeetingParams,
          body: CoFacilitatorBody,
          response: { 200: MeetingResult, ...errors },
        },
      },
      async (request) => ({ meeting: await meetings.setCoFacilitator(requireMember(request), request.params.id, request.body.handle) }),
    );
    app.get(
      '/meetings/:id/occurrences',
      { schema: { tags, summary: 'The series’ next meetings (one in progress included), with seats and my RSVP', params: MeetingParams, querystring: SeriesOccurrencesQuery, response: { 200: OccurrenceList, ...errors } } },
      async (request) => meetings.seriesOccurrences(requireMember(request), request.params.id, request.query.limit),
    );
    app.get(
      '/meetings/:id/occurrences/:date',
      { schema: { tags, summary: 'One occurrence, named by its local date, with seats and my RSVP', params: OccurrenceParams, response: { 200: OccurrenceResult, ...errors } } },
      async (request) => ({ occurrence: await meetings.getOccurrence(requireMember(request), request.params.id, request.params.date) }),
    );
    app.post(
      '/meetings/:id/occurrences/:date/rsvp',
      {
        schema: {
          tags,
          summary: 'Save my place: a seat up to the capacity, then the waitlist (asking again answers the place held)',
          params: OccurrenceParams,
          response: { 200: RsvpResult, ...errors },
        },
      },
      async (request) => meetings.rsvp(requireMember(request), request.params.id, request.params.date),
    );
    app.delete(
      '/meetings/:id/occurrences/:date/rsvp',
      { schema: { tags, summary: 'Give up my place; a freed seat goes to the first member waiting', params: OccurrenceParams, response: { 200: RsvpResult, ...errors } } },
      async (request) => meetings.cancelRsvp(requireMember(request), request.params.id, request.params.date),
    );
    app.get(
      '/meetings/:id/calendar.ics',
      { schema: { tags, summary: 'The series as an iCalendar file (text/calendar), with no personal data', params: MeetingParams, produces: ['text/calendar'], response: { 200: Type.String({ description: 'text/calendar' }), ...errors } } },
      async (request, reply) => {
        const origin = publicOrigin || `${request.protocol}://${request.host}`;
        const file = await meetings.calendar(requireMember(request), request.params.id, `${origin}/meetings/${encodeURIComponent(request.params.id)}`);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'private, no-store')
          .send(file.body);
      },
    );
  };
}
