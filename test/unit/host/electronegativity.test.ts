// The electronegativity gate: SARIF has no severity, so the script maps rules to the severities
// their checks can report; a high one must fail the gate.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const script = join(root, 'scripts/check-electronegativity.mjs');

interface Gate {
  highSeverityRules(dir?: string): Set<string>;
  highFindings(sarif: unknown, rules: Set<string>): { rule: string; file: string; line: number }[];
}
const gate = (await import(pathToFileURL(script).href)) as Gate;

describe('electronegativity gate', () => {
  it('knows the high-severity rules from the installed checks', () => {
    const rules = gate.highSeverityRules();
    for (const id of ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']) expect(rules.has(id)).toBe(true);
    expect(rules.has('PRELOAD_JS_CHECK')).toBe(false);
  });

  it('picks the high findings out of a SARIF document', () => {
    const sarif = {
      runs: [{ results: [
        { ruleId: 'PRELOAD_JS_CHECK', level: 'note', message: { text: 'review' } },
        { ruleId: 'CONTEXT_ISOLATION_JS_CHECK', level: 'warning', message: { text: 'off' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'main.js' }, region: { startLine: 3 } } }] },
      ] }],
    };
    expect(gate.highFindings(sarif, gate.highSeverityRules())).toEqual([{ rule: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main.js', line: 3, message: 'off' }]);
    expect(() => gate.highFindings({}, new Set())).toThrow(/SARIF/);
  });

  it('fails (exit 1) on an app with nodeIntegration on and contextIsolation off', () => {
    const run = spawnSync(process.execPath, [script, join(import.meta.dirname, 'fixtures/insecure-app')], { cwd: root, encoding: 'utf8', timeout: 240_000 });
    expect(run.stderr).toContain('HIGH NODE_INTEGRATION_JS_CHECK');
    expect(run.status).toBe(1);
  }, 250_000);
});
