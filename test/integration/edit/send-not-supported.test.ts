// A PATCH the server does not implement (the omission dialect answers 501 to removing members
// through a filter path): the error says the server does not implement this change — not "try
// again later" — and offers the forms it may implement, each as a preview to confirm: the
// value-array removal (which it accepts) and a PUT built from the group as the server holds it.
// Only a removal from the group's own members is rewritten so: a removal by value from another list
// of the group (its owners, or an extension attribute that happens to be called "members") is kept
// as written, or confirming the alternative would take the person out of the group instead.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditPreview } from '../../../shared/edit';
import { InspectorError } from '../../../shared/errors';
import type { ScimGroup } from '../../../shared/scim';
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

function groupWithMembers(min: number): string {
  return t.sandbox.store.ids('Groups').find((g) => ((t.sandbox.store.get('Groups', g)?.res.members as unknown[]) ?? []).length >= min) as string;
}

async function refused(preview: EditPreview): Promise<InspectorError> {
  const error = await sendEdit(t.client, preview, { journal: t.journal }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof InspectorError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('a member removal answered 501', () => {
  it('says the server does not implement it and offers the value-array form, which works', async () => {
    const id = groupWithMembers(3);
    const before = await t.client.get<ScimGroup>('Groups', id);
    const members = before.members ?? [];
    const gone = members[0]?.value as string;
    const preview = await previewEdit(t.client, 'Groups', id, { edited: { ...before, members: members.slice(1) } }, { before });
    expect(preview.request.body).toMatchObject({ Operations: [{ op: 'remove', path: `members[value eq "${gone}"]` }] });

    const error = await refused(preview);
    expect(error.code).toBe('not-supported');
    expect(error.details?.status).toBe(501);
    expect(error.message).toMatch(/does not implement this PATCH \(501 Not Implemented\)/);
    expect(error.message).not.toMatch(/try again later/i);
    const alternatives = error.details?.alternatives as EditAlternative[];
    expect(alternatives.map((a) => a.preview.method)).toEqual(['PATCH', 'PUT']);
    expect(alternatives[0]?.label).toMatch(/value array/);
    expect(alternatives[0]?.preview.request.body).toMatchObject({ Operations: [{ op: 'remove', path: 'members', value: [expect.objectContaining({ value: gone })] }] });
    // Nothing changed on the refused PATCH.
    expect((t.sandbox.store.get('Groups', id)?.res.members as { value: string }[]).map((m) => m.value)).toContain(gone);

    const outcome = await sendEdit(t.client, alternatives[0]?.preview as EditPreview, { journal: t.journal });
    expect(outcome.status).toBe('applied');
    const held = (t.sandbox.store.get('Groups', id)?.res.members as { value: string }[]).map((m) => m.value);
    expect(held.sort()).toEqual(members.slice(1).map((m) => m.value as string).sort());
  });

  it('hand-written operations (CLI --remove) get the same alternative, rewritten as one value-array removal', async () => {
    const id = groupWithMembers(4);
    const before = await t.client.get<ScimGroup>('Groups', id);
    const [a, b] = (before.members ?? []).map((m) => m.value as string);
    const preview = await previewEdit(t.client, 'Groups', id, { operations: [{ op: 'remove', path: `members[value eq "${a}"]` }, { op: 'remove', path: `members[value eq "${b}"]` }, { op: 'replace', path: 'displayName', value: 'Renamed' }] }, { before });
    const error = await refused(preview);
    const [valueArray] = error.details?.alternatives as EditAlternative[];
    expect(valueArray?.preview.request.body).toMatchObject({
      Operations: [{ op: 'remove', path: 'members', value: [expect.objectContaining({ value: a }), expect.objectContaining({ value: b })] }, { op: 'replace', path: 'displayName', value: 'Renamed' }],
    });
    expect((await sendEdit(t.client, valueArray?.preview as EditPreview, { journal: t.journal })).status).toBe('applied');
    const after = t.sandbox.store.get('Groups', id)?.res;
    expect(after?.displayName).toBe('Renamed');
    expect((after?.members as { value: string }[]).map((m) => m.value)).not.toContain(a);
  });
});

describe('a PUT is never offered while it would drop data', () => {
  it('a group that came without its members gets no PUT alternative', async () => {
    const { putWouldDropData } = await import('../../../electron/core/edit/alternatives');
    const id = groupWithMembers(2);
    const before = await t.client.get<ScimGroup>('Groups', id);
    const preview = await previewEdit(t.client, 'Groups', id, { edited: { ...before, displayName: 'X' } }, { before });
    expect(putWouldDropData(preview, { ...before, members: undefined } as unknown as ScimGroup)).toMatch(/would clear them/);
    expect(putWouldDropData(preview, before)).toBeNull();
  });
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
  const error = await refused(preview);
  expect(error.details?.status).toBe(501);
  return error.details?.alternatives as EditAlternative[];
}

describe('a 501 to a filter-path removal, beside a removal from another list', () => {
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
