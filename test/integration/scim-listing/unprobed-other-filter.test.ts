// A filter on an attribute the behaviour probe has no form for (title, name.familyName,
// meta.lastModified, emails[type …], userName sw …). A server whose store cannot evaluate such a
// comparison and answers 200 with an empty list (the sandbox's underMatchAttributes fault) gave
// `complete: true, count: 0` before: its silence taken as proof. Now each such comparison is tried
// once with a value a sample user holds, and one caught under-matching is applied locally over a
// complete listing, with a warning saying why. An honest server keeps getting the filter.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScimUser } from '../../../shared/scim';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { listFresh } from './fresh-list';
import { parseFilter } from '../../../electron/core/scim/filter';
import { evaluateFilter } from '../../../electron/core/scim/filter-eval';

const USERS = 160;
let silent: SandboxHandle;
let honest: SandboxHandle;
let users: ScimUser[];

beforeAll(async () => {
  silent = await startSandbox({ vendor: 'rfc', users: USERS, seed: 41, faults: { underMatchAttributes: ['title', 'name.familyname', 'meta.lastmodified', 'emails.type', 'username', 'active'] } });
  honest = await startSandbox({ vendor: 'rfc', users: USERS, seed: 41 });
  users = silent.store.ids('Users').map((id) => silent.store.get('Users', id)?.res as ScimUser);
});

afterAll(async () => {
  await silent?.close();
  await honest?.close();
});

/** What the filter truly matches in the seeded store, by the local evaluator. */
function truth(filter: string): string[] {
  const parsed = parseFilter(filter);
  return users.filter((u) => evaluateFilter(u, parsed)).map((u) => u.id).sort();
}

const someone = (): ScimUser => users[37] as ScimUser;
const cases: [string, () => string][] = [
  ['title eq', () => `title eq ${JSON.stringify(someone().title)}`],
  ['name.familyName sw', () => `name.familyName sw ${JSON.stringify(String(someone().name?.familyName).slice(0, 2))}`],
  ['meta.lastModified gt', () => `meta.lastModified gt ${JSON.stringify(String(someone().meta?.lastModified))}`],
  ['emails[type eq]', () => `emails[type eq "work"]`],
  ['userName co', () => `userName co ${JSON.stringify(someone().userName.slice(1, 4))}`],
  ['active eq true', () => 'active eq true'],
];

describe('a filter outside the probe’s forms on a server that answers it with silence', () => {
  it.each(cases)('%s returns what the filter truly matches, applied locally over a complete listing', async (_name, filter) => {
    const expected = truth(filter());
    expect(expected.length).toBeGreaterThan(0);
    const out = await listFresh(silent, filter());
    expect(out.Resources.map((u) => u.id).sort()).toEqual(expected);
    expect(out.complete).toBe(true);
    expect(out.warnings.join(' ')).toMatch(/cannot be trusted with this filter .*under-matches.*applied locally over a complete listing/);
  });

  it('--server-filter-only keeps the server’s word alone (and so its silence)', async () => {
    const out = await listFresh(silent, cases[0]?.[1]() ?? '', true);
    expect(out.Resources).toEqual([]);
  });
});

describe('the same filters on a server that evaluates them', () => {
  it.each(cases)('%s is sent to the server, and its answer stands', async (_name, filter) => {
    const before = honest.stats().requests;
    const out = await listFresh(honest, filter());
    expect(out.Resources.map((u) => u.id).sort()).toEqual(truth(filter()));
    expect(out.complete).toBe(true);
    expect(out.warnings.join(' ')).not.toMatch(/applied locally/);
    // discovery, one sample page, one spot check, and the filtered pages: not a full listing.
    expect(honest.stats().requests - before).toBeLessThan(12);
  });
});
