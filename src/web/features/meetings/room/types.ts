import type * as Room from '../../../../shared/meeting-room';

/** The meeting room's contract for the web client (types only: nothing of typebox is bundled). */
export type { MeetingFeedbackAnswer, MeetingLive, MeetingRoomView } from '../../../../shared/meeting-room';

/** "Did this meeting help?", typed as the shared constant so a change on one side fails the type check. */
export const MEETING_FEEDBACK_ANSWERS: typeof Room.MEETING_FEEDBACK = ['yes', 'somewhat', 'no'];
