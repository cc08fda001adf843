// Repairing the end of a journal before appending to it, as a write-ahead log does after a crash.
// A process killed mid-append leaves a torn last line: a prefix of a record (or zeros, after a
// power loss on some file systems) with no newline. Appending straight onto it would glue the next
// record to the fragment and make both unreadable, so the fragment is cut off first. A complete
// record that only lacks its newline is kept and terminated. Anything else at the end is not ours
// and is never cut: the file is refused instead.

import type { FileHandle } from 'node:fs/promises';
import { InspectorError } from '../../../shared/errors';

const CHUNK = 64 * 1024;
/** Every record starts with this (openJournal writes `v` first). */
const RECORD_START = '{"v":1,';

export type TailRepair = { kind: 'none' } | { kind: 'truncated'; bytes: number } | { kind: 'terminated' };

/** Offset just past the last newline of the file (0 when it has none). */
async function afterLastNewline(handle: FileHandle, size: number): Promise<number> {
  const buffer = Buffer.alloc(CHUNK);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, end - start, start);
    const at = buffer.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (at !== -1) return start + at + 1;
    end = start;
  }
  return 0;
}

function isCompleteRecord(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && (value as Record<string, unknown>).v === 1;
  } catch {
    return false;
  }
}

/** A fragment a killed append can leave: a prefix of a record, or zero bytes from a power loss. */
function isTornRecord(text: string): boolean {
  const meaningful = text.replace(/\0+$/, '');
  return meaningful === '' || meaningful.startsWith(RECORD_START) || RECORD_START.startsWith(meaningful);
}

/**
 * Makes the file end on a record boundary. Call it holding the journal's lock, with `handle`
 * opened for appending; returns what it did so the caller can say so.
 */
export async function repairTail(handle: FileHandle, path: string): Promise<TailRepair> {
  const { size } = await handle.stat();
  if (size === 0) return { kind: 'none' };
  const boundary = await afterLastNewline(handle, size);
  if (boundary === size) return { kind: 'none' };
  const tail = Buffer.alloc(size - boundary);
  await handle.read(tail, 0, tail.length, boundary);
  const text = tail.toString('utf8');
  if (isCompleteRecord(text)) {
    await handle.appendFile('\n', 'utf8');
    await handle.sync();
    return { kind: 'terminated' };
  }
  if (!isTornRecord(text)) {
    throw new InspectorError(
      'invalid-input',
      `${path} ends with text that is not a journal record, so it is not a journal this app wrote (or it was edited); nothing was appended. Name a new file for the journal.`,
      { file: path },
    );
  }
  await handle.truncate(boundary);
  await handle.sync();
  return { kind: 'truncated', bytes: size - boundary };
}
