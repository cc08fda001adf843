// The human table of `users list` / `groups list` streams (issue 15): rows are on stdout before the
// listing's last page is served (the sandbox holds that page back until they show), every resource
// is printed once, and the count line still comes last and says whether the listing was verified
// complete. `groups list --members` fills in members page by page before they are printed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { runCli } from './spawn-cli';

let sb: SandboxHandle;
const USERS = 300;
const conn = (): string[] => ['--url', sb.url, '--token-env', 'SANDBOX_TOKEN'];
const env = (): Record<string, string> => ({ SANDBOX_TOKEN: sb.token });

beforeAll(async () => {
  sb = await startSandbox({ vendor: 'rfc', users: USERS });
});

afterAll(async () => {
  sb?.onListPage(null);
  await sb?.close();
});

/** Data rows: lines whose first cell is an id of `kind` in the sandbox. */
const rowIds = (stdout: string, kind: 'Users' | 'Groups'): string[] =>
  stdout
    .split('\n')
    .map((l) => l.split(/\s+/)[0] ?? '')
    .filter((id) => id !== '' && sb.store.get(kind, id) !== undefined);

describe('streamed human table', () => {
  it('prints rows before the last page is served, each user once, then the count line', async () => {
    let shown: () => void = () => undefined;
    const rowsShown = new Promise<void>((resolve) => (shown = resolve));
    let releasedBy: 'rows' | 'safety net' | null = null;
    sb.onListPage(async ({ kind, params }) => {
      if (kind !== 'Users' || Number(params.get('startIndex') ?? 1) <= USERS - 20) return;
      // A safety net so a collecting CLI fails this test instead of hanging it; not a speed claim.
      let timer: NodeJS.Timeout | undefined;
      const net = new Promise<'safety net'>((resolve) => (timer = setTimeout(() => resolve('safety net'), 60_000)));
      releasedBy = await Promise.race([rowsShown.then(() => 'rows' as const), net]);
      clearTimeout(timer);
    });
    try {
      const r = await runCli(['users', 'list', ...conn(), '--page-size', '20', '--concurrency', '1'], {
        env: env(),
        timeoutMs: 120_000,
        onStdout: (soFar) => {
          if (rowIds(soFar, 'Users').length > 0) shown();
        },
      });
      expect(r.code, r.stderr).toBe(0);
      expect(releasedBy).toBe('rows');
      const ids = rowIds(r.stdout, 'Users');
      expect(ids).toHaveLength(USERS);
      expect(new Set(ids)).toEqual(new Set(sb.store.ids('Users')));
      expect(r.stdout.split('\n')[0]).toMatch(/^id\s+userName\s+displayName\s+email\s+active\s+externalId$/);
      expect(r.stdout).toMatch(new RegExp(`\\n\\n${USERS} users, server reports ${USERS}; complete\\n$`));
    } finally {
      sb.onListPage(null);
    }
  }, 180_000);

  it('groups list --members: member counts filled in page by page, as the server holds them', async () => {
    sb.setFaults({ listOmitsMembers: true });
    try {
      const r = await runCli(['groups', 'list', '--members', ...conn(), '--page-size', '7'], { env: env(), timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(0);
      const rows = r.stdout.split('\n').filter((l) => sb.store.get('Groups', l.split(/\s+/)[0] ?? '') !== undefined);
      expect(rows).toHaveLength(sb.store.ids('Groups').length);
      for (const line of rows) {
        const id = line.split(/\s+/)[0] as string;
        const members = sb.store.get('Groups', id)?.res.members;
        expect(line, id).toMatch(new RegExp(`\\s${Array.isArray(members) ? members.length : 0}(\\s|$)`));
      }
      expect(r.stdout).toMatch(/; complete\n$/);
    } finally {
      sb.setFaults({});
    }
  });

  it('a listing that fails midway leaves the rows printed and says it is not complete', async () => {
    sb.onListPage(({ kind, params }) => {
      // This page is served; every request after it answers 500 (retries included).
      if (kind === 'Users' && Number(params.get('startIndex') ?? 1) > 100) sb.setFaults({ serverErrorBurst: { every: 1, length: 1, status: 500 } });
    });
    try {
      const r = await runCli(['users', 'list', ...conn(), '--page-size', '50', '--concurrency', '1'], { env: env(), timeoutMs: 120_000 });
      expect(r.code).not.toBe(0);
      const printed = rowIds(r.stdout, 'Users').length;
      expect(printed).toBeGreaterThanOrEqual(150);
      expect(r.stdout.endsWith(`\n\n${printed} users printed before the listing failed; NOT verified complete\n`)).toBe(true);
      expect(r.stderr).toMatch(/500/);
    } finally {
      sb.onListPage(null);
      sb.setFaults({});
    }
  });
});
