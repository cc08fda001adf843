// `serve` opens the browser without putting the per-launch secret in any command line (`ps` shows
// every user's argv): a real opener process (a stand-in `xdg-open` first on PATH) records its argv;
// it must get only the path of a 0600 redirect file in a 0700 folder, which holds the URL and is
// removed when browser mode stops.

import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWebHost } from '../../../electron/host/web';

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);
let dir: string;
const savedPath = process.env.PATH;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'browser-open-'));
  const opener = join(dir, 'bin', 'xdg-open');
  mkdirSync(dirname(opener), { recursive: true });
  writeFileSync(opener, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > "${join(dir, 'argv.tmp')}"\nmv "${join(dir, 'argv.tmp')}" "${join(dir, 'argv')}"\n`);
  chmodSync(opener, 0o755);
  process.env.PATH = `${dirname(opener)}:${savedPath ?? ''}`;
});
afterAll(() => {
  process.env.PATH = savedPath;
  rmSync(dir, { recursive: true, force: true });
});

async function recordedArgv(): Promise<string[]> {
  const file = join(dir, 'argv');
  for (let i = 0; i < 400 && !existsSync(file); i += 1) await new Promise((r) => setTimeout(r, 25));
  return readFileSync(file, 'utf8').trim().split('\n');
}

it('gives the opener a private redirect file, never the secret, and removes the file on close', async () => {
  const dataDir = join(dir, 'data');
  const host = await startWebHost({ open: true, dataDir, savedProfiles: false, sandboxUsers: 3, rendererDir: join(dir, 'no-renderer') });
  const secret = /#secret=(.+)$/.exec(host.url)?.[1] ?? '';
  expect(secret.length).toBeGreaterThan(20);
  let redirect = '';
  try {
    const argv = await recordedArgv();
    expect(argv.join(' ')).not.toContain(secret);
    expect(argv).toHaveLength(1);
    redirect = argv[0]?.startsWith('file:') ? fileURLToPath(argv[0]) : (argv[0] ?? '');
    expect(mode(redirect)).toBe('600');
    expect(mode(dirname(redirect))).toBe('700');
    expect(readFileSync(redirect, 'utf8')).toContain(host.url);
  } finally {
    await host.close();
  }
  expect(existsSync(redirect)).toBe(false);
});
