// Users by how long ago meta.lastModified was, at the snapshot's time: the Audit page's chart and
// the HTML report's. Counted one user at a time, so a streamed audit (CLI) counts them too.

import type { ScimUser } from '../../../shared/scim';

const DAY_MS = 86_400_000;
const AGE_BUCKETS: { label: string; maxDays: number }[] = [
  { label: '< 30 days', maxDays: 30 },
  { label: '30–90 days', maxDays: 90 },
  { label: '90–180 days', maxDays: 180 },
  { label: '180–365 days', maxDays: 365 },
  { label: '> 1 year', maxDays: Number.POSITIVE_INFINITY },
];

export type AgeBucket = { label: string; count: number };

export class AgeBuckets {
  private readonly counts = new Array<number>(AGE_BUCKETS.length + 1).fill(0);
  private readonly now: number;

  constructor(takenAt: string) {
    this.now = Date.parse(takenAt);
  }

  add(user: ScimUser): void {
    const at = typeof user.meta?.lastModified === 'string' ? Date.parse(user.meta.lastModified) : Number.NaN;
    const i = Number.isNaN(at) ? AGE_BUCKETS.length : AGE_BUCKETS.findIndex((b) => (this.now - at) / DAY_MS < b.maxDays);
    this.counts[i] = (this.counts[i] ?? 0) + 1;
  }

  /** The buckets in age order, the last one for users without a lastModified. */
  result(): AgeBucket[] {
    return [...AGE_BUCKETS.map((b, i) => ({ label: b.label, count: this.counts[i] ?? 0 })), { label: 'unknown', count: this.counts[AGE_BUCKETS.length] ?? 0 }];
  }
}

export function lastModifiedBuckets(snapshot: { takenAt: string; users: readonly ScimUser[] }): AgeBucket[] {
  const buckets = new AgeBuckets(snapshot.takenAt);
  for (const user of snapshot.users) buckets.add(user);
  return buckets.result();
}
