// An exclusive lock on a journal file, held by one process at a time: `<journal>.lock`, created
// atomically (a complete file linked into place, so nobody ever reads a half-written lock) and
// holding the holder's pid, start time, boot id and host. A lock whose holder no longer runs is
// stale and taken over; a live holder gets a refusal naming its pid.
//
// Taking over is the racy part: two processes that both see the same stale lock must not both
// end up holding it. A breaker first takes `<journal>.lock.break` (the same atomic create), checks
// that the lock file still holds exactly the stale text it judged, and only then removes it; the
// lock itself is then taken by the normal atomic create, which only one process wins. The one
// remaining window is a breaker dying while holding `.break` (microseconds): the next breaker
// removes that file when its holder is dead too.

import { randomBytes } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { InspectorError } from '../../../shared/errors';
import { isLockHolder, liveness, thisProcess, type LockHolder } from './holder';

export interface JournalLock {
  readonly file: string;
  /** The dead process whose stale lock was taken over, if any (for a warning). */
  readonly tookOver: LockHolder | null;
  release(): Promise<void>;
}

export interface LockOptions {
  /** Wait this long for a live holder to let go (short appends); default 0: refuse at once. */
  waitMs?: number;
}

const RETRY_MS = 15;

export function lockFileOf(journalPath: string): string {
  return `${journalPath}.lock`;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Creates `path` holding `text`, atomically and only if absent; false when it exists. */
async function createExclusive(path: string, text: string): Promise<boolean> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}`;
  await writeFile(temp, text, { mode: 0o600, flag: 'wx' });
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined); // the temp name is ours alone; a leftover is harmless
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value: unknown = JSON.parse(text);
    return isLockHolder(value) ? value : null;
  } catch {
    return null;
  }
}

/** Removes `path` only while it still holds `expected` (another process may have replaced it). */
async function removeIfUnchanged(path: string, expected: string): Promise<void> {
  if ((await readText(path)) === expected) await unlink(path).catch(() => undefined);
}

/** Removes the stale lock `staleText` under the breaker lock; true when the caller should retry. */
async function breakStale(file: string, staleText: string, mine: string): Promise<void> {
  const breaker = `${file}.break`;
  if (!(await createExclusive(breaker, mine))) {
    const text = await readText(breaker);
    const holder = text === null ? null : parseHolder(text);
    if (text !== null && (holder === null || liveness(holder) === 'dead')) await removeIfUnchanged(breaker, text);
    else await sleep(RETRY_MS);
    return;
  }
  try {
    await removeIfUnchanged(file, staleText);
  } finally {
    await removeIfUnchanged(breaker, mine);
  }
}

function describe(holder: LockHolder): string {
  return `process ${holder.pid}${holder.pid === process.pid ? ' (this app)' : ''} on ${holder.host}, since ${holder.at}`;
}

/**
 * Takes the exclusive lock of `journalPath`. Refuses with refused-in-use (exit 4) while another
 * running process holds it; takes over a lock left by a process that no longer runs.
 */
export async function lockJournal(journalPath: string, options: LockOptions = {}): Promise<JournalLock> {
  const file = lockFileOf(journalPath);
  const me = thisProcess();
  const mine = `${JSON.stringify({ ...me, nonce: randomBytes(8).toString('hex') })}\n`;
  const deadline = Date.now() + (options.waitMs ?? 0);
  let tookOver: LockHolder | null = null;
  for (;;) {
    try {
      if (await createExclusive(file, mine)) break;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InspectorError('io', `Cannot create the lock ${file} for the journal: ${reason}. The journal's folder must be writable; nothing was sent.`, { file });
    }
    const text = await readText(file);
    if (text === null) continue; // released in between: try again
    const holder = parseHolder(text);
    if (holder === null) {
      throw new InspectorError('refused-in-use', `The lock ${file} is not one this app wrote, so the journal may be in use. If no SCIM Inspector is running on it, delete ${file} and try again.`, { file });
    }
    const state = liveness(holder);
    if (state === 'dead') {
      await breakStale(file, text, mine);
      tookOver = holder;
      continue;
    }
    if (Date.now() < deadline) {
      await sleep(RETRY_MS);
      continue;
    }
    const where =
      state === 'other-host'
        ? `another machine (${holder.host}, process ${holder.pid}) holds it; if nothing runs there any more, delete ${file}`
        : `${describe(holder)} is using it; wait for it to finish (or stop it) and try again`;
    throw new InspectorError('refused-in-use', `The journal ${journalPath} is in use: ${where}. Nothing was sent.`, { file, pid: holder.pid, host: holder.host });
  }
  return {
    file,
    tookOver,
    release: () => removeIfUnchanged(file, mine),
  };
}
