// The keyring runner itself: it gives the command a private session bus with a Secret Service,
// passes the exit code through, cleans up, and still runs the command (saying why) when it cannot
// start a keyring — so vault tests fail with the product's clear error rather than hang or skip.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../support/with-keyring.sh', import.meta.url));

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile('/bin/sh', [SCRIPT, ...args], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

/** Pids of live processes whose environment names this runtime dir (Linux /proc). */
function processesUsing(runtimeDir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`XDG_RUNTIME_DIR=${runtimeDir}`)) found.push(Number(entry));
    } catch {
      // The process ended while we looked, or is not ours to read: neither is a leftover of ours.
    }
  }
  return found;
}

const probe = `
const keytar = require('keytar');
keytar.setPassword('scim-inspector-runner-test', 'a', 'v')
  .then(() => keytar.getPassword('scim-inspector-runner-test', 'a'))
  .then((v) => { console.log(JSON.stringify({ bus: process.env.DBUS_SESSION_BUS_ADDRESS, runtime: process.env.XDG_RUNTIME_DIR, v })); process.exit(5); })
  .catch((e) => { console.error(e.message); process.exit(9); });`;

describe('test/support/with-keyring.sh', () => {
  it('runs the command with a working, private Secret Service and passes its exit code through', async () => {
    const outer = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/outer-bus' };
    const result = await run([process.execPath, '-e', probe], outer);
    expect(result.code, result.stderr).toBe(5);
    const inside = JSON.parse(result.stdout) as { bus: string; runtime: string; v: string };
    expect(inside.v).toBe('v');
    expect(inside.bus).not.toBe(outer.DBUS_SESSION_BUS_ADDRESS);
    // The throw-away keyring's directory is gone afterwards, and so is its daemon.
    expect(existsSync(inside.runtime)).toBe(false);
    expect(processesUsing(inside.runtime)).toEqual([]);
  });

  it('leaves no keyring daemon behind, even after a command that ends at once', async () => {
    const result = await run(['/bin/sh', '-c', 'echo "$XDG_RUNTIME_DIR"'], process.env);
    expect(result.code, result.stderr).toBe(0);
    const runtime = result.stdout.trim();
    expect(runtime).not.toBe('');
    expect(processesUsing(runtime)).toEqual([]);
  });

  it('says why and still runs the command when dbus or gnome-keyring is missing', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'with-keyring-path-'));
    try {
      symlinkSync(process.execPath, join(bin, 'node'));
      const result = await run(['node', '-e', 'process.exit(7)'], { PATH: bin });
      expect(result.code).toBe(7);
      expect(result.stderr).toMatch(/not found: dbus-run-session dbus-send gnome-keyring-daemon .*running without a keyring/);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('refuses to run without a command', async () => {
    const result = await run([], process.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage/);
  });
});
