// What a listing has gathered so far: ids seen (for duplicate/missing detection), the resources
// kept (after local filter verification and the limit), warnings and progress. Each resource is
// held once, here; pages are not kept after they are added.

import type { ListProgress, ScimResource } from '../../../shared/scim';
import type { Filter } from './filter';
import { matchesFilter } from './filter';
import type { ListOptions } from './types';

export class ListingState<T extends ScimResource> {
  readonly seen = new Set<string>();
  readonly resources: T[] = [];
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
      if (this.limit !== null && this.resources.length >= this.limit) {
        this.limitReached = true;
        continue;
      }
      this.resources.push(item as T);
      kept.push(item as T);
    }
    if (this.limit !== null && this.resources.length >= this.limit) this.limitReached = true;
    this.pagesDone += 1;
    this.onPage?.(kept, this.progress());
    return { added, duplicates };
  }

  /** Resources found outside page order (e.g. the head of a 0-based server) go first. */
  prepend(items: readonly ScimResource[]): number {
    const fresh = items.filter((item) => !this.seen.has(item.id));
    for (const item of fresh) this.seen.add(item.id);
    const kept: T[] = [];
    for (const item of fresh) {
      if (this.filter && !matchesFilter(item, this.filter)) this.filterIgnored = true;
      else kept.push(item as T);
    }
    this.resources.unshift(...kept);
    if (this.limit !== null && this.resources.length > this.limit) this.resources.length = this.limit;
    if (kept.length > 0) this.onPage?.(kept, this.progress());
    return fresh.length;
  }

  progress(): ListProgress {
    return { pagesDone: this.pagesDone, pagesTotal: this.pagesTotal, resourcesDone: this.resources.length, reportedTotal: this.reportedTotal };
  }
}
