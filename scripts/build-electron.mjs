// Bundles Electron main and the preload to dist-electron/ with esbuild. Both are CommonJS: the
// preload must be (sandboxed preloads cannot load ESM), and main matches package.json "main".
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

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
await rm(`${root}dist-node`, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: `${outdir}/main.cjs`, target: 'node22' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: `${outdir}/preload.cjs`, target: 'chrome140' }),
  // The installed `scim-inspector` command (bin/scim-inspector.mjs runs it): ESM for Node 20,
  // npm dependencies left to node_modules.
  build({ ...common, entryPoints: ['electron/host/cli/index.ts'], outfile: `${root}dist-node/cli.mjs`, format: 'esm', target: 'node20', packages: 'external', logOverride: {} }),
]);
console.log('built dist-electron/main.cjs, dist-electron/preload.cjs and dist-node/cli.mjs');
