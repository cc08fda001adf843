// The change journal on disk: intent and result joined per write, a crash between them shown as
// "interrupted", a torn last line ignored, and a journal that was tampered with refused.

import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeJournalPath, readChangeJournal } from '../../../electron/core/edit';
import { recordIntent } from '../../../electron/core/edit/journal';
import { planPreview } from '../../../electron/core/edit/preview';
import { SCHEMAS, type ScimResource } from '../../../shared/scim';
import { testDir } from '../../support/temp-dir';

const user: ScimResource = { schemas: [SCHEMAS.user], id: 'u1', userName: 'ada@example.test', title: 'Engineer', meta: { version: 'W/"3"' } };
const preview = planPreview({ baseUrl: 'https://scim.example.test/v2', kind: 'Users', vendor: null, headers: { 'X-Api-Key': 'k-secret' } }, user, { edited: { ...user, title: 'CTO' } });

async function tempJournal(): Promise<string> {
  return changeJournalPath(join(await testDir('edit-journal-'), 'nested', 'dir'));
}

describe('change journal', () => {
  it('joins intent and result; creates its folder; redacts secret headers', async () => {
    const path = await tempJournal();
    const change = await recordIntent(path, preview, 'prod');
    await change.finish({ status: 200, outcome: 'applied', after: { ...user, title: 'CTO' }, error: null, warnings: [] });
    const { entries, tornTail } = await readChangeJournal(path);
    expect(tornTail).toBe(false);
    expect(entries).toEqual([
      expect.objectContaining({ changeId: change.changeId, profile: 'prod', kind: 'Users', id: 'u1', responseStatus: 200, outcome: 'applied', finishedAt: expect.any(String) }),
    ]);
    expect(entries[0]!.request.headers).toMatchObject({ 'X-Api-Key': '[redacted]', 'If-Match': 'W/"3"' });
    expect(await readFile(path, 'utf8')).not.toContain('k-secret');
  });

  it('an intent without a result (the process died mid-write) reads as interrupted', async () => {
    const path = await tempJournal();
    const change = await recordIntent(path, preview, null);
    await change.journal.close();
    const { entries } = await readChangeJournal(path);
    expect(entries).toEqual([expect.objectContaining({ outcome: 'interrupted', responseStatus: null, finishedAt: null, after: null })]);
  });

  it('a torn last line is ignored and reported; a result with no intent is refused', async () => {
    const path = await tempJournal();
    const change = await recordIntent(path, preview, null);
    await change.finish({ status: 412, outcome: 'precondition-failed', after: null, error: { code: 'precondition-failed', message: 'changed' }, warnings: [] });
    await appendFile(path, '{"v":1,"type":"change-intent","chan');
    const read = await readChangeJournal(path);
    expect(read.tornTail).toBe(true);
    expect(read.entries.map((e) => e.outcome)).toEqual(['precondition-failed']);
    const orphan = JSON.stringify({ v: 1, at: new Date().toISOString(), type: 'change-result', changeId: 'nope', status: 200, outcome: 'applied', after: null, error: null, warnings: [] });
    await writeFile(path, `${orphan}\n`);
    await expect(readChangeJournal(path)).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
