// Extra attribute columns over main's index (issue 17): the enterprise extension's department,
// employee number and manager, and a custom schema's attributes, come with each window of rows,
// sort in main, follow a verified write, and are offered from /Schemas and from what the listing
// carried — through dispatch() on the real sandbox, with no resources sent to the renderer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../shared/channels';
import type { AttributeChoices, TableRow, TableWindow } from '../../../shared/channels/table';
import type { EditPreview, SendOutcome } from '../../../shared/edit';
import { SCHEMAS, type ScimResource } from '../../../shared/scim';
import { featureContext, value } from './features-context';

const ENT = SCHEMAS.enterpriseUser;
const DEPARTMENT = `${ENT}:department`;
const EMPLOYEE = `${ENT}:employeeNumber`;
const MANAGER = `${ENT}:manager.displayName`;
const USERS = 300;

let t: Awaited<ReturnType<typeof featureContext>>;
let all: ScimResource[] = [];
beforeAll(async () => {
  t = await featureContext(USERS);
  value(await t.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'full', pages: 'resources' }));
  all = t.pushed.filter((p) => p.event === 'resources.page').flatMap((p) => (p.payload as EventMap['resources.page']).resources);
  value(await t.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'rows', pages: 'rows' }));
});
afterAll(() => t.close());

const ent = (r: ScimResource) => (r[ENT] ?? {}) as { department?: string; employeeNumber?: string; manager?: { displayName?: string } };
const win = async (input: Record<string, unknown>) => value<TableWindow>(await t.call('table.window', { profileId: 'sandbox', kind: 'Users', listId: 'rows', exact: true, from: 0, count: 1000, ...input }));

describe('extra attribute columns', () => {
  it('a window carries the enterprise values asked for, per row, in the order asked', async () => {
    expect(all).toHaveLength(USERS);
    const w = await win({ attributes: [EMPLOYEE, DEPARTMENT, MANAGER, 'name.givenName'] });
    expect(w.rows.map((r) => r.attributes)).toEqual(all.map((r) => [ent(r).employeeNumber ?? '', ent(r).department ?? '', ent(r).manager?.displayName ?? '', (r.name as { givenName: string }).givenName]));
    // The sandbox gives most users a department: the column is not empty by accident.
    expect(w.rows.filter((r) => r.attributes?.[1] !== '').length).toBeGreaterThan(USERS / 2);
    // Asked for none, the row is as before (no attributes field).
    expect((await win({ count: 1 })).rows[0]).not.toHaveProperty('attributes');
  });

  it('sorts by an attribute column in main, users without one first', async () => {
    const key = (r: ScimResource) => Buffer.from((ent(r).department ?? '').toLowerCase());
    const sorted = [...all].sort((a, b) => Buffer.compare(key(a), key(b)) || all.indexOf(a) - all.indexOf(b));
    const w = await win({ sort: { column: DEPARTMENT, dir: 'asc' }, attributes: [DEPARTMENT] });
    expect(w.rows.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
    const top = await win({ sort: { column: DEPARTMENT, dir: 'desc' }, count: 5 });
    const desc = [...all].sort((a, b) => Buffer.compare(key(b), key(a)) || all.indexOf(a) - all.indexOf(b));
    expect(top.rows.map((r) => r.id)).toEqual(desc.slice(0, 5).map((r) => r.id));
  });

  it('lookups and the selection export (table.selected) carry them too', async () => {
    const rows = value<(TableRow | null)[]>(await t.call('table.lookup', { profileId: 'sandbox', kind: 'Users', ids: [all[5]?.id, 'nope'], attributes: [DEPARTMENT] }));
    expect(rows[0]?.attributes).toEqual([ent(all[5] as ScimResource).department ?? '']);
    expect(rows[1]).toBeNull();
    const selection = { kind: 'Users', listId: null, parts: [], overrides: [all[5]?.id, 'nope'].map((id) => ({ id, value: true, after: 0 })) };
    const selected = value<{ rows: TableRow[] }>(await t.call('table.selected', { profileId: 'sandbox', selection, attributes: [DEPARTMENT] }));
    expect(selected.rows.map((r) => [r.id, r.attributes])).toEqual([[all[5]?.id, [ent(all[5] as ScimResource).department ?? '']]]);
  });

  it('a verified write of the department shows in the window', async () => {
    const user = all.find((r) => ent(r).department !== undefined) as ScimResource;
    const edited = { ...user, [ENT]: { ...ent(user), department: 'Zz Written Back' } };
    const preview = value<EditPreview>(await t.call('edit.preview', { profileId: 'sandbox', kind: 'Users', id: user.id, change: { edited }, before: user }));
    expect(value<SendOutcome>(await t.call('edit.send', { profileId: 'sandbox', preview })).status).toBe('applied');
    const rows = value<(TableRow | null)[]>(await t.call('table.lookup', { profileId: 'sandbox', kind: 'Users', ids: [user.id], attributes: [DEPARTMENT] }));
    expect(rows[0]?.attributes).toEqual(['Zz Written Back']);
    // And the sorted view places it by its new value.
    const now = all.map((r) => (r.id === user.id ? edited : r));
    const key = (r: ScimResource) => Buffer.from((ent(r).department ?? '').toLowerCase());
    const sorted = [...now].sort((a, b) => Buffer.compare(key(a), key(b)) || now.indexOf(a) - now.indexOf(b));
    const w = await win({ sort: { column: DEPARTMENT, dir: 'asc' }, attributes: [DEPARTMENT] });
    expect(w.rows.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
  });

  it('offers the schemas’ attributes and those the listing carried, with labels', async () => {
    const a = value<AttributeChoices>(await t.call('table.attributes', { profileId: 'sandbox', kind: 'Users' }));
    expect(a.schemasError).toBeNull();
    const byPath = new Map(a.choices.map((c) => [c.path, c]));
    expect(byPath.get(DEPARTMENT)).toMatchObject({ label: 'department (enterprise)', schema: ENT, from: ['schema', 'seen'] });
    expect(byPath.get(`${ENT}:manager.value`)?.from).toEqual(['schema', 'seen']);
    expect(byPath.get('name.givenName')?.from).toEqual(['schema', 'seen']);
    // Fixed columns and multi-valued attributes are not offered again.
    for (const p of ['userName', 'emails', 'groups', 'active', 'displayName']) expect(byPath.has(p)).toBe(false);
  });

  it('refuses a sort or attribute that is not a path, naming the field', async () => {
    const bad = await t.call('table.window', { profileId: 'sandbox', kind: 'Users', listId: 'rows', attributes: ['a b'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(bad)).toContain('attributes');
    const badSort = await t.call('table.window', { profileId: 'sandbox', kind: 'Users', listId: 'rows', sort: { column: 'x y' } });
    expect(badSort).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
