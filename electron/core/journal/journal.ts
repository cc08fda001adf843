// The append-only journal every write goes to: one JSON object a line, fsync'ed before the call
// returns, so that after a crash (even SIGKILL between two writes) the file says exactly which
// writes were intended and which completed. A torn last line — the process died mid-append — is
// reported and ignored on read, never taken for a record, and cut off before the next append (see
// tail.ts). Appends happen under the journal's lock: held for a whole run by the deactivation
// runs (one process per journal), or taken for each append where several processes share one
// journal (the change journal of the app and the CLI).

import { open, readFile, type FileHandle } from 'node:fs/promises';
import { InspectorError } from '../../../shared/errors';
import { PRIVATE_FILE_MODE } from '../io/private-files';
import { lockJournal, type JournalLock } from './lock';
import { repairTail, type TailRepair } from './tail';

export interface JournalRecordBase {
  /** Record schema version. */
  v: 1;
  /** ISO time the record was written. */
  at: string;
  type: string;
}

export interface JournalWriter<R extends { type: string }> {
  readonly path: string;
  append(record: R): Promise<void>;
  close(): Promise<void>;
}

export interface OpenJournalOptions {
  /**
   * The journal's lock, held by the caller for as long as it writes (a run). Without it each
   * append takes the lock for itself, waiting briefly for another process's append.
   */
  lock?: JournalLock;
  /** Told when a torn tail was cut off or terminated before the first append. */
  onRepair?: (repair: TailRepair) => void;
}

/** How long an append waits for another process's append to the same journal. */
const SHARED_APPEND_WAIT_MS = 10_000;

function ioError(path: string, doing: string, error: unknown): InspectorError {
  if (error instanceof InspectorError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new InspectorError('io', `${doing} ${path}: ${reason}. Check the disk and the folder's permissions; stop before retrying.`, { file: path });
}

/** Opens (creating if needed) a journal for appending. Appends are serialised and fsync'ed. */
export async function openJournal<R extends { type: string }>(path: string, now: () => Date = () => new Date(), options: OpenJournalOptions = {}): Promise<JournalWriter<R>> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'a+', PRIVATE_FILE_MODE); // read too: the tail is checked before appending
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InspectorError('io', `Cannot open the journal ${path}: ${reason}. Choose a writable location; nothing was sent.`, { file: path });
  }
  // A journal holds people's data: owner-only, also when an older version created it 0644. A file
  // owned by someone else (EPERM) keeps the mode its owner gave it.
  await handle.chmod(PRIVATE_FILE_MODE).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPERM') return;
    await handle.close();
    throw ioError(path, 'Cannot make private the journal', error);
  });
  const repair = async (): Promise<void> => {
    const done = await repairTail(handle, path);
    if (done.kind !== 'none') options.onRepair?.(done);
  };
  if (options.lock) {
    // Held for the whole run: the tail is repaired once, here, before anything is appended.
    try {
      await repair();
    } catch (error) {
      await handle.close();
      throw ioError(path, 'Could not repair the end of the journal', error);
    }
  }
  let queue: Promise<void> = Promise.resolve();
  return {
    path,
    append(record: R): Promise<void> {
      const line = `${JSON.stringify({ v: 1, at: now().toISOString(), ...record })}\n`;
      const next = queue.then(async () => {
        const lock = options.lock ? null : await lockJournal(path, { waitMs: SHARED_APPEND_WAIT_MS });
        try {
          if (lock) await repair(); // another process may have died mid-append since
          await handle.appendFile(line, 'utf8');
          await handle.sync();
        } finally {
          await lock?.release();
        }
      });
      // A failed append must surface to its caller and stop later appends from pretending order.
      queue = next.catch(() => undefined);
      return next.catch((error: unknown) => {
        throw ioError(path, 'Could not write to the journal', error);
      });
    },
    async close(): Promise<void> {
      await queue;
      await handle.close();
    },
  };
}

export interface JournalContents<R> {
  records: (R & JournalRecordBase)[];
  /** Set when the last line was cut short by a crash; that line is not in records. */
  tornTail: boolean;
}

/** Reads a journal; a malformed line other than a torn last line is a hard error. */
export async function readJournal<R>(path: string, isRecord: (value: unknown) => value is R & JournalRecordBase): Promise<JournalContents<R>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InspectorError('invalid-input', `Cannot read the journal ${path}: ${reason}.`, { file: path });
  }
  const lines = text.split('\n');
  const endsClean = text.endsWith('\n') || text === '';
  const records: (R & JournalRecordBase)[] = [];
  let tornTail = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const last = i === lines.length - 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      if (last && !endsClean) {
        tornTail = true;
        continue;
      }
      throw new InspectorError('invalid-input', `${path} line ${i + 1} is not a journal record (not JSON); the journal was edited or is not one.`, { file: path, line: i + 1 });
    }
    if (!isRecord(parsed)) {
      throw new InspectorError('invalid-input', `${path} line ${i + 1} is not a journal record this version understands.`, { file: path, line: i + 1 });
    }
    records.push(parsed);
  }
  return { records, tornTail };
}
