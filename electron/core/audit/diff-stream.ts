// The snapshot diff between two files without holding either tenant: the same entries, in the same
// order, as diffSnapshots over both loaded snapshots (diff.ts), from a few line-by-line reads.
//  1. older: every resource's kind+id (compact set), name, and a 128-bit fingerprint of its JSON
//     without meta and schemas.
//  2. newer: ids the older lacks are added (kept compactly: they are output); ids whose
//     fingerprint differs are candidates, in the newer file's order.
//  3. added, then removed (older ids the newer never named) go to the sink.
//  4. changed, in rounds of a bounded size: read the older file for the round's candidates, then
//     the newer, diffing each pair (diffResources) as the newer file names it. A fingerprint is
//     only a shortcut to "no change": every candidate is diffed, so key order or member order
//     alone (no change to diffResources) is never reported.
// A file that repeats an id (never one written by a verified listing) is diffed in memory instead,
// since "the last one wins, in the first one's place" needs the whole list.

import { createHash } from 'node:crypto';
import type { FieldChange, SnapshotDiff } from '../../../shared/audit';
import type { ScimResource } from '../../../shared/scim';
import { diffResources } from '../patch';
import { CompactStringList, CompactStringSet, Uint32List, roomFor } from '../scim/compact-strings';
import { diffSnapshots, DIFF_IGNORED, nameOf } from './diff';
import { loadSnapshot, readSnapshot, type SnapshotSummary } from './snapshot-read';

type Entry = SnapshotDiff['added'][number];
type Changed = SnapshotDiff['changed'][number];

export interface DiffSink {
  /** Called before each list's entries, in order: added, removed, changed (also when a list is empty). */
  section?(list: 'added' | 'removed' | 'changed'): void;
  added?(entry: Entry): void;
  removed?(entry: Entry): void;
  changed?(entry: Changed): void;
  /** Awaited between chunks of output: a slow consumer holds the diff back. */
  drained?(): Promise<void>;
}

export interface FileDiff {
  counts: { added: number; removed: number; changed: number };
  before: SnapshotSummary;
  after: SnapshotSummary;
}

/** Characters of older resources' JSON held at once while the changed ones are diffed. */
export const DIFF_ROUND_CHARS = 16 * 1024 * 1024;
const FP = 16;
const SEEN = 1;
/** The fingerprint cannot speak for this resource (it holds -0, which JSON text writes as 0). */
const UNSURE = 2;
const IGNORED = new Set(DIFF_IGNORED.map((k) => k.toLowerCase()));

/** A growing byte array: per-resource flags and fingerprints beside the compact id set. */
class Bytes {
  data = Buffer.alloc(1 << 16);
  reserve(end: number): void {
    if (end > this.data.length) {
      const used = this.data.length;
      this.data = roomFor(this.data, used, end - used);
      this.data.fill(0, used);
    }
  }
}

/** The resource's JSON without the ignored attributes, and whether it holds a -0. */
function canonical(resource: ScimResource): { text: string; unsure: boolean } {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(resource)) if (!IGNORED.has(key.toLowerCase())) kept[key] = resource[key];
  let unsure = false;
  const text = JSON.stringify(kept, (_key, value: unknown) => {
    if (value === 0 && Object.is(value, -0)) unsure = true;
    return value;
  });
  return { text, unsure };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

const keyOf = (type: 'User' | 'Group', id: string): string => `${type === 'User' ? 'U' : 'G'}${id}`;
const entryOf = (key: string, name: string): Entry => ({ resourceType: key.startsWith('U') ? 'User' : 'Group', id: key.slice(1), name });

/** Calls `each` for a snapshot's users then groups, with their resource type. */
function readAll(path: string, each: (type: 'User' | 'Group', resource: ScimResource) => void, drained?: () => Promise<void>): Promise<SnapshotSummary> {
  return readSnapshot(path, { user: (u) => each('User', u), group: (g) => each('Group', g), ...(drained ? { drained } : {}) });
}

export async function diffSnapshotFiles(older: string, newer: string, sink: DiffSink, options: { roundChars?: number } = {}): Promise<FileDiff> {
  return (await streamed(older, newer, sink, options.roundChars ?? DIFF_ROUND_CHARS)) ?? inMemory(older, newer, sink);
}

async function inMemory(older: string, newer: string, sink: DiffSink): Promise<FileDiff> {
  const [a, b] = await Promise.all([loadSnapshot(older), loadSnapshot(newer)]);
  const diff = diffSnapshots(a, b);
  sink.section?.('added');
  for (const e of diff.added) sink.added?.(e);
  sink.section?.('removed');
  for (const e of diff.removed) sink.removed?.(e);
  sink.section?.('changed');
  for (const e of diff.changed) sink.changed?.(e);
  await sink.drained?.();
  const summary = ({ users, groups, ...fields }: typeof a): SnapshotSummary => ({ ...fields, users: users.length, groups: groups.length });
  return { counts: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length }, before: summary(a), after: summary(b) };
}

/** null when a file repeats an id (nothing has gone to the sink then). */
async function streamed(older: string, newer: string, sink: DiffSink, roundChars: number): Promise<FileDiff | null> {
  let repeated = false;
  // 1. The older snapshot, compactly.
  const ids = new CompactStringSet();
  const names = new CompactStringList();
  const sizes = new Uint32List();
  const prints = new Bytes();
  const flags = new Bytes();
  const before = await readAll(older, (type, resource) => {
    if (repeated || !ids.add(keyOf(type, resource.id))) return void (repeated = true);
    const i = ids.size - 1;
    names.push(nameOf(resource));
    const { text, unsure } = canonical(resource);
    sizes.push(text.length);
    prints.reserve((i + 1) * FP);
    digest(text).copy(prints.data, i * FP, 0, FP);
    flags.reserve(i + 1);
    if (unsure) flags.data[i] = UNSURE;
  });

  // 2. The newer one: what was added, and which pairs may have changed.
  const added = new CompactStringSet();
  const addedNames = new CompactStringList();
  const candidates = new Uint32List();
  if (repeated) return null;
  const after = await readAll(newer, (type, resource) => {
    if (repeated) return;
    const key = keyOf(type, resource.id);
    const i = ids.indexOf(key);
    if (i < 0) {
      if (!added.add(key)) repeated = true;
      addedNames.push(nameOf(resource));
      return;
    }
    if ((flags.data[i] as number) & SEEN) return void (repeated = true);
    flags.data[i] = (flags.data[i] as number) | SEEN;
    const { text, unsure } = canonical(resource);
    const same = !unsure && !((flags.data[i] as number) & UNSURE) && digest(text).compare(prints.data, i * FP, (i + 1) * FP, 0, FP) === 0;
    if (!same) candidates.push(i);
  });

  if (repeated) return null;

  // 3. Added, then removed.
  const pace = async (n: number): Promise<void> => {
    if (n % 512 === 511) await sink.drained?.();
  };
  sink.section?.('added');
  for (let k = 0; k < added.size; k += 1) {
    sink.added?.(entryOf(added.at(k), addedNames.at(k)));
    await pace(k);
  }
  let removed = 0;
  sink.section?.('removed');
  for (let i = 0; i < ids.size; i += 1) {
    if ((flags.data[i] as number) & SEEN) continue;
    sink.removed?.(entryOf(ids.at(i), names.at(i)));
    await pace(removed);
    removed += 1;
  }

  // 4. Changed, a round of candidates at a time (usually one round).
  let changed = 0;
  sink.section?.('changed');
  for (let start = 0; start < candidates.length; ) {
    let end = start + 1;
    for (let chars = sizes.get(candidates.get(start)); end < candidates.length && chars + sizes.get(candidates.get(end)) <= roundChars; end += 1) chars += sizes.get(candidates.get(end));
    const round = new Map<number, ScimResource | null>();
    for (let c = start; c < end; c += 1) round.set(candidates.get(c), null);
    let index = 0;
    await readAll(older, (_type, resource) => {
      if (round.has(index)) round.set(index, resource);
      index += 1;
    });
    await readAll(
      newer,
      (type, resource) => {
        if (round.size === 0) return;
        const i = ids.indexOf(keyOf(type, resource.id));
        const previous = round.get(i);
        if (!previous) return;
        round.delete(i);
        const fields: FieldChange[] = diffResources(previous, resource, { ignore: DIFF_IGNORED });
        if (fields.length === 0) return;
        changed += 1;
        sink.changed?.({ resourceType: type, id: resource.id, name: nameOf(resource), fields });
      },
      sink.drained,
    );
    start = end;
  }
  await sink.drained?.();
  return { counts: { added: added.size, removed, changed }, before, after };
}
