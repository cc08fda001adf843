// Temp folders for tests, always removed: a run must leave nothing in the OS temp folder (checked by
// running the suite with a private TMPDIR). `testDir` belongs to the running test and is removed
// when it finishes, pass or fail; `removeDir` is for folders a file's hooks create.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A new folder under the OS temp folder, removed when the current test finishes. */
export async function testDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onTestFinished(() => removeDir(dir));
  return dir;
}

/** Removes a folder and everything in it; a folder already gone is fine. */
export function removeDir(dir: string | undefined): Promise<void> {
  return dir === undefined ? Promise.resolve() : rm(dir, { recursive: true, force: true });
}
