// The one request count the app shows (status bar and Request log page): main's, never a count of
// the events this window happened to receive. Main counts every call its session made (also those
// before this window subscribed, or before a reload) and how many its log still holds.

import type { RequestLogCounts } from '../../../shared/scim';

export const NO_CALLS: RequestLogCounts = { made: 0, held: 0, capacity: 0 };

/** The newer of two readings: main's counts only grow within a session, so more calls is newer. */
export function newerCounts(current: RequestLogCounts, next: RequestLogCounts): RequestLogCounts {
  return next.made >= current.made ? next : current;
}

/** "468 requests", with how many the log still holds when it has dropped the oldest. */
export function describeCounts(counts: RequestLogCounts, noun: string): string {
  const made = `${counts.made} ${noun}${counts.made === 1 ? '' : 's'} this session`;
  return counts.held < counts.made ? `${made} · the log keeps the last ${counts.held}` : made;
}
