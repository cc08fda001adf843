// A read-only profile is refused before anything is looked up, journaled or sent: over the
// browser-mode API (plan, retry, undo) and in the CLI (deactivate, resume, reactivate exit 4),
// against the sandbox tenant, with the token in the real keychain.
// Run: sh test/support/with-keyring.sh npx vitest run test/integration/vault/read-only-writes.test.ts

import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { startWebHost, type WebHost } from '../../../electron/host/web';
import { raw, secretOf } from '../../unit/host/web-client';
import { runCli, stderrError, type CliResult } from '../cli/spawn-cli';
import { writes } from '../deactivate/support';
import { fileDir } from '../../support/temp-dir';

const home = fileDir('read-only-writes-');
let sandbox: SandboxHandle;
let host: WebHost;

beforeAll(async () => {
  sandbox = await startSandbox({ vendor: 'rfc', users: 20, seed: 3 });
  host = await startWebHost({ dataDir: home, exportDir: join(home, 'exports'), open: false, rendererDir: join(home, 'no-renderer') });
});
afterAll(async () => {
  await host.close();
  await sandbox.close();
  await cli(['profiles', 'remove', 'ro-cli']).catch(() => undefined);
  rmSync(home, { recursive: true, force: true });
});

async function api<T = unknown>(channel: string, input: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
  const res = await raw(host.origin, `/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: host.origin, 'X-Inspector-Secret': secretOf(host.url) },
    body: JSON.stringify(input),
  });
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
}

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await api<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

function cli(args: string[], stdin = ''): Promise<CliResult> {
  const env: Record<string, string> = { SCIM_INSPECTOR_HOME: home };
  for (const key of ['DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'XDG_DATA_HOME']) if (process.env[key]) env[key] = process.env[key] as string;
  return runCli(args, { env, stdin, timeoutMs: 60_000 });
}

const activeIds = (n: number): string[] =>
  sandbox.store
    .ids('Users')
    .filter((id) => sandbox.store.get('Users', id)?.res.active === true)
    .slice(0, n);

describe('read-only profiles refuse writes up front', { timeout: 120_000 }, () => {
  it('browser-mode API: plan, retry and undo are refused with refused-read-only; nothing journaled or sent', async () => {
    const profile = await ok<{ id: string }>('profiles.add', { name: 'ro-web', baseUrl: sandbox.url, vendor: 'rfc' });
    await ok('profiles.setToken', { profileId: profile.id, token: sandbox.token });
    // A real run while the profile may still write, so there is a journal to retry and undo.
    const targets = activeIds(3);
    const { planId } = await ok<{ planId: string }>('deactivate.plan', { profileId: profile.id, inputs: targets });
    const run = await ok<{ journalName: string }>('deactivate.execute', { planId, operationId: 'op1', confirmCount: 3 });
    const journal = join(home, 'journals', run.journalName);
    const journalBefore = readFileSync(journal, 'utf8');

    await ok('profiles.update', { profileId: profile.id, fields: { readOnly: true } });
    const sent = writes(sandbox);
    const plan = await api('deactivate.plan', { profileId: profile.id, inputs: activeIds(5).slice(3) });
    expect(plan).toMatchObject({ ok: false, error: { code: 'refused-read-only' } });
    for (const channel of ['deactivate.retry', 'deactivate.undo']) {
      const r = await api(channel, { profileId: profile.id, journalName: run.journalName, operationId: 'op2', confirmCount: channel === 'deactivate.undo' ? 3 : 0 });
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'refused-read-only' } });
    }
    expect(writes(sandbox), 'nothing was sent').toBe(sent);
    expect(readFileSync(journal, 'utf8'), 'nothing was journaled').toBe(journalBefore);
    expect(readdirSync(join(home, 'journals')).filter((n) => n.endsWith('.jsonl'))).toEqual([run.journalName]);
  });

  it('CLI: deactivate, resume and reactivate on a read-only profile exit 4 before any journal or write', async () => {
    expect((await cli(['profiles', 'add', 'ro-cli', '--url', sandbox.url, '--read-only'])).code).toBe(0);
    expect((await cli(['profiles', 'set-token', 'ro-cli'], `${sandbox.token}\n`)).code).toBe(0);
    const sent = writes(sandbox);
    const journal = join(home, 'cli-run.jsonl');
    const target = activeIds(1)[0] ?? '';
    const deactivated = await cli(['deactivate', '--user', target, '--yes', '--journal', journal, '--profile', 'ro-cli', '--json']);
    expect(deactivated.code, deactivated.stderr).toBe(4);
    expect(stderrError(deactivated).code).toBe('refused-read-only');
    expect(existsSync(journal)).toBe(false);

    // A journal from the API run above: resume and undo must leave it untouched.
    const [name] = readdirSync(join(home, 'journals')).filter((n) => n.endsWith('.jsonl'));
    const existing = join(home, 'journals', name ?? '');
    const before = readFileSync(existing, 'utf8');
    for (const word of ['resume', 'reactivate']) {
      const r = await cli([word, '--journal', existing, '--yes', '--profile', 'ro-cli', '--json']);
      expect(r.code, `${word}: ${r.stderr}`).toBe(4);
      expect(stderrError(r).code).toBe('refused-read-only');
    }
    expect(readFileSync(existing, 'utf8')).toBe(before);
    expect(writes(sandbox)).toBe(sent);
  });
});
