// Issue 14 item 6: a profile's secrets are bound to the origin they were stored for, as a
// credential manager binds a password to a host. Moving the base URL to another origin (through
// the app's IPC API or the browser-mode API, or by editing profiles.json by hand) must never send
// the stored token there: a collector server on another port records every request it gets and
// must never see the credential. A move within the same origin keeps the token.
// The browser-mode part uses the real keychain: run under test/support/with-keyring.sh.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingHttpHeaders } from 'node:http';
import { coreFunctions, createAppContext, dispatch, savedProfiles } from '../../../electron/core/app/index';
import { createProfileStore } from '../../../electron/core/profiles/index';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { createMemoryVault } from '../../../electron/core/vault/index';
import { startWebHost, type WebHost } from '../../../electron/host/web';
import { listenOnLoopback, type Listening } from '../../support/peers/http-server';
import { leakedForms } from '../../support/leak-forms';
import { fileDir } from '../../support/temp-dir';

const TOKEN = `bound-${randomBytes(24).toString('base64url')}`;
const dir = fileDir('scim-inspector-origin-');
let sandbox: SandboxHandle;
let collector: Listening;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, users: 5, token: TOKEN });
  collector = await listenOnLoopback((req, res) => {
    seen.push(req.headers);
    res.writeHead(401, { 'content-type': 'application/scim+json' });
    res.end('{"status":"401","detail":"who are you?"}');
  });
});
afterAll(async () => {
  await collector.close();
  await sandbox.close();
});

function expectCollectorNeverSawToken(): void {
  const all = JSON.stringify(seen);
  for (const [form, text] of Object.entries(leakedForms(TOKEN))) expect(all.includes(text), `collector saw the ${form} form`).toBe(false);
}

type Call = (channel: string, input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

/** The scenario both APIs must pass; `call` is dispatch (IPC) or an HTTP POST (browser mode). */
async function moveAway(call: Call, name: string): Promise<string> {
  const added = await call('profiles.add', { name, baseUrl: sandbox.url });
  expect(added.ok, JSON.stringify(added)).toBe(true);
  const id = (added.value as { id: string }).id;
  expect(await call('profiles.setToken', { profileId: id, token: TOKEN })).toMatchObject({ ok: true });
  expect(await call('profiles.test', { profileId: id })).toMatchObject({ ok: true, value: { ok: true } });
  // Same origin, another path: the token stays (it still goes to the host it was given for).
  expect(await call('profiles.update', { profileId: id, fields: { baseUrl: `${sandbox.origin}/scim/v2/` } })).toMatchObject({ ok: true, value: { token: { hasToken: true } } });
  expect(await call('profiles.test', { profileId: id })).toMatchObject({ ok: true, value: { ok: true } });

  const moved = await call('profiles.update', { profileId: id, fields: { baseUrl: `${collector.origin}/scim/v2` } });
  expect(moved).toMatchObject({ ok: true, value: { token: { hasToken: false }, status: 'token-missing' } });
  expect(JSON.stringify(moved)).toMatch(/another host/);
  expect(await call('profiles.test', { profileId: id })).toMatchObject({ ok: true, value: { ok: false, status: 'token-missing' } });
  expect(await call('connection.discover', { profileId: id })).toMatchObject({ ok: false, error: { code: 'token-missing' } });
  expect(await call('resources.list', { profileId: id, kind: 'Users', listId: `${name}-l` })).toMatchObject({ ok: false, error: { code: 'token-missing' } });
  // Moving back does not bring it back: it was deleted, not hidden.
  expect(await call('profiles.update', { profileId: id, fields: { baseUrl: sandbox.url } })).toMatchObject({ ok: true, value: { token: { hasToken: false } } });
  expect(await call('profiles.test', { profileId: id })).toMatchObject({ ok: true, value: { ok: false, status: 'token-missing' } });
  expectCollectorNeverSawToken();
  return id;
}

describe('secrets are bound to the origin they were stored for', { timeout: 60_000 }, () => {
  it('through the app API (IPC dispatch): a new origin clears the token, the collector never sees it', async () => {
    const store = createProfileStore({ dir: mkdtempSync(join(dir, 'ipc-')) });
    const vault = createMemoryVault();
    const ctx = createAppContext({ mode: 'electron', version: '1', emit: () => undefined, saveFile: async () => ({ saved: false, path: null }), profiles: savedProfiles(store, vault), dataDir: mkdtempSync(join(dir, 'ipc-data-')) });
    try {
      const id = await moveAway((channel, input) => dispatch(coreFunctions, ctx, channel, input), 'ipc');
      expect(await vault.get(id)).toBeNull();
    } finally {
      await ctx.close();
    }
  });

  it('when profiles.json is edited by hand to another origin, the stored token is refused, never sent', async () => {
    const store = createProfileStore({ dir: mkdtempSync(join(dir, 'hand-')) });
    const vault = createMemoryVault();
    const ctx = createAppContext({ mode: 'electron', version: '1', emit: () => undefined, saveFile: async () => ({ saved: false, path: null }), profiles: savedProfiles(store, vault), dataDir: mkdtempSync(join(dir, 'hand-data-')) });
    try {
      const call: Call = (channel, input) => dispatch(coreFunctions, ctx, channel, input);
      const added = await call('profiles.add', { name: 'hand', baseUrl: sandbox.url });
      const id = (added.value as { id: string }).id;
      await call('profiles.setToken', { profileId: id, token: TOKEN });
      writeFileSync(store.path, readFileSync(store.path, 'utf8').split(sandbox.origin).join(collector.origin));
      const before = seen.length;
      const tested = await call('profiles.test', { profileId: id });
      expect(tested).toMatchObject({ ok: true, value: { ok: false, status: 'token-missing' } });
      expect(JSON.stringify(tested)).toMatch(/stored for/);
      expect(seen.length).toBe(before);
      expectCollectorNeverSawToken();
    } finally {
      await ctx.close();
    }
  });

  it('through the browser-mode API (HTTP, real keychain): the same', async () => {
    const secret = randomBytes(32).toString('base64url');
    const host: WebHost = await startWebHost({ port: 0, open: false, secret, dataDir: mkdtempSync(join(dir, 'web-')), exportDir: mkdtempSync(join(dir, 'web-exports-')) });
    let id = '';
    const call: Call = async (channel, input) => {
      const res = await fetch(`${host.origin}/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: host.origin, 'X-Inspector-Secret': secret }, body: JSON.stringify(input ?? null) });
      return (await res.json()) as Awaited<ReturnType<Call>>;
    };
    try {
      id = await moveAway(call, 'web');
    } finally {
      if (id) await call('profiles.remove', { profileId: id });
      await host.close();
    }
  });
});
