// The change journal's format as the Journal view and its export read it: every field a record
// needs is checked (a damaged line is refused naming its line, never shown as something else),
// each valid form is taken, and intents and results are joined per change whatever order the
// results arrive in. The journal's folder is created owner-only, and a folder that cannot be
// created is named before anything is sent.

import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFileOf } from '../../../electron/core/journal/lock';
import { changeJournalPath, readChangeJournal } from '../../../electron/core/edit';
import { currentUser, recordIntent, recordWrite } from '../../../electron/core/edit/journal';
import { planPreview } from '../../../electron/core/edit/preview';
import { SCHEMAS, type ScimResource } from '../../../shared/scim';
import { testDir } from '../../support/temp-dir';

const user: ScimResource = { schemas: [SCHEMAS.user], id: 'u1', userName: 'ada@example.test', title: 'Engineer', meta: { version: 'W/"3"' } };
const preview = planPreview({ baseUrl: 'https://scim.example.test/v2', kind: 'Users', vendor: null, headers: {} }, user, { edited: { ...user, title: 'CTO' } });

const at = '2026-12-03T10:00:00.000Z';
const intent = {
  v: 1,
  at,
  type: 'change-intent',
  changeId: 'c1',
  who: 'ada',
  profile: 'prod',
  kind: 'Users',
  id: 'u1',
  request: { method: 'PATCH', url: 'https://scim.example.test/v2/Users/u1', headers: {}, body: {} },
  before: user,
  expected: { ...user, title: 'CTO' },
};
const result = { v: 1, at: '2026-12-03T10:00:01.000Z', type: 'change-result', changeId: 'c1', status: 200, outcome: 'applied', after: { ...user, title: 'CTO' }, error: null, warnings: ['w'] };

async function journalOf(...records: unknown[]): Promise<string> {
  const path = join(await testDir('edit-journal-contract-'), 'changes.jsonl');
  await writeFile(path, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return path;
}

describe('a change journal line', () => {
  const damaged: [string, unknown][] = [
    ['an intent of another format version', { ...intent, v: 2 }],
    ['an intent without its time', { ...intent, at: undefined }],
    ['an intent with a numeric change id', { ...intent, changeId: 7 }],
    ['an intent of an unknown type', { ...intent, type: 'change' }],
    ['an intent without who', { ...intent, who: undefined }],
    ['an intent with a numeric profile', { ...intent, profile: 3 }],
    ['an intent for another kind', { ...intent, kind: 'Schemas' }],
    ['an intent with a numeric id', { ...intent, id: 1 }],
    ['an intent without its request', { ...intent, request: null }],
    ['an intent with a list as request', { ...intent, request: [] }],
    ['an intent whose before has no id', { ...intent, before: { schemas: [SCHEMAS.user] } }],
    ['an intent whose before is a list', { ...intent, before: [user] }],
    ['an intent whose expected is null', { ...intent, expected: null }],
    ['a result with a text status', { ...result, status: '200' }],
    ['a result with an unknown outcome', { ...result, outcome: 'done' }],
    ['a result with an outcome that only a reader gives', { ...result, outcome: 'interrupted' }],
    ['a result with a numeric outcome', { ...result, outcome: 1 }],
    ['a result whose after has no id', { ...result, after: { title: 'CTO' } }],
    ['a result with a text error', { ...result, error: 'boom' }],
    ['a result without warnings', { ...result, warnings: undefined }],
    ['a result of an unknown type', { ...result, type: 'change-outcome' }],
    ['a list', [intent]],
    ['null', null],
  ];
  it.each(damaged)('is refused naming line 2 when it is %s', async (_what, record) => {
    const path = await journalOf(intent, record);
    await expect(readChangeJournal(path)).rejects.toMatchObject({ code: 'invalid-input', details: { file: path, line: 2 } });
  });

  it('is taken in each valid form: no profile, no status, no resource read back, an error, every outcome', async () => {
    const outcomes = ['applied', 'partially-applied', 'precondition-failed', 'conflict', 'refused', 'failed', 'unknown'];
    const records = outcomes.flatMap((outcome, i) => [
      { ...intent, changeId: `c${i}`, profile: null, kind: i % 2 === 0 ? 'Users' : 'Groups' },
      { ...result, changeId: `c${i}`, status: null, outcome, after: null, error: { code: 'network', message: 'reset' }, warnings: [] },
    ]);
    const { entries } = await readChangeJournal(await journalOf(...records));
    expect(entries.map((e) => [e.changeId, e.outcome, e.profile, e.responseStatus, e.after, e.error])).toEqual(
      outcomes.map((outcome, i) => [`c${i}`, outcome, null, null, null, { code: 'network', message: 'reset' }]),
    );
    expect(entries.map((e) => e.kind)).toEqual(['Users', 'Groups', 'Users', 'Groups', 'Users', 'Groups', 'Users']);
  });
});

describe('reading the change journal', () => {
  it('joins each result to its own intent, whatever order the results came in, and keeps every field', async () => {
    const second = { ...intent, changeId: 'c2', at: '2026-12-03T11:00:00.000Z', who: 'bob', profile: null, kind: 'Groups', id: 'g1', before: { schemas: [SCHEMAS.group], id: 'g1' }, expected: { schemas: [SCHEMAS.group], id: 'g1', displayName: 'X' } };
    const failed = { ...result, changeId: 'c2', at: '2026-12-03T11:00:02.000Z', status: 409, outcome: 'conflict', after: null, error: { code: 'conflict', message: 'taken' }, warnings: [] };
    const { entries, tornTail } = await readChangeJournal(await journalOf(intent, second, failed, result));
    expect(tornTail).toBe(false);
    expect(entries).toEqual([
      {
        changeId: 'c1',
        at,
        finishedAt: result.at,
        who: 'ada',
        profile: 'prod',
        kind: 'Users',
        id: 'u1',
        request: intent.request,
        responseStatus: 200,
        outcome: 'applied',
        before: user,
        expected: intent.expected,
        after: result.after,
        error: null,
        warnings: ['w'],
      },
      {
        changeId: 'c2',
        at: second.at,
        finishedAt: failed.at,
        who: 'bob',
        profile: null,
        kind: 'Groups',
        id: 'g1',
        request: intent.request,
        responseStatus: 409,
        outcome: 'conflict',
        before: second.before,
        expected: second.expected,
        after: null,
        error: { code: 'conflict', message: 'taken' },
        warnings: [],
      },
    ]);
  });

  it('refuses a result with no intent before it, naming the change and the file', async () => {
    const path = await journalOf(intent, result, { ...result, changeId: 'c9' });
    await expect(readChangeJournal(path)).rejects.toMatchObject({
      code: 'invalid-input',
      message: `${path}: a result for change c9 has no intent before it; the journal was edited.`,
      details: { file: path },
    });
  });

  it('an empty journal has no entries', async () => {
    expect(await readChangeJournal(await journalOf())).toEqual({ entries: [], tornTail: false });
  });
});

describe('recording a write', () => {
  it('records who made it as the OS account running the app', async () => {
    expect(currentUser()).toBe(userInfo().username);
    // A uid with no passwd entry (some containers): the login name from the environment, or "unknown".
    const noAccount = (): never => {
      throw new Error('ENOENT: no such file or directory, uv_os_get_passwd');
    };
    expect(currentUser({ USER: 'ada', USERNAME: 'ADA-PC' }, noAccount)).toBe('ada');
    expect(currentUser({ USERNAME: 'ADA-PC' }, noAccount)).toBe('ADA-PC');
    expect(currentUser({}, noAccount)).toBe('unknown');
    const path = changeJournalPath(await testDir('edit-journal-who-'));
    const change = await recordIntent(path, preview, null);
    await change.journal.close();
    const { entries } = await readChangeJournal(path);
    expect(entries[0]).toMatchObject({ who: userInfo().username, profile: null, outcome: 'interrupted', expected: preview.after, before: preview.before, warnings: [], error: null, after: null });
  });

  it('creates a missing journal folder owner-only, and leaves an existing folder’s mode alone', async () => {
    const root = await testDir('edit-journal-mode-');
    const path = changeJournalPath(join(root, 'new', 'data'));
    await (await recordIntent(path, preview, null)).finish({ status: 200, outcome: 'applied', after: null, error: null, warnings: [] });
    expect((await stat(join(root, 'new', 'data'))).mode & 0o777).toBe(0o700);
    const shared = join(root, 'shared');
    await mkdir(shared, { mode: 0o755 });
    await (await recordIntent(changeJournalPath(shared), preview, null)).finish({ status: 200, outcome: 'applied', after: null, error: null, warnings: [] });
    expect((await stat(shared)).mode & 0o777).toBe(0o755);
  });

  it('names a journal folder that cannot be created, before anything is sent', async () => {
    const root = await testDir('edit-journal-nofolder-');
    await writeFile(join(root, 'a-file'), '');
    const path = join(root, 'a-file', 'sub', 'changes.jsonl');
    const error = await recordWrite(path, { kind: 'Users', id: 'u1', request: preview.request, before: user, expected: user }, null).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'io', details: { file: path } });
    expect((error as Error).message).toMatch(new RegExp(`^Cannot create the folder for the change journal ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*ENOTDIR.*\\. Choose a writable location; nothing was sent\\.$`));
  });

  /** Open handles this process holds on `path` (Linux /proc; CI runs there). */
  const handles = (path: string): number =>
    readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false; // closed while listing
      }
    }).length;

  it.runIf(existsSync('/proc/self/fd'))('an intent that cannot be written is thrown, and the journal is not left open', async () => {
    const path = changeJournalPath(await testDir('edit-journal-append-'));
    // A lock this app did not write: every append is refused at once.
    await writeFile(path, '');
    await writeFile(lockFileOf(path), 'not ours\n');
    await expect(recordIntent(path, preview, null)).rejects.toMatchObject({ code: 'refused-in-use' });
    expect(handles(path)).toBe(0);
  });

  it.runIf(existsSync('/proc/self/fd'))('a result that cannot be written is thrown, and the journal is still closed', async () => {
    const path = changeJournalPath(await testDir('edit-journal-finish-'));
    const change = await recordIntent(path, preview, null);
    expect(handles(path)).toBe(1);
    await writeFile(lockFileOf(path), 'not ours\n');
    await expect(change.finish({ status: 200, outcome: 'applied', after: null, error: null, warnings: [] })).rejects.toMatchObject({ code: 'refused-in-use' });
    expect(handles(path)).toBe(0);
  });
});
