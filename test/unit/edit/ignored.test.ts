// What a preview says a vendor will not make (ignored.ts), for each kind of path an admin edits:
// a plain attribute, a sub-attribute, a filtered multi-valued item and an enterprise-extension
// attribute. The prediction keeps those values as they were (other extension attributes untouched,
// an emptied extension removed), one warning per ignored change says why, and a PUT is suggested
// only when a PUT would help.

import { describe, expect, it } from 'vitest';
import { planPreview, replacePreview, type EditTarget } from '../../../electron/core/edit';
import { SCHEMAS, type ScimResource } from '../../../shared/scim';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const target = (vendor: string | null, kind: 'Users' | 'Groups' = 'Users'): EditTarget => ({ baseUrl: 'https://scim.example.test/v2', kind, vendor, headers: {} });
const user: ScimResource = {
  schemas: [SCHEMAS.user, ENTERPRISE],
  id: 'u1',
  userName: 'ada@example.test',
  title: 'Engineer',
  active: true,
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  emails: [{ value: 'ada@example.test', type: 'work', primary: true }],
  [ENTERPRISE]: { employeeNumber: '7', manager: { value: 'm1' } },
  meta: { resourceType: 'User', version: 'W/"1"' },
};
const NOT_STORED = 'Mittr takes only userName (the email), name and status from SCIM; a write leaves this as it is, so it cannot be changed here.';

describe('a vendor’s attributes it never stores (Mittr: title, department, manager)', () => {
  it('an extension attribute it does not store is kept as it was, the other extension attributes change', () => {
    const edited = { ...user, [ENTERPRISE]: { employeeNumber: '8', manager: { value: 'm2' }, department: 'Ops' } };
    const preview = planPreview(target('mittr'), user, { edited });
    expect(preview.after[ENTERPRISE]).toEqual({ employeeNumber: '8', manager: { value: 'm1' } });
    expect(preview.ignored.map((c) => c.path).sort()).toEqual([`${ENTERPRISE}:department`, `${ENTERPRISE}:manager.value`].sort());
    expect(preview.changed).toEqual([`${ENTERPRISE}:employeeNumber`]);
    expect(preview.warnings.filter((w) => w.code === 'ignored-by-service')).toEqual(
      preview.ignored.map((c) => ({ code: 'ignored-by-service', path: c.path, message: `${c.path}: ${NOT_STORED}` })),
    );
    // A PUT would not help with what the vendor never stores.
    expect(preview.needsReplace).toBe(false);
  });

  it('an extension left with nothing else is taken out of the prediction', () => {
    const bare: ScimResource = { ...user, [ENTERPRISE]: undefined };
    delete bare[ENTERPRISE];
    const preview = planPreview(target('mittr'), bare, { edited: { ...bare, [ENTERPRISE]: { department: 'Ops' } } });
    expect(preview.after).not.toHaveProperty(ENTERPRISE);
    expect(preview.changes).toEqual([]);
    expect(preview.empty).toBe(true);
  });

  it('a removed title is predicted to stay', () => {
    const edited = { ...user };
    delete edited.title;
    const preview = planPreview(target('mittr'), user, { edited });
    expect(preview.after.title).toBe('Engineer');
    expect(preview.ignored).toEqual([expect.objectContaining({ path: 'title', before: 'Engineer' })]);
  });

  it('a title the vendor does not store that was absent stays absent', () => {
    const untitled: ScimResource = { ...user };
    delete untitled.title;
    const preview = planPreview(target('mittr'), untitled, { edited: { ...untitled, title: 'CTO', name: { givenName: 'Ada', familyName: 'King' } } });
    expect(preview.after).not.toHaveProperty('title');
    expect(preview.changed).toEqual(['name.familyName']);
    expect(preview.empty).toBe(false);
  });

  it('groups have no such attributes, whatever the vendor', () => {
    const group: ScimResource = { schemas: [SCHEMAS.group], id: 'g1', displayName: 'Ops', title: 'x', meta: { version: 'W/"1"' } };
    const preview = planPreview(target('mittr', 'Groups'), group, { edited: { ...group, title: 'y', displayName: 'Ops 2' } });
    expect(preview.ignored).toEqual([]);
    expect(preview.after).toMatchObject({ title: 'y', displayName: 'Ops 2' });
  });
});

describe('a PATCH the vendor ignores (Lettermint changes only active by PATCH)', () => {
  it('sub-attributes and filtered items are ignored by their attribute, with the builder’s advice to use PUT', () => {
    const edited = { ...user, name: { givenName: 'Augusta', familyName: 'Lovelace' }, emails: [{ value: 'ada@example.test', type: 'work', primary: false }] };
    const preview = planPreview(target('lettermint'), user, { edited });
    expect(preview.after).toMatchObject({ name: user.name, emails: user.emails });
    expect(preview.changes).toEqual([]);
    expect(preview.ignored.length).toBeGreaterThan(0);
    for (const warning of preview.warnings.filter((w) => w.code === 'ignored-by-service')) expect(warning.message).not.toMatch(/^[^:]+: Lettermint takes only/);
    expect(preview.ignored.map((c) => c.path)).toEqual(preview.warnings.filter((w) => w.code === 'ignored-by-service').map((w) => w.path));
    expect(preview.needsReplace).toBe(true);
    // The PUT it suggests does make them.
    const put = replacePreview(target('lettermint'), user, preview.intent, user);
    expect(put.after).toMatchObject({ name: { givenName: 'Augusta' } });
    expect(put.ignored).toEqual([]);
  });

  it('a change a PUT would not help with (title) is not a reason to suggest a PUT, even beside active', () => {
    const preview = planPreview(target('lettermint'), user, { edited: { ...user, active: false, title: 'CTO' } });
    expect(preview.after).toMatchObject({ active: false, title: 'Engineer' });
    expect(preview.changed).toEqual(['active']);
    expect(preview.ignored.map((c) => c.path)).toEqual(['title']);
    expect(preview.needsReplace).toBe(false);
    expect(preview.warnings[0]).toEqual({ code: 'ignored-by-service', path: 'title', message: expect.stringMatching(/^title: Lettermint takes only a team member’s email/) });
  });

  it('other warnings are kept after the ignored ones', () => {
    const noVersion: ScimResource = { ...user, meta: { resourceType: 'User' } };
    const preview = planPreview(target('lettermint'), noVersion, { edited: { ...noVersion, active: false, displayName: 'Ada' } });
    expect(preview.warnings.map((w) => w.code)).toEqual(['ignored-by-service', 'no-version']);
  });

  it('the same edit on a vendor that takes it is predicted whole', () => {
    const preview = planPreview(target('rfc'), user, { edited: { ...user, title: 'CTO', [ENTERPRISE]: { employeeNumber: '7', manager: { value: 'm1' }, department: 'Ops' } } });
    expect(preview.ignored).toEqual([]);
    expect(preview.after).toMatchObject({ title: 'CTO', [ENTERPRISE]: { department: 'Ops' } });
    expect(preview.warnings).toEqual([]);
  });

  it('each change the PATCH leaves alone gets the builder’s one warning, word for word, first; a PUT is suggested (Mindtickle)', () => {
    const preview = planPreview(target('mindtickle'), user, { edited: { ...user, title: 'CTO', nickName: 'Ada', active: false } });
    const left = (path: string) => ({ code: 'ignored-by-service', path, message: `${path}: will be ignored by this service (mindtickle PATCH changes only "active"); use PUT (full replace) to change it.` });
    expect(preview.warnings).toEqual([left('title'), left('nickName')]);
    expect([preview.changed, preview.needsReplace]).toEqual([['active'], true]);
  });

  it('beside a title it never stores, a change its PATCH leaves alone still asks for a PUT, each with its own reason (Lettermint)', () => {
    const preview = planPreview(target('lettermint'), user, { edited: { ...user, title: 'CTO', nickName: 'Ada' } });
    expect(preview.warnings).toEqual([
      { code: 'ignored-by-service', path: 'title', message: expect.stringMatching(/^title: Lettermint takes only a team member’s email/) },
      { code: 'ignored-by-service', path: 'nickName', message: 'nickName: will be ignored by this service (lettermint PATCH changes only "active"); use PUT (full replace) to change it.' },
    ]);
    expect(preview.needsReplace).toBe(true);
  });

  it('an extension the server sent as null: a change in it the vendor never stores is predicted to stay absent', () => {
    const nulled = { ...user, [ENTERPRISE]: null } as unknown as ScimResource;
    const preview = planPreview(target('mittr'), nulled, { edited: { ...user, [ENTERPRISE]: { department: 'Ops' } } });
    expect(preview.ignored.map((c) => c.path)).toEqual([`${ENTERPRISE}:department`]);
    expect(preview.after[ENTERPRISE] ?? null).toBeNull();
  });
});
