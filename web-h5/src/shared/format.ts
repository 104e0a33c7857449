import { shanghaiDateTime } from './schema';

/**
 * A server timestamp as Beijing time, '2025-03-01 08:05', whatever the phone's own time zone
 * (times are the bureau's, and must read the same on every phone); '' when unreadable.
 */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return shanghaiDateTime(date).slice(0, 16).replace('T', ' ');
}

/** The Beijing clock time of a server timestamp, '10:15' ('' when unreadable): 「截至 10:15」. */
export function formatClock(value: string | null | undefined): string {
  return formatDateTime(value).slice(11, 16);
}
