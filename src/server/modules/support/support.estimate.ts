/**
 * How long a member waiting for a listener will probably wait, said honestly.
 *
 * Only requests in the member's language compete with theirs, and only listeners who speak
 * it can take it, so everything here is counted within one language:
 * - nobody on duty who speaks it: no number, and the member is told so;
 * - free places (on-duty listeners with room and no offer waiting on them) for everyone up to
 *   and including the member: the next matching round offers it, about a minute;
 * - otherwise the requests still ahead once the free places are used, served at the pace
 *   listeners in that language took requests in the last hour;
 * - with too few matches in the last hour to know a pace, the typical (median) wait of the
 *   last week, grown with the place in the queue;
 * - with neither, no number ("we can't estimate the wait yet").
 * A number beyond the request's time limit is not given: the member is told it may be long.
 */
export interface WaitInputs {
  /** 1 = next among requests in the same language. */
  position: number;
  /** On-duty listeners who speak the language. */
  listenersOnDuty: number;
  /** Chats those listeners could start now (room, and no offer waiting on them). */
  freePlaces: number;
  /** Requests in the language matched in the last hour. */
  matchedLastHour: number;
  /** How long matched requests in the language waited over the last week, in ms. */
  recentWaitsMs: number[];
  timeoutMinutes: number;
}

export type WaitNote = 'no_listener_on_duty' | 'longer_than_limit' | null;

export interface WaitEstimate {
  minutes: number | null;
  note: WaitNote;
}

/** Fewer matches than this in an hour is too little to speak of a pace. */
export const MIN_MATCHES_FOR_PACE = 3;
/** Fewer past waits than this is too little to speak of a typical wait. */
export const MIN_WAITS_FOR_TYPICAL = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function estimateWait(i: WaitInputs): WaitEstimate {
  if (i.listenersOnDuty === 0) return { minutes: null, note: 'no_listener_on_duty' };
  let minutes: number | null;
  if (i.freePlaces >= i.position) minutes = 1;
  else if (i.matchedLastHour >= MIN_MATCHES_FOR_PACE) minutes = Math.ceil((i.position - i.freePlaces) / (i.matchedLastHour / 60));
  else if (i.recentWaitsMs.length >= MIN_WAITS_FOR_TYPICAL) minutes = Math.ceil((median(i.recentWaitsMs) * i.position) / 60_000);
  else minutes = null;
  if (minutes === null) return { minutes: null, note: null };
  if (minutes > i.timeoutMinutes) return { minutes: null, note: 'longer_than_limit' };
  return { minutes: Math.max(1, minutes), note: null };
}
