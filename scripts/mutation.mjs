// Mutation testing helpers around StrykerJS (config: stryker.config.mjs).
//
//   node scripts/mutation.mjs score [REPORT]   per-file scores of a mutation report (default: the
//                                              committed test/mutation/incremental.json)
//   node scripts/mutation.mjs changed          CI: mutation-test only the safety files changed since
//                                              the committed results (test/mutation/incremental.json),
//                                              re-testing only changed code; exit 1 when a file is
//                                              under 80 % or has no recorded result.
//   node scripts/mutation.mjs merge REPORT...  fold the reports of scoped runs (stryker run --mutate
//                                              FILES --incrementalFile REPORT) into the committed
//                                              results, newest last; other files' results are kept.
//
// Every print names the safety files with no recorded result ("not measured"), so a score is never
// read as covering files that were not run.
// A full run (`npm run test:mutation`) takes hours on 2 shared cores, far over CI's budget; the
// committed incremental file carries the recorded results, so `changed` re-tests only what changed
// since. `npm test` (and so CI) ends with `changed`: seconds when the recorded results are current,
// a scoped run of the changed safety files otherwise. Every file must reach the break on its own.

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import config from '../stryker.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const COMMITTED = config.incrementalFile;

/** The mutate globs as regular expressions (`**` any folders, `*` within one name). */
function globRegex(glob) {
  const source = glob
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}
const SAFETY = config.mutate.filter((g) => !g.startsWith('!')).map(globRegex);
const isSafetyFile = (path) => SAFETY.some((re) => re.test(path));

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** { file: { detected, undetected, score } } and the total, as Stryker counts them. */
function scores(report) {
  const rows = [];
  let detected = 0;
  let undetected = 0;
  for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const d = mutants.filter((m) => DETECTED.has(m.status)).length;
    const u = mutants.filter((m) => UNDETECTED.has(m.status)).length;
    detected += d;
    undetected += u;
    rows.push({ file, detected: d, undetected: u, score: d + u === 0 ? 100 : (100 * d) / (d + u) });
  }
  return { rows, total: { detected, undetected, score: detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected) } };
}

/** A barrel file (comments and `export { … } from '…'` only) has no code to mutate, so Stryker
 *  never lists it; it is named apart from the files that have no recorded result. */
function onlyReexports(path) {
  const text = readFileSync(join(root, path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  return /\S/.test(text) && text.replace(/export\s+(type\s+)?\{[^}]*\}\s+from\s+'[^']+';/g, '').trim() === '';
}

function printScores(path) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const { rows, total } = scores(report);
  for (const r of rows) console.log(`${r.score.toFixed(1).padStart(6)} %  ${String(r.detected).padStart(4)} / ${String(r.detected + r.undetected).padEnd(4)}  ${r.file}`);
  console.log(`${total.score.toFixed(1).padStart(6)} %  ${String(total.detected).padStart(4)} / ${String(total.detected + total.undetected).padEnd(4)}  all files measured (${path})`);
  const missing = git('ls-files').split('\n').filter((f) => isSafetyFile(f) && !(f in report.files));
  const reexports = missing.filter(onlyReexports);
  const unmeasured = missing.filter((f) => !reexports.includes(f));
  if (reexports.length > 0) console.log(`no mutants (only comments and \`export … from\` lines, nothing Stryker can change): ${reexports.join(', ')}`);
  if (unmeasured.length > 0) console.log(`not measured (no recorded result; run: stryker run --mutate FILE): ${unmeasured.join(', ')}`);
  return { rows, total, unmeasured };
}

/**
 * Whether recorded results meet the break threshold file by file (the bar is each safety
 * file, not their total): names each file under it. `only` limits the check to some files.
 */
function meetsBreak({ rows, unmeasured }, only = null) {
  const under = rows.filter((r) => (only === null || only.includes(r.file)) && r.score < config.thresholds.break);
  for (const r of under) console.log(`under the ${config.thresholds.break} % break: ${r.file} (${r.score.toFixed(1)} %)`);
  const missing = only === null ? unmeasured : unmeasured.filter((f) => only.includes(f));
  return under.length === 0 && missing.length === 0;
}

/**
 * The committed results with each scoped run's files put in, later runs winning. A run numbers its
 * tests from 0, and Stryker's incremental diff looks tests up by id across all files, so each
 * run's ids get the run's name as a prefix (in its tests and in its mutants' coveredBy/killedBy).
 */
function merge(reports) {
  if (reports.length === 0) throw new Error('merge: name the reports of the scoped runs');
  const target = join(root, COMMITTED);
  const out = existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : null;
  let merged = out;
  for (const path of reports) {
    const report = JSON.parse(readFileSync(path, 'utf8'));
    const prefix = `${basename(path).replace(/\.json$/, '')}:`;
    const id = (test) => (String(test).includes(':') ? String(test) : `${prefix}${test}`);
    for (const file of Object.values(report.files)) {
      for (const m of file.mutants) {
        if (m.coveredBy) m.coveredBy = m.coveredBy.map(id);
        if (m.killedBy) m.killedBy = m.killedBy.map(id);
      }
    }
    for (const file of Object.values(report.testFiles ?? {})) file.tests = file.tests.map((t) => ({ ...t, id: id(t.id) }));
    if (merged === null) {
      merged = report;
      continue;
    }
    Object.assign(merged.files, report.files);
    merged.testFiles ??= {};
    for (const [name, file] of Object.entries(report.testFiles ?? {})) {
      const old = merged.testFiles[name];
      const known = new Set(file.tests.map((t) => t.id));
      merged.testFiles[name] = old ? { ...file, tests: [...old.tests.filter((t) => !known.has(t.id)), ...file.tests] } : file;
    }
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(merged)}\n`);
  return printScores(target);
}

const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

function changedSafetyFiles() {
  // Since the commit that last recorded results; uncommitted changes count too.
  const base = process.env.MUTATION_BASE || git('log', '-1', '--format=%H', '--', COMMITTED);
  const names = base === '' ? git('ls-files') : `${git('diff', '--name-only', base, '--')}\n${git('ls-files', '--others', '--exclude-standard')}`;
  return { base, files: [...new Set(names.split('\n').filter((f) => f !== '' && isSafetyFile(f) && existsSync(join(root, f))))].sort() };
}

function changed() {
  const { base, files } = changedSafetyFiles();
  if (files.length === 0) {
    console.log(`mutation: no safety file changed since ${base.slice(0, 12)}; the recorded results stand:`);
    process.exit(meetsBreak(printScores(join(root, COMMITTED))) ? 0 : 1);
  }
  console.log(`mutation: ${files.length} safety file(s) changed since ${base ? base.slice(0, 12) : 'the start'}:\n  ${files.join('\n  ')}`);
  // A copy, so a partial run never overwrites the committed results of the other files.
  const scratch = join(root, 'reports/mutation/changed-incremental.json');
  mkdirSync(dirname(scratch), { recursive: true });
  if (existsSync(join(root, COMMITTED))) copyFileSync(join(root, COMMITTED), scratch);
  const run = spawnSync(process.execPath, [join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', '--mutate', files.join(','), '--incrementalFile', scratch], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  // Stryker breaks on the run's total; each changed file must meet the bar on its own too.
  console.log('mutation: the changed files as this run left them:');
  process.exit(meetsBreak(printScores(scratch), files) ? 0 : 1);
}

const [mode, arg] = process.argv.slice(2);
if (mode === 'score') process.exit(meetsBreak(printScores(arg ?? join(root, COMMITTED))) ? 0 : 1);
else if (mode === 'changed') changed();
else if (mode === 'merge') process.exit(meetsBreak(merge(process.argv.slice(3))) ? 0 : 1);
else {
  console.error('usage: node scripts/mutation.mjs score [REPORT] | changed | merge REPORT...');
  process.exit(2);
}
