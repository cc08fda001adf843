// Result documents written as the work goes, so a 1M-resource listing or audit is never one
// string or one array in memory. With --json the document's array (Resources, findings) comes
// first, one item a line, and the fields only known at the end (complete, count, warnings,
// counts…) follow it in the same object; with --ndjson each item is one line and the summary goes
// to stderr. Either way stdout holds exactly one JSON value (or lines of them), also when the work
// fails midway: the document is then closed with complete: false and the error. Work that fails
// before its first item writes nothing to stdout (the error goes to stderr, as for any command).

import type { AppError } from '../../../shared/errors';
import type { RawItem, RawItems } from '../../core/scim/raw-items';
import type { Output } from './output';

/** Text gathered before one write to stdout: fewer, larger writes; never a whole document. */
const BATCH_CHARS = 64 * 1024;
const NEWLINE = Buffer.from('\n');
const COMMA_NEWLINE = Buffer.from(',\n');

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
 * With `raw` (the listing's RawItems), an item that arrived as bytes and holds no secret is written
 * as those bytes: they parse to exactly the verified item, and neither JSON.stringify nor the
 * UTF-8 encoding of stdout runs for it.
 */
export function openItemStream(out: Output, key: string, head: Record<string, unknown> = {}, raw?: RawItems): ItemStream {
  // What is gathered for the next write: text, and bytes once a raw item joins (then all bytes).
  let pending = '';
  let bytes: Uint8Array[] = [];
  let byteCount = 0;
  let count = 0;
  let closed = false;
  let started = false;
  const ndjson = out.ndjson && !out.json;
  if (!ndjson) {
    const fields = Object.entries(out.secrets.value(head)).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)},\n`);
    pending = `{\n${fields.join('')}${JSON.stringify(key)}: [\n`;
  }
  const pushBytes = (chunk: Uint8Array): void => {
    bytes.push(chunk);
    byteCount += chunk.byteLength;
  };
  const flush = (): void => {
    if (pending === '' && byteCount === 0) return;
    started = true;
    if (byteCount === 0) {
      out.raw(pending);
    } else {
      if (pending !== '') pushBytes(Buffer.from(pending));
      out.rawBytes(bytes.length === 1 ? (bytes[0] as Uint8Array) : Buffer.concat(bytes, byteCount));
      bytes = [];
      byteCount = 0;
    }
    pending = '';
  };
  /** The item's bytes when it has some and its page holds no form of any secret of the run. */
  const cleanBytes = (item: RawItem | undefined): Uint8Array | null => {
    if (item === undefined) return null;
    const { page } = item;
    const forms = out.secrets.forms();
    // Tested once per page, over its whole text: a text free of every form of every secret has no
    // slice that holds one (escapes never span the braces around a resource).
    if (page.verdict?.forms !== forms) page.verdict = { forms, clean: !out.secrets.test(page.source.text) };
    return page.verdict.clean ? page.source.bytes.subarray(item.start, item.end) : null;
  };
  return {
    get count() {
      return count;
    },
    item(value) {
      const slice = cleanBytes(raw?.of(value));
      if (slice !== null) {
        if (pending !== '') {
          pushBytes(Buffer.from(pending));
          pending = '';
        }
        if (!ndjson && count > 0) pushBytes(COMMA_NEWLINE);
        pushBytes(slice);
        if (ndjson) pushBytes(NEWLINE);
      } else {
        // Redacted as a value (a match is replaced inside its JSON string), only when it holds a secret.
        let text = JSON.stringify(value);
        if (out.secrets.test(text)) text = JSON.stringify(out.secrets.value(value));
        const piece = ndjson ? `${text}\n` : count === 0 ? text : `,\n${text}`;
        if (byteCount > 0) pushBytes(Buffer.from(piece));
        else pending += piece;
      }
      count += 1;
      if (pending.length + byteCount >= BATCH_CHARS) flush();
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

export interface SectionedDocument {
  /** Starts the next array (the previous one is closed); sections come in the document's key order. */
  section(key: string): void;
  item(value: unknown): void;
  drained(): Promise<void>;
  /** Closes the last array and the document. */
  close(): void;
}

/**
 * An object of arrays only (`{"added": […], "removed": […], "changed": […]}`), written item by item
 * as exactly the text `JSON.stringify(document, null, 2)` makes, so a streamed document reads
 * byte for byte as the one built whole did.
 */
export function openSectionedDocument(out: Output): SectionedDocument {
  let pending = '{\n';
  let sections = 0;
  let items = 0;
  const flush = (): void => {
    out.raw(pending);
    pending = '';
  };
  const endSection = (): void => {
    if (sections > 0) pending += items === 0 ? '[]' : '\n  ]';
  };
  return {
    section(key) {
      endSection();
      pending += `${sections === 0 ? '' : ',\n'}  ${JSON.stringify(key)}: `;
      sections += 1;
      items = 0;
    },
    item(value) {
      let text = JSON.stringify(value, null, 2);
      if (out.secrets.test(text)) text = JSON.stringify(out.secrets.value(value), null, 2);
      pending += `${items === 0 ? '[\n' : ',\n'}${text.replace(/^/gm, '    ')}`;
      items += 1;
      if (pending.length >= BATCH_CHARS) flush();
    },
    drained: () => out.drained(),
    close() {
      endSection();
      pending += '\n}\n';
      flush();
    },
  };
}
