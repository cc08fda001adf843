// `npm start`: the desktop app where the Electron binary is installed; otherwise (these build
// machines cannot download it) say so and run browser mode on the sandbox tenant, building the
// renderer first if needed, and print the URL. Opening a browser is best effort.
// Env: SCIM_INSPECTOR_NO_OPEN=1 skips opening a browser; SCIM_INSPECTOR_PORT picks the port.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** Path of the Electron binary, or the reason there is none. */
function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path, or throws
    return typeof path === 'string' && existsSync(path) ? { path } : { reason: `the Electron binary is missing at ${String(path)}` };
  } catch (error) {
    return { reason: `the Electron binary is not installed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}

function run(script) {
  // Under `npm start`, npm_execpath is npm's own CLI; run directly, use the npm on PATH.
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', '--silent', script], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error || result.status !== 0) throw new Error(`npm run ${script} failed; fix the error above and retry.`);
}

async function browserMode() {
  if (!existsSync(join(root, 'dist/index.html'))) {
    console.log('Building the renderer first (npm run build:renderer)…');
    run('build:renderer');
  }
  const { tsImport } = await import('tsx/esm/api');
  const { startWebHost } = await tsImport('../electron/host/web.ts', import.meta.url);
  const port = Number(process.env.SCIM_INSPECTOR_PORT ?? 0);
  const host = await startWebHost({ port: Number.isInteger(port) ? port : 0, open: process.env.SCIM_INSPECTOR_NO_OPEN !== '1' });
  console.log(`SCIM Inspector (browser mode, sandbox tenant) is at:\n\n  ${host.url}\n\nOpen it in Chromium or Chrome. Press Ctrl-C to stop.`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    host.close().then(() => process.exit(0), (error) => {
      console.error('Stopping browser mode failed:', error);
      process.exit(1);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main() {
  const electron = electronBinary();
  if (electron.path) {
    if (!existsSync(join(root, 'dist/index.html')) || !existsSync(join(root, 'dist-electron/main.cjs'))) run('build');
    const child = spawn(electron.path, [root], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  console.log(`Desktop mode is unavailable: ${electron.reason}.\nStarting browser mode instead (for the desktop app, fetch Electron's binary on a machine with network: \`node node_modules/electron/install.js\`).\n`);
  await browserMode();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
