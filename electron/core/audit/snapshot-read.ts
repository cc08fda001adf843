// Reading snapshot files line by line, never as one string: each user and group is parsed from
// its own line(s) and handed to a visitor, so an audit of 1M users holds what it keeps, not the
// file. Reads both layouts SCIM Inspector has written (complete/warnings before the arrays, or
// after them) and pretty-printed JSON (an element over several lines); a file in any other layout
// (one long line) is parsed whole only while it is small enough to be.

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { InspectorError } from '../../../shared/errors';
import type { Snapshot } from '../../../shared/audit';
import type { ScimGroup, ScimUser } from '../../../shared/scim';
import { validateSnapshot, validateSnapshotFields, type SnapshotFields } from './snapshot-validate';

export interface SnapshotVisitor {
  /**
   * The fields before the arrays (format, version, takenAt, baseUrl, discovery), once, first. In
   * files that put complete/warnings after the arrays, those are known only in the summary.
   */
  head?(fields: SnapshotFields): void;
  user?(user: ScimUser): void;
  group?(group: ScimGroup): void;
  /** Awaited after each chunk of the file: a consumer writing output applies backpressure here. */
  drained?(): Promise<void>;
}

export interface SnapshotSummary extends SnapshotFields {
  users: number;
  groups: number;
}

/** One line (or, for a layout that is not line-based, the whole text) larger than this is refused. */
const MAX_PIECE_CHARS = 256 * 1024 * 1024;

type State = 'head' | 'users' | 'between' | 'groups' | 'tail';
const OPENS_USERS = /(,|\{)\s*"users"\s*:\s*\[\s*$/;
const OPENS_GROUPS = /"groups"\s*:\s*\[\s*$/;

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Reads the snapshot at `path`, calling the visitor for each user and group; resolves to its fields and counts. */
export async function readSnapshot(path: string, visitor: SnapshotVisitor = {}): Promise<SnapshotSummary> {
  const bad = (what: string): never => {
    throw new InspectorError('invalid-input', `${path} is not a usable snapshot: ${what}.`, { file: path });
  };
  let state: State = 'head';
  let text = ''; // head, between or tail text, or an element spread over several lines
  let head: Record<string, unknown> = {};
  let users = 0;
  let groups = 0;

  const element = (line: string): void => {
    const full = text === '' ? line : `${text}\n${line}`;
    let end = full.length;
    while (end > 0 && (full.charCodeAt(end - 1) === 0x2c || full.charCodeAt(end - 1) <= 0x20)) end -= 1; // trailing , and space
    let start = 0;
    while (start < end && (full.charCodeAt(start) === 0x2c || full.charCodeAt(start) <= 0x20)) start += 1;
    if (start === end) return;
    if (full.charCodeAt(end - 1) !== 0x7d) {
      text = full; // not the end of an object yet (pretty-printed)
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(start > 0 || end < full.length ? full.slice(start, end) : full);
    } catch {
      // An inner object of a pretty-printed element closed here; the element goes on.
      text = full;
      if (text.length > MAX_PIECE_CHARS) bad(`a ${state === 'users' ? 'user' : 'group'} is not valid JSON`);
      return;
    }
    text = '';
    if (typeof value !== 'object' || value === null || typeof (value as { id?: unknown }).id !== 'string') {
      bad(`${state === 'users' ? 'user' : 'group'} #${(state === 'users' ? users : groups) + 1} has no id`);
    }
    if (state === 'users') {
      users += 1;
      visitor.user?.(value as ScimUser);
    } else {
      groups += 1;
      visitor.group?.(value as ScimGroup);
    }
  };

  const line = (raw: string): void => {
    if (state === 'users' || state === 'groups') {
      const first = raw.trimStart();
      if (text === '' && first.startsWith(']')) {
        state = state === 'users' ? 'between' : 'tail';
        text = first.slice(1);
        if (state === 'between' && OPENS_GROUPS.test(text)) ({ state, text } = { state: 'groups', text: '' });
        return;
      }
      element(raw);
      return;
    }
    text = text === '' ? raw : `${text}\n${raw}`;
    if (text.length > MAX_PIECE_CHARS) bad('it is not in a layout SCIM Inspector can read piece by piece (a line over 256 MB)');
    if (state === 'head' && OPENS_USERS.test(text)) {
      const opened = text.replace(OPENS_USERS, (_m, before: string) => (before === '{' ? '{}' : '}'));
      head = parseObject(opened) ?? bad('its first line is not JSON');
      visitor.head?.(validateSnapshotFields(head, path));
      ({ state, text } = { state: 'users', text: '' });
    } else if (state === 'between' && OPENS_GROUPS.test(text)) {
      ({ state, text } = { state: 'groups', text: '' });
    }
  };

  try {
    const raw = createReadStream(path);
    const source: AsyncIterable<Buffer> = (await isGzip(path)) ? raw.pipe(createGunzip()) : raw;
    let pending: Buffer[] = [];
    for await (const chunk of source) {
      let start = 0;
      for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
        const piece = pending.length === 0 ? chunk.toString('utf8', start, nl) : Buffer.concat([...pending, chunk.subarray(start, nl)]).toString('utf8');
        pending = [];
        line(piece);
        start = nl + 1;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
      await visitor.drained?.();
    }
    if (pending.length > 0) line(Buffer.concat(pending).toString('utf8'));
  } catch (error) {
    if (error instanceof InspectorError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InspectorError('io', `Could not read the snapshot ${path}: ${reason}`, { file: path });
  }

  if (state === 'head') return wholeFile(path, text, visitor);
  if (state !== 'tail') bad(state === 'between' ? 'users or groups are missing' : 'it ends before its last array is closed (the file is cut short)');
  const tail = parseObject(`{${text.replace(/^\s*,/, '')}`) ?? bad('its last line is not JSON (the file is cut short)');
  return { ...validateSnapshotFields({ ...head, ...tail }, path), users, groups };
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A snapshot not in a line layout (hand-made, one line): small enough to have been read whole. */
function wholeFile(path: string, text: string, visitor: SnapshotVisitor): SnapshotSummary {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InspectorError('invalid-input', `${path} is not a snapshot file (not valid JSON). Take one with \`scim-inspector snapshot --out FILE\`.`, { file: path });
  }
  const snapshot = validateSnapshot(parsed, path);
  const { users, groups, ...fields } = snapshot;
  visitor.head?.(fields);
  for (const user of users) visitor.user?.(user);
  for (const group of groups) visitor.group?.(group);
  return { ...fields, users: users.length, groups: groups.length };
}

/** The whole snapshot in memory (the app's audit view and diffs work on one). */
export async function loadSnapshot(path: string): Promise<Snapshot> {
  const users: ScimUser[] = [];
  const groups: ScimGroup[] = [];
  const fields = await readSnapshot(path, { user: (u) => void users.push(u), group: (g) => void groups.push(g) });
  return { ...fields, users, groups };
}
