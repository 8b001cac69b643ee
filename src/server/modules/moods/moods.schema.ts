import { Type } from 'typebox';
import { FEELINGS, MOOD_FEELINGS_MAX, MOOD_MAX, MOOD_MIN, MOOD_NOTE_MAX } from '../../../shared/moods.js';

/**
 * Mood check-ins' HTTP shapes (/api/v1/me/moods), for validation, serialization and OpenAPI. The
 * web client uses the plain types in shared/moods.ts and bundles no TypeBox.
 */

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', errorMessage: 'Kindred could not read the date of this check-in. Please try again.' });

export const RecordMoodBody = Type.Object(
  {
    mood: Type.Integer({ minimum: MOOD_MIN, maximum: MOOD_MAX, errorMessage: `Please choose how you feel, from ${MOOD_MIN} to ${MOOD_MAX}.` }),
    feelings: Type.Optional(Type.Array(Type.Enum(FEELINGS), { maxItems: MOOD_FEELINGS_MAX, uniqueItems: true, errorMessage: 'Please choose feeling words from the list, each once.' })),
    note: Type.Optional(Type.String({ maxLength: MOOD_NOTE_MAX, errorMessage: { maxLength: `Please keep the note to ${MOOD_NOTE_MAX} characters or fewer.` } })),
    day: Type.Optional(Day),
  },
  { additionalProperties: false },
);

export const MoodCheckIn = Type.Object({
  id: Type.String(),
  mood: Type.Integer({ minimum: MOOD_MIN, maximum: MOOD_MAX }),
  feelings: Type.Array(Type.Enum(FEELINGS)),
  note: Type.String(),
  day: Type.String(),
  createdAt: Type.Number(),
});

export const LowStretchOffer = Type.Object({ lowDays: Type.Integer(), windowDays: Type.Integer() });
export const RecordMoodResult = Type.Object({ checkIn: MoodCheckIn, offer: Type.Union([LowStretchOffer, Type.Null()]) });
export const MoodListQuery = Type.Object({
  days: Type.Optional(Type.Union([Type.Literal(30), Type.Literal(90)], { errorMessage: 'Please choose 30 or 90 days.' })),
});
export const MoodList = Type.Object({ checkIns: Type.Array(MoodCheckIn), days: Type.Union([Type.Literal(30), Type.Literal(90)]) });
export const MoodIdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
