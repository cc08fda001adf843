// Mutation testing of the safety core (issue 19): `npm run test:mutation`. Each mutant (a small,
// plausible bug put into one of the files below) must make a test fail; the score is the share that
// did. Incremental: results are kept in test/mutation/incremental.json (committed), so a run only
// re-tests mutants in changed code or covered by changed tests. Run under with-keyring.sh (the
// keychain vault is mutated too). See README "Mutation testing" for the score and how CI runs it.
// @ts-check
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'electron/core/scim/listing*.ts',
    'electron/core/scim/request-log.ts',
    'electron/core/scim/retry.ts',
    // the write guard: a read-only connection refuses every write before it is sent
    'electron/core/scim/resources.ts',
    'electron/core/deactivate/**/*.ts',
    'electron/core/journal/**/*.ts',
    'electron/core/edit/**/*.ts',
    'electron/core/patch/request.ts',
    'electron/core/patch/verify.ts',
    'electron/core/csv/**/*.ts',
    'electron/core/vault/**/*.ts',
  ],
  // Mutants of code that runs once, at import (module constants): each would need every test file
  // re-imported, and in a measured run they were 17 % of the mutants but 62 % of the time.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'test/mutation/incremental.json',
  thresholds: { high: 90, low: 80, break: 80 },
  // Two cores, shared: one runner each. Busy machines make tests slow, not infinite.
  concurrency: 2,
  // A timed-out mutant counts as detected, so the limit must be far above a slow run of the tests:
  // with 20 s at load 28 (seven engineers on 2 cores), 27 of deactivate/plan.ts's 89 mutants "timed
  // out", harmless ones among them (a placeholder string no test could see). Above vitest's own
  // testTimeout (30 s), a mutant that really hangs a test fails that test, and is killed, first.
  timeoutMS: 60_000,
  timeoutFactor: 4,
  dryRunTimeoutMinutes: 20,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'dist-electron', 'dist-node', 'release', 'test-results', 'reports', 'playwright-report', '.stryker-tmp'],
};
export default config;
