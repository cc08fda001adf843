#!/usr/bin/env node
// `scim-inspector` (package.json "bin", and `npm run cli`). Runs the bundled CLI, dist-node/cli.mjs:
// in a checkout it is rebuilt first when any source is newer than it (a few ms to check, about a
// second to rebuild), so the command always runs the current code at the bundle's start-up speed.
// An installed package without sources runs the bundle it ships. Without esbuild (a checkout
// installed without dev dependencies) the TypeScript source runs through tsx instead.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist-node', 'cli.mjs');
const source = join(root, 'electron', 'host', 'cli', 'index.ts');

async function runSourceWithTsx() {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('scim-inspector: this checkout has no build and neither esbuild nor tsx is installed; run `npm ci` first.\n');
    process.exit(1);
  }
  register();
  await import(pathToFileURL(source).href);
}

if (!existsSync(source)) {
  if (!existsSync(built)) {
    process.stderr.write('scim-inspector: the CLI is missing from this installation (no dist-node/cli.mjs); reinstall scim-inspector.\n');
    process.exit(1);
  }
  await import(pathToFileURL(built).href);
} else {
  const { buildCliBundle, cliBundleFresh } = await import(pathToFileURL(join(root, 'scripts', 'cli-bundle.mjs')).href);
  let ready = cliBundleFresh(root);
  if (!ready) {
    try {
      await buildCliBundle(root);
      ready = true;
    } catch (error) {
      process.stderr.write(`scim-inspector: could not build the CLI bundle (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); running the source through tsx.\n`);
    }
  }
  if (ready) await import(pathToFileURL(built).href);
  else await runSourceWithTsx();
}
