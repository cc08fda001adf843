// Issue 15, less CPU per page: a streamed listing writes each verified resource as the bytes the
// server sent (no JSON.stringify, no second UTF-8 encoding) — but only a resource the listing kept
// exactly as parsed, from a page whose layout is certain and whose text holds no secret. Served
// here over real HTTP, through the real transport and listing engine, into the CLI's item stream.

import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listResources } from '../../../electron/core/scim/listing';
import { RawItems } from '../../../electron/core/scim/raw-items';
import { createTransport } from '../../../electron/core/scim/transport';
import { redactorFor } from '../../../electron/core/secrets/index';
import { openItemStream } from '../../../electron/host/cli/json-stream';
import { createOutput } from '../../../electron/host/cli/output';
import { listenOnLoopback, type Listening } from '../../support/peers/http-server';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const SECRET = 'Tok-raw-items-Secret-77';

function user(i: number): Record<string, unknown> {
  return { schemas: [USER], id: `u${String(i).padStart(3, '0')}`, userName: `user${i}@example.com`, displayName: `Zoë Ωmega ${i}`, profileUrl: `https://x.example/p/${i}`, active: i % 2 === 0 };
}

/** How each page is written: PHP-style escapes, one pretty-printed page, a secret, odd spellings. */
function pageText(start: number, items: Record<string, unknown>[]): string {
  const doc = { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 12, startIndex: start, itemsPerPage: items.length, Resources: items };
  const escaped = (text: string): string => text.replace(/\//g, '\\/');
  // The engine asks for pages at 1, 3, 5… (a one-resource overlap with pages of 3).
  if (start === 5) return escaped(JSON.stringify(doc, null, 2)); // line breaks inside Resources
  // A duplicate Resources key: JSON.parse keeps the last, so which bytes to write is not certain.
  if (start === 9) return escaped(`{"resources":[],${JSON.stringify(doc).slice(1)}`);
  return escaped(JSON.stringify(doc));
}

function items(start: number): Record<string, unknown>[] {
  const out = [];
  for (let i = start; i < start + 3 && i <= 12; i += 1) {
    const u = user(i);
    if (i === 8) u.title = `holds ${SECRET}`; // the page at 7 (u007–u009) holds a secret
    if (i === 2) u.Active = 'True'; // needs normalising: a copy, not the parsed object
    if (i === 2) delete u.active;
    out.push(u);
  }
  return out;
}

let server: Listening;

beforeAll(async () => {
  server = await listenOnLoopback((req, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const start = Number(url.searchParams.get('startIndex') ?? 1);
    // Pages of 3 (a cap), one-resource overlap handled by the engine; startIndex 0 answers nothing new.
    const body = start < 1 ? pageText(1, []) : pageText(start, items(start));
    res.writeHead(200, { 'content-type': 'application/scim+json' });
    res.end(body);
  });
});

afterAll(async () => {
  await server?.close();
});

async function streamed(ndjson: boolean): Promise<{ stdout: string; resources: Record<string, unknown>[] }> {
  let stdout = '';
  const out = createOutput({ stdout: { write: (t) => (stdout += typeof t === 'string' ? t : Buffer.from(t).toString('utf8')) }, stderr: { write: () => true } }, { json: !ndjson, ndjson });
  out.secrets.add(redactorFor(SECRET));
  const transport = createTransport({ baseUrl: `${server.origin}/scim/v2`, token: () => Promise.resolve('t0ken-of-the-test') });
  const raw = new RawItems();
  const stream = openItemStream(out, 'Resources', {}, raw);
  const resources: Record<string, unknown>[] = [];
  try {
    const outcome = await listResources(transport, 'Users', {
      pageSize: 3,
      keep: false,
      rawItems: raw,
      onPage: (page) => {
        for (const r of page) {
          resources.push(JSON.parse(JSON.stringify(r)) as Record<string, unknown>);
          stream.item(r);
        }
        stream.flush();
      },
    });
    expect(outcome.complete).toBe(true);
    stream.close({ complete: outcome.complete, count: outcome.count });
  } finally {
    await transport.close();
  }
  return { stdout, resources };
}

describe('streamed resources written as the bytes they came in', () => {
  it('--ndjson: clean, unchanged resources are the server bytes; the rest serialised and redacted as before', async () => {
    const { stdout, resources } = await streamed(true);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(12);
    const byId = new Map(lines.map((l) => [(JSON.parse(l) as { id: string }).id, l]));
    // Every line is the verified resource (redacted where it holds the secret).
    for (const r of resources) {
      const shown = JSON.parse(byId.get(String(r.id)) ?? 'null') as Record<string, unknown>;
      expect(shown).toEqual(r.id === 'u008' ? { ...r, title: 'holds [redacted]' } : r);
    }
    // The server's own spelling ("\/") shows a line came as bytes; JSON.stringify writes "/".
    const asSent = (id: string): boolean => byId.get(id)?.includes('https:\\/\\/x.example') === true;
    expect(['u001', 'u003', 'u004', 'u005', 'u012'].every(asSent)).toBe(true);
    // Normalised (u002), first seen on a pretty-printed page (u006, u007), on a page with a secret
    // (u008, u009) or with two Resources keys (u010, u011): serialised from the parsed value.
    expect(['u002', 'u006', 'u007', 'u008', 'u009', 'u010', 'u011'].some(asSent)).toBe(false);
    expect(stdout).not.toContain(SECRET);
  });

  it('--json: the same resources in one valid document', async () => {
    const { stdout, resources } = await streamed(false);
    const doc = JSON.parse(stdout) as { Resources: Record<string, unknown>[]; complete: boolean };
    expect(doc.complete).toBe(true);
    expect(doc.Resources.map((r) => r.id)).toEqual(resources.map((r) => r.id));
    expect(doc.Resources.find((r) => r.id === 'u001')).toEqual(resources.find((r) => r.id === 'u001'));
    expect(stdout).toContain('https:\\/\\/x.example\\/p\\/1"');
    expect(stdout).not.toContain(SECRET);
  });
});
