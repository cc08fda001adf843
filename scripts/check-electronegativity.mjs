// Runs electronegativity over electron/ and fails on any high-severity finding. The tool exits 0
// whatever it finds and its SARIF carries no severity (only warning/note), so we map each SARIF
// rule to the severities its check can report, read from the installed package's own check
// sources; a rule that can report HIGH counts as high (conservative: better a false alarm here
// than a silent pass).
// Usage: node scripts/check-electronegativity.mjs [inputDir]   (default: electron)

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHECKS_DIR = join(root, 'node_modules/@doyensec/electronegativity/dist/finder/checks');

// Used when the package layout changes and the sources cannot be read (from electronegativity 1.10).
const FALLBACK_HIGH_RULES = [
  'NODE_INTEGRATION_JS_CHECK', 'NODE_INTEGRATION_HTML_CHECK', 'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
  'CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK',
  'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK', 'PRIVILEGED_SCHEMES_REGISTRATION_REMOVAL',
];

function jsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

/** Rule ids whose check can report severity HIGH. */
export function highSeverityRules(checksDir = CHECKS_DIR) {
  try {
    const rules = new Set();
    for (const file of jsFiles(checksDir)) {
      const text = readFileSync(file, 'utf8');
      const id = /this\.id\s*=\s*["']([A-Z0-9_]+)["']/.exec(text)?.[1];
      if (id && /severity\.HIGH\b/.test(text)) rules.add(id);
    }
    if (rules.size > 0) return rules;
  } catch {
    // fall through to the pinned list below
  }
  return new Set(FALLBACK_HIGH_RULES);
}

/** High findings in a SARIF document: [{ rule, file, line, message }]. */
export function highFindings(sarif, highRules) {
  if (typeof sarif !== 'object' || sarif === null || !Array.isArray(sarif.runs)) throw new Error('not a SARIF document (no runs)');
  const found = [];
  for (const run of sarif.runs) {
    for (const result of Array.isArray(run.results) ? run.results : []) {
      if (!highRules.has(result.ruleId)) continue;
      const location = result.locations?.[0]?.physicalLocation;
      found.push({
        rule: result.ruleId,
        file: location?.artifactLocation?.uri ?? '?',
        line: location?.region?.startLine ?? 0,
        message: result.message?.text ?? '',
      });
    }
  }
  return found;
}

function main() {
  const input = resolve(root, process.argv[2] ?? 'electron');
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const out = join(dir, 'report.sarif');
  try {
    const bin = join(root, 'node_modules/.bin/electronegativity');
    const run = spawnSync(bin, ['-i', input, '-o', out, '-r', '-v', 'false'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    if (run.error) throw run.error;
    let sarif;
    try {
      sarif = JSON.parse(readFileSync(out, 'utf8'));
    } catch (error) {
      console.error(`electronegativity wrote no readable SARIF (${error.message}). Its output:\n${run.stdout}\n${run.stderr}`);
      return 1;
    }
    const total = sarif.runs?.[0]?.results?.length ?? 0;
    const high = highFindings(sarif, highSeverityRules());
    for (const f of high) console.error(`HIGH ${f.rule} ${f.file}:${f.line} ${f.message}`);
    console.log(`electronegativity: ${total} finding(s) in ${input}, ${high.length} of high severity.`);
    return high.length === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main();
