// The edit channels through dispatch() against the real sandbox: preview → send → journal, a stale
// preview rebased on a 412, and the PUT offer where the service ignores part of a PATCH.
import { afterEach, describe, expect, it } from 'vitest';
import type { EditPreview, SendOutcome } from '../../../shared/edit';
import type { EditJournalView } from '../../../shared/channels/edit';
import type { ScimResource } from '../../../shared/scim';
import { featureContext, value } from './features-context';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function firstUser(call: (c: string, i: unknown) => Promise<{ ok: boolean }>, pushed: { event: string; payload: unknown }[]): Promise<ScimResource> {
  value(await call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: `l${Date.now()}`, limit: 5 }));
  const page = pushed.find((p) => p.event === 'resources.page')?.payload as { resources: ScimResource[] };
  const user = page.resources[0];
  if (!user) throw new Error('no user');
  return user;
}

describe('edit channels', () => {
  it('previews the exact PATCH, sends it on confirmation, verifies and journals it', async () => {
    const f = await featureContext(20);
    close = f.close;
    const user = await firstUser(f.call, f.pushed);
    const preview = value<EditPreview>(await f.call('edit.preview', { profileId: 'sandbox', kind: 'Users', id: user.id, change: { edited: { ...user, title: 'Chief Tester' } }, before: user }));
    expect(preview.method).toBe('PATCH');
    expect(preview.changed).toEqual(['title']);
    expect(preview.request.url).toContain(`/Users/${user.id}`);
    expect(JSON.stringify(preview.request)).not.toMatch(/Bearer [A-Za-z0-9]/);
    expect(preview.after.title).toBe('Chief Tester');
    const sent = value<SendOutcome>(await f.call('edit.send', { profileId: 'sandbox', preview }));
    expect(sent.status).toBe('applied');
    if (sent.status === 'conflict') throw new Error('unexpected');
    expect(sent.result.title).toBe('Chief Tester');
    const journal = value<EditJournalView>(await f.call('edit.journal', { profileId: 'sandbox' }));
    expect(journal.entries).toHaveLength(1);
    expect(journal.entries[0]).toMatchObject({ id: user.id, outcome: 'applied', profile: 'sandbox' });
    const exported = value<{ saved: boolean }>(await f.call('edit.exportJournal', { profileId: 'sandbox' }));
    expect(exported.saved).toBe(true);
    expect(f.saved[0]?.content).toContain('Chief Tester');
  });

  it('answers an empty journal before anything was sent', async () => {
    const f = await featureContext(5);
    close = f.close;
    expect(value<EditJournalView>(await f.call('edit.journal', { profileId: 'sandbox' }))).toEqual({ entries: [], otherTenants: 0, tornTail: false });
  });

  it('turns a stale preview into a conflict with a rebuilt preview, and refuses a tampered one', async () => {
    const f = await featureContext(20);
    close = f.close;
    const user = await firstUser(f.call, f.pushed);
    const stale = value<EditPreview>(await f.call('edit.preview', { profileId: 'sandbox', kind: 'Users', id: user.id, change: { edited: { ...user, title: 'Mine' } }, before: user }));
    const other = value<EditPreview>(await f.call('edit.preview', { profileId: 'sandbox', kind: 'Users', id: user.id, change: { edited: { ...user, displayName: 'Changed meanwhile' } } }));
    expect(value<SendOutcome>(await f.call('edit.send', { profileId: 'sandbox', preview: other })).status).toBe('applied');
    const outcome = value<SendOutcome>(await f.call('edit.send', { profileId: 'sandbox', preview: stale }));
    expect(outcome.status).toBe('conflict');
    if (outcome.status !== 'conflict') throw new Error('expected conflict');
    expect(outcome.changedMeanwhile.map((c) => c.path)).toContain('displayName');
    expect(outcome.newPreview.after.title).toBe('Mine');
    expect(outcome.newPreview.after.displayName).toBe('Changed meanwhile');
    const tampered = await f.call('edit.send', { profileId: 'sandbox', preview: { ...stale, method: 'DELETE' } });
    expect(tampered).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('explains a 409 with the colliding attribute and the other resource', async () => {
    const f = await featureContext(20);
    close = f.close;
    value(await f.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'l409', limit: 5 }));
    const [a, b] = (f.pushed.find((p) => p.event === 'resources.page')?.payload as { resources: ScimResource[] }).resources;
    if (!a || !b) throw new Error('need two users');
    const preview = value<EditPreview>(await f.call('edit.preview', { profileId: 'sandbox', kind: 'Users', id: a.id, change: { edited: { ...a, userName: b.userName } }, before: a }));
    const sent = await f.call('edit.send', { profileId: 'sandbox', preview });
    expect(sent).toMatchObject({ ok: false, error: { code: 'conflict', details: { collision: { attribute: 'userName', other: { id: b.id } } } } });
  });

  it('reports a PATCH the service partly ignored and sends the offered PUT (mindtickle)', async () => {
    const f = await featureContext(10, { vendor: 'mindtickle' });
    close = f.close;
    const user = await firstUser(f.call, f.pushed);
    // active is honoured by Mindtickle's PATCH; the title is not (and is not predicted).
    const preview = value<EditPreview>(await f.call('edit.preview', { profileId: 'sandbox', kind: 'Users', id: user.id, change: { edited: { ...user, active: !user.active, title: 'Ignored by PATCH' } }, before: user }));
    expect(preview.changed).toEqual(['active']);
    expect(preview.ignored.map((c) => c.path)).toEqual(['title']);
    const partial = value<SendOutcome>(await f.call('edit.send', { profileId: 'sandbox', preview }));
    expect(partial.status).toBe('partially-applied');
    if (partial.status !== 'partially-applied' || !partial.offerPut) throw new Error('expected a PUT offer');
    expect(partial.ignored.map((c) => c.path)).toContain('title');
    const put = value<SendOutcome>(await f.call('edit.sendReplace', { profileId: 'sandbox', preview: partial.offerPut }));
    expect(put.status).toBe('applied');
  });

  it('offers a PUT when the service ignores part of the PATCH (mindtickle)', async () => {
    const f = await featureContext(10, { vendor: 'mindtickle' });
    close = f.close;
    const user = await firstUser(f.call, f.pushed);
    const preview = value<EditPreview>(await f.call('edit.preview', { profileId: 'sandbox', kind: 'Users', id: user.id, change: { edited: { ...user, title: 'Ignored?' } }, before: user }));
    expect(preview.needsReplace || preview.warnings.some((w) => w.code === 'ignored-by-service')).toBe(true);
    const put = value<EditPreview>(await f.call('edit.preview', { profileId: 'sandbox', kind: 'Users', id: user.id, change: { edited: { ...user, title: 'Via PUT' } }, before: user, method: 'PUT' }));
    expect(put.method).toBe('PUT');
    const sent = value<SendOutcome>(await f.call('edit.sendReplace', { profileId: 'sandbox', preview: put }));
    expect(sent.status).toBe('applied');
    if (sent.status === 'conflict') throw new Error('unexpected');
    expect(sent.result.title).toBe('Via PUT');
  });
});
