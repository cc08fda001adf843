// Property: for a random user and a random edit of it (the patch core's generator), the whole send
// path — previewEdit, sendEdit with If-Match, read-back — leaves the rfc sandbox holding exactly
// the `after` the preview showed, and the journal records it as applied.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewEdit, readChangeJournal, sendEdit } from '../../../electron/core/edit';
import { diffResources, SERVER_MANAGED_ATTRIBUTES } from '../../../electron/core/patch';
import { pruneUnassigned } from '../../../electron/core/patch/json';
import { SCHEMAS, type ScimResource } from '../../../shared/scim';
import { ENT, userEdit } from '../../unit/patch/arbitraries';
import { editTenant, plainUserIds, type EditTenant } from './support';

let t: EditTenant;
beforeAll(async () => {
  t = await editTenant('rfc', { users: 10 });
});
afterAll(async () => {
  await t?.close();
});

/** What the sandbox's schema holds: one primary email at most, no nulls, the extension declared. */
function serverShape(resource: ScimResource, userName: string): Record<string, unknown> {
  const { id: _id, meta: _meta, ...rest } = resource;
  if (Array.isArray(rest.emails)) rest.emails = (rest.emails as Record<string, unknown>[]).map((e, i) => ({ ...e, primary: i === 0 ? e.primary : undefined }));
  const shaped = pruneUnassigned(JSON.parse(JSON.stringify(rest))) as Record<string, unknown>;
  shaped.schemas = shaped[ENT] !== undefined ? [SCHEMAS.user, ENT] : [SCHEMAS.user];
  shaped.userName = userName;
  return shaped;
}

describe('random edits sent to the rfc sandbox', () => {
  it('end as the preview predicted', async () => {
    const id = plainUserIds(t.sandbox)[0]!;
    const userName = `random.${id.slice(0, 12)}@example.test`;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(userEdit, async ({ before, after }) => {
        await t.other.replace('Users', id, serverShape(before, userName));
        const loaded = await t.client.get('Users', id);
        const edited = { ...serverShape(after, userName), id, meta: loaded.meta } as ScimResource;
        const preview = await previewEdit(t.client, 'Users', id, { edited }, { before: loaded, vendor: 'rfc' });
        if (preview.empty) return;
        const outcome = await sendEdit(t.client, preview, { journal: t.journal });
        sent += 1;
        expect(outcome.status, JSON.stringify(preview.request.body)).toBe('applied');
        if (outcome.status !== 'applied') return;
        expect(outcome.verification.warnings).toEqual([]);
        const held = t.sandbox.store.get('Users', id)!.res as ScimResource;
        expect(diffResources(preview.after, held, { ignore: [...SERVER_MANAGED_ATTRIBUTES, 'groups'] }), JSON.stringify(preview.request.body)).toEqual([]);
      }),
      { numRuns: 25, endOnFailure: true },
    );
    const { entries } = await readChangeJournal(t.journal);
    expect(sent).toBeGreaterThan(15);
    expect(entries).toHaveLength(sent);
    expect(entries.every((e) => e.outcome === 'applied')).toBe(true);
  }, 60_000);
});
