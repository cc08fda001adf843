// Only a removal from the group's own members is rewritten as a value-array member removal when a
// server answers 501 to filter-path removals (alternatives.ts). A removal by value from another
// list of the group — its owners (a list some services keep beside members), or an extension
// attribute that happens to be called "members" — is kept as written: rewritten, it would take the person out of the group instead
// (and leave them where the admin removed them from). On the omission sandbox, end to end: the
// 501, the alternative offered, and what the tenant holds after the admin confirms it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditPreview } from '../../../shared/edit';
import { InspectorError } from '../../../shared/errors';
import { previewEdit, sendEdit } from '../../../electron/core/edit';
import type { EditAlternative } from '../../../electron/core/edit/alternatives';
import { editTenant, type EditTenant } from './support';

const EXT = 'urn:ietf:params:scim:schemas:extension:acme:2.0:Group';
const CORE = 'urn:ietf:params:scim:schemas:core:2.0:Group';

let t: EditTenant;
beforeAll(async () => {
  t = await editTenant('omission');
  // The dialect's one 200-with-Error first page, out of the way of these tests.
  await t.client.discover();
  await t.client.list('Groups');
});
afterAll(async () => {
  await t?.close();
});

/** A group of at least 3 members that lists the first two as its owners and, in an extension, as that extension's "members". */
function groupWithOwners(): { id: string; members: string[] } {
  const id = t.sandbox.store.ids('Groups').find((g) => ((t.sandbox.store.get('Groups', g)?.res.members as unknown[]) ?? []).length >= 3) as string;
  const res = t.sandbox.store.get('Groups', id)!.res;
  const members = (res.members as { value: string }[]).map((m) => m.value);
  const [a, b] = members;
  t.sandbox.store.update('Groups', id, { ...res, schemas: [CORE, EXT], owners: [{ value: a }, { value: b }], [EXT]: { members: [{ value: a }, { value: b }] } });
  return { id, members };
}

function held(id: string): { members: string[]; owners: string[]; extMembers: string[] } {
  const res = t.sandbox.store.get('Groups', id)!.res;
  const ext = (res[EXT] ?? {}) as { members?: { value: string }[] };
  const values = (list: unknown): string[] => ((list ?? []) as { value: string }[]).map((m) => m.value).sort();
  return { members: values(res.members), owners: values(res.owners), extMembers: values(ext.members) };
}

async function alternativesAfter501(preview: EditPreview): Promise<EditAlternative[]> {
  const error = await sendEdit(t.client, preview, { journal: t.journal }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof InspectorError)) throw new Error(`expected a refusal, got ${String(error)}`);
  expect(error.details?.status).toBe(501);
  return error.details?.alternatives as EditAlternative[];
}

describe('a 501 to a filter-path removal', () => {
  it('keeps a removal from another list of the group (owners[value eq …]) as written: the person stays a member', async () => {
    const { id, members } = groupWithOwners();
    const [a, b, c] = members as [string, string, string];
    const preview = await previewEdit(t.client, 'Groups', id, { operations: [{ op: 'remove', path: `members[value eq "${c}"]` }, { op: 'remove', path: `owners[value eq "${b}"]` }] });
    const [valueArray] = await alternativesAfter501(preview);
    expect(valueArray?.preview.request.body).toMatchObject({
      Operations: [{ op: 'remove', path: 'members', value: [expect.objectContaining({ value: c })] }, { op: 'remove', path: `owners[value eq "${b}"]` }],
    });
    expect((await sendEdit(t.client, valueArray?.preview as EditPreview, { journal: t.journal })).status).toBe('applied');
    const after = held(id);
    expect(after.members).toContain(b);
    expect(after.members).not.toContain(c);
    expect(after.owners).toEqual([a]);
  });

  it('keeps a removal from an extension attribute called "members" as written: the group’s own members are untouched', async () => {
    const { id, members } = groupWithOwners();
    const [a, b, c] = members as [string, string, string];
    const preview = await previewEdit(t.client, 'Groups', id, { operations: [{ op: 'remove', path: `members[value eq "${c}"]` }, { op: 'remove', path: `${EXT}:members[value eq "${a}"]` }] });
    const [valueArray] = await alternativesAfter501(preview);
    expect(valueArray?.preview.request.body).toMatchObject({
      Operations: [{ op: 'remove', path: 'members', value: [expect.objectContaining({ value: c })] }, { op: 'remove', path: `${EXT}:members[value eq "${a}"]` }],
    });
    expect((await sendEdit(t.client, valueArray?.preview as EditPreview, { journal: t.journal })).status).toBe('applied');
    const after = held(id);
    expect(after.members).toContain(a);
    expect(after.members).not.toContain(c);
    expect(after.extMembers).toEqual([b]);
  });

  it('still rewrites a removal that names the core schema (…:core:2.0:Group:members[…]) as a member removal', async () => {
    const { id, members } = groupWithOwners();
    const [, , c] = members as [string, string, string];
    const preview = await previewEdit(t.client, 'Groups', id, { operations: [{ op: 'remove', path: `members[value eq "${members[3] ?? c}"]` }, { op: 'remove', path: `${CORE}:members[value eq "${c}"]` }] });
    const [valueArray] = await alternativesAfter501(preview);
    expect(valueArray?.preview.request.body).toMatchObject({ Operations: [{ op: 'remove', path: 'members', value: [expect.objectContaining({ value: members[3] ?? c }), expect.objectContaining({ value: c })] }] });
  });
});
