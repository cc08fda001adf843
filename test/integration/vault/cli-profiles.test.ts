// `scim-inspector profiles …` end to end: the real CLI in a child process, the real keychain
// (run under test/support/with-keyring.sh) and a real SCIM server (Better Auth) on 127.0.0.1.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBetterAuthScim, type PeerHandle } from '../../support/peers';
import { REPO_ROOT as ROOT, runCli, type CliResult } from '../cli/spawn-cli';
import { fileDir } from '../../support/temp-dir';

const home = fileDir('scim-inspector-cli-profiles-');
let peer: PeerHandle;

/** The real CLI with this test's data folder and the throw-away keyring's bus (with-keyring.sh). */
function cli(args: string[], stdin = ''): Promise<CliResult> {
  const env: Record<string, string> = { HOME: process.env.HOME ?? home, SCIM_INSPECTOR_HOME: home };
  // Without the bus variables the CLI must say the keychain is missing.
  for (const key of ['DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'XDG_DATA_HOME']) if (process.env[key]) env[key] = process.env[key] as string;
  return runCli(args, { env, stdin, timeoutMs: 25_000 });
}

function everyFile(): string {
  return readdirSync(home).map((f) => readFileSync(join(home, f), 'utf8')).join('\n');
}

beforeAll(async () => {
  peer = await startBetterAuthScim({ users: 2 });
});
afterAll(async () => {
  await cli(['profiles', 'remove', 'peer']).catch(() => undefined);
  await peer.close();
});

// The tests build on each other in order (add → set-token → test → remove), like an admin would.
// Each CLI start costs seconds of tsx start-up on a busy machine; the default 30 s is too tight.
describe('scim-inspector profiles', { timeout: 90_000 }, () => {
  it('adds a profile, stores its token from stdin and tests the connection', async () => {
    const added = await cli(['profiles', 'add', 'peer', '--url', peer.url, '--read-only', '--header', 'X-Tenant: t1', '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ profile: { name: 'peer', readOnly: true, headers: ['X-Tenant'], token: { hasToken: false } } });

    const set = await cli(['profiles', 'set-token', 'peer', '--json'], `Bearer ${peer.token}\n`);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toMatch(/Removed a leading "Bearer "/);
    expect(JSON.parse(set.stdout)).toMatchObject({ profile: 'peer', token: { hasToken: true, length: peer.token.length, last4: peer.token.slice(-4) } });
    expect(set.stdout + set.stderr).not.toContain(peer.token);
    expect(everyFile()).not.toContain(peer.token);

    const tested = await cli(['profiles', 'test', 'peer', '--json']);
    expect(tested.code, tested.stderr).toBe(0);
    const doc = JSON.parse(tested.stdout) as { ok: boolean; table: Array<{ label: string }>; roundTripMs: number };
    expect(doc.ok).toBe(true);
    expect(doc.table.map((r) => r.label)).toContain('Max page size');
    expect(tested.stdout + tested.stderr).not.toContain(peer.token);
    // The behaviour probe ran with the test, and the profile keeps what it saw, with its date.
    const observed = (JSON.parse(tested.stdout) as { observed: { observedAt: string; filters: Record<string, { verdict: string }> } }).observed;
    expect(observed.filters['Users.userName']?.verdict).toBe('honoured');
    expect(observed.filters['Users.active']?.verdict).toBe('rejected');
    const stored = (JSON.parse(readFileSync(join(home, 'profiles.json'), 'utf8')) as { profiles: { observed?: { observedAt: string } }[] }).profiles[0];
    expect(stored?.observed?.observedAt).toBe(observed.observedAt);

    // discover --probe records them again (a later date) and prints them under "observed".
    const probed = await cli(['discover', '--probe', '--profile', 'peer', '--json']);
    expect(probed.code, probed.stderr).toBe(0);
    const again = (JSON.parse(probed.stdout) as { observed: { observedAt: string } }).observed;
    expect(Date.parse(again.observedAt)).toBeGreaterThan(Date.parse(observed.observedAt));
    const restored = (JSON.parse(readFileSync(join(home, 'profiles.json'), 'utf8')) as { profiles: { observed?: { observedAt: string } }[] }).profiles[0];
    expect(restored?.observed?.observedAt).toBe(again.observedAt);

    const listed = await cli(['profiles', 'list', '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ profiles: [{ name: 'peer', token: { hasToken: true } }] });
    expect(listed.stdout).not.toContain(peer.token);
  });

  it('keeps the old token when --verify finds the new one refused, and exits 1', async () => {
    const refused = await cli(['profiles', 'set-token', 'peer', '--verify'], 'definitely-not-the-token\n');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/old token was kept/);
    expect(refused.stderr).not.toContain('definitely-not-the-token');
    expect((await cli(['profiles', 'test', 'peer'])).code).toBe(0);
  });

  it('refuses a malformed or empty token on stdin with exit 2', async () => {
    const spaced = await cli(['profiles', 'set-token', 'peer'], 'two words\n');
    expect(spaced.code).toBe(2);
    expect(spaced.stderr).toMatch(/whitespace/);
    expect((await cli(['profiles', 'set-token', 'peer'], '')).code).toBe(2);
  });

  it('prompts on a terminal without echoing the token', async () => {
    // `script` (util-linux) gives the CLI a real pseudo-terminal; the token is typed only once the
    // prompt is shown, so any echo would come from the CLI's terminal mode, not from timing.
    const command = `${JSON.stringify(process.execPath)} --import tsx electron/host/cli/index.ts profiles set-token peer`;
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? home, SCIM_INSPECTOR_HOME: home };
    for (const key of ['DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'XDG_DATA_HOME']) if (process.env[key]) env[key] = process.env[key] as string;
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn('script', ['-qefc', command, '/dev/null'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
      let output = '';
      let typed = false;
      const onData = (d: Buffer): void => {
        output += d.toString('utf8');
        if (!typed && output.includes('input is hidden')) {
          typed = true;
          child.stdin.write(`${peer.token}\r`);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`hidden prompt timed out: ${output}`));
      }, 30_000);
      child.on('error', reject);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve({ code: c, output });
      });
    });
    expect(code, output).toBe(0);
    expect(output).toMatch(/Stored the token for "peer"/);
    expect(output).not.toContain(peer.token);
    expect((await cli(['profiles', 'test', 'peer'])).code).toBe(0);
  });

  it('browses with --profile, reading the token from the keychain, and keeps it out of the HAR', async () => {
    const har = join(home, 'session.har');
    const listed = await cli(['users', 'list', '--profile', 'peer', '--har', har, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { count: number }).count).toBe(2);
    expect(readFileSync(har, 'utf8')).toMatch(/authorization/i);
    expect(listed.stdout + listed.stderr + readFileSync(har, 'utf8')).not.toContain(peer.token);
  });

  it('removes the profile and its keychain entry; a later test says the profile is gone', async () => {
    const removed = await cli(['profiles', 'remove', 'peer', '--json']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({ removed: { name: 'peer' }, notices: [] });
    expect((await cli(['profiles', 'test', 'peer'])).code).toBe(3);
  });
});
