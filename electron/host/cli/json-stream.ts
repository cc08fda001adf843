// Result documents written as the work goes, so a 1M-resource listing or audit is never one
// string or one array in memory. With --json the document's array (Resources, findings) comes
// first, one item a line, and the fields only known at the end (complete, count, warnings,
// counts…) follow it in the same object; with --ndjson each item is one line and the summary goes
// to stderr. Either way stdout holds exactly one JSON value (or lines of them), also when the work
// fails midway: the document is then closed with complete: false and the error. Work that fails
// before its first item writes nothing to stdout (the error goes to stderr, as for any command).

import type { AppError } from '../../../shared/errors';
import type { Output } from './output';

/** Text gathered before one write to stdout: fewer, larger writes; never a whole document. */
const BATCH_CHARS = 64 * 1024;

export interface ItemStream {
  /** Items written so far. */
  readonly count: number;
  item(value: unknown): void;
  /** Writes what is gathered (call at the end of a page). */
  flush(): void;
  /** Resolves once stdout has taken what was written (await it before producing more). */
  drained(): Promise<void>;
  /** Ends the document with the fields known last; `error` when the work failed midway. */
  close(trailer: Record<string, unknown>, error?: AppError): void;
}

/**
 * `key` names the array in the --json document; `head` fields go before it (known at the start).
 * In --ndjson mode the items are lines and the trailer goes to stderr as {"summary": …}.
 */
export function openItemStream(out: Output, key: string, head: Record<string, unknown> = {}): ItemStream {
  let pending = '';
  let count = 0;
  let closed = false;
  let started = false;
  const ndjson = out.ndjson && !out.json;
  if (!ndjson) {
    const fields = Object.entries(out.secrets.value(head)).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)},\n`);
    pending = `{\n${fields.join('')}${JSON.stringify(key)}: [\n`;
  }
  const flush = (): void => {
    if (pending === '') return;
    started = true;
    out.raw(pending);
    pending = '';
  };
  return {
    get count() {
      return count;
    },
    item(value) {
      // Redacted as a value (a match is replaced inside its JSON string), only when it holds a secret.
      let text = JSON.stringify(value);
      if (out.secrets.test(text)) text = JSON.stringify(out.secrets.value(value));
      pending += ndjson ? `${text}\n` : count === 0 ? text : `,\n${text}`;
      count += 1;
      if (pending.length >= BATCH_CHARS) flush();
    },
    flush,
    drained: () => out.drained(),
    close(trailer, error) {
      if (closed) return;
      closed = true;
      if (error !== undefined && !started && count === 0) return;
      const tail = error === undefined ? trailer : { ...trailer, error };
      if (ndjson) {
        flush();
        out.info(JSON.stringify(out.secrets.value({ summary: tail })));
        return;
      }
      const body = JSON.stringify(out.secrets.value(tail), null, 2).slice(1, -1).trimEnd();
      pending += `${count === 0 ? '' : '\n'}]${body === '' ? '' : `,${body}`}\n}\n`;
      flush();
    },
  };
}
