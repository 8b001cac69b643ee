import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../../../shared/api.js';
import { FeedbackBody, FloorBody, HandBody, HandOffBody, HandOffResult, MeetingRoomView, MemberBody, ReactionBody, StepBody, SwitchBody } from '../../../shared/meeting-room.js';
import { OccurrenceParams } from '../../../shared/meetings.js';
import { requireMember } from '../../platform/http/auth.js';
import type { MeetingRoomService } from './meetings.room.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const tags = ['meetings'];
const ROOM = '/meetings/:id/occurrences/:date/room';
const view = { 200: MeetingRoomView, ...errors };

/**
 * The live room of one occurrence over HTTP: coming in, the state, and every action (the
 * leader's tools, a hand, a reaction, the question after). Live pushes are meetings.room.socket.ts;
 * the messages themselves go through the messaging core like any conversation's.
 */
export function meetingRoomRoutes({ room }: { room: MeetingRoomService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(ROOM, { schema: { tags, summary: 'Come into the room of one occurrence (it opens 10 minutes before the start)', params: OccurrenceParams, body: Type.Optional(Type.Object({})), response: view } }, async (request) =>
      room.enter(requireMember(request), request.params.id, request.params.date),
    );
    app.get(ROOM, { schema: { tags, summary: 'The room as it stands: agenda step, floor, hands, lock; after the end, the question', params: OccurrenceParams, response: view } }, async (request) =>
      room.get(requireMember(request), request.params.id, request.params.date),
    );
    app.post(`${ROOM}/hand`, { schema: { tags, summary: 'Raise or lower my hand to share', params: OccurrenceParams, body: HandBody, response: view } }, async (request) =>
      room.hand(requireMember(request), request.params.id, request.params.date, request.body.raised),
    );
    app.post(
      `${ROOM}/reactions`,
      { schema: { tags, summary: 'Send a supportive reaction to the room (heard, never stored)', params: OccurrenceParams, body: ReactionBody, response: { 204: Type.Null(), ...errors } }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
      async (request, reply) => {
        await room.react(requireMember(request), request.params.id, request.params.date, request.body.reaction);
        return reply.code(204).send(null);
      },
    );
    app.post(`${ROOM}/feedback`, { schema: { tags, summary: 'Did this meeting help? (once, after the end)', params: OccurrenceParams, body: FeedbackBody, response: view } }, async (request) =>
      room.feedback(requireMember(request), request.params.id, request.params.date, request.body.answer),
    );
    // --- the facilitators' tools ---
    app.post(`${ROOM}/step`, { schema: { tags, summary: 'Facilitators: start the meeting, or move to a step of the agenda', params: OccurrenceParams, body: StepBody, response: view } }, async (request) =>
      room.step(requireMember(request), request.params.id, request.params.date, request.body.step),
    );
    app.post(`${ROOM}/floor`, { schema: { tags, summary: 'Facilitators: give someone the floor, with an optional timer (null ends the share)', params: OccurrenceParams, body: FloorBody, response: view } }, async (request) =>
      room.floor(requireMember(request), request.params.id, request.params.date, request.body.memberId, request.body.shareSeconds ?? null),
    );
    app.post(`${ROOM}/lock`, { schema: { tags, summary: 'Facilitators: close the door (nobody new comes in) or open it', params: OccurrenceParams, body: SwitchBody, response: view } }, async (request) =>
      room.lock(requireMember(request), request.params.id, request.params.date, request.body.on),
    );
    app.post(`${ROOM}/mute-all`, { schema: { tags, summary: 'Facilitators: only facilitators write while on', params: OccurrenceParams, body: SwitchBody, response: view } }, async (request) =>
      room.muteAll(requireMember(request), request.params.id, request.params.date, request.body.on),
    );
    app.post(`${ROOM}/remove`, { schema: { tags, summary: 'Facilitators: take a member out of the room for the rest of the meeting', params: OccurrenceParams, body: MemberBody, response: view } }, async (request) =>
      room.remove(requireMember(request), request.params.id, request.params.date, request.body.memberId),
    );
    app.post(
      `${ROOM}/hand-off`,
      { schema: { tags, summary: 'Facilitators: hand a member to a listener (a support request with priority) or to a moderator', params: OccurrenceParams, body: HandOffBody, response: { 200: HandOffResult, ...errors } } },
      async (request) => room.handOff(requireMember(request), request.params.id, request.params.date, request.body.memberId, request.body.to),
    );
    app.post(`${ROOM}/end`, { schema: { tags, summary: 'Facilitators: end the meeting (its messages are deleted when the operator set so)', params: OccurrenceParams, body: Type.Optional(Type.Object({})), response: view } }, async (request) =>
      room.end(requireMember(request), request.params.id, request.params.date),
    );
  };
}
