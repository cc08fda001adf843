// Temp folders for tests, always removed: a run must leave nothing in the OS temp folder (checked by
// running the suite with a private TMPDIR). `testDir` belongs to the running test and is removed
// when it finishes, pass or fail; `removeDir` is for folders a file's hooks create.

import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, onTestFinished } from 'vitest';

/** A new folder under the OS temp folder, removed when the current test finishes. */
export async function testDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onTestFinished(() => removeDir(dir));
  return dir;
}

/**
 * A folder for a whole test file, called at its top level: the path now, the folder made before
 * the file's first test (this hook is registered before the file's own) and removed after its last.
 * A run that skips every test of the file (`-t`, the mutation runner's per-mutant runs) runs no
 * hooks and so creates nothing; a folder made at import would be left behind by each such run.
 */
export function fileDir(prefix: string): string {
  const dir = join(tmpdir(), `${prefix}${randomBytes(6).toString('hex')}`);
  beforeAll(() => mkdir(dir, { mode: 0o700 }));
  afterAll(() => removeDir(dir));
  return dir;
}

/** Removes a folder and everything in it; a folder already gone is fine. */
export function removeDir(dir: string | undefined): Promise<void> {
  return dir === undefined ? Promise.resolve() : rm(dir, { recursive: true, force: true });
}
