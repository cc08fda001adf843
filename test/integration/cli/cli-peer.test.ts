// The real CLI, spawned, against a third-party SCIM server (Better Auth's SCIM plugin) on
// 127.0.0.1: the documents, streams and exit codes of design/cli.md, checked from outside.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser, startBetterAuthScim, type PeerHandle } from '../../support/peers/index';
import { runCli, stderrError } from './spawn-cli';

const USERS = 130; // more than Better Auth's page cap of 100, so paging is exercised
let peer: PeerHandle;
let dir: string;
const conn = (): string[] => ['--url', peer.url, '--token-env', 'PEER_TOKEN'];
const env = (): Record<string, string> => ({ PEER_TOKEN: peer.token });

beforeAll(async () => {
  peer = await startBetterAuthScim({ users: USERS });
  dir = await mkdtemp(join(tmpdir(), 'cli-peer-'));
});

afterAll(async () => {
  await peer?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('scim-inspector against Better Auth SCIM', () => {
  it('users list --json prints only the document, every seeded user exactly once, and --har without the token', async () => {
    const har = join(dir, 'list.har');
    const r = await runCli(['users', 'list', ...conn(), '--json', '--har', har], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { complete: boolean; count: number; reportedTotal: number | null; warnings: string[]; Resources: { id: string }[] };
    expect(Object.keys(doc).sort()).toEqual(['Resources', 'complete', 'count', 'reportedTotal', 'warnings']);
    expect(doc.complete).toBe(true);
    expect(doc.count).toBe(USERS);
    expect(doc.Resources.map((u) => u.id).sort()).toEqual([...peer.seedUserIds].sort());

    const harText = await readFile(har, 'utf8');
    expect(harText).not.toContain(peer.token);
    const entries = (JSON.parse(harText) as { log: { entries: { request: { url: string } }[] } }).log.entries;
    expect(entries.some((e) => e.request.url.includes('/Users'))).toBe(true);
  });

  it('--ndjson prints one resource a line and the summary on stderr', async () => {
    const r = await runCli(['users', 'list', ...conn(), '--ndjson', '--filter', `userName eq "${seedUser(7).userName}"`], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect((JSON.parse(lines[0] ?? '') as { userName: string }).userName).toBe(seedUser(7).userName);
    const summary = r.stderr.split('\n').find((l) => l.startsWith('{"summary"'));
    expect(JSON.parse(summary ?? '{}')).toEqual({ summary: { complete: true, count: 1, reportedTotal: 1, warnings: [] } });
  });

  it('--limit prints what it got and exits 1, because the list is not complete', async () => {
    const r = await runCli(['users', 'list', ...conn(), '--json', '--limit', '5'], { env: env() });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { complete: boolean; count: number };
    expect(doc).toMatchObject({ complete: false, count: 5 });
  });

  it('find user by primary email returns that one user; an unknown value exits 3', async () => {
    const found = await runCli(['find', 'user', seedUser(3).email.toUpperCase(), ...conn(), '--json'], { env: env() });
    expect(found.code, found.stderr).toBe(0);
    expect(JSON.parse(found.stdout)).toMatchObject({ id: peer.seedUserIds[3], userName: seedUser(3).userName });

    const missing = await runCli(['find', 'user', 'nobody@example.test', ...conn(), '--json'], { env: env() });
    expect(missing.code).toBe(3);
    expect(missing.stdout).toBe('');
    expect(stderrError(missing)).toMatchObject({ code: 'not-found', details: { candidates: [] } });
  });

  it('get users ID returns the resource; an unknown id exits 3', async () => {
    const id = peer.seedUserIds[0] ?? '';
    const got = await runCli(['get', 'users', id, ...conn(), '--json'], { env: env() });
    expect(got.code, got.stderr).toBe(0);
    expect(JSON.parse(got.stdout)).toMatchObject({ id, userName: seedUser(0).userName });
    const missing = await runCli(['get', 'users', 'no-such-id', ...conn(), '--json'], { env: env() });
    expect(missing.code).toBe(3);
    expect(stderrError(missing).code).toBe('not-found');
  });

  it('a wrong token fails with exit 1 and a message that does not contain the token', async () => {
    const r = await runCli(['users', 'list', ...conn(), '--json'], { env: { PEER_TOKEN: 'wrong-token-value-123' } });
    expect(r.code).toBe(1);
    expect(stderrError(r).code).toBe('unauthorized');
    expect(r.stderr).not.toContain('wrong-token-value-123');
  });
});

describe('scim-inspector usage errors (spawned, no server)', () => {
  it('an unknown flag exits 2 with a usage line; --token is refused with the reason', async () => {
    const unknown = await runCli(['users', 'list', '--sandbox', '--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/Unknown option "--colour"[\s\S]*usage: scim-inspector users list/);

    const token = await runCli(['users', 'list', '--url', 'https://x.example/scim', '--token', 'abc-secret', '--json']);
    expect(token.code).toBe(2);
    expect(stderrError(token).message).toMatch(/never accepted as a command-line argument.*shell history/);
    expect(token.stderr).not.toContain('abc-secret');
  });
});
