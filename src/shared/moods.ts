/**
 * Mood check-ins: one tap from 1 (very low) to 5 (very good), optional feeling words from a fixed
 * list, and a short private note. Pure and free of TypeBox, so the web client bundles it as it is.
 */

export const MOOD_MIN = 1;
export const MOOD_MAX = 5;
export type Mood = 1 | 2 | 3 | 4 | 5;
export const MOODS: readonly Mood[] = [1, 2, 3, 4, 5];

/** The words a member may pick (ids; the words themselves are in en.json and es.json under moods.feelings). */
export const FEELINGS = [
  'calm',
  'hopeful',
  'grateful',
  'content',
  'tired',
  'numb',
  'anxious',
  'sad',
  'lonely',
  'irritable',
  'overwhelmed',
  'restless',
] as const;
export type Feeling = (typeof FEELINGS)[number];

export const MOOD_NOTE_MAX = 280;
export const MOOD_FEELINGS_MAX = FEELINGS.length;
/** The chart's two spans, in days. */
export const MOOD_SPANS = [30, 90] as const;
export type MoodSpan = (typeof MOOD_SPANS)[number];

export interface MoodCheckIn {
  id: string;
  mood: Mood;
  feelings: Feeling[];
  note: string;
  /** The member's own calendar day (YYYY-MM-DD), as their device saw it. */
  day: string;
  createdAt: number;
}

/** What the member is gently offered after a sustained low stretch: rooms, a listener, their safety plan. */
export interface LowStretchOffer {
  lowDays: number;
  windowDays: number;
}

export interface MoodList {
  checkIns: MoodCheckIn[];
  days: MoodSpan;
}

export interface RecordMoodBody {
  mood: number;
  feelings?: string[];
  note?: string;
  /** The member's calendar day on their device; the server's UTC day when missing. */
  day?: string;
}

export interface RecordMoodResult {
  checkIn: MoodCheckIn;
  /** Set once per low stretch, on the check-in that completes it; null otherwise. */
  offer: LowStretchOffer | null;
}

/** YYYY-MM-DD of a time, in UTC. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** One value per day: the mean of that day's check-ins (the chart and the low-stretch rule share it). */
export function dailyMeans(checkIns: readonly { day: string; mood: number }[]): Map<string, number> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const c of checkIns) {
    const s = sums.get(c.day) ?? { sum: 0, n: 0 };
    s.sum += c.mood;
    s.n += 1;
    sums.set(c.day, s);
  }
  return new Map([...sums].map(([day, s]) => [day, s.sum / s.n]));
}
