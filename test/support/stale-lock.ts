// Locks left behind by processes that no longer run, for the journal lock tests.

import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { lockFileOf } from '../../electron/core/journal/lock';
import { thisProcess, type LockHolder } from '../../electron/core/journal/holder';

/** A process that has exited and been reaped: its pid is free (until the OS reuses it). */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** Writes the lock of the journal at `path` as `holder` (this process's fields unless given); its text. */
export async function plantLock(path: string, holder: Partial<LockHolder>): Promise<string> {
  const text = `${JSON.stringify({ ...thisProcess(), ...holder })}\n`;
  await writeFile(lockFileOf(path), text);
  return text;
}
