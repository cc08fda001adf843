// A filtered listing on a server nobody probed (no saved facts, nothing learned this session):
// the omission server answers 200 with an empty list for `externalId eq`, `emails.value eq` and
// a wrong-case `userName eq`. Before, that silence came back as `complete: true` with no user.
// Now the filter's forms are tried once with values the server holds, and a form caught
// under-matching is applied locally over a complete listing, with a warning saying why.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScimUser } from '../../../shared/scim';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { listFresh } from './fresh-list';

const USERS = 120;
let sb: SandboxHandle;
let user: ScimUser;

beforeAll(async () => {
  sb = await startSandbox({ vendor: 'omission', users: USERS, seed: 35 });
  const colliding = new Set(sb.store.planted.caseCollidingUserNames.flat().map((n) => n.toLowerCase()));
  user = sb.store
    .ids('Users')
    .map((id) => sb.store.get('Users', id)?.res as ScimUser)
    .find((u) => typeof u.externalId === 'string' && !colliding.has(u.userName.toLowerCase()) && (u.emails?.[0]?.value ?? '').toLowerCase() !== u.userName.toLowerCase()) as ScimUser;
  expect(user).toBeDefined();
});

afterAll(async () => {
  await sb?.close();
});

const listOnce = (filter: string, serverFilterOnly = false) => listFresh(sb, filter, serverFilterOnly);

describe('a filtered listing on an unprobed server that under-matches', () => {
  it.each([
    ['externalId eq', () => `externalId eq "${user.externalId}"`],
    ['emails.value eq', () => `emails.value eq "${user.emails?.[0]?.value}"`],
    ['userName eq in another case', () => `userName eq "${user.userName.toUpperCase()}"`],
  ])('%s finds the user, applied locally over a complete listing, and says why', async (_name, filter) => {
    const out = await listOnce(filter());
    expect(out.Resources.map((u) => u.id)).toEqual([user.id]);
    expect(out.complete).toBe(true);
    expect(out.warnings.join(' ')).toMatch(/cannot be trusted with this filter .*under-matches.*applied locally over a complete listing/);
  });

  it('a form the server honours is still sent to it, and --server-filter-only keeps the server’s word alone', async () => {
    const honoured = await listOnce(`emails[value eq "${user.emails?.[0]?.value}"]`);
    expect(honoured.Resources.map((u) => u.id)).toEqual([user.id]);
    expect(honoured.warnings.join(' ')).not.toMatch(/applied locally/);
    const strict = await listOnce(`externalId eq "${user.externalId}"`, true);
    expect(strict.Resources).toEqual([]);
  });
});
