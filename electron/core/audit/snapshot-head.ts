// The head of a saved snapshot — when, which tenant, its label — read without loading the whole
// file: both layouts saveSnapshot has written put the head fields on the first line, before the
// users ('{…,' then '"users":[' on the next line, or '{…,"users":['), so a listing of many
// 100k-user snapshots only reads (and un-gzips) a few kilobytes of each.

import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

export interface SnapshotHead {
  takenAt: string | null;
  baseUrl: string | null;
  label: string | null;
  tenantName: string | null;
}

/** Enough for the head with a discovery document in it; past this the file is not one of ours. */
const MAX_HEAD_BYTES = 4 * 1024 * 1024;

async function firstLine(path: string): Promise<string> {
  const gzipped = await new Promise<boolean>((resolve, reject) => {
    const probe = createReadStream(path, { start: 0, end: 1 });
    probe.once('data', (b) => resolve((b as Buffer)[0] === 0x1f && (b as Buffer)[1] === 0x8b));
    probe.once('end', () => resolve(false));
    probe.once('error', reject);
  });
  const raw = createReadStream(path);
  const source = gzipped ? raw.pipe(createGunzip()) : raw;
  let text = '';
  try {
    for await (const chunk of source) {
      text += (chunk as Buffer).toString('utf8');
      const end = text.indexOf('\n');
      if (end !== -1) return text.slice(0, end);
      if (text.length > MAX_HEAD_BYTES) break;
    }
    return text;
  } finally {
    raw.destroy();
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The head fields, or nulls when the file does not start the way saveSnapshot writes it. */
export async function readSnapshotHead(path: string): Promise<SnapshotHead> {
  const line = (await firstLine(path)).trim();
  let head: unknown = null;
  try {
    // The first line is the head object without its closing brace, then a comma (and "users":[).
    const fields = line.replace(/"users"\s*:\s*\[$/, '').replace(/,\s*$/, '');
    head = JSON.parse(fields.endsWith('}') ? fields : `${fields}}`);
  } catch {
    head = null;
  }
  const h = typeof head === 'object' && head !== null ? (head as Record<string, unknown>) : {};
  return { takenAt: str(h.takenAt), baseUrl: str(h.baseUrl), label: str(h.label), tenantName: str(h.tenantName) };
}
