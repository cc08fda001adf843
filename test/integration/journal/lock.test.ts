// The journal lock with real processes: a live holder refuses (naming its pid), a dead one's lock
// is taken over, a reused pid is told apart by its start time, and when many processes race for
// one stale lock exactly one of them gets it.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockFileOf, lockJournal } from '../../../electron/core/journal/lock';
import { processStart } from '../../../electron/core/journal/holder';
import { REPO_ROOT } from '../cli/spawn-cli';
import { deadPid, plantLock } from '../../support/stale-lock';

let dir: string;
let n = 0;
const journal = (): string => join(dir, `j${(n += 1)}.jsonl`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-lock-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});


describe('journal lock', () => {
  it('refuses a second holder while the first runs, naming its pid, and is free again after release', async () => {
    const path = journal();
    const first = await lockJournal(path);
    await expect(lockJournal(path)).rejects.toMatchObject({ code: 'refused-in-use', details: { pid: process.pid } });
    await expect(lockJournal(path)).rejects.toThrow(`process ${process.pid} (this app)`);
    await first.release();
    const again = await lockJournal(path);
    expect(again.tookOver).toBeNull();
    await again.release();
  });

  it('takes over a lock whose holder no longer runs, and says whose it was', async () => {
    const path = journal();
    const pid = deadPid();
    await plantLock(path, { pid, started: '1' });
    const lock = await lockJournal(path);
    expect(lock.tookOver?.pid).toBe(pid);
    expect(JSON.parse(await readFile(lockFileOf(path), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('tells a reused pid from the holder by its start time', async () => {
    const path = journal();
    // A running process (this one's parent) under a lock written by an earlier process that had its pid.
    const started = processStart(process.ppid);
    expect(started).not.toBeNull();
    await plantLock(path, { pid: process.ppid, started: `${started ?? ''}0` });
    const lock = await lockJournal(path);
    expect(lock.tookOver?.pid).toBe(process.ppid);
    await lock.release();
    // The same pid with its true start time is a live holder.
    await plantLock(path, { pid: process.ppid, started });
    await expect(lockJournal(path)).rejects.toMatchObject({ code: 'refused-in-use', details: { pid: process.ppid } });
  });

  it('never judges a lock from another machine (network share), and never removes a lock it cannot read', async () => {
    const path = journal();
    await plantLock(path, { host: `not-${hostname()}`, pid: deadPid() });
    await expect(lockJournal(path)).rejects.toThrow(/another machine/);
    await writeFile(lockFileOf(path), 'not a lock\n');
    await expect(lockJournal(path)).rejects.toMatchObject({ code: 'refused-in-use' });
    expect(await readFile(lockFileOf(path), 'utf8')).toBe('not a lock\n');
  });

  it('waits for a short holder when asked to (appends shared between processes)', async () => {
    const path = journal();
    const first = await lockJournal(path);
    setTimeout(() => void first.release(), 100);
    const second = await lockJournal(path, { waitMs: 10_000 });
    expect(second.tookOver).toBeNull();
    await second.release();
  });

  it('gives a stale lock to exactly one of six processes racing for it', { timeout: 90_000 }, async () => {
    const path = journal();
    const stale = deadPid();
    await plantLock(path, { pid: stale, started: '1' });
    const contenders = Array.from({ length: 6 }, () =>
      spawn(process.execPath, ['--import', 'tsx', 'test/support/lock-contender.ts', path], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    const said = contenders.map((child) => {
      const lines: string[] = [];
      const waiters: (() => void)[] = [];
      createInterface({ input: child.stdout }).on('line', (l) => {
        lines.push(l);
        for (const w of waiters.splice(0)) w();
      });
      return { lines, next: (count: number) => new Promise<void>((done) => (lines.length >= count ? done() : waiters.push(() => lines.length >= count && done()))) };
    });
    try {
      await Promise.all(said.map((s) => s.next(1)));
      for (const child of contenders) child.stdin.write('go\n');
      await Promise.all(said.map((s) => s.next(2)));
      const answers = said.map((s) => s.lines[1] ?? '');
      const winners = answers.filter((a) => a.startsWith('GOT'));
      expect(winners, answers.join('\n')).toHaveLength(1);
      const winnerPid = contenders[answers.findIndex((a) => a.startsWith('GOT'))]?.pid;
      for (const a of answers.filter((x) => !x.startsWith('GOT'))) expect(a).toBe(`REFUSED refused-in-use ${winnerPid}`);
    } finally {
      for (const child of contenders) child.stdin.end();
      await Promise.all(contenders.map((c) => new Promise((done) => (c.exitCode !== null ? done(null) : c.on('exit', done)))));
    }
    // The winner released on exit; nothing is left behind but the journal's folder.
    await expect(readFile(lockFileOf(path), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
