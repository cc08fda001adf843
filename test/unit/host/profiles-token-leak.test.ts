// A saved profile driven through the app API exactly as the renderer drives it (dispatch with
// coreFunctions): add, set the token, list, test, discover, list users, request log, HAR export,
// an audit with CSV exports, failing calls and a refused rotation. The token must appear in no
// Result, no pushed event, no saved file (HAR, CSV), no console line and no error.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { ChannelName } from '../../../shared/channels';
import { coreFunctions, createAppContext, dispatch, savedProfiles } from '../../../electron/core/app/index';
import { createProfileStore } from '../../../electron/core/profiles/index';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { createMemoryVault } from '../../../electron/core/vault/index';
import { fileDir } from '../../support/temp-dir';

const SECRET = `leakcheck-${randomBytes(24).toString('base64url')}`;
const WRONG = `wrongtoken-${randomBytes(24).toString('base64url')}`;
let tenant: SandboxHandle;
const dir = fileDir('profiles-token-leak-');

beforeAll(async () => {
  tenant = await startSandbox({ users: 40, port: 0, token: SECRET });
});
afterAll(async () => {
  await tenant.close();
});

it('keeps the token out of every renderer-bound payload, event, export, log line and error', async () => {
  const outputs: string[] = [];
  const record = (what: unknown): void => {
    outputs.push(typeof what === 'string' ? what : JSON.stringify(what) ?? String(what));
  };
  const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      for (const a of args) record(a instanceof Error ? `${a.message}\n${a.stack ?? ''}` : a);
    }),
  );
  const reported: unknown[] = [];
  const saved: string[] = [];
  const store = createProfileStore({ dir });
  const ctx = createAppContext({
    mode: 'browser',
    version: '1',
    emit: (event, payload) => record({ event, payload }),
    saveFile: async (request) => {
      saved.push(request.content);
      record(request);
      return { saved: true, path: join(dir, request.suggestedName) };
    },
    profiles: savedProfiles(store, createMemoryVault()),
    dataDir: dir,
    sandbox: { users: 3 },
  });
  const call = async (channel: ChannelName, input?: unknown) => {
    const result = await dispatch(coreFunctions, ctx, channel, input, (c, error) => reported.push(error));
    record(result);
    return result;
  };
  try {
    const added = await call('profiles.add', { name: 'leak-check', baseUrl: tenant.url, vendor: 'rfc' });
    if (!added.ok) throw new Error(added.error.message);
    const id = (added.value as { id: string }).id;
    // Before the token exists: the token-missing error path.
    expect(await call('connection.discover', { profileId: id })).toMatchObject({ ok: false, error: { code: 'token-missing' } });
    // The one renderer -> main crossing of the token (the request is not an output).
    expect(await call('profiles.setToken', { profileId: id, token: `Bearer ${SECRET}` })).toMatchObject({ ok: true });
    expect(await call('profiles.list')).toMatchObject({ ok: true });
    expect(await call('profiles.test', { profileId: id })).toMatchObject({ ok: true, value: { ok: true } });
    expect(await call('app.info')).toMatchObject({ ok: true });
    expect(await call('connection.discover', { profileId: id })).toMatchObject({ ok: true });
    expect(await call('resources.list', { profileId: id, kind: 'Users', listId: 'leak-users' })).toMatchObject({ ok: true, value: { count: 40 } });
    expect(await call('resources.list', { profileId: id, kind: 'Groups', listId: 'leak-groups' })).toMatchObject({ ok: true });
    expect(await call('resources.list', { profileId: id, kind: 'Users', listId: 'leak-bad', filter: 'userName zz "x"' })).toMatchObject({ ok: false });
    const entries = await call('requestLog.entries', { profileId: id });
    // The Authorization header is in the log, redacted: proof the check looks where a leak would be.
    expect(JSON.stringify(entries)).toMatch(/authorization/i);
    expect(await call('requestLog.exportHar', { profileId: id })).toMatchObject({ ok: true, value: { saved: true } });
    const audit = await call('audit.run', { profileId: id, operationId: 'leak-audit' });
    expect(audit).toMatchObject({ ok: true });
    const auditId = audit.ok ? (audit.value as { auditId: string }).auditId : '';
    for (const kind of ['findings', 'users', 'groups', 'memberships']) {
      expect(await call('audit.export', { auditId, kind })).toMatchObject({ ok: true });
    }
    // A candidate token that fails discovery: refused, old one kept, candidate echoed nowhere.
    expect(await call('profiles.rotateToken', { profileId: id, token: WRONG })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    // The wrong token stored outright: 401s from discovery, listing and the test.
    expect(await call('profiles.setToken', { profileId: id, token: WRONG })).toMatchObject({ ok: true });
    expect(await call('profiles.test', { profileId: id })).toMatchObject({ ok: true, value: { ok: false, status: 'unauthorized' } });
    expect(await call('resources.list', { profileId: id, kind: 'Users', listId: 'leak-401' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call('requestLog.exportHar', { profileId: id })).toMatchObject({ ok: true });
  } finally {
    await ctx.close();
    for (const spy of consoleSpies) spy.mockRestore();
  }
  for (const error of reported) record(error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : error);

  expect(saved.filter((s) => s.includes('"creator"')).length).toBe(2);
  expect(saved.length).toBe(6);
  const all = outputs.join('\n');
  expect(all.length).toBeGreaterThan(10_000);
  for (const secret of [SECRET, WRONG]) {
    expect(all).not.toContain(secret);
    // Half a token (a wrapped line, a truncated body) is still a leak.
    expect(all).not.toContain(secret.slice(0, Math.ceil(secret.length / 2)));
    expect(all).not.toContain(secret.slice(-Math.ceil(secret.length / 2)));
  }
});
