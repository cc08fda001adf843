// Create and delete through dispatch() on sandbox vendors, as the app calls them: a create is
// previewed with what the vendor requires (Mindtickle: names and an email, refused before anything
// is sent) and what it drops (Lettermint's title), then sent, read back by its id, journalled and
// published; a group delete carries If-Match, is "deleted" only when the server answers 404, is
// journalled and published as gone; a read-only profile is refused before the journal.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { EditJournalView } from '../../../shared/channels/edit';
import type { CreateOutcome, CreatePreview, DeleteOutcome, DeletePreview } from '../../../shared/create';
import type { ScimGroup } from '../../../shared/scim';
import { changeJournalPath } from '../../../electron/core/edit/index';
import { featureContext, value } from './features-context';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function open(vendor: 'rfc' | 'mindtickle' | 'lettermint') {
  const f = await featureContext(10, { vendor });
  close = f.close;
  return f;
}

describe('create and delete', () => {
  it('creates a user: previewed POST, read back by its id, journalled and published', async () => {
    const f = await open('rfc');
    const resource = { userName: 'new.person@example.test', name: { givenName: 'New', familyName: 'Person' }, title: 'Analyst', active: true };
    const preview = value<CreatePreview>(await f.call('create.preview', { profileId: 'sandbox', kind: 'Users', resource }));
    expect(preview.request).toMatchObject({ method: 'POST', body: { userName: 'new.person@example.test', schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'] } });
    expect(preview.request.url).toMatch(/\/Users$/);
    expect(preview.request.headers.Authorization).toBe('Bearer [redacted]');
    expect(preview.missing).toEqual([]);
    // A preview sends nothing and journals nothing.
    expect(existsSync(changeJournalPath(f.dataDir))).toBe(false);
    const outcome = value<CreateOutcome>(await f.call('create.send', { profileId: 'sandbox', preview }));
    expect(outcome).toMatchObject({ status: 'created', responseStatus: 201, differences: [] });
    expect(outcome.resource).toMatchObject({ userName: 'new.person@example.test', title: 'Analyst' });
    const { client } = await f.ctx.sessions.session('sandbox');
    expect((await client.get('Users', outcome.resource.id)).userName).toBe('new.person@example.test');
    expect(f.pushed.filter((p) => p.event === 'resource.changed').map((p) => p.payload)).toContainEqual(expect.objectContaining({ kind: 'Users', id: outcome.resource.id, cause: 'create' }));
    const journal = value<EditJournalView>(await f.call('edit.journal', { profileId: 'sandbox' }));
    expect(journal.entries.map((e) => [e.request.method, e.outcome, e.after?.id])).toEqual([['POST', 'applied', outcome.resource.id]]);
  });

  it('mindtickle: a user without the names and an email it requires is refused before anything is sent', async () => {
    const f = await open('mindtickle');
    const preview = value<CreatePreview>(await f.call('create.preview', { profileId: 'sandbox', kind: 'Users', resource: { userName: 'half@example.test' } }));
    expect(preview.missing).toEqual(['name.givenName', 'name.familyName', 'emails']);
    const refused = await f.call('create.send', { profileId: 'sandbox', preview });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ code: 'invalid-input' });
    expect(refused.error.message).toMatch(/needs name\.givenName, name\.familyName, emails.*Nothing was sent/);
    expect(existsSync(changeJournalPath(f.dataDir))).toBe(false);
    // A renderer that empties "missing" does not get past the core's own check.
    const forged = await f.call('create.send', { profileId: 'sandbox', preview: { ...preview, missing: [] } });
    expect(forged.ok).toBe(false);
  });

  it('lettermint: the title it does not store is not expected, and the read-back agrees', async () => {
    const f = await open('lettermint');
    const resource = { userName: 'lm.new@example.test', emails: [{ value: 'lm.new@example.test', primary: true }], name: { givenName: 'L', familyName: 'M' }, title: 'Chief' };
    const preview = value<CreatePreview>(await f.call('create.preview', { profileId: 'sandbox', kind: 'Users', resource }));
    expect(preview.ignored.map((i) => i.path)).toEqual(['title']);
    expect(preview.expected.title).toBeUndefined();
    expect(preview.warnings.join(' ')).toMatch(/re-activates an existing member/);
    const outcome = value<CreateOutcome>(await f.call('create.send', { profileId: 'sandbox', preview }));
    expect(outcome.differences).toEqual([]);
    expect(outcome.resource.title).toBeUndefined();
  });

  it('deletes a group with If-Match, proven by a 404, journalled and published as gone', async () => {
    const f = await open('rfc');
    const { client } = await f.ctx.sessions.session('sandbox');
    const group = (await client.list<ScimGroup>('Groups')).Resources.find((g) => (g.members?.length ?? 0) > 0) as ScimGroup;
    const preview = value<DeletePreview>(await f.call('delete.preview', { profileId: 'sandbox', id: group.id }));
    expect(preview).toMatchObject({ method: 'DELETE', name: group.displayName, memberCount: group.members?.length });
    expect(preview.request.headers['If-Match']).toBe(group.meta?.version);
    const outcome = value<DeleteOutcome>(await f.call('delete.send', { profileId: 'sandbox', preview }));
    expect(outcome).toMatchObject({ status: 'deleted', verifiedGone: true, responseStatus: 204 });
    await expect(client.get('Groups', group.id)).rejects.toMatchObject({ code: 'not-found' });
    expect(f.pushed.map((p) => p.payload)).toContainEqual({ profileId: 'sandbox', kind: 'Groups', id: group.id, resource: null, cause: 'delete' });
    const journal = value<EditJournalView>(await f.call('edit.journal', { profileId: 'sandbox' }));
    expect(journal.entries.map((e) => [e.request.method, e.outcome, e.id])).toEqual([['DELETE', 'applied', group.id]]);
  });

  it('a group changed since its delete preview is not deleted (412)', async () => {
    const f = await open('rfc');
    const { client } = await f.ctx.sessions.session('sandbox');
    const group = (await client.list<ScimGroup>('Groups')).Resources[1] as ScimGroup;
    const preview = value<DeletePreview>(await f.call('delete.preview', { profileId: 'sandbox', id: group.id }));
    await client.patch('Groups', group.id, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'displayName', value: 'Renamed meanwhile' }] });
    const refused = await f.call('delete.send', { profileId: 'sandbox', preview });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('precondition-failed');
    expect((await client.get('Groups', group.id)).displayName).toBe('Renamed meanwhile');
  });
});
