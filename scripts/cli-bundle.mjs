// The CLI bundle (dist-node/cli.mjs): how it is built, and whether it is still fresh. Shared by
// scripts/build-electron.mjs and bin/scim-inspector.mjs, which in a checkout runs the bundle when
// it is newer than every source it is built from and rebuilds it first otherwise: through tsx
// the CLI starts in ~0.8 s, from the bundle in ~0.2 s.

import { readdirSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';

export const CLI_ENTRY = 'electron/host/cli/index.ts';
export const CLI_BUNDLE = 'dist-node/cli.mjs';
/** What the bundle is built from: the sources, and the npm packages it bundles (see BUNDLED). */
const SOURCE_DIRS = ['electron', 'shared'];
const SOURCE_FILES = ['package.json', 'scripts/cli-bundle.mjs'];
/** Rewritten by every npm install/ci: a changed dependency makes the bundle stale. */
const INSTALL_FILES = ['package-lock.json', 'node_modules/.package-lock.json'];

function newestSource(root) {
  let newest = 0;
  for (const file of SOURCE_FILES) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  for (const file of INSTALL_FILES) {
    try {
      newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
    } catch {
      // Not installed by npm (or no lockfile): nothing to compare.
    }
  }
  for (const dir of SOURCE_DIRS) {
    for (const name of readdirSync(join(root, dir), { recursive: true })) {
      if (!/\.(ts|tsx|mts|js|mjs|json)$/.test(name)) continue;
      newest = Math.max(newest, statSync(join(root, dir, name)).mtimeMs);
    }
  }
  return newest;
}

/** True when the bundle exists and no source is newer. */
export function cliBundleFresh(root) {
  let built;
  try {
    built = statSync(join(root, CLI_BUNDLE)).mtimeMs;
  } catch {
    return false;
  }
  return built >= newestSource(root);
}

/**
 * Packages left to node_modules: native addons and the Electron side. Every other dependency is
 * bundled: loaded from node_modules, conf, undici and the rest resolved, read and compiled about
 * 150 files at every start (~0.16 s of the ~0.38 s of CPU `--help` took), all of it before a
 * command that does not even use them could run.
 */
const EXTERNAL = ['keytar', 'electron', 'electron-store'];

/** esbuild options of the bundle: ESM for Node 20, one file but for the EXTERNAL packages. */
export function cliBuildOptions(root, outfile = join(root, CLI_BUNDLE)) {
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // Bundled CommonJS packages (undici) call require() for Node's own modules.
    banner: { js: "import { createRequire as __cliCreateRequire } from 'node:module'; const require = __cliCreateRequire(import.meta.url);" },
    sourcemap: process.env.NODE_ENV !== 'production',
    minify: process.env.NODE_ENV === 'production',
    logLevel: 'warning',
    absWorkingDir: root,
    entryPoints: [CLI_ENTRY],
    outfile,
  };
}

/**
 * Builds the bundle under a temporary name and renames it into place, so a CLI starting at the
 * same moment runs either the old bundle or the new one, never half a file.
 */
export async function buildCliBundle(root) {
  const { build } = await import('esbuild');
  const temp = join(root, `${CLI_BUNDLE}.${process.pid}.tmp.mjs`);
  await build(cliBuildOptions(root, temp));
  await rename(temp, join(root, CLI_BUNDLE));
  try {
    await rename(`${temp}.map`, join(root, `${CLI_BUNDLE}.map`));
  } catch {
    // No source map in production builds.
  }
}
