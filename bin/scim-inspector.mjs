#!/usr/bin/env node
// `scim-inspector` as installed (package.json "bin"). An installed package runs the bundled CLI
// from dist-node/ (built by `npm run build:electron`); a checkout without a build runs the
// TypeScript source through tsx, so the command works the same in both.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist-node', 'cli.mjs');
const source = join(root, 'electron', 'host', 'cli', 'index.ts');

if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else if (existsSync(source)) {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('scim-inspector: this checkout has no build and tsx is not installed; run `npm ci` (or `npm run build`) first.\n');
    process.exit(1);
  }
  register();
  await import(pathToFileURL(source).href);
} else {
  process.stderr.write('scim-inspector: the CLI is missing from this installation (no dist-node/cli.mjs); reinstall scim-inspector.\n');
  process.exit(1);
}
