// The forms offered when a server does not implement a PATCH (alternatives.ts), on the rfc sandbox:
// which changes get the value-array member removal (groups only, filter-path removals in any case,
// each member as the server returned it, the other operations kept in order), when a PUT is offered
// and when it is not (after a PUT, when it would change nothing or drop the members), and that a
// cancel is a cancel, not a note.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alternativesFor } from '../../../electron/core/edit/alternatives';
import { previewEdit } from '../../../electron/core/edit';
import { InspectorError } from '../../../shared/errors';
import type { ScimGroup } from '../../../shared/scim';
import { editTenant, plainUserIds, type EditTenant } from './support';

const VALUE_ARRAY = 'remove members by value array ({"op":"remove","path":"members","value":[{"value":…}]})';
const PUT = 'PUT (full replace, built from the resource as the server holds it now)';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

let t: EditTenant;
beforeAll(async () => {
  t = await editTenant('rfc', { users: 30 });
});
afterAll(async () => {
  await t?.close();
});

async function group(min: number): Promise<ScimGroup> {
  const id = t.sandbox.store.ids('Groups').find((g) => ((t.sandbox.store.get('Groups', g)?.res.members as unknown[]) ?? []).length >= min) as string;
  return t.client.get<ScimGroup>('Groups', id);
}

describe('the value-array removal', () => {
  it('is offered for a form’s member removal, beside the PUT', async () => {
    const before = await group(2);
    const members = before.members ?? [];
    const preview = await previewEdit(t.client, 'Groups', before.id, { edited: { ...before, members: members.slice(1) } }, { before, vendor: 'rfc' });
    const { alternatives, notes } = await alternativesFor(t.client, preview);
    expect(alternatives.map((a) => a.label)).toEqual([VALUE_ARRAY, PUT]);
    expect(alternatives[0]?.preview.request.body).toEqual({ schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'members', value: [members[0]] }] });
    expect(alternatives[1]?.preview.method).toBe('PUT');
    expect(notes).toEqual([]);
  });

  it('rewrites hand-written removals (any case of "members") as one, each member as the server returned it, other operations after it', async () => {
    const before = await group(2);
    const [a] = before.members ?? [];
    const ghost = 'not-a-member-id';
    const operations = [
      { op: 'replace', path: 'displayName', value: 'Renamed' },
      { op: 'remove', path: `Members[value eq "${String(a?.value)}"]` },
      { op: 'remove', path: `members[value eq "${ghost}"]` },
      { op: 'remove', path: 'externalId' },
    ];
    const preview = await previewEdit(t.client, 'Groups', before.id, { operations }, { before });
    const { alternatives } = await alternativesFor(t.client, preview);
    expect(alternatives[0]?.label).toBe(VALUE_ARRAY);
    expect(alternatives[0]?.preview.request.body).toEqual({
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: 'members', value: [a, { value: ghost }] }, { op: 'replace', path: 'displayName', value: 'Renamed' }, { op: 'remove', path: 'externalId' }],
    });
  });

  it('is not offered for a user or for changes without a member filter removal', async () => {
    const id = plainUserIds(t.sandbox)[0]!;
    const user = await previewEdit(t.client, 'Users', id, { operations: [{ op: 'remove', path: 'emails[type eq "work"]' }] });
    expect((await alternativesFor(t.client, user)).alternatives.map((a) => a.label)).toEqual([PUT]);
    const before = await group(1);
    const rename = await previewEdit(t.client, 'Groups', before.id, { operations: [{ op: 'replace', path: 'displayName', value: 'Only Renamed' }, { op: 'add', path: 'members', value: [{ value: plainUserIds(t.sandbox)[1]! }] }] }, { before });
    expect((await alternativesFor(t.client, rename)).alternatives.map((a) => a.label)).toEqual([PUT]);
    // Removing someone who is not a member: the value-array form is the one offered; a PUT would change nothing.
    const nobody = await previewEdit(t.client, 'Groups', before.id, { operations: [{ op: 'remove', path: 'members[value eq "nobody"]' }] }, { before });
    expect(await alternativesFor(t.client, nobody)).toEqual({ alternatives: [expect.objectContaining({ label: VALUE_ARRAY })], notes: [] });
  });
});

describe('the PUT', () => {
  it('is never offered after a PUT, and nothing is read for it', async () => {
    const before = await group(2);
    const preview = await previewEdit(t.client, 'Groups', before.id, { edited: { ...before, displayName: 'Put Name' } }, { before, method: 'PUT' });
    const gets = t.sandbox.stats().byMethod.GET ?? 0;
    expect(await alternativesFor(t.client, preview)).toEqual({ alternatives: [], notes: [] });
    expect(t.sandbox.stats().byMethod.GET ?? 0).toBe(gets);
  });

  it('is not offered for a group that came without its members, and the note says why', async () => {
    const before = await group(2);
    const preview = await previewEdit(t.client, 'Groups', before.id, { edited: { ...before, displayName: 'Renamed Again' } }, { before });
    const row = t.sandbox.store.get('Groups', before.id)!;
    const { members: _members, ...withoutMembers } = row.res;
    t.sandbox.store.update('Groups', before.id, withoutMembers);
    try {
      expect(await alternativesFor(t.client, preview)).toEqual({ alternatives: [], notes: ['No PUT is offered: the group came without its members, so a PUT built from it would clear them.'] });
    } finally {
      t.sandbox.store.update('Groups', before.id, row.res);
    }
  });

  it('a cancel while reading the resource for it is a cancel, not a note', async () => {
    const id = plainUserIds(t.sandbox)[2]!;
    const preview = await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'X' }] });
    const error = await alternativesFor(t.client, preview, AbortSignal.abort()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InspectorError);
    expect((error as InspectorError).code).toBe('cancelled');
  });

  it('a resource that cannot be read again gets a note instead', async () => {
    const preview = await previewEdit(t.client, 'Users', plainUserIds(t.sandbox)[3]!, { operations: [{ op: 'replace', path: 'title', value: 'X' }] });
    t.sandbox.store.remove('Users', preview.id);
    expect(await alternativesFor(t.client, preview)).toEqual({ alternatives: [], notes: ['No PUT is offered: the resource could not be read again to build one.'] });
  });
});
