import { formatDateTime, formatRelative } from '../i18n';

/** "3 hours ago", with the exact date and time for those who want it. */
export function TimeAgo({ value }: { value: number }) {
  return (
    <time dateTime={new Date(value).toISOString()} title={formatDateTime(value)}>
      {formatRelative(value)}
    </time>
  );
}
