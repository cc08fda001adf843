// Bundles Electron main and the preload to dist-electron/ with esbuild. Both are CommonJS: the
// preload must be (sandboxed preloads cannot load ESM), and main matches package.json "main".
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildCliBundle } from './cli-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist-electron`;
const production = process.env.NODE_ENV === 'production';

await rm(outdir, { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  // electron is provided by the runtime; keytar is a native module loaded at run time.
  external: ['electron', 'keytar'],
  // static-files.ts reads import.meta.url only in browser mode (ESM via tsx); main passes its dir.
  logOverride: { 'empty-import-meta': 'silent' },
};
await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: `${outdir}/main.cjs`, target: 'node22' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: `${outdir}/preload.cjs`, target: 'chrome140' }),
  // The `scim-inspector` command (bin/scim-inspector.mjs runs it); replaced in place, never
  // removed first, so a CLI starting meanwhile still finds one.
  buildCliBundle(root),
]);
console.log('built dist-electron/main.cjs, dist-electron/preload.cjs and dist-node/cli.mjs');
