// Opens a URL in the user's browser for browser mode. Best effort by design: a headless machine
// has no xdg-open, and the URL is printed anyway, so failure to open is never an error.

import { spawn } from 'node:child_process';

export function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // ENOENT: no opener installed; the printed URL remains.
    child.unref();
  } catch {
    // spawn can throw synchronously on odd platforms; same reasoning as above.
  }
}
