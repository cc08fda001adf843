// The bytes each listed resource arrived as, for a consumer that writes resources out as JSON (the
// CLI's --json/--ndjson). A resource is registered only when the listing kept the parsed object
// itself (normalize found nothing to change), so its bytes parse to exactly the resource that was
// verified; anything normalised, or a page whose layout is not certain, has no entry and is
// serialised as before. Entries are weak: they go with the resources.

import type { JsonLayout } from '../io/json-layout';

/** A 2xx answer as received: the bytes, their decoded text (what JSON.parse read) and their layout. */
export interface BodySource {
  bytes: Buffer;
  text: string;
  /** scanJsonLayout of the bytes (null: it was not scanned). */
  layout: JsonLayout | null;
}

/** One page's body; `verdicts` caches a redactor's answer for the whole text (see RawItem). */
export interface RawPage {
  readonly source: BodySource;
  verdict?: { forms: readonly string[]; clean: boolean };
}

export interface RawItem {
  page: RawPage;
  /** Byte offsets in page.source.bytes. */
  start: number;
  end: number;
}

export class RawItems {
  private readonly items = new WeakMap<object, RawItem>();

  /** Registers resources[i] when it is parsed[i] itself; spans holds two byte offsets per element. */
  addPage(resources: readonly object[], parsed: readonly unknown[], spans: readonly number[], source: BodySource): void {
    if (spans.length !== parsed.length * 2) return;
    const page: RawPage = { source };
    for (let i = 0; i < resources.length && i < parsed.length; i += 1) {
      const resource = resources[i] as object;
      if (resource === parsed[i]) this.items.set(resource, { page, start: spans[2 * i] as number, end: spans[2 * i + 1] as number });
    }
  }

  of(resource: unknown): RawItem | undefined {
    return typeof resource === 'object' && resource !== null ? this.items.get(resource) : undefined;
  }
}
