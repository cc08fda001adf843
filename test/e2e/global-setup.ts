// Starts browser mode on the sandbox tenant once for the whole run and hands its URL (and the
// folder its exports go to) to the specs through the environment. The renderer (dist/) and the
// Electron host (dist-electron/) are rebuilt first whenever a source they are built from is newer
// than the build, so a spec never tests yesterday's UI. Its data and export folders are in a fresh
// temp folder, removed with everything in it when the run ends.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost } from '../../electron/host/web';

export const E2E_URL_ENV = 'SCIM_INSPECTOR_E2E_URL';
export const E2E_EXPORTS_ENV = 'SCIM_INSPECTOR_E2E_EXPORTS';

const root = join(import.meta.dirname, '../..');

/** Newest modification time (ms) of the files under these paths; 0 when there are none. */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
  };
  for (const path of paths) visit(path);
  return newest;
}

/** True when `output` is missing or older than any of the sources. */
export function isStale(output: string, sources: readonly string[]): boolean {
  return !existsSync(output) || statSync(output).mtimeMs < newestMtime(sources);
}

const at = (...paths: string[]): string[] => paths.map((p) => join(root, p));
/** What dist/ is built from (vite.config.ts: renderer/ plus the shared contract it imports). */
export const RENDERER_SOURCES = at('renderer', 'shared', 'vite.config.ts', 'package.json');
/** What dist-electron/ is built from (scripts/build-electron.mjs: main and preload bundles). */
export const HOST_SOURCES = at('electron', 'shared', 'scripts/build-electron.mjs', 'package.json');

function build(what: string, args: string[]): void {
  console.log(`[e2e] ${what} sources are newer than the build: rebuilding`);
  execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit', timeout: 300_000 });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (isStale(join(root, 'dist/index.html'), RENDERER_SOURCES)) build('renderer', [join(root, 'node_modules/vite/bin/vite.js'), 'build']);
  if (isStale(join(root, 'dist-electron/main.cjs'), HOST_SOURCES)) build('Electron host', [join(root, 'scripts/build-electron.mjs')]);
  // Its data folder (journals, snapshots) and export folder: never the developer's own.
  const home = await mkdtemp(join(tmpdir(), 'scim-inspector-e2e-'));
  const exportDir = join(home, 'exports');
  const host = await startWebHost({ rendererDir: join(root, 'dist'), sandboxUsers: 3000, open: false, savedProfiles: false, dataDir: home, exportDir });
  process.env[E2E_URL_ENV] = host.url;
  process.env[E2E_EXPORTS_ENV] = exportDir;
  return async () => {
    await host.close();
    await rm(home, { recursive: true, force: true });
  };
}
