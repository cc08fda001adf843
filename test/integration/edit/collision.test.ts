// A 409 to an edit, restated for the admin (collision.ts): which attribute collides and with whom,
// for a user and for a group, word for word; when the lookup finds nobody, the server's own answer
// with that note; and when the lookup itself fails, the conflict is still what is thrown, with why
// the holder could not be named. On the rfc sandbox; the lookups are real filtered listings.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainEditConflict, planPreview, previewEdit, sendEdit } from '../../../electron/core/edit';
import { createScimClient } from '../../../electron/core/scim/client';
import { InspectorError } from '../../../shared/errors';
import { editTenant, plainUserIds, type EditTenant } from './support';
import { failure } from '../../support/failure';

let t: EditTenant;
beforeAll(async () => {
  t = await editTenant('rfc', { users: 20 });
});
afterAll(async () => {
  await t?.close();
});


const bare = (): InspectorError => new InspectorError('conflict', 'The server refused the write: 409 Conflict.', { status: 409, scimType: 'uniqueness' });
const target = () => ({ baseUrl: t.client.baseUrl, vendor: 'rfc', headers: {} });

describe('a 409 explained', () => {
  it('a taken userName names the value, the other user and what to do', async () => {
    const [mine, theirs] = plainUserIds(t.sandbox).slice(0, 2) as [string, string];
    const taken = String(t.sandbox.store.get('Users', theirs)?.res.userName);
    const error = await failure(sendEdit(t.client, await previewEdit(t.client, 'Users', mine, { operations: [{ op: 'replace', path: 'userName', value: taken }] }), { journal: t.journal }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(`userName "${taken}" is already used by user "${taken}" (id ${theirs}). Each user needs its own userName: choose another value, or change that user first. Nothing was changed.`);
    expect(error.details).toMatchObject({ status: 409, collision: { attribute: 'userName', value: taken, other: { id: theirs } }, candidates: [expect.objectContaining({ other: expect.objectContaining({ id: theirs }) })] });
    expect(error.details).not.toHaveProperty('lookupError');
  });

  it('a taken group name names the other group, and says "group"', async () => {
    const [mine, theirs] = t.sandbox.store.ids('Groups') as [string, string];
    const before = await t.client.get('Groups', mine);
    const name = String(t.sandbox.store.get('Groups', theirs)?.res.displayName);
    const preview = planPreview({ ...target(), kind: 'Groups' }, before, { operations: [{ op: 'replace', path: 'displayName', value: name }] });
    const explained = await explainEditConflict(t.client, preview, bare());
    expect(explained.code).toBe('conflict');
    expect(explained.message).toBe(`displayName "${name}" is already used by group "${name}" (id ${theirs}). Each group needs its own displayName: choose another value, or change that group first. Nothing was changed.`);
    expect(explained.details).toMatchObject({ status: 409, scimType: 'uniqueness', collision: { attribute: 'displayName', other: { id: theirs } } });
  });

  it('when nobody holds the changed values, the server’s answer is kept with that note', async () => {
    const id = plainUserIds(t.sandbox)[2]!;
    const before = await t.client.get('Users', id);
    const preview = planPreview({ ...target(), kind: 'Users' }, before, { operations: [{ op: 'replace', path: 'title', value: 'Unique Title' }] });
    const explained = await explainEditConflict(t.client, preview, bare());
    expect(explained.message).toBe(
      'The server refused the write: 409 Conflict. No other resource with the changed unique values was found; the service may enforce uniqueness on something it does not expose (or case-insensitively). Check its admin console. Nothing was changed.',
    );
    expect(explained.details).toEqual({ status: 409, scimType: 'uniqueness', collision: null, candidates: [] });
  });

  it('when the lookup fails, the conflict is still thrown, saying why the holder is not named', async () => {
    // A client that never retries: the lookup after the 409 gets the sandbox's 500 and fails.
    const client = createScimClient({ baseUrl: t.sandbox.url, token: () => t.sandbox.token, vendor: 'rfc', retryBudgetMs: 0 });
    try {
      const [mine, theirs] = plainUserIds(t.sandbox).slice(3, 5) as [string, string];
      const taken = String(t.sandbox.store.get('Users', theirs)?.res.userName);
      const preview = await previewEdit(client, 'Users', mine, { operations: [{ op: 'replace', path: 'userName', value: taken }] });
      t.sandbox.setFaults({ serverErrorBurst: { every: 2, length: 1, status: 500 } });
      const error = await failure(sendEdit(client, preview, { journal: t.journal }));
      t.sandbox.setFaults({});
      expect(error.code).toBe('conflict');
      const lookupError = String(error.details?.lookupError);
      expect(lookupError).toMatch(/500/);
      expect(error.message).toMatch(/^\S/);
      expect(error.message.endsWith(` Looking up who holds the value failed: ${lookupError} Nothing was changed.`)).toBe(true);
      expect(error.details).toMatchObject({ status: 409, collision: null, candidates: [] });
      expect(t.sandbox.store.get('Users', mine)?.res.userName).not.toBe(taken);
    } finally {
      t.sandbox.setFaults({});
      await client.close();
    }
  });
});
