/**
 * A span of time in words, as a person would say it: "4 minutes", "1 hour, 20 minutes", "3 days".
 * Returns null under a minute, for the caller's own words ("under a minute").
 */
export function durationWords(seconds: number, language: string): string | null {
  if (seconds < 60) return null;
  const unit = (value: number, name: 'minute' | 'hour' | 'day') => new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    if (rest === 0 || hours >= 10) return unit(Math.round(minutes / 60), 'hour');
    try {
      return new Intl.ListFormat(language, { type: 'unit', style: 'long' }).format([unit(hours, 'hour'), unit(rest, 'minute')]);
    } catch {
      return `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
    }
  }
  return unit(Math.round(hours / 24), 'day');
}
