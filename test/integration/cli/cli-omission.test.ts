// The real CLI against servers that lie by omission (the omission dialect: under-matching filters,
// case-sensitive userName eq, 400 for other filters, one 200-with-Error first page) and one that
// ignores filters (mittr): issue 13's "done when", checked from outside, by exit code and document.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ScimUser } from '../../../shared/scim';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { runCli, startCli, stderrError } from './spawn-cli';

const USERS = 140;
let omission: SandboxHandle;
let mittr: SandboxHandle;
let dir: string;
const conn = (s: SandboxHandle): string[] => ['--url', s.url, '--token-env', 'SANDBOX_TOKEN'];
const env = (s: SandboxHandle): Record<string, string> => ({ SANDBOX_TOKEN: s.token });

beforeAll(async () => {
  omission = await startSandbox({ vendor: 'omission', users: USERS, seed: 5 });
  mittr = await startSandbox({ vendor: 'mittr', users: 90, seed: 5 });
  dir = await mkdtemp(join(tmpdir(), 'cli-omission-'));
});
afterAll(async () => {
  await omission?.close();
  await mittr?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeEach(() => omission.reset());

/** Active users whose primary email is not their userName (and not a planted case collision). */
function emailUsers(sb: SandboxHandle): ScimUser[] {
  const colliding = new Set(sb.store.planted.caseCollidingUserNames.flat().map((n) => n.toLowerCase()));
  return sb.store
    .ids('Users')
    .map((id) => sb.store.get('Users', id)?.res as ScimUser)
    .filter((u) => u.active === true && !colliding.has(u.userName.toLowerCase()) && u.externalId && (u.emails?.[0]?.value ?? '').toLowerCase() !== u.userName.toLowerCase());
}

const email = (u: ScimUser): string => u.emails?.find((e) => e.primary)?.value ?? u.emails?.[0]?.value ?? '';

describe('find on a server that lies by omission', () => {
  it('find user <email≠userName> finds the user, resolved by a complete listing', async () => {
    const [user] = emailUsers(omission);
    const r = await runCli(['find', 'user', email(user as ScimUser), ...conn(omission), '--json'], { env: env(omission) });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ id: user?.id, userName: user?.userName, resolvedBy: 'complete-listing', listing: { size: USERS } });
  });

  it('find user <UPPER-CASED userName> finds the user', async () => {
    const user = emailUsers(omission)[1] as ScimUser;
    const r = await runCli(['find', 'user', user.userName.toUpperCase(), ...conn(omission), '--json'], { env: env(omission) });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: user.id, resolvedBy: 'complete-listing' });
  });

  it('"not found" comes with the complete listing that proved it; --server-filter-only says it is unproven', async () => {
    const missing = await runCli(['find', 'user', 'nobody@nowhere.example', ...conn(omission), '--json'], { env: env(omission) });
    expect(missing.code).toBe(3);
    expect(stderrError(missing)).toMatchObject({ code: 'not-found', details: { proven: true, resolvedBy: 'complete-listing', listing: { size: USERS } } });
    const user = emailUsers(omission)[2] as ScimUser;
    const strict = await runCli(['find', 'user', email(user), '--server-filter-only', ...conn(omission), '--json'], { env: env(omission) });
    expect(strict.code).toBe(3);
    expect(stderrError(strict)).toMatchObject({ code: 'not-found', details: { proven: false, resolvedBy: 'server-filter' } });
    expect(stderrError(strict).message).toMatch(/not proven/);
  });
});

describe('deactivate on a server that lies by omission', () => {
  it('deactivate --user <email> --yes changes exactly that user, with one write', async () => {
    const user = emailUsers(omission)[3] as ScimUser;
    const before = omission.stats().writes;
    const journal = join(dir, 'one.jsonl');
    const r = await runCli(['deactivate', '--user', email(user), '--yes', '--journal', journal, ...conn(omission), '--json'], { env: env(omission) });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { done: { id: string }[]; resolved: { id: string; resolvedBy: string; listing: { size: number } | null }[] };
    expect(doc.done.map((d) => d.id)).toEqual([user.id]);
    expect(doc.resolved).toEqual([expect.objectContaining({ id: user.id, resolvedBy: 'complete-listing', listing: expect.objectContaining({ size: USERS }) })]);
    expect(omission.stats().writes - before).toBe(1);
    expect(omission.store.get('Users', user.id)?.res.active).toBe(false);
  });

  it('the ignored-filter warning is said once however many values ask (mittr, 7 values)', async () => {
    const values = emailUsers(mittr).slice(0, 7).map((u) => u.externalId as string);
    const r = await runCli(['deactivate', ...values.flatMap((v) => ['--user', v]), '--dry-run', ...conn(mittr), '--json'], { env: env(mittr) });
    expect(r.code, r.stderr).toBe(0);
    const warned = r.stderr.split('\n').filter((l) => /ignores the filter/.test(l));
    expect(warned).toHaveLength(1);
    const doc = JSON.parse(r.stdout) as { planned: { resolvedBy: string }[]; warnings: string[] };
    expect(doc.planned).toHaveLength(7);
    expect(doc.planned.every((p) => p.resolvedBy === 'complete-listing')).toBe(true);
    expect(doc.warnings.filter((w) => /ignores the filter/.test(w))).toHaveLength(1);
  });
});

describe('discover --probe', () => {
  it('prints what the server was seen to do under "observed", each form with its verdict and date', async () => {
    const r = await runCli(['discover', '--probe', ...conn(omission), '--json'], { env: env(omission) });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { capabilities: { filter: boolean }; observed: { observedAt: string; filters: Record<string, { verdict: string; detail: string }>; pageCap: { value: number } } };
    expect(doc.capabilities.filter).toBe(true);
    expect(doc.observed.filters['Users.emails.value']).toEqual({ verdict: 'under-matches', detail: 'empty for a known email' });
    expect(doc.observed.filters['Users.userName.otherCase']?.verdict).toBe('under-matches');
    expect(doc.observed.filters['Users.active']?.verdict).toBe('rejected');
    expect(doc.observed.pageCap.value).toBe(50);
    expect(Date.parse(doc.observed.observedAt)).not.toBeNaN();
    const human = await runCli(['discover', '--probe', ...conn(omission)], { env: env(omission) });
    expect(human.stdout).toMatch(/filter emails\.value eq\s+under-matches \(empty for a known email\)/);
  });
});

describe('users list on a server that lies by omission', () => {
  it('a filter the server rejects returns the right users with a warning (exit 0); --server-filter-only refuses (exit 2)', async () => {
    const expected = omission.store
      .ids('Users')
      .filter((id) => String(omission.store.get('Users', id)?.res.title).toLowerCase() === 'engineer');
    expect(expected.length).toBeGreaterThan(0);
    const r = await runCli(['users', 'list', '--filter', 'title eq "Engineer"', ...conn(omission), '--json'], { env: env(omission) });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { complete: boolean; count: number; warnings: string[]; Resources: { id: string }[] };
    expect(doc.complete).toBe(true);
    expect(doc.Resources.map((u) => u.id)).toEqual(expected);
    expect(doc.warnings.join(' ')).toMatch(/rejected the filter .*applied locally over a complete listing of 140 users/);
    const strict = await runCli(['users', 'list', '--filter', 'title eq "Engineer"', '--server-filter-only', ...conn(omission), '--json'], { env: env(omission) });
    expect(strict.code).toBe(2);
    expect(stderrError(strict).code).toBe('invalid-filter');
  });

  it("the first page's 200-with-Error is retried: the exact list, complete", async () => {
    const r = await runCli(['users', 'list', ...conn(omission), '--json'], { env: env(omission) });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { complete: boolean; count: number; Resources: { id: string }[] };
    expect(doc.complete).toBe(true);
    expect(doc.Resources.map((u) => u.id)).toEqual([...omission.store.ids('Users')]);
  });
});

describe('patch on a server that does not implement member removal by filter path', () => {
  it('a 501 says the server does not implement it, and the value-array form it offers works', async () => {
    await runCli(['users', 'list', ...conn(omission), '--json'], { env: env(omission) });
    const id = omission.store.ids('Groups').find((g) => ((omission.store.get('Groups', g)?.res.members as unknown[]) ?? []).length >= 2) as string;
    const member = (omission.store.get('Groups', id)?.res.members as { value: string }[])[0]?.value as string;
    const journal = join(dir, 'patch.jsonl');
    const refused = await runCli(['patch', 'groups', id, '--remove', `members[value eq "${member}"]`, '--yes', '--journal', journal, ...conn(omission), '--json'], { env: env(omission) });
    expect(refused.code).toBe(1);
    const error = stderrError(refused);
    expect(error.code).toBe('not-supported');
    expect(error.message).toMatch(/does not implement this PATCH \(501 Not Implemented\).*value array/);
    expect(error.message).not.toMatch(/try again later/i);
    const hint = refused.stderr.split('\n').find((l) => l.startsWith('To send it as remove members by value array'));
    expect(hint).toBeDefined();
    // The hint is a command line; run its flags.
    const flags = /patch groups \S+ (--remove '.*') --yes$/.exec(hint ?? '')?.[1] ?? '';
    const value = /^--remove 'members=(.*)'$/.exec(flags)?.[1] ?? '';
    const sent = await runCli(['patch', 'groups', id, '--remove', `members=${value}`, '--yes', '--journal', journal, ...conn(omission), '--json'], { env: env(omission) });
    expect(sent.code, sent.stderr).toBe(0);
    expect((omission.store.get('Groups', id)?.res.members as { value: string }[]).map((m) => m.value)).not.toContain(member);
    // Three CLI processes (a listing and two patches): a safety net for a loaded machine, not a target.
  }, 180_000);
});

describe('sandbox --vendor omission', () => {
  it('serves a tenant that lies by omission: one 200-with-Error first page, case-sensitive userName eq', async () => {
    const running = await startCli<{ url: string; token: string }>(['sandbox', '--vendor', 'omission', '--users', '12', '--json']);
    try {
      const get = async (query: string): Promise<{ status: number; body: { schemas: string[]; totalResults?: number; Resources?: { userName: string }[] } }> => {
        const res = await fetch(`${running.doc.url}/Users?${query}`, { headers: { Authorization: `Bearer ${running.doc.token}` } });
        return { status: res.status, body: (await res.json()) as { schemas: string[]; totalResults?: number; Resources?: { userName: string }[] } };
      };
      const first = await get('count=10');
      expect(first.status).toBe(200);
      expect(first.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
      const again = await get('count=10');
      expect(again.body.totalResults).toBe(12);
      const name = again.body.Resources?.[0]?.userName ?? '';
      expect((await get(`filter=${encodeURIComponent(`userName eq "${name}"`)}`)).body.totalResults).toBe(1);
      expect((await get(`filter=${encodeURIComponent(`userName eq "${name.toUpperCase()}"`)}`)).body.totalResults).toBe(0);
      expect(await running.stop()).toBe(0);
    } finally {
      running.kill();
    }
  });
});
