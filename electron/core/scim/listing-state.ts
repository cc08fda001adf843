// What a listing has gathered so far: ids seen (for duplicate/missing detection), the resources
// kept (after local filter verification and the limit), warnings and progress. Each resource is
// held once, here; pages are not kept after they are added. A streaming listing (keep: false)
// holds no resource at all: they go to onPage as they are verified, and only the ids stay, in a
// compact set, so memory stays flat in the size of the tenant.

import type { ListProgress, ScimResource } from '../../../shared/scim';
import { CompactStringSet } from './compact-strings';
import type { Filter } from './filter';
import { matchesFilter } from './filter';
import type { ListOptions } from './types';

export class ListingState<T extends ScimResource> {
  readonly seen = new CompactStringSet();
  /** Resources kept for the outcome (none when the caller streams them through onPage). */
  readonly resources: T[] = [];
  /** Resources accepted so far (kept or streamed). */
  count = 0;
  private readonly warningList: string[] = [];
  /** Set when something means the result cannot be called complete (tenant changed, gaps...). */
  anomaly = false;
  /** The server returned a resource that does not match the filter it was sent. */
  filterIgnored = false;
  reportedTotal: number | null = null;
  private firstTotal: number | null | undefined = undefined;
  private totalMoved = false;
  pagesDone = 0;
  pagesTotal: number | null = null;
  limitReached = false;

  constructor(
    private readonly filter: Filter | null,
    private readonly limit: number | null,
    private readonly onPage: ListOptions['onPage'],
    private readonly keep = true,
  ) {}

  warn(message: string): void {
    if (!this.warningList.includes(message)) this.warningList.push(message);
  }

  get warnings(): string[] {
    return [...this.warningList];
  }

  /** Records a page's totalResults; a total that moves means the tenant changed mid-listing. */
  noteTotal(total: number | null): void {
    if (this.firstTotal === undefined) {
      this.firstTotal = total;
      this.reportedTotal = total;
      return;
    }
    if (total !== null && this.firstTotal !== null && total !== this.firstTotal && !this.totalMoved) {
      this.totalMoved = true;
      this.anomaly = true;
      this.warn(`totalResults changed during the listing (from ${this.firstTotal} to ${total}): the tenant changed while it was being read, so resources may be missing or doubled. List again.`);
    }
    if (total !== null) this.reportedTotal = Math.max(this.reportedTotal ?? 0, total);
  }

  /**
   * Adds resources in server order. Ids already seen are not added again; the count of those is
   * returned so the caller can decide whether they are an expected overlap or a problem.
   */
  add(items: readonly ScimResource[]): { added: number; duplicates: number } {
    const kept: T[] = [];
    let added = 0;
    let duplicates = 0;
    for (const item of items) {
      if (this.seen.has(item.id)) {
        duplicates += 1;
        continue;
      }
      this.seen.add(item.id);
      added += 1;
      if (this.filter && !matchesFilter(item, this.filter)) {
        this.filterIgnored = true;
        continue;
      }
      if (this.limit !== null && this.count >= this.limit) {
        this.limitReached = true;
        continue;
      }
      this.count += 1;
      if (this.keep) this.resources.push(item as T);
      kept.push(item as T);
    }
    if (this.limit !== null && this.count >= this.limit) this.limitReached = true;
    this.pagesDone += 1;
    this.onPage?.(kept, this.progress());
    return { added, duplicates };
  }

  /**
   * Resources found outside page order (e.g. the head of a 0-based server) go first; a streaming
   * listing has already handed out the others, so there they come last (the warning says why).
   */
  prepend(items: readonly ScimResource[]): number {
    const fresh = items.filter((item) => !this.seen.has(item.id));
    for (const item of fresh) this.seen.add(item.id);
    let kept: T[] = [];
    for (const item of fresh) {
      if (this.filter && !matchesFilter(item, this.filter)) this.filterIgnored = true;
      else kept.push(item as T);
    }
    if (this.keep) {
      this.resources.unshift(...kept);
      if (this.limit !== null && this.resources.length > this.limit) this.resources.length = this.limit;
      this.count = this.resources.length;
    } else {
      if (this.limit !== null) kept = kept.slice(0, Math.max(0, this.limit - this.count));
      this.count += kept.length;
    }
    if (kept.length > 0) this.onPage?.(kept, this.progress());
    return fresh.length;
  }

  progress(): ListProgress {
    return { pagesDone: this.pagesDone, pagesTotal: this.pagesTotal, resourcesDone: this.count, reportedTotal: this.reportedTotal };
  }
}
