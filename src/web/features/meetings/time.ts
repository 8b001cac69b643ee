/** A meeting's time on the member's own clock, with the zone named plainly. */
export function when(ms: number, language: string): { date: string; time: string; zone: string } {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const at = new Date(ms);
  return {
    date: new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }).format(at),
    time: new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(at),
    zone: new Intl.DateTimeFormat(language, { timeZoneName: 'long', timeZone: zone }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? zone,
  };
}

/** The date and time of an instant on a zone's wall clock, as the move form takes them (2026-03-10, 19:00). */
export function wallClockIn(ms: number, zone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** How many minutes before the start the room opens (the server's rule). */
export const ROOM_OPENS_MS = 10 * 60_000;
