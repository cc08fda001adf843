// What an admin relies on from the journal lock beyond "one holder at a time" (lock.test.ts): the
// lock file is owner-only and the only thing left in the folder; a lock this app did not write is
// never judged or removed; a release never removes somebody else's lock; a lock from before a
// reboot, or from a process that exited but was not yet reaped, is stale; a half-finished take-over
// (the `.break` file) by a dead breaker is cleared and a live breaker is waited for; and a journal
// folder that does not exist is named instead of failing obscurely.

import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { lockFileOf, lockJournal } from '../../../electron/core/journal/lock';
import { isLockHolder, liveness, processStart, thisProcess } from '../../../electron/core/journal/holder';
import { deadPid, plantLock } from '../../support/stale-lock';
import { fileDir } from '../../support/temp-dir';

const dir = fileDir('journal-lock-contract-');
let n = 0;
const journal = (): string => join(dir, `j${(n += 1)}`, 'changes.jsonl');
/** A journal in its own (existing) folder, so the folder's listing is this test's alone. */
async function ownJournal(): Promise<string> {
  const path = journal();
  await mkdir(join(path, '..'));
  return path;
}

describe('the lock file', () => {
  it('is owner-only, is the only file the lock leaves in the folder, and is gone after release', async () => {
    const path = await ownJournal();
    const lock = await lockJournal(path);
    expect(lock.file).toBe(`${path}.lock`);
    expect((await stat(lock.file)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(path, '..'))).toEqual(['changes.jsonl.lock']);
    const holder: unknown = JSON.parse(await readFile(lock.file, 'utf8'));
    expect(isLockHolder(holder)).toBe(true);
    expect(holder).toMatchObject({ pid: process.pid, host: hostname() });
    await lock.release();
    expect(await readdir(join(path, '..'))).toEqual([]);
  });

  it('a release after the lock file was deleted by hand is no error', async () => {
    const path = await ownJournal();
    const lock = await lockJournal(path);
    await unlink(lock.file);
    await expect(lock.release()).resolves.toBeUndefined();
    expect(await readdir(join(path, '..'))).toEqual([]);
  });

  it('a release never removes a lock someone else holds now (a second release of an old lock included)', async () => {
    const path = await ownJournal();
    const first = await lockJournal(path);
    await first.release();
    const second = await lockJournal(path);
    const held = await readFile(lockFileOf(path), 'utf8');
    await first.release(); // late, repeated: must not free the second holder's lock
    expect(await readFile(lockFileOf(path), 'utf8')).toBe(held);
    await expect(lockJournal(path)).rejects.toMatchObject({ code: 'refused-in-use' });
    // Replaced behind the holder's back (another process broke it): its release leaves that one too.
    const theirs = await plantLock(path, { pid: process.ppid, started: processStart(process.ppid) });
    await second.release();
    expect(await readFile(lockFileOf(path), 'utf8')).toBe(theirs);
  });

  it('names a journal folder that does not exist, with the lock file, instead of taking no lock', async () => {
    const path = join(dir, 'no-such-folder', 'changes.jsonl');
    const error = await lockJournal(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'io', details: { file: `${path}.lock` } });
    expect((error as Error).message).toContain(`Cannot create the lock ${path}.lock for the journal`);
    expect((error as Error).message).toMatch(/ENOENT.*must be writable; nothing was sent\.$/);
  });

  it('a lock path that cannot be read (a folder) is an error, not a free lock', async () => {
    const path = await ownJournal();
    await mkdir(lockFileOf(path));
    await expect(lockJournal(path)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});

describe('who holds it', () => {
  const valid = { ...thisProcess(), pid: deadPid() };
  const damaged: [string, unknown][] = [
    ['not JSON', 'pid=1'],
    ['JSON null', null],
    ['a number', 42],
    ['pid as text', { ...valid, pid: String(valid.pid) }],
    ['pid not whole', { ...valid, pid: 1.5 }],
    ['pid 0', { ...valid, pid: 0 }],
    ['pid negative', { ...valid, pid: -1 }],
    ['started a number', { ...valid, started: 5 }],
    ['boot a number', { ...valid, boot: 5 }],
    ['host missing', { ...valid, host: undefined }],
    ['at missing', { ...valid, at: undefined }],
  ];
  it.each(damaged)('a lock holding %s is not this app’s: refused, named, and left in place', async (_what, holder) => {
    const path = await ownJournal();
    const text = typeof holder === 'string' ? `${holder}\n` : `${JSON.stringify(holder)}\n`;
    await writeFile(lockFileOf(path), text);
    const error = await lockJournal(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'refused-in-use', details: { file: lockFileOf(path) } });
    expect((error as Error).message).toBe(`The lock ${lockFileOf(path)} is not one this app wrote, so the journal may be in use. If no SCIM Inspector is running on it, delete ${lockFileOf(path)} and try again.`);
    expect(await readFile(lockFileOf(path), 'utf8')).toBe(text);
  });

  it('a holder with no start time or boot id recorded is judged by its pid alone', async () => {
    const path = await ownJournal();
    await plantLock(path, { pid: process.ppid, started: null, boot: null });
    await expect(lockJournal(path)).rejects.toMatchObject({ code: 'refused-in-use', details: { pid: process.ppid, host: hostname() } });
    await plantLock(path, { pid: deadPid(), started: null, boot: null });
    const lock = await lockJournal(path);
    expect(lock.tookOver).toMatchObject({ started: null, boot: null });
    await lock.release();
  });

  it('a live holder is named with its pid, host and since when; only this process is called "this app"', async () => {
    const path = await ownJournal();
    const at = '2026-12-03T10:00:00.000Z';
    await plantLock(path, { pid: process.ppid, started: processStart(process.ppid), at });
    await expect(lockJournal(path)).rejects.toThrow(
      `The journal ${path} is in use: process ${process.ppid} on ${hostname()}, since ${at} is using it; wait for it to finish (or stop it) and try again. Nothing was sent.`,
    );
    await plantLock(path, { at });
    await expect(lockJournal(path)).rejects.toThrow(`process ${process.pid} (this app) on ${hostname()}, since ${at} is using it`);
  });

  it('another machine’s lock names that machine and its pid, and says what to delete', async () => {
    const path = await ownJournal();
    const host = `not-${hostname()}`;
    await plantLock(path, { host, pid: 4242 });
    await expect(lockJournal(path)).rejects.toThrow(`The journal ${path} is in use: another machine (${host}, process 4242) holds it; if nothing runs there any more, delete ${lockFileOf(path)}. Nothing was sent.`);
    await expect(lockJournal(path)).rejects.toMatchObject({ details: { file: lockFileOf(path), pid: 4242, host } });
  });

  it('a lock written before a reboot is stale even when its pid runs now', async () => {
    const me = thisProcess();
    expect(me.boot).not.toBeNull();
    const path = await ownJournal();
    // This very process, by pid and start time, but in another boot: a reused pid after a restart.
    await plantLock(path, { boot: `${me.boot ?? ''}-before` });
    expect(liveness({ ...me, boot: `${me.boot ?? ''}-before` })).toBe('dead');
    expect(liveness(me)).toBe('alive');
    const lock = await lockJournal(path);
    expect(lock.tookOver).toMatchObject({ pid: process.pid, boot: `${me.boot ?? ''}-before` });
    await lock.release();
  });

  it('a holder that exited but was not yet reaped by its parent (a zombie) is dead', { timeout: 30_000 }, async () => {
    // `sleep 0 &` exits at once; its parent then execs a long sleep that never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 60'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const zombie = Number(await new Promise<string>((done) => createInterface({ input: parent.stdout }).once('line', done)));
      const started = processStart(zombie);
      let state = '';
      // Until the child has exited: its stat then says Z (a zombie still answers kill(pid, 0)).
      for (let i = 0; i < 2000 && state !== 'Z'; i += 1) {
        state = (await readFile(`/proc/${zombie}/stat`, 'utf8')).split(') ')[1]?.[0] ?? '';
        if (state !== 'Z') await new Promise((done) => setTimeout(done, 5));
      }
      expect(state).toBe('Z');
      expect(() => process.kill(zombie, 0)).not.toThrow();
      expect(liveness({ ...thisProcess(), pid: zombie, started })).toBe('dead');
      const path = await ownJournal();
      await plantLock(path, { pid: zombie, started });
      const lock = await lockJournal(path);
      expect(lock.tookOver?.pid).toBe(zombie);
      await lock.release();
    } finally {
      parent.kill('SIGKILL');
      await new Promise((done) => (parent.exitCode !== null || parent.signalCode !== null ? done(null) : parent.once('exit', done)));
    }
  });
});

describe('this process as a holder', () => {
  it('is recorded with its pid, its start time from /proc, the kernel’s boot id and the host', async () => {
    // A fresh copy of the module: it keeps this process's record once made, for every later lock.
    vi.resetModules();
    const fresh = await import('../../../electron/core/journal/holder');
    const me = fresh.thisProcess();
    const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    expect(me).toEqual({
      pid: process.pid,
      started: stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19],
      boot: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(),
      host: hostname(),
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(me.boot).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(fresh.thisProcess().boot).toBe(me.boot);
  });

  it('a process that no longer runs has no start time', () => {
    expect(processStart(deadPid())).toBeNull();
    expect(processStart(process.pid)).toMatch(/^\d+$/);
  });

  it('only an object with every field is a holder', () => {
    const me = thisProcess();
    for (const value of [null, undefined, 42, 'holder', [me]]) expect(isLockHolder(value)).toBe(false);
    expect(isLockHolder(me)).toBe(true);
    expect(isLockHolder({ ...me, started: null, boot: null })).toBe(true);
  });
});

describe('taking over a stale lock', () => {
  it('clears a take-over a dead breaker left half done, and a break file this app did not write', async () => {
    for (const breaker of [`${JSON.stringify({ ...thisProcess(), pid: deadPid() })}\n`, 'garbage\n']) {
      const path = await ownJournal();
      const stale = deadPid();
      await plantLock(path, { pid: stale, started: '1' });
      await writeFile(`${lockFileOf(path)}.break`, breaker);
      const lock = await lockJournal(path);
      expect(lock.tookOver?.pid).toBe(stale);
      expect((await readdir(join(path, '..'))).sort()).toEqual(['changes.jsonl.lock']);
      await lock.release();
    }
  });

  it('waits while a live process is breaking the same stale lock, and takes it once that one is done', async () => {
    const path = await ownJournal();
    const stale = deadPid();
    await plantLock(path, { pid: stale, started: '1' });
    const breakFile = `${lockFileOf(path)}.break`;
    await writeFile(breakFile, `${JSON.stringify(thisProcess())}\n`);
    let settled = false;
    const taking = lockJournal(path).finally(() => {
      settled = true;
    });
    // The live breaker is left alone while it works: the lock is not taken meanwhile.
    for (let i = 0; i < 5; i += 1) await new Promise((done) => setTimeout(done, 20));
    expect(settled).toBe(false);
    expect(await readFile(breakFile, 'utf8')).toContain(`"pid":${process.pid}`);
    await unlink(breakFile);
    const lock = await taking;
    expect(lock.tookOver?.pid).toBe(stale);
    expect(await readdir(join(path, '..'))).toEqual(['changes.jsonl.lock']);
    await lock.release();
  });
});

describe('on macOS, the BSDs and Windows', () => {
  /** Runs `body` with process.platform reading `platform` (the holder module asks it on each call). */
  function as<T>(platform: NodeJS.Platform, body: () => T): T {
    const real = Object.getOwnPropertyDescriptor(process, 'platform');
    Object.defineProperty(process, 'platform', { value: platform, configurable: true });
    try {
      return body();
    } finally {
      if (real) Object.defineProperty(process, 'platform', real);
    }
  }

  it('macOS tells a reused pid by the start time ps prints; a pid ps does not know has none', () => {
    const started = as('darwin', () => processStart(process.ppid));
    expect(started).toMatch(/^\w{3} \w{3} +\d+ \d\d:\d\d:\d\d \d{4}$/);
    const dead = deadPid();
    as('darwin', () => {
      expect(processStart(dead)).toBeNull();
      const holder = { ...thisProcess(), pid: process.ppid };
      expect(liveness({ ...holder, started })).toBe('alive');
      expect(liveness({ ...holder, started: 'Mon Jan  1 00:00:00 2024' })).toBe('dead');
      expect(liveness({ ...holder, started: null })).toBe('alive');
      expect(liveness({ ...holder, pid: dead, started: null })).toBe('dead');
    });
  });

  it('Windows records no start time, so the pid alone decides', () => {
    as('win32', () => {
      expect(processStart(process.ppid)).toBeNull();
      expect(liveness({ ...thisProcess(), pid: process.ppid, started: 'whatever was recorded' })).toBe('alive');
    });
  });
});
