// The real CLI, spawned, against the sandbox tenant on 127.0.0.1: exact listings under paging
// quirks, a filter Mittr silently ignores, ambiguous finds, full member lists, and the
// long-running `sandbox` command itself.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { runCli, startCli, stderrError } from './spawn-cli';

interface ListDoc {
  complete: boolean;
  count: number;
  reportedTotal: number | null;
  warnings: string[];
  Resources: Record<string, unknown>[];
}

let rfc: SandboxHandle;
let mittr: SandboxHandle;
let entra: SandboxHandle;
let dir: string;
// A token that looks like a real one, to prove it never reaches files we write.
const SECRET = `tok-${Math.random().toString(36).slice(2)}-${Date.now()}`;
const conn = (s: SandboxHandle): string[] => ['--url', s.url, '--token-env', 'SANDBOX_TOKEN'];
const env = (s: SandboxHandle): Record<string, string> => ({ SANDBOX_TOKEN: s.token });

beforeAll(async () => {
  rfc = await startSandbox({ vendor: 'rfc', users: 300, token: SECRET });
  mittr = await startSandbox({ vendor: 'mittr', users: 300 });
  entra = await startSandbox({ vendor: 'entra', users: 120 });
  dir = await mkdtemp(join(tmpdir(), 'cli-sandbox-'));
});

afterAll(async () => {
  await rfc?.close();
  await mittr?.close();
  await entra?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('scim-inspector against the sandbox tenant', () => {
  it('users list is exact under a page cap, missing itemsPerPage and a wrong total, and says what it worked around', async () => {
    rfc.setFaults({ pageCap: 40, omitItemsPerPage: true, wrongTotalResults: -7 });
    try {
      const r = await runCli(['users', 'list', ...conn(rfc), '--json', '--page-size', '100'], { env: env(rfc) });
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as ListDoc;
      expect(doc.complete).toBe(true);
      expect(doc.count).toBe(300);
      expect(doc.Resources.map((u) => u.id).sort()).toEqual([...rfc.store.ids('Users')].sort());
      expect(doc.warnings.some((w) => /cap/i.test(w) && /40/.test(w))).toBe(true);
      expect(doc.warnings.some((w) => /totalResults/.test(w))).toBe(true);
      // Warnings also reach a person on stderr, never stdout beyond the document.
      expect(r.stderr).toMatch(/warning: .*40/);
    } finally {
      rfc.setFaults({});
    }
  });

  it('detects that Mittr ignored the filter, applies it locally, and warns', async () => {
    const r = await runCli(['users', 'list', ...conn(mittr), '--json', '--filter', 'active eq false'], { env: env(mittr) });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as ListDoc;
    const expected = mittr.store.ids('Users').filter((id) => mittr.store.get('Users', id)?.res.active === false);
    expect(expected.length).toBeGreaterThan(0);
    expect(doc.complete).toBe(true);
    expect(doc.Resources.map((u) => u.id).sort()).toEqual([...expected].sort());
    // Caught by the listing itself ("ignored the filter") or first by the spot check of the
    // filter's form (a session that has observed nothing tries it: "active eq false: ignored").
    expect(doc.warnings.some((w) => /ignored/i.test(w) && /(ignored the filter|applied locally)/i.test(w))).toBe(true);
  });

  it('discover --json prints the contract document; Mittr has no groups and discovery warns', async () => {
    const r = await runCli(['discover', ...conn(mittr), '--json'], { env: env(mittr) });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown> & { capabilities: Record<string, unknown>; warnings: string[] };
    expect(Object.keys(doc).sort()).toEqual(['baseUrl', 'capabilities', 'resourceTypes', 'schemas', 'serviceProviderConfig', 'warnings']);
    expect(doc.baseUrl).toBe(mittr.url);
    expect(doc.capabilities).toMatchObject({ groups: false, pagination: expect.stringMatching(/^(index|cursor|none)$/) as unknown });
    for (const key of ['patch', 'etag', 'sort', 'filter']) expect(typeof doc.capabilities[key]).toBe('boolean');
    expect(doc.warnings.length).toBeGreaterThan(0);
  });

  it('groups list on Mittr (no /Groups) exits 3 and says the tenant has no groups', async () => {
    const r = await runCli(['groups', 'list', ...conn(mittr), '--json'], { env: env(mittr) });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(stderrError(r).message).toMatch(/no \/Groups endpoint/);
  });

  it('groups list --members returns every group with its full member list', async () => {
    const r = await runCli(['groups', 'list', ...conn(rfc), '--json', '--members', '--page-size', '5'], { env: env(rfc) });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as ListDoc;
    expect(doc.Resources.map((g) => g.id).sort()).toEqual([...rfc.store.ids('Groups')].sort());
    for (const group of doc.Resources) {
      const stored = rfc.store.get('Groups', String(group.id))?.res.members;
      const want = (Array.isArray(stored) ? stored : []).map((m) => String((m as { value: unknown }).value)).sort();
      const got = (group.members as { value: string }[]).map((m) => m.value).sort();
      expect(got, String(group.displayName)).toEqual(want);
    }
  });

  it('find with a userName two users share ignoring case exits 3 listing both', async () => {
    const [first, second] = rfc.store.planted.caseCollidingUserNames[0] ?? ['', ''];
    expect(first).not.toBe('');
    const r = await runCli(['find', 'user', first, ...conn(rfc), '--json'], { env: env(rfc) });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const error = stderrError(r);
    expect(error.code).toBe('ambiguous');
    const names = (error.details?.candidates as { userName: string }[]).map((c) => c.userName).sort();
    expect(names).toEqual([first, second].sort());
  });

  it('--ndjson prints Entra users one a line with string booleans normalised, summary on stderr', async () => {
    expect(entra.store.planted.stringBooleanUserIds.length).toBeGreaterThan(0);
    const r = await runCli(['users', 'list', ...conn(entra), '--ndjson'], { env: env(entra) });
    expect(r.code, r.stderr).toBe(0);
    const users = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; active: unknown });
    expect(users.map((u) => u.id).sort()).toEqual([...entra.store.ids('Users')].sort());
    expect(users.every((u) => typeof u.active === 'boolean')).toBe(true);
    const summary = r.stderr.split('\n').find((l) => l.startsWith('{"summary"'));
    expect(JSON.parse(summary ?? '{}')).toMatchObject({ summary: { complete: true, count: 120 } });
  });

  it('--har is written when the command fails too, with the token redacted', async () => {
    const har = join(dir, 'failed.har');
    const r = await runCli(['get', 'users', 'no-such-user', ...conn(rfc), '--json', '--har', har], { env: env(rfc) });
    expect(r.code).toBe(3);
    const text = await readFile(har, 'utf8');
    expect(text).not.toContain(SECRET);
    const entries = (JSON.parse(text) as { log: { entries: { request: { url: string }; response: { status: number } }[] } }).log.entries;
    expect(entries.some((e) => e.request.url.endsWith('/Users/no-such-user') && e.response.status === 404)).toBe(true);
  });

  it('a bad filter exits 2 with the position, before any request', async () => {
    const before = rfc.stats().requests;
    const r = await runCli(['users', 'list', ...conn(rfc), '--json', '--filter', 'userName eqq "a"'], { env: env(rfc) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(stderrError(r)).toMatchObject({ code: 'invalid-filter', details: { position: 9 } });
    expect(rfc.stats().requests).toBe(before);
  });
});

describe('--sandbox VENDOR (in-process tenant)', () => {
  it('find falls back to matching locally where the vendor cannot filter on every field, and lists a near miss', async () => {
    // The in-process tenant is seeded deterministically; a twin with the same defaults tells us its data.
    const twin = await startSandbox({ vendor: 'lettermint' });
    const user = twin.store.get('Users', twin.store.ids('Users')[5] ?? '')?.res;
    await twin.close();
    const emails = (user?.emails ?? []) as { value: string; primary?: boolean }[];
    const other = emails.find((e) => e.primary !== true)?.value;
    expect(other).toBeDefined();

    const r = await runCli(['find', 'user', other ?? '', '--sandbox', 'lettermint', '--json']);
    expect(r.code).toBe(3);
    // Lettermint filters only userName and externalId: emails are proven in a complete listing.
    expect(r.stderr).toMatch(/warning: The server rejects the filter emails\.value eq/);
    expect(stderrError(r)).toMatchObject({ code: 'not-found', details: { proven: true, resolvedBy: 'complete-listing', candidates: [{ id: user?.id, matchedOn: ['email'] }] } });
  });
});

describe('serving commands', () => {
  it('sandbox prints {url, token}, serves that tenant, and exits 0 on SIGTERM', async () => {
    const running = await startCli<{ url: string; token: string }>(['sandbox', '--users', '12', '--json']);
    try {
      expect(Object.keys(running.doc).sort()).toEqual(['token', 'url']);
      expect(running.doc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      const res = await fetch(`${running.doc.url}/Users?count=1`, { headers: { Authorization: `Bearer ${running.doc.token}` } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { totalResults: number }).totalResults).toBe(12);
      expect(await running.stop()).toBe(0);
    } finally {
      running.kill();
    }
  });

  it('serve --no-open prints {url} with the secret in the fragment, guards its API, and exits 0 on SIGTERM', async () => {
    const running = await startCli<{ url: string }>(['serve', '--no-open', '--json']);
    try {
      expect(Object.keys(running.doc)).toEqual(['url']);
      const url = new URL(running.doc.url);
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.hash).toMatch(/^#secret=.{20,}/);
      const res = await fetch(`${url.origin}/api/app.info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(403);
      expect(await running.stop()).toBe(0);
    } finally {
      running.kill();
    }
  });
});
