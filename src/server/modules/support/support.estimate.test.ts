import { describe, expect, it } from 'vitest';
import { estimateWait, type WaitInputs } from './support.estimate.js';

const base: WaitInputs = { position: 3, listenersOnDuty: 2, freePlaces: 0, matchedLastHour: 0, recentWaitsMs: [], timeoutMinutes: 30 };
const minutes = (n: number) => n * 60_000;

describe('the estimated wait for a listener', () => {
  it('gives no number when nobody on duty speaks the language, and says why', () => {
    expect(estimateWait({ ...base, listenersOnDuty: 0, matchedLastHour: 30 })).toEqual({ minutes: null, note: 'no_listener_on_duty' });
  });

  it('says about a minute when free places reach the member', () => {
    expect(estimateWait({ ...base, freePlaces: 3 })).toEqual({ minutes: 1, note: null });
    expect(estimateWait({ ...base, freePlaces: 2, matchedLastHour: 0 })).toEqual({ minutes: null, note: null });
  });

  it('serves the requests left after the free places at the last hour’s pace', () => {
    // 6 matches an hour = one every 10 minutes; 3 ahead after one free place = 2 to serve → 20 minutes.
    expect(estimateWait({ ...base, freePlaces: 1, matchedLastHour: 6 })).toEqual({ minutes: 20, note: null });
    expect(estimateWait({ ...base, position: 1, matchedLastHour: 60 })).toEqual({ minutes: 1, note: null });
  });

  it('falls back to the typical wait of the last week, grown with the place, when the hour was too quiet', () => {
    expect(estimateWait({ ...base, matchedLastHour: 2, recentWaitsMs: [minutes(2), minutes(4), minutes(40)] })).toEqual({ minutes: 12, note: null });
    expect(estimateWait({ ...base, recentWaitsMs: [minutes(2), minutes(4)] })).toEqual({ minutes: null, note: null });
  });

  it('gives no number beyond the request’s time limit, and says it may be long', () => {
    expect(estimateWait({ ...base, position: 10, matchedLastHour: 6 })).toEqual({ minutes: null, note: 'longer_than_limit' });
    expect(estimateWait({ ...base, position: 3, matchedLastHour: 6, timeoutMinutes: 30 })).toEqual({ minutes: 30, note: null });
  });
});
