// Opens browser mode in the user's browser without the per-launch secret in any command line:
// every local user can read every process's argv (`ps`), so the opener gets the path of a redirect
// file instead — readable only by this user (0600 in a 0700 folder), holding the URL with the
// secret — as Jupyter does. The file is removed when browser mode stops. Opening stays best effort:
// a headless machine has no opener, and the URL is printed to the terminal anyway.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensurePrivateDir, writePrivateFile } from '../core/io/private-files';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A page that sends the browser on to `url` at once (meta refresh; the link if that is off). */
export function redirectPage(url: string): string {
  const href = escapeHtml(url);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>SCIM Inspector</title></head>
<body><p>Opening SCIM Inspector… <a href="${href}">Continue</a>.</p></body></html>
`;
}

function spawnOpener(target: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [target]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', target]] : ['xdg-open', [target]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // ENOENT: no opener installed; the printed URL remains.
    child.unref();
  } catch {
    // spawn can throw synchronously on odd platforms; same reasoning as above.
  }
}

/**
 * Writes the redirect file into `runDir` (created private) and opens it. Resolves to a function
 * that removes the file (browser mode calls it when it stops).
 */
export async function openInBrowser(url: string, runDir: string): Promise<() => Promise<void>> {
  await ensurePrivateDir(runDir);
  const file = join(runDir, `open-${randomBytes(8).toString('hex')}.html`);
  await writePrivateFile(file, redirectPage(url), { exclusive: true, what: 'the page that opens browser mode' });
  spawnOpener(pathToFileURL(file).href);
  return () => rm(file, { force: true });
}
