// table.absent (issue 15, "Remove dangling members" at any tenant size), through dispatch() on the
// real sandbox: which of a group's member ids no row of main's users and groups listings has, in
// one call, and what each listing was (filtered, verified complete, still loading), so the panel
// can say why it asked the server about more ids than the dangling ones. Absence is never proof.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../shared/channels';
import type { AbsentIds } from '../../../shared/channels/table';
import type { ScimResource } from '../../../shared/scim';
import { featureContext, value } from './features-context';

let t: Awaited<ReturnType<typeof featureContext>>;
beforeAll(async () => {
  t = await featureContext(300);
});
afterAll(() => t.close());

const absent = async (ids: string[]) => value<AbsentIds>(await t.call('table.absent', { profileId: 'sandbox', ids }));

async function listed(kind: 'Users' | 'Groups', listId: string, extra: Record<string, unknown> = {}): Promise<ScimResource[]> {
  t.pushed.length = 0;
  value(await t.call('resources.list', { profileId: 'sandbox', kind, listId, pages: 'resources', ...extra }));
  return t.pushed.filter((p) => p.event === 'resources.page').flatMap((p) => (p.payload as EventMap['resources.page']).resources);
}

describe('table.absent', () => {
  it('without listings every id is absent and no listing is claimed', async () => {
    expect(await absent(['a', 'b'])).toEqual({ absent: ['a', 'b'], listings: { Users: null, Groups: null } });
  });

  it('a filtered or cut-short listing holds what it listed, says what it was, and proves nothing about the rest', async () => {
    const inactive = await listed('Users', 'inactive', { filter: 'active eq false' });
    expect(inactive.length).toBeGreaterThan(0);
    const some = await listed('Users', 'seven', { limit: 7 });
    expect(some).toHaveLength(7);
    const outside = inactive.find((u) => !some.some((s) => s.id === u.id)) as ScimResource;
    const r = await absent([some[0]?.id as string, outside.id, 'gone-1']);
    // Only the latest listing of a kind is held: the 7-user one, which did not finish complete.
    expect(r.absent).toEqual([outside.id, 'gone-1']);
    expect(r.listings.Users).toEqual({ rows: 7, loading: false, complete: false, filtered: false });
    await listed('Users', 'inactive-again', { filter: 'active eq false' });
    expect((await absent([])).listings.Users).toEqual({ rows: inactive.length, loading: false, complete: true, filtered: true });
  });

  it('after complete listings, only ids that are neither a user nor a group are absent, in the order asked', async () => {
    const users = await listed('Users', 'all-users');
    const groups = await listed('Groups', 'all-groups');
    const ids = ['gone-2', users[10]?.id as string, groups[0]?.id as string, 'gone-1', users[299]?.id as string];
    const r = await absent(ids);
    expect(r.absent).toEqual(['gone-2', 'gone-1']);
    expect(r.listings).toEqual({
      Users: { rows: 300, loading: false, complete: true, filtered: false },
      Groups: { rows: groups.length, loading: false, complete: true, filtered: false },
    });
  });

  it('refuses ids that are not a list of non-empty strings', async () => {
    expect(await t.call('table.absent', { profileId: 'sandbox', ids: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await t.call('table.absent', { profileId: 'sandbox', ids: [''] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
