import { afterEach, describe, expect, it, vi } from 'vitest';
import rrule from 'rrule';
import {
  canonicalTimeZone,
  formatInZone,
  isValidTimeZone,
  occurrencesBetween,
  toRRuleString,
  validateSeries,
  wallClockInZone,
  type Series,
} from './recurrence.js';

// Expected instants are written out with Date.UTC, independently of the code under test.
// 2026's changes: New York 8 March and 1 November; London 29 March and 25 October;
// Sydney 5 April (back to AEST) and 4 October (to AEDT).

const HOUR = 3_600_000;
const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

/** What a member's clock says at `ms`: 'YYYY-MM-DD HH:mm'. */
const clock = (ms: number, zone: string) => {
  const w = wallClockInZone(ms, zone);
  return `${w.date} ${w.time}`;
};

function series(overrides: Partial<Series> = {}): Series {
  return {
    startDate: '2026-02-24',
    startTime: '19:00',
    timeZone: 'America/New_York',
    durationMinutes: 90,
    recurrence: { kind: 'weekly', days: ['tu'], interval: 1 },
    ...overrides,
  };
}

const starts = (s: Series, from: number, to: number) => occurrencesBetween(s, from, to).map((o) => o.startsAt);

afterEach(() => {
  vi.useRealTimers();
});

describe('a weekly Tuesday 19:00 meeting run by a facilitator in New York', () => {
  const tuesdays = series();

  it('keeps 19:00 for the facilitator across the March change, so its UTC time moves an hour earlier', () => {
    const found = occurrencesBetween(tuesdays, utc(2026, 3, 1), utc(2026, 3, 15));
    expect(found.map((o) => o.startsAt)).toEqual([utc(2026, 3, 4, 0), utc(2026, 3, 10, 23)]);
    expect(found.map((o) => o.localDate)).toEqual(['2026-03-03', '2026-03-10']);
    expect(found.map((o) => clock(o.startsAt, 'America/New_York'))).toEqual(['2026-03-03 19:00', '2026-03-10 19:00']);
    expect(found.map((o) => o.endsAt - o.startsAt)).toEqual([90 * 60_000, 90 * 60_000]);
  });

  it('keeps 19:00 for the facilitator across the November change, so its UTC time moves an hour later', () => {
    const found = starts(tuesdays, utc(2026, 10, 26), utc(2026, 11, 8));
    expect(found).toEqual([utc(2026, 10, 27, 23), utc(2026, 11, 4, 0)]);
    expect(found.map((ms) => clock(ms, 'America/New_York'))).toEqual(['2026-10-27 19:00', '2026-11-03 19:00']);
  });

  it('shows a member in London the right time while only New York, then both, have changed clocks in March', () => {
    const found = starts(tuesdays, utc(2026, 3, 1), utc(2026, 4, 9));
    expect(found.map((ms) => clock(ms, 'Europe/London'))).toEqual([
      '2026-03-04 00:00', // both on winter time
      '2026-03-10 23:00', // New York has sprung forward, London not yet
      '2026-03-17 23:00',
      '2026-03-24 23:00',
      '2026-04-01 00:00', // London sprang forward on 29 March
      '2026-04-08 00:00',
    ]);
  });

  it('shows a member in London the right time while only London, then both, have changed clocks in autumn', () => {
    const found = starts(tuesdays, utc(2026, 10, 19), utc(2026, 11, 5));
    expect(found.map((ms) => clock(ms, 'Europe/London'))).toEqual([
      '2026-10-21 00:00', // both on summer time
      '2026-10-27 23:00', // London fell back on 25 October, New York not yet
      '2026-11-04 00:00', // New York fell back on 1 November
    ]);
  });

  it('shows a member in Sydney the right time as New York and Sydney change clocks in opposite directions', () => {
    const autumn = starts(tuesdays, utc(2026, 3, 1), utc(2026, 4, 9));
    expect(autumn.map((ms) => clock(ms, 'Australia/Sydney'))).toEqual([
      '2026-03-04 11:00', // EST and AEDT: 16 hours apart
      '2026-03-11 10:00', // EDT and AEDT
      '2026-03-18 10:00',
      '2026-03-25 10:00',
      '2026-04-01 10:00',
      '2026-04-08 09:00', // Sydney back on AEST from 5 April
    ]);
    const spring = starts(tuesdays, utc(2026, 9, 28), utc(2026, 11, 5));
    expect(spring.map((ms) => clock(ms, 'Australia/Sydney'))).toEqual([
      '2026-09-30 09:00', // EDT and AEST
      '2026-10-07 10:00', // Sydney on AEDT from 4 October
      '2026-10-14 10:00',
      '2026-10-21 10:00',
      '2026-10-28 10:00',
      '2026-11-04 11:00', // New York on EST from 1 November
    ]);
  });

  it('reads naturally for members in their own language and zone', () => {
    const [first] = starts(tuesdays, utc(2026, 3, 1), utc(2026, 3, 5));
    expect(first).toBeDefined();
    const london = formatInZone(first!, 'Europe/London', 'en-GB');
    expect(london).toContain('Wed');
    expect(london).toContain('4 Mar 2026');
    expect(london).toContain('00:00');
    expect(london).toContain('GMT');
    const sydney = formatInZone(first!, 'Australia/Sydney', 'en-AU');
    expect(sydney).toMatch(/11:00\s*am/i);
    expect(sydney).toContain('AEDT');
    expect(formatInZone(first!, 'America/New_York', 'en-US')).toMatch(/Tue, Mar 3, 2026.*7:00\s*PM EST/);
  });

  it('gives the same meetings whatever zone the server itself runs in', () => {
    const window = [utc(2026, 3, 1), utc(2026, 11, 30)] as const;
    const onUtcServer = occurrencesBetween(tuesdays, ...window);
    const previous = process.env.TZ;
    try {
      for (const serverZone of ['Pacific/Chatham', 'America/Los_Angeles', 'Asia/Kolkata']) {
        process.env.TZ = serverZone;
        expect(occurrencesBetween(tuesdays, ...window)).toEqual(onUtcServer);
      }
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
    expect(onUtcServer).toHaveLength(39);
  });
});

describe('a facilitator in London', () => {
  it('keeps a Thursday 18:30 meeting at 18:30 across late March and late October, and a New York member sees it move twice', () => {
    const thursdays = series({ startDate: '2026-03-05', startTime: '18:30', timeZone: 'Europe/London', recurrence: { kind: 'weekly', days: ['th'], interval: 1 } });
    const march = starts(thursdays, utc(2026, 3, 1), utc(2026, 4, 3));
    expect(march).toEqual([utc(2026, 3, 5, 18, 30), utc(2026, 3, 12, 18, 30), utc(2026, 3, 19, 18, 30), utc(2026, 3, 26, 18, 30), utc(2026, 4, 2, 17, 30)]);
    expect(march.map((ms) => clock(ms, 'Europe/London').slice(11))).toEqual(['18:30', '18:30', '18:30', '18:30', '18:30']);
    expect(march.map((ms) => clock(ms, 'America/New_York').slice(11))).toEqual(['13:30', '14:30', '14:30', '14:30', '13:30']);

    const october = starts(thursdays, utc(2026, 10, 20), utc(2026, 11, 6));
    expect(october).toEqual([utc(2026, 10, 22, 17, 30), utc(2026, 10, 29, 18, 30), utc(2026, 11, 5, 18, 30)]);
    expect(october.map((ms) => clock(ms, 'America/New_York').slice(11))).toEqual(['13:30', '14:30', '13:30']);
  });

  it('moves a Sunday 01:30 meeting to 02:30 on the morning the clocks skip that hour, and takes the first 01:30 when they repeat it', () => {
    const early = series({ startDate: '2026-03-22', startTime: '01:30', timeZone: 'Europe/London', recurrence: { kind: 'weekly', days: ['su'], interval: 1 } });
    const march = occurrencesBetween(early, utc(2026, 3, 21), utc(2026, 4, 6));
    expect(march.map((o) => o.startsAt)).toEqual([utc(2026, 3, 22, 1, 30), utc(2026, 3, 29, 1, 30), utc(2026, 4, 5, 0, 30)]);
    expect(march.map((o) => clock(o.startsAt, 'Europe/London'))).toEqual(['2026-03-22 01:30', '2026-03-29 02:30', '2026-04-05 01:30']);
    expect(march[1]!.localDate).toBe('2026-03-29');

    const october = starts(early, utc(2026, 10, 24), utc(2026, 10, 26));
    expect(october).toEqual([utc(2026, 10, 25, 0, 30)]); // 01:30 BST, the first of the two
  });
});

describe('a facilitator in Sydney', () => {
  const sundays = series({ startDate: '2026-03-01', startTime: '19:00', timeZone: 'Australia/Sydney', recurrence: { kind: 'weekly', days: ['su'], interval: 1 } });

  it('keeps a Sunday 19:00 meeting at 19:00 on the first Sunday of April and of October, the days the clocks change', () => {
    expect(starts(sundays, utc(2026, 3, 28), utc(2026, 4, 13))).toEqual([utc(2026, 3, 29, 8), utc(2026, 4, 5, 9), utc(2026, 4, 12, 9)]);
    expect(starts(sundays, utc(2026, 9, 26), utc(2026, 10, 12))).toEqual([utc(2026, 9, 27, 9), utc(2026, 10, 4, 8), utc(2026, 10, 11, 8)]);
  });

  it('shows a member in London the right time in the weeks when only one of the two cities has changed clocks', () => {
    const found = starts(sundays, utc(2026, 3, 21), utc(2026, 4, 13));
    expect(found.map((ms) => clock(ms, 'Europe/London'))).toEqual([
      '2026-03-22 08:00', // AEDT and GMT
      '2026-03-29 09:00', // London on BST from that morning
      '2026-04-05 10:00', // Sydney back on AEST
      '2026-04-12 10:00',
    ]);
    const october = starts(sundays, utc(2026, 9, 26), utc(2026, 11, 2));
    expect(october.map((ms) => clock(ms, 'Europe/London').slice(11))).toEqual(['10:00', '09:00', '09:00', '09:00', '08:00', '08:00']);
  });

  it('takes the first 02:30 on the April morning Sydney repeats that hour', () => {
    const once = series({ startDate: '2026-04-05', startTime: '02:30', timeZone: 'Australia/Sydney', recurrence: { kind: 'once' } });
    expect(starts(once, utc(2026, 4, 1), utc(2026, 4, 10))).toEqual([utc(2026, 4, 4, 15, 30)]); // 02:30 AEDT
  });
});

describe('a time the clocks skip or repeat in New York', () => {
  it('moves a meeting set for 02:30 on the spring-forward morning to 03:30, as calendar apps do', () => {
    const once = series({ startDate: '2026-03-08', startTime: '02:30', durationMinutes: 60, recurrence: { kind: 'once' } });
    const [meeting] = occurrencesBetween(once, utc(2026, 3, 1), utc(2026, 3, 15));
    expect(meeting).toEqual({ startsAt: utc(2026, 3, 8, 7, 30), endsAt: utc(2026, 3, 8, 8, 30), localDate: '2026-03-08' });
    expect(clock(meeting!.startsAt, 'America/New_York')).toBe('2026-03-08 03:30');
  });

  it('keeps a weekly 02:30 Sunday meeting at 02:30 the weeks before and after the skipped hour', () => {
    const sundays = series({ startDate: '2026-03-01', startTime: '02:30', recurrence: { kind: 'weekly', days: ['su'], interval: 1 } });
    expect(starts(sundays, utc(2026, 3, 1), utc(2026, 3, 16))).toEqual([utc(2026, 3, 1, 7, 30), utc(2026, 3, 8, 7, 30), utc(2026, 3, 15, 6, 30)]);
  });

  it('holds a meeting set for 01:30 on the fall-back morning at the first 01:30, for its full length in real time', () => {
    const once = series({ startDate: '2026-11-01', startTime: '01:30', durationMinutes: 60, recurrence: { kind: 'once' } });
    const [meeting] = occurrencesBetween(once, utc(2026, 10, 31), utc(2026, 11, 2));
    expect(meeting!.startsAt).toBe(utc(2026, 11, 1, 5, 30)); // 01:30 EDT
    expect(meeting!.endsAt).toBe(utc(2026, 11, 1, 6, 30)); // the second 01:30, now EST
    expect(wallClockInZone(meeting!.startsAt, 'America/New_York').offset).toBe('-04:00');
  });

  it('gives the same answer for the repeated hour whatever today’s date is', () => {
    const once = series({ startDate: '2026-11-01', startTime: '01:30', recurrence: { kind: 'once' } });
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const today of [utc(2026, 1, 15), utc(2026, 7, 15)]) {
      vi.setSystemTime(today);
      expect(starts(once, utc(2026, 10, 31), utc(2026, 11, 2))).toEqual([utc(2026, 11, 1, 5, 30)]);
    }
  });
});

describe('meetings every two weeks', () => {
  it('starts on the first chosen day after the start date and then skips a week each time', () => {
    const fortnightly = series({ startDate: '2026-03-07', recurrence: { kind: 'weekly', days: ['tu'], interval: 2 } });
    const found = occurrencesBetween(fortnightly, utc(2026, 3, 1), utc(2026, 4, 30));
    expect(found.map((o) => o.localDate)).toEqual(['2026-03-10', '2026-03-24', '2026-04-07', '2026-04-21']);
  });

  it('counts the weeks from the first meeting when the facilitator picks two days', () => {
    const mondaysAndThursdays = series({ startDate: '2026-03-04', recurrence: { kind: 'weekly', days: ['th', 'mo'], interval: 2 } });
    const found = occurrencesBetween(mondaysAndThursdays, utc(2026, 3, 1), utc(2026, 4, 6));
    expect(found.map((o) => o.localDate)).toEqual(['2026-03-05', '2026-03-16', '2026-03-19', '2026-03-30', '2026-04-02']);
    expect(found.every((o) => clock(o.startsAt, 'America/New_York').endsWith('19:00'))).toBe(true);
  });
});

describe('monthly meetings', () => {
  it('meets on the second Thursday of each month, at 18:00 in New York before and after the March change', () => {
    const secondThursday = series({ startDate: '2026-01-01', startTime: '18:00', recurrence: { kind: 'monthly_nth_weekday', nth: 2, day: 'th' } });
    const found = occurrencesBetween(secondThursday, utc(2026, 1, 1), utc(2026, 5, 1));
    expect(found.map((o) => o.localDate)).toEqual(['2026-01-08', '2026-02-12', '2026-03-12', '2026-04-09']);
    expect(found.map((o) => o.startsAt)).toEqual([utc(2026, 1, 8, 23), utc(2026, 2, 12, 23), utc(2026, 3, 12, 22), utc(2026, 4, 9, 22)]);
  });

  it('meets on the last Friday of each month, at noon in London through the year', () => {
    const lastFriday = series({ startDate: '2026-01-01', startTime: '12:00', timeZone: 'Europe/London', recurrence: { kind: 'monthly_nth_weekday', nth: -1, day: 'fr' } });
    const found = occurrencesBetween(lastFriday, utc(2026, 1, 1), utc(2027, 1, 1));
    expect(found.map((o) => o.localDate)).toEqual([
      '2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24', '2026-05-29', '2026-06-26',
      '2026-07-31', '2026-08-28', '2026-09-25', '2026-10-30', '2026-11-27', '2026-12-25',
    ]);
    expect(found[2]!.startsAt).toBe(utc(2026, 3, 27, 12)); // GMT, two days before the change
    expect(found[3]!.startsAt).toBe(utc(2026, 4, 24, 11)); // BST
    expect(found[9]!.startsAt).toBe(utc(2026, 10, 30, 12)); // GMT again
  });
});

describe('where a series ends', () => {
  it('includes a meeting on the last date the facilitator chose, and none after', () => {
    const found = occurrencesBetween(series({ until: '2026-03-17' }), utc(2026, 1, 1), utc(2027, 1, 1));
    expect(found.map((o) => o.localDate)).toEqual(['2026-02-24', '2026-03-03', '2026-03-10', '2026-03-17']);
  });

  it('stops after the number of meetings the facilitator chose, counting meetings rather than days', () => {
    const three = series({ startDate: '2026-03-07', count: 3, recurrence: { kind: 'weekly', days: ['tu'], interval: 2 } });
    const found = occurrencesBetween(three, utc(2026, 1, 1), utc(2027, 1, 1));
    expect(found.map((o) => o.localDate)).toEqual(['2026-03-10', '2026-03-24', '2026-04-07']);
    expect(occurrencesBetween(three, utc(2026, 3, 26), utc(2027, 1, 1)).map((o) => o.localDate)).toEqual(['2026-04-07']);
  });

  it('happens exactly once for a one-off meeting', () => {
    const once = series({ startDate: '2026-05-05', recurrence: { kind: 'once' } });
    expect(occurrencesBetween(once, utc(2026, 1, 1), utc(2027, 1, 1)).map((o) => o.localDate)).toEqual(['2026-05-05']);
  });
});

describe('asking for a window of time', () => {
  const tuesdays = series();
  const march3 = utc(2026, 3, 4, 0); // 19:00 EST on 3 March, 90 minutes long

  it('includes a meeting already under way, so a member arriving late still finds it', () => {
    expect(starts(tuesdays, march3 + HOUR, march3 + 2 * HOUR)).toEqual([march3]);
  });

  it('leaves out a meeting that ended as the window opens, or starts as it closes', () => {
    expect(starts(tuesdays, march3 + 90 * 60_000, march3 + 90 * 60_000 + HOUR)).toEqual([]);
    expect(starts(tuesdays, march3 - HOUR, march3)).toEqual([]);
  });

  it('returns nothing before the series starts, and no more than the limit asked for', () => {
    expect(starts(tuesdays, utc(2025, 1, 1), utc(2026, 2, 24))).toEqual([]);
    expect(occurrencesBetween(tuesdays, utc(2026, 1, 1), Number.MAX_SAFE_INTEGER, { limit: 2 }).map((o) => o.localDate)).toEqual(['2026-02-24', '2026-03-03']);
  });

  it('refuses a series that has not been validated, and a window that runs backwards', () => {
    expect(() => occurrencesBetween(series({ timeZone: 'Mars/Olympus_Mons' }), 0, 1)).toThrow(RangeError);
    expect(() => occurrencesBetween(tuesdays, utc(2026, 3, 2), utc(2026, 3, 1))).toThrow(RangeError);
  });
});

describe('the calendar export', () => {
  it('writes the facilitator’s zone and the first real meeting as DTSTART, and UNTIL in UTC', () => {
    const fortnightly = series({ startDate: '2026-03-07', until: '2026-03-24', recurrence: { kind: 'weekly', days: ['th', 'tu'], interval: 2 } });
    expect(toRRuleString(fortnightly)).toBe(
      'DTSTART;TZID=America/New_York:20260310T190000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;WKST=MO;UNTIL=20260324T230000Z',
    );
  });

  it('writes the last Friday of the month with a count, and a one-off meeting with no rule', () => {
    const lastFriday = series({ startDate: '2026-01-01', startTime: '12:00', timeZone: 'Europe/London', count: 6, recurrence: { kind: 'monthly_nth_weekday', nth: -1, day: 'fr' } });
    expect(toRRuleString(lastFriday)).toBe('DTSTART;TZID=Europe/London:20260130T120000\nRRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=-1FR;COUNT=6');
    expect(toRRuleString(series({ recurrence: { kind: 'once' }, timeZone: 'US/Eastern' }))).toBe('DTSTART;TZID=America/New_York:20260224T190000');
  });

  it('describes the same meeting dates that members see in Kindred', () => {
    const s = series({ startDate: '2026-03-04', count: 9, recurrence: { kind: 'weekly', days: ['mo', 'th'], interval: 2 } });
    const [dtstartLine, rruleLine] = toRRuleString(s).split('\n');
    const wallClock = dtstartLine!.split(':')[1]!; // 20260305T190000
    const dtstart = new Date(`${wallClock.slice(0, 4)}-${wallClock.slice(4, 6)}-${wallClock.slice(6, 8)}T19:00:00Z`);
    const fromExport = rrule.rrulestr(rruleLine!, { dtstart }).all().map((d) => d.toISOString().slice(0, 10));
    expect(fromExport).toEqual(occurrencesBetween(s, utc(2026, 1, 1), utc(2027, 1, 1)).map((o) => o.localDate));
    expect(fromExport).toHaveLength(9);
  });
});

describe('time zones', () => {
  it('accepts the IANA zones members and facilitators choose, and nothing else', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Sydney', 'UTC']) expect(isValidTimeZone(zone)).toBe(true);
    for (const zone of ['Mars/Olympus_Mons', '', '+03:00', ' Europe/London', 'America/New York', 42, undefined]) expect(isValidTimeZone(zone)).toBe(false);
  });

  it('stores a zone in its usual spelling', () => {
    expect(canonicalTimeZone('US/Eastern')).toBe('America/New_York');
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('Nowhere/Special')).toBeNull();
  });
});

describe('checking a facilitator’s series', () => {
  it('finds nothing wrong with a sensible weekly, monthly or one-off series', () => {
    expect(validateSeries(series())).toEqual({});
    expect(validateSeries(series({ until: '2026-12-31', recurrence: { kind: 'weekly', days: ['mo', 'we'], interval: 8 } }))).toEqual({});
    expect(validateSeries(series({ count: 12, recurrence: { kind: 'monthly_nth_weekday', nth: -1, day: 'fr' } }))).toEqual({});
    expect(validateSeries(series({ recurrence: { kind: 'once' } }))).toEqual({});
  });

  it('explains an unknown time zone, an empty day list and an interval out of range', () => {
    const problems = validateSeries(series({ timeZone: 'Mars/Olympus_Mons', recurrence: { kind: 'weekly', days: [], interval: 9 } }));
    expect(problems).toEqual({
      timeZone: "Kindred doesn't recognise that time zone. Please choose one from the list, such as America/New_York.",
      'recurrence.days': 'Please choose at least one day of the week.',
      'recurrence.interval': 'A meeting can repeat every week, or every 2 to 8 weeks.',
    });
    expect(validateSeries(series({ recurrence: { kind: 'weekly', days: ['tu'], interval: 0 } }))).toHaveProperty('recurrence.interval');
    expect(validateSeries(series({ recurrence: { kind: 'weekly', days: ['tu'], interval: 1.5 } }))).toHaveProperty('recurrence.interval');
    expect(validateSeries(series({ recurrence: { kind: 'weekly', days: ['tuesday' as 'tu'], interval: 1 } }))).toEqual({
      'recurrence.days': 'Please choose days of the week from the list.',
    });
  });

  it('keeps a meeting between 15 minutes and 4 hours long', () => {
    const tooLong = { durationMinutes: 'A meeting can last from 15 minutes to 4 hours.' };
    expect(validateSeries(series({ durationMinutes: 14 }))).toEqual(tooLong);
    expect(validateSeries(series({ durationMinutes: 241 }))).toEqual(tooLong);
    expect(validateSeries(series({ durationMinutes: 15 }))).toEqual({});
    expect(validateSeries(series({ durationMinutes: 240 }))).toEqual({});
  });

  it('explains a date or time that is not real', () => {
    expect(validateSeries(series({ startDate: '2026-02-30', startTime: '24:00' }))).toEqual({
      startDate: 'Please choose the date of the first meeting.',
      startTime: 'Please choose a start time, such as 19:00.',
    });
    expect(validateSeries(series({ startTime: '7pm' }))).toHaveProperty('startTime');
  });

  it('explains a monthly series without a real week or day', () => {
    expect(validateSeries(series({ recurrence: { kind: 'monthly_nth_weekday', nth: 5 as 1, day: 'xx' as 'mo' } }))).toEqual({
      'recurrence.nth': 'Please choose the first, second, third, fourth or last week of the month.',
      'recurrence.day': 'Please choose a day of the week.',
    });
    expect(validateSeries(series({ recurrence: { kind: 'daily' } as unknown as Series['recurrence'] }))).toEqual({
      'recurrence.kind': 'Please choose whether the meeting happens once, weekly or monthly.',
    });
  });

  it('explains an end that comes before the first meeting, or both an end date and a count', () => {
    // Starts on Saturday 7 March; the first Tuesday meeting is 10 March.
    expect(validateSeries(series({ startDate: '2026-03-07', until: '2026-03-09' }))).toEqual({
      until: 'The last date is before the first meeting. Please choose a later date.',
    });
    expect(validateSeries(series({ startDate: '2026-03-07', until: '2026-03-10' }))).toEqual({});
    expect(validateSeries(series({ until: '2026-12-31', count: 10 }))).toEqual({ count: 'Please choose an end date or a number of meetings, not both.' });
    expect(validateSeries(series({ count: 0 }))).toEqual({ count: 'The number of meetings can be from 1 to 500.' });
    expect(validateSeries(series({ until: 'soon' }))).toEqual({ until: 'Please choose the date of the last meeting.' });
  });
});
