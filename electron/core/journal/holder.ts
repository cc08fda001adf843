// Who holds a journal lock, and whether that holder still runs. A pid alone is not enough: after a
// crash the pid can be reused by an unrelated process (or by a process after a reboot), so a lock
// records the holder's process start time and the boot it ran in, and only an exact match counts
// as the same process still running.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockHolder {
  pid: number;
  /** Process start time as the OS reports it (Linux: clock ticks since boot); null where unknown. */
  started: string | null;
  /** Linux boot id; pids and start times only compare within one boot. */
  boot: string | null;
  host: string;
  /** ISO time the lock was taken (for messages). */
  at: string;
}

export type Liveness = 'alive' | 'dead' | 'other-host';

function procStat(pid: number): { state: string; started: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parens, so split after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = rest[0];
    const started = rest[19]; // field 22, starttime
    return state !== undefined && started !== undefined ? { state, started } : null;
  } catch {
    return null;
  }
}

/** The start time of a process, or null when this OS cannot tell (then the pid alone decides). */
export function processStart(pid: number): string | null {
  if (process.platform === 'linux') return procStat(pid)?.started ?? null;
  if (process.platform === 'win32') return null;
  // macOS and the BSDs: ps prints the start time to the second, enough to tell a reused pid.
  const out = spawnSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8' });
  const text = out.status === 0 ? out.stdout.trim() : '';
  return text === '' ? null : text;
}

let ownBoot: string | null | undefined;
function bootId(): string | null {
  if (ownBoot === undefined) {
    try {
      ownBoot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
    } catch {
      ownBoot = null; // not Linux: start times are absolute there, so no boot id is needed
    }
  }
  return ownBoot;
}

let self: Omit<LockHolder, 'at'> | undefined;
export function thisProcess(): LockHolder {
  self ??= { pid: process.pid, started: processStart(process.pid), boot: bootId(), host: hostname() };
  return { ...self, at: new Date().toISOString() };
}

export function isLockHolder(value: unknown): value is LockHolder {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.pid === 'number' &&
    Number.isInteger(v.pid) &&
    v.pid > 0 &&
    (v.started === null || typeof v.started === 'string') &&
    (v.boot === null || typeof v.boot === 'string') &&
    typeof v.host === 'string' &&
    typeof v.at === 'string'
  );
}

/** Whether the process that wrote `holder` still runs on this machine. */
export function liveness(holder: LockHolder): Liveness {
  const me = thisProcess();
  // Another machine (a journal on a network share): its pids mean nothing here.
  if (holder.host !== me.host) return 'other-host';
  if (holder.boot !== null && me.boot !== null && holder.boot !== me.boot) return 'dead';
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the pid exists but belongs to another user; it may be the holder, so it counts.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return 'dead';
  }
  if (process.platform === 'linux') {
    const stat = procStat(holder.pid);
    if (stat === null) return 'dead'; // exited between the two checks
    if (stat.state === 'Z' || stat.state === 'X') return 'dead'; // exited, not yet reaped by its parent
    return holder.started === null || stat.started === holder.started ? 'alive' : 'dead';
  }
  const started = processStart(holder.pid);
  return holder.started === null || started === null || started === holder.started ? 'alive' : 'dead';
}
