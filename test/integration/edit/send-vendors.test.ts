// The send flow against every sandbox vendor profile, as each seed describes the service: PATCH
// answered 204 without a body, title edits that land (rfc, entra), that a PATCH ignores and the
// offered PUT makes (mindtickle), or that never land because the vendor does not store a title
// (lettermint, mittr) — the preview never predicts those — duplicate userNames explained, and
// Entra's value-array member removal.

import { afterAll, describe, expect, it } from 'vitest';
import { previewEdit, readChangeJournal, sendEdit, sendReplace } from '../../../electron/core/edit';
import type { VendorName } from '../../../electron/core/sandbox';
import { InspectorError } from '../../../shared/errors';
import { editTenant, journalText, plainUserIds, TOKEN, type EditTenant } from './support';

const VENDORS: readonly VendorName[] = ['rfc', 'mindtickle', 'lettermint', 'mittr', 'entra'];
const ACTIVE_ONLY = new Set<VendorName>(['mindtickle', 'lettermint']);
/** Vendors that do not store a user's title: no write changes it. */
const NO_TITLE = new Set<VendorName>(['lettermint', 'mittr']);
const titleCase = (vendor: VendorName): string =>
  NO_TITLE.has(vendor) ? 'a title edit is never predicted: neither PATCH nor PUT would change it' : ACTIVE_ONLY.has(vendor) ? 'a PATCH with a title is partly ignored; the offered PUT from the fresh resource makes it' : 'a title PATCH lands as previewed';
const opened: EditTenant[] = [];

afterAll(async () => {
  for (const t of opened) await t.close();
});

async function open(vendor: VendorName): Promise<EditTenant> {
  const t = await editTenant(vendor);
  opened.push(t);
  return t;
}

describe.each(VENDORS)('edit on the %s sandbox', (vendor) => {
  it('a PATCH answered 204 with no body is read back and verified', async () => {
    const t = await open(vendor);
    const id = plainUserIds(t.sandbox)[0]!;
    const before = await t.client.get('Users', id);
    t.sandbox.setFaults({ noContentOnWrite: true });
    const preview = await previewEdit(t.client, 'Users', id, { edited: { ...before, active: false } }, { before, vendor });
    expect(preview.warnings.filter((w) => w.code === 'ignored-by-service')).toEqual([]);
    // Mittr documents `active` as a no-path replace; everyone else gets the RFC path form.
    expect(preview.request.body.Operations).toEqual([vendor === 'mittr' ? { op: 'replace', value: { active: false } } : { op: 'replace', path: 'active', value: false }]);
    const outcome = await sendEdit(t.client, preview, { journal: t.journal });
    expect(outcome.status).toBe('applied');
    if (outcome.status !== 'applied') return;
    expect(outcome.responseStatus).toBe(204);
    expect(outcome.result.active).toBe(false);
    expect(t.sandbox.store.get('Users', id)?.res.active).toBe(false);
  });

  it(titleCase(vendor), async () => {
    const t = await open(vendor);
    const id = plainUserIds(t.sandbox)[1]!;
    const before = await t.client.get('Users', id);
    if (NO_TITLE.has(vendor)) {
      for (const method of ['PATCH', 'PUT'] as const) {
        if (vendor === 'mittr' && method === 'PUT') continue; // Mittr has no PUT at all
        const preview = await previewEdit(t.client, 'Users', id, { edited: { ...before, title: 'Weaver' } }, { before, vendor, method });
        expect(preview.after.title).toBe(before.title);
        expect(preview.ignored.map((c) => c.path)).toEqual(['title']);
        expect(preview.empty).toBe(true);
      }
      // The claim holds on the server: a PUT carrying a title leaves it as it was.
      if (vendor === 'lettermint') await t.client.replace('Users', id, { ...before, title: 'Weaver' });
      else await t.client.patch('Users', id, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'title', value: 'Weaver' }] });
      expect(t.sandbox.store.get('Users', id)?.res.title).toBe(before.title);
      return;
    }
    const edited = { ...before, title: 'Weaver', ...(ACTIVE_ONLY.has(vendor) ? { active: false } : {}) };
    const preview = await previewEdit(t.client, 'Users', id, { edited }, { before, vendor });
    const outcome = await sendEdit(t.client, preview, { journal: t.journal, profile: vendor });
    if (!ACTIVE_ONLY.has(vendor)) {
      expect(preview.needsReplace).toBe(false);
      expect(outcome.status).toBe('applied');
      expect(t.sandbox.store.get('Users', id)?.res.title).toBe('Weaver');
      return;
    }
    // The predicted after holds what the PATCH will change (active), not the title it ignores.
    expect(preview.needsReplace).toBe(true);
    expect(preview.after).toMatchObject({ active: false, title: before.title });
    expect(preview.changed).toEqual(['active']);
    expect(preview.ignored.map((c) => c.path)).toEqual(['title']);
    expect(preview.warnings).toEqual([expect.objectContaining({ code: 'ignored-by-service', path: 'title' }), expect.objectContaining({ code: 'no-version' })]);
    expect(outcome.status).toBe('partially-applied');
    if (outcome.status !== 'partially-applied') return;
    expect(outcome.ignored.map((c) => c.path)).toEqual(['title']);
    expect(t.sandbox.store.get('Users', id)?.res).toMatchObject({ active: false, title: before.title });
    const put = outcome.offerPut!;
    expect(put.method).toBe('PUT');
    expect(put.request.body).toMatchObject({ id, title: 'Weaver', userName: before.userName, active: false });
    expect(put.changed).toEqual(['title']);
    // Someone re-activates the user before the admin confirms the PUT. These services give no
    // ETag, so the PUT from the stale read-back would silently deactivate again; sendReplace
    // re-reads first and returns a new PUT built on the fresh resource instead of sending.
    await t.other.patch('Users', id, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: true }] });
    const stale = await sendReplace(t.client, put, { journal: t.journal, profile: vendor });
    expect(stale.status).toBe('conflict');
    if (stale.status !== 'conflict') return;
    expect(stale.responseStatus).toBeNull();
    expect(stale.changedMeanwhile.map((c) => c.path)).toEqual(['active']);
    expect(t.sandbox.store.get('Users', id)?.res.title).not.toBe('Weaver');
    expect(stale.newPreview.request.body).toMatchObject({ title: 'Weaver' });
    const replaced = await sendReplace(t.client, stale.newPreview, { journal: t.journal, profile: vendor });
    expect(replaced.status).toBe('applied');
    if (replaced.status !== 'applied') return;
    expect(replaced.result.title).toBe('Weaver');
    expect(t.sandbox.store.get('Users', id)?.res).toMatchObject({ title: 'Weaver', userName: before.userName });
    const { entries } = await readChangeJournal(t.journal);
    expect(entries.map((e) => [e.request.method, e.outcome])).toEqual([
      ['PATCH', 'partially-applied'],
      ['PUT', 'applied'],
    ]);
  });

  it('a duplicate userName is explained with the other user', async () => {
    const t = await open(vendor);
    const [mine, theirs] = plainUserIds(t.sandbox).slice(2, 4) as [string, string];
    const taken = String(t.sandbox.store.get('Users', theirs)?.res.userName);
    const before = await t.client.get('Users', mine);
    // Where PATCH changes only `active`, a rename can only be a PUT.
    const method = ACTIVE_ONLY.has(vendor) ? 'PUT' : 'PATCH';
    const preview = await previewEdit(t.client, 'Users', mine, { edited: { ...before, userName: taken } }, { before, vendor, method });
    const error = await sendEdit(t.client, preview, { journal: t.journal }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InspectorError);
    expect((error as InspectorError).code).toBe('conflict');
    expect((error as InspectorError).details).toMatchObject({ status: 409, collision: { attribute: 'userName', value: taken, other: { id: theirs } } });
    expect(t.sandbox.store.get('Users', mine)?.res.userName).toBe(before.userName);
    expect(await journalText(t.journal)).not.toContain(TOKEN);
  });
});

describe('member removal dialects', () => {
  it('entra removes members with one value-array operation, and the server drops exactly those', async () => {
    const t = await open('entra');
    const groupId = t.sandbox.store.ids('Groups').find((g) => ((t.sandbox.store.get('Groups', g)?.res.members as unknown[]) ?? []).length >= 3)!;
    const before = await t.client.get('Groups', groupId);
    const members = before.members as { value: string }[];
    const gone = members.slice(0, 2).map((m) => m.value);
    const preview = await previewEdit(t.client, 'Groups', groupId, { edited: { ...before, members: members.slice(2) } }, { before, vendor: 'entra' });
    expect(preview.request.body).toMatchObject({ Operations: [{ op: 'remove', path: 'members' }] });
    const operations = (preview.request.body as { Operations: { value: { value: string }[] }[] }).Operations;
    expect(operations).toHaveLength(1);
    expect(operations[0]!.value.map((item) => item.value)).toEqual(gone);
    const outcome = await sendEdit(t.client, preview, { journal: t.journal });
    expect(outcome.status).toBe('applied');
    const held = (t.sandbox.store.get('Groups', groupId)?.res.members as { value: string }[]).map((m) => m.value);
    expect(held.sort()).toEqual(members.slice(2).map((m) => m.value).sort());
  });
});
