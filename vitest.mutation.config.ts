// The tests StrykerJS runs against each mutant of the safety core (stryker.config.mjs): the unit and
// integration tests that exercise it in this process. Left out: tests whose work all happens in
// child processes (the spawned CLI, the crash test: a mutant there is never active, so they only
// cost time) and renderer, audit and sandbox tests that never reach the mutated files.
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Not mergeConfig: it would add these lists to the suite's instead of replacing them.
export default defineConfig({
  ...base,
  // Stryker runs tests in worker threads, where keytar's native binding crashes; the real binding
  // is called in a child process instead (see the file).
  resolve: { alias: { keytar: fileURLToPath(new URL('./test/support/keytar-in-child.ts', import.meta.url)) } },
  test: {
    ...base.test,
    // One worker, modules loaded once for all files: a mutant run then costs its tests, not a
    // re-import of the core per file (the set passes this way: 78 s instead of 230 s here).
    isolate: false,
    include: [
      'test/unit/{journal,edit,csv,vault,scim-listing,scim-transport,patch,secrets}/**/*.test.ts',
      'test/unit/profiles/{read-only,test-connection}.test.ts',
      'test/unit/host/features-{deactivate,deactivate-protected,edit}.test.ts',
      'test/integration/{deactivate,edit,journal,scim-listing,scim-transport,patch,vault}/**/*.test.ts',
    ],
    exclude: [...configDefaults.exclude, '**/crash.test.ts', '**/cli-*.test.ts'],
  },
});
