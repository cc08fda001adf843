// The behaviour probe against the sandbox dialects: what it reports must be what each server
// really does (omission lies by omission, mittr ignores filters, rfc honours them), and it must
// only read.

import { afterAll, describe, expect, it } from 'vitest';
import type { FilterForm, FilterVerdict, ObservedFacts } from '../../../shared/observed';
import { startSandbox, type SandboxHandle, type VendorName } from '../../../electron/core/sandbox';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { probeServer } from '../../../electron/core/probe/index';

const handles: SandboxHandle[] = [];
const clients: ScimClient[] = [];

async function probe(vendor: VendorName, users = 160): Promise<{ sb: SandboxHandle; client: ScimClient; facts: ObservedFacts; gets: number }> {
  const sb = await startSandbox({ vendor, users, seed: 8 });
  handles.push(sb);
  const client = createScimClient({ baseUrl: sb.url, token: () => sb.token });
  clients.push(client);
  const discovery = await client.discover();
  const before = sb.stats();
  const facts = await probeServer(client, { discovery });
  const after = sb.stats();
  // Read-only: nothing but GETs, no write reached the store.
  expect(after.writes).toBe(before.writes);
  expect(Object.keys(after.byMethod)).toEqual(['GET']);
  return { sb, client, facts, gets: (after.byMethod.GET ?? 0) - (before.byMethod.GET ?? 0) };
}

afterAll(async () => {
  for (const c of clients) await c.close();
  for (const h of handles) await h.close();
});

const verdicts = (facts: ObservedFacts): Partial<Record<FilterForm, FilterVerdict>> =>
  Object.fromEntries(Object.entries(facts.filters).map(([k, v]) => [k, v.verdict]));

describe('probe', () => {
  it('omission: sees every lie — under-matching emails/externalId/displayName, case-sensitive userName, rejected active eq false, the unsaid page cap', async () => {
    const { facts, client } = await probe('omission');
    expect(verdicts(facts)).toEqual({
      'Users.userName': 'honoured',
      'Users.userName.otherCase': 'under-matches',
      'Users.emails.value': 'under-matches',
      'Users.emails[value]': 'honoured',
      'Users.emails': 'under-matches',
      'Users.externalId': 'under-matches',
      'Users.active': 'rejected',
      'Groups.displayName': 'under-matches',
      'Groups.externalId': 'honoured',
    });
    expect(facts.filters['Users.emails.value']?.detail).toBe('empty for a known email');
    expect(facts.filters['Users.active']?.detail).toMatch(/400.*not supporting advanced filtering/);
    expect(facts.pageCap).toEqual({ value: 50, detail: 'asked for 500, got 50 of 160' });
    expect(facts.startIndexBase.value).toBe(1);
    expect(facts.sort.value).toBe('ignored');
    expect(facts.etags.value).toBe(false);
    expect(facts.groupMembersUnasked.value).toBe(true);
    expect(Date.parse(facts.observedAt)).not.toBeNaN();
    expect(facts.baseUrl).toBe(client.baseUrl);
    // The client holds the facts now: later lookups and listings use them — pages are asked at the
    // cap the probe saw (no "caps pages" surprise), and emails are looked up in the form that works.
    expect(client.observed).toEqual(facts);
    const listed = await client.list('Users');
    expect(listed.complete).toBe(true);
    expect(listed.count).toBe(160);
    expect(listed.warnings.join(' ')).not.toMatch(/caps pages/);
    const lastPages = client.transport.log.entries().filter((e) => /\/Users\?/.test(e.url)).slice(-3);
    expect(lastPages.every((e) => /count=(50|1)(&|$)/.test(e.url))).toBe(true);
  });

  it('mittr: filters it cannot evaluate are seen ignored; no groups', async () => {
    const { facts } = await probe('mittr');
    expect(verdicts(facts)).toMatchObject({ 'Users.userName': 'honoured', 'Users.userName.otherCase': 'honoured', 'Users.externalId': 'ignored', 'Users.emails[value]': 'ignored', 'Users.active': 'ignored' });
    expect(facts.filters['Groups.displayName']).toBeUndefined();
    expect(facts.groupMembersUnasked).toEqual({ value: null, detail: 'this server has no /Groups' });
  });

  it('rfc: everything honoured, sort and ETags seen, startIndex from 1; a 0-based server is told apart', async () => {
    const { facts, sb, client, gets } = await probe('rfc');
    expect(new Set(Object.values(verdicts(facts)))).toEqual(new Set(['honoured']));
    expect(facts.sort.value).toBe('honoured');
    expect(facts.etags.value).toBe(true);
    expect(facts.startIndexBase.value).toBe(1);
    expect(facts.pageCap.value).toBeNull();
    expect(facts.requests).toBe(gets);
    sb.setFaults({ zeroBasedIndex: true });
    const again = await probeServer(client);
    expect(again.startIndexBase.value).toBe(0);
  });
});
