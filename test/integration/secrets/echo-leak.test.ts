// Issue 14 item 1: a server that echoes the credential escaped ("Bearer Qk\/7x\u002BTok…", as PHP
// and .NET write JSON), URL-encoded or base64 must not get it into anything the product shows,
// logs or exports: CLI output and errors (plain and --json), list/get, snapshots, CSV, HAR, the
// test-connection result and the app API. Item 2: redaction never rewrites what is written back —
// a user whose title equals the token keeps it through a PUT built from a read.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreFunctions, createAppContext, dispatch, savedProfiles } from '../../../electron/core/app/index';
import { createProfileStore, setProfileToken, testConnection } from '../../../electron/core/profiles/index';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { createMemoryVault } from '../../../electron/core/vault/index';
import { runCli } from '../../../electron/host/cli/run';
import { startEchoTenant, type EchoTenant } from '../../support/echo-tenant';
import { leakedForms } from '../../support/leak-forms';
import { fileDir } from '../../support/temp-dir';

// "/" and "+" are the characters PHP and .NET escape; the random tail makes it unguessable.
const TOKEN = `Qk/7x+Tok${randomBytes(18).toString('base64').replace(/=+$/, '')}`;
const WRONG = `Wr/0ng+${randomBytes(18).toString('base64').replace(/=+$/, '')}`;
const dir = fileDir('scim-inspector-echo-leak-');
let tenant: EchoTenant;

beforeAll(async () => {
  tenant = await startEchoTenant({ token: TOKEN, users: 25 });
});
afterAll(async () => {
  await tenant.close();
});

async function cli(argv: string[], token = TOKEN): Promise<{ code: number; out: string }> {
  let out = '';
  const sink = { write: (t: string) => (out += t) };
  const code = await runCli([...argv, '--url', tenant.url, '--token-env', 'SCIM_TOKEN'], { stdout: sink, stderr: sink, env: { SCIM_TOKEN: token }, signal: new AbortController().signal });
  return { code, out };
}

function expectClean(all: string, secrets: string[]): void {
  for (const secret of secrets) {
    for (const [form, text] of Object.entries(leakedForms(secret))) {
      const at = all.indexOf(text);
      // The failure names the form and shows where it leaked, not the whole output.
      expect(at === -1 ? null : all.slice(Math.max(0, at - 200), at + text.length + 50), `the ${form} form of a secret leaked`).toBeNull();
    }
  }
}

describe('a server echoing the token escaped, encoded or in data', { timeout: 120_000 }, () => {
  it('never gets it into CLI output, errors, list/get, snapshots, CSV or HAR', async () => {
    const id = tenant.sandbox.store.ids('Users')[0] as string;
    const outputs: string[] = [];
    const run = async (argv: string[], expected: number, token = TOKEN): Promise<string> => {
      const r = await cli(argv, token);
      expect(r.code, r.out).toBe(expected);
      outputs.push(r.out);
      return r.out;
    };
    // Positive control: the echo reaches the output, redacted.
    expect(await run(['get', 'users', id, '--json'], 0)).toContain('[redacted]');
    await run(['get', 'users', id], 0);
    expect(await run(['get', 'users', 'no-such-user', '--json'], 3)).toMatch(/request had Authorization: Bearer \[redacted\]/);
    await run(['get', 'users', 'no-such-user'], 3);
    await run(['users', 'list', '--json', '--har', join(dir, 'list.har')], 0);
    await run(['users', 'list'], 0);
    await run(['users', 'list', '--ndjson'], 0);
    await run(['snapshot', '--out', join(dir, 'tenant.json')], 0);
    await run(['export', 'users', '--out', join(dir, 'users.csv')], 0);
    await run(['audit', '--report', join(dir, 'report.html')], 0);
    // The wrong token is this connection's secret too: the 401's echo of it is redacted.
    expect(await run(['users', 'list', '--json'], 1, WRONG)).toMatch(/unauthorized/);
    for (const f of readdirSync(dir)) outputs.push(readFileSync(join(dir, f), 'utf8'));
    const all = outputs.join('\n');
    expect(all).toContain('[redacted]');
    expect(readFileSync(join(dir, 'users.csv'), 'utf8')).toContain('(seen Bearer [redacted])');
    // The HTML audit report (issue 17) is among the files checked (its redaction of tenant
    // strings is pinned in test/unit/audit/report-html.test.ts).
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expectClean(all, [TOKEN, WRONG]);
    expect(tenant.credentials).toContain(`Bearer ${TOKEN}`);
  });

  it('never gets it into the test-connection result or the app API (what the page DOM shows)', async () => {
    const store = createProfileStore({ dir: mkdtempSync(join(dir, 'profiles-')) });
    const vault = createMemoryVault();
    const good = store.add({ name: 'echo', baseUrl: tenant.url });
    await setProfileToken(store, vault, good.id, TOKEN);
    const bad = store.add({ name: 'echo-wrong', baseUrl: tenant.url });
    await setProfileToken(store, vault, bad.id, WRONG);
    const outputs: string[] = [JSON.stringify(await testConnection(store.get(good.id), vault)), JSON.stringify(await testConnection(store.get(bad.id), vault))];
    expect(outputs[1]).toMatch(/\[redacted\]/);

    const ctx = createAppContext({
      mode: 'browser',
      version: '1',
      emit: (event, payload) => outputs.push(JSON.stringify({ event, payload })),
      saveFile: async (request) => {
        outputs.push(request.content);
        return { saved: true, path: join(dir, request.suggestedName) };
      },
      profiles: savedProfiles(store, vault),
      dataDir: mkdtempSync(join(dir, 'data-')),
    });
    const call = async (channel: string, input?: unknown) => {
      const result = await dispatch(coreFunctions, ctx, channel, input, (_c, e) => outputs.push(String(e)));
      outputs.push(JSON.stringify(result));
      return result;
    };
    try {
      const id = tenant.sandbox.store.ids('Users')[0] as string;
      expect(await call('profiles.test', { profileId: good.id })).toMatchObject({ ok: true, value: { ok: true } });
      expect(await call('resources.list', { profileId: good.id, kind: 'Users', listId: 'l1' })).toMatchObject({ ok: true, value: { count: 25 } });
      expect(await call('explorer.get', { profileId: good.id, kind: 'Users', id })).toMatchObject({ ok: true });
      expect(await call('explorer.get', { profileId: good.id, kind: 'Users', id: 'no-such-user' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await call('requestLog.entries', { profileId: good.id })).toMatchObject({ ok: true });
      expect(await call('requestLog.exportHar', { profileId: good.id })).toMatchObject({ ok: true });
      const audit = await call('audit.run', { profileId: good.id, operationId: 'a1' });
      const auditId = audit.ok ? (audit.value as { auditId: string }).auditId : '';
      expect(await call('audit.export', { auditId, kind: 'users' })).toMatchObject({ ok: true });
      expect(await call('audit.report', { auditId })).toMatchObject({ ok: true, value: { saved: true } });
      expect(outputs.at(-2)).toMatch(/^<!DOCTYPE html>/);
      expect(await call('profiles.test', { profileId: bad.id })).toMatchObject({ ok: true, value: { ok: false, status: 'unauthorized' } });
      expect(await call('resources.list', { profileId: bad.id, kind: 'Users', listId: 'l2' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    } finally {
      await ctx.close();
    }
    const all = outputs.join('\n');
    expect(all).toContain('(seen Bearer [redacted])');
    expectClean(all, [TOKEN, WRONG]);
  });
});

function setUser(sandbox: SandboxHandle, id: string, fields: Record<string, unknown>): void {
  const row = sandbox.store.get('Users', id);
  if (!row) throw new Error(`no user ${id}`);
  sandbox.store.update('Users', id, { ...structuredClone(row.res), ...fields });
}

describe('redaction never rewrites tenant data', { timeout: 60_000 }, () => {
  it('a PUT built from a read carries the real value that equals the token (CLI patch --put)', async () => {
    const sandbox = await startSandbox({ port: 0, users: 3, token: 'Engineer' });
    try {
      const user = { id: sandbox.store.ids('Users')[0] as string };
      setUser(sandbox, user.id, { title: 'Engineer', nickName: 'Sr Engineer' });
      let out = '';
      const sink = { write: (t: string) => (out += t) };
      const code = await runCli(
        ['patch', 'users', user.id, '--put', '--replace', 'displayName="Ana Put"', '--yes', '--json', '--journal', join(dir, 'put.jsonl'), '--url', sandbox.url, '--token-env', 'T'],
        { stdout: sink, stderr: sink, env: { T: 'Engineer' }, signal: new AbortController().signal },
      );
      expect(code, out).toBe(0);
      const stored = sandbox.store.get('Users', user.id)?.res;
      expect(stored).toMatchObject({ displayName: 'Ana Put', title: 'Engineer', nickName: 'Sr Engineer' });
      // What was shown is redacted all the same.
      expect(out).not.toContain('Engineer');
      expect(out).toContain('[redacted]');
    } finally {
      await sandbox.close();
    }
  });

  it('an edit previewed and sent through the app API keeps a value equal to the token', async () => {
    const sandbox = await startSandbox({ port: 0, users: 3, token: 'Engineer' });
    const store = createProfileStore({ dir: mkdtempSync(join(dir, 'profiles-put-')) });
    const vault = createMemoryVault();
    const profile = store.add({ name: 'put', baseUrl: sandbox.url });
    await setProfileToken(store, vault, profile.id, 'Engineer');
    const shown: string[] = [];
    const ctx = createAppContext({ mode: 'browser', version: '1', emit: (e, p) => shown.push(JSON.stringify(p)), saveFile: async () => ({ saved: false, path: null }), profiles: savedProfiles(store, vault), dataDir: mkdtempSync(join(dir, 'data-put-')) });
    try {
      const user = { id: sandbox.store.ids('Users')[0] as string };
      setUser(sandbox, user.id, { title: 'Engineer' });
      const call = (channel: string, input: unknown) => dispatch(coreFunctions, ctx, channel, input);
      // As the renderer does: the resource it shows, an edited copy of it, PUT, then send back
      // the preview it was shown.
      for (const method of ['PUT', 'PATCH'] as const) {
        const got = await call('explorer.get', { profileId: profile.id, kind: 'Users', id: user.id });
        if (!got.ok) throw new Error(JSON.stringify(got));
        const before = got.value as Record<string, unknown>;
        expect(before.title).toBe('[redacted]');
        const edited = { ...before, displayName: `Edited ${method}` };
        const preview = await call('edit.preview', { profileId: profile.id, kind: 'Users', id: user.id, change: { edited }, before, method });
        if (!preview.ok) throw new Error(JSON.stringify(preview));
        expect(JSON.stringify(preview.value)).not.toContain('Engineer');
        const sent = await call(method === 'PUT' ? 'edit.sendReplace' : 'edit.send', { profileId: profile.id, preview: preview.value });
        expect(sent, JSON.stringify(sent)).toMatchObject({ ok: true, value: { status: 'applied' } });
        expect(sandbox.store.get('Users', user.id)?.res).toMatchObject({ displayName: `Edited ${method}`, title: 'Engineer' });
      }
      expect(shown.join('\n')).not.toContain('Engineer');
    } finally {
      await ctx.close();
      await sandbox.close();
    }
  });
});
