// Files that hold people's data — snapshots, HAR, CSV exports, journals — are readable by their
// owner only, whatever the umask: 0600 files, and 0700 for the folders the app creates for them
// (the data folder, journals/, snapshots/, exports/). A folder the admin chose (Downloads, the
// folder of --out) keeps its own mode; only our file in it is private.

import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, sep } from 'node:path';
import { InspectorError } from '../../../shared/errors';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Owner-only, for a file that already exists (a temp file about to be renamed into place). */
export async function makePrivate(path: string): Promise<void> {
  await chmod(path, PRIVATE_FILE_MODE);
}

async function tighten(dir: string): Promise<void> {
  const { mode } = await stat(dir);
  if ((mode & 0o077) !== 0) await chmod(dir, mode & ~0o077 & 0o7777);
}

/**
 * Creates `dir` (and missing parents) owner-only, and tightens it if it exists with group or
 * other access: it is one of the app's own folders for personal data. `root`: an ancestor that is
 * the app's too (the data folder), tightened along with every folder between it and `dir`.
 */
export async function ensurePrivateDir(dir: string, root?: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const chain = [dir];
    if (root !== undefined && dir.startsWith(`${root}${sep}`)) {
      for (let up = dirname(dir); up.length >= root.length; up = dirname(up)) chain.push(up);
    }
    for (const folder of chain) await tighten(folder);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InspectorError('io', `Cannot create the private folder ${dir}: ${reason}. Check the permissions of its parent folder.`, { path: dir });
  }
}

/**
 * Writes `text` to `path` owner-only: to a temporary name first, renamed into place when complete,
 * so an existing file with looser permissions is replaced rather than kept as it was. `exclusive`:
 * refuse to replace an existing file (browser-mode exports never overwrite).
 */
export async function writePrivateFile(path: string, text: string, options: { exclusive?: boolean; what?: string } = {}): Promise<void> {
  const what = options.what ?? path;
  const temp = `${path}.partial-${process.pid}`;
  try {
    if (options.exclusive) {
      // Claims the name first: a second export of the same name gets EEXIST, never a replace.
      await writeFile(path, '', { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    }
    await writeFile(temp, text, { encoding: 'utf8', mode: PRIVATE_FILE_MODE, flag: 'w' });
    await makePrivate(temp); // an old temp file left by a crash kept its mode
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code ?? (error instanceof Error ? error.message : String(error));
    throw new InspectorError('io', `Could not write ${what}: ${reason}. ${code === 'EEXIST' ? 'A file of that name exists; nothing was replaced.' : 'Check the path, the free space and the folder’s permissions.'}`, { path });
  }
}
