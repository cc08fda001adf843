// The journal of a deactivation run, held exclusively for the whole run, resume or undo: two
// processes working one journal would each re-check and write the same users. The lock is taken
// before the journal is read, so what a resume decides to do rests on a journal nobody else is
// appending to; a torn tail left by a crash is cut off before the first append.

import { access } from 'node:fs/promises';
import { InspectorError } from '../../../shared/errors';
import type { ScimClient } from '../scim/types';
import { openJournal, type JournalWriter } from '../journal/journal';
import { lockJournal } from '../journal/lock';
import type { DeactivationRecord } from './records';

/** Refuses before anything is looked up or journaled when the connection is read-only. */
export function refuseReadOnly(client: ScimClient, what: string): void {
  if (client.readOnly) {
    throw new InspectorError(
      'refused-read-only',
      `This profile is read-only, so ${what} is refused; nothing was looked up, journaled or sent. Edit the profile and turn off read-only if you mean to change this tenant.`,
    );
  }
}

export interface RunJournal {
  journal: JournalWriter<DeactivationRecord>;
  /** What the lock and the tail repair had to do, said to the admin. */
  warnings: string[];
}

/**
 * Runs `work` holding the journal at `path` exclusively (refused-in-use, exit 4, while another
 * running process holds it). `read` (resume, undo: `existing`) reads the journal under the lock and
 * before anything is repaired or appended, so a damaged journal is refused untouched.
 */
export async function withRunJournal<L, T>(path: string, existing: boolean, read: () => Promise<L>, work: (run: RunJournal, loaded: L) => Promise<T>): Promise<T> {
  if (existing) {
    await access(path).catch((error: NodeJS.ErrnoException) => {
      throw new InspectorError('invalid-input', `Cannot read the journal ${path}: ${error.code === 'ENOENT' ? 'there is no such file' : error.message}.`, { file: path });
    });
  }
  const lock = await lockJournal(path);
  const warnings: string[] = [];
  if (lock.tookOver) {
    warnings.push(`The journal was locked by process ${lock.tookOver.pid} (since ${lock.tookOver.at}), which no longer runs; its lock was taken over.`);
  }
  try {
    const loaded = await read();
    const journal = await openJournal<DeactivationRecord>(path, undefined, {
      lock,
      onRepair: (repair) =>
        warnings.push(
          repair.kind === 'truncated'
            ? `The journal ended with a torn line (${repair.bytes} bytes; the process stopped mid-write). It was cut off before appending; its target is re-checked.`
            : 'The journal ended with a complete record but no newline (the process stopped mid-write); the newline was added before appending.',
        ),
    });
    try {
      return await work({ journal, warnings }, loaded);
    } finally {
      await journal.close();
    }
  } finally {
    await lock.release();
  }
}
