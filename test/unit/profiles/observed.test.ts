// The profile's observed facts: an additive, optional field — stored with its date, read back
// through validation, dropped (not fatal) when malformed, and dropped when the base URL changes.

import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ObservedFacts } from '../../../shared/observed';
import { readObservedFacts } from '../../../shared/observed';
import { connectionOptionsFor, createProfileStore } from '../../../electron/core/profiles';
import type { Vault } from '../../../electron/core/vault';
import { freshDir } from './helpers';

const facts: ObservedFacts = {
  version: 1,
  observedAt: '2026-01-02T03:04:05.000Z',
  baseUrl: 'https://tenant.example.com/scim/v2',
  filters: { 'Users.emails.value': { verdict: 'under-matches', detail: 'empty for a known email' }, 'Users.userName': { verdict: 'honoured', detail: '' } },
  pageCap: { value: 50, detail: 'asked for 500, got 50 of 120' },
  startIndexBase: { value: 1, detail: '' },
  sort: { value: 'ignored', detail: '' },
  etags: { value: false, detail: '' },
  groupMembersUnasked: { value: true, detail: '' },
  requests: 17,
};

describe('observed facts in a profile', () => {
  it('are stored, read back, passed to the connection, and dropped when the base URL changes', () => {
    const store = createProfileStore({ dir: freshDir() });
    const p = store.add({ name: 'probe', baseUrl: 'https://tenant.example.com/scim/v2' });
    expect(p.observed).toBeUndefined();
    store.setObserved(p.id, facts);
    expect(store.get(p.id).observed).toEqual(facts);
    const vault = { get: async () => 'x' } as unknown as Vault;
    expect(connectionOptionsFor(store.get(p.id), vault).observed).toEqual(facts);
    // Other edits keep them; a new URL is another server.
    expect(store.update(p.id, { readOnly: true }).observed).toEqual(facts);
    expect(store.update(p.id, { baseUrl: 'https://other.example.com/scim/v2' }).observed).toBeUndefined();
    store.setObserved(p.id, facts);
    expect(store.setObserved(p.id, null).observed).toBeUndefined();
  });

  it('malformed facts in the file are dropped, the profile kept', () => {
    const store = createProfileStore({ dir: freshDir() });
    const p = store.add({ name: 'probe', baseUrl: 'https://tenant.example.com/scim/v2' });
    const doc = JSON.parse(readFileSync(store.path, 'utf8')) as { profiles: Record<string, unknown>[] };
    (doc.profiles[0] as Record<string, unknown>).observed = { version: 99, observedAt: 'never' };
    writeFileSync(store.path, JSON.stringify(doc));
    expect(store.get(p.id)).toMatchObject({ name: 'probe' });
    expect(store.get(p.id).observed).toBeUndefined();
  });

  it('readObservedFacts keeps known forms and verdicts only', () => {
    const raw = JSON.parse(JSON.stringify(facts)) as Record<string, unknown>;
    (raw.filters as Record<string, unknown>)['Users.title'] = { verdict: 'honoured', detail: '' };
    (raw.filters as Record<string, unknown>)['Users.externalId'] = { verdict: 'maybe', detail: '' };
    expect(readObservedFacts(raw)?.filters).toEqual(facts.filters);
    expect(readObservedFacts({ ...raw, pageCap: { value: -3, detail: '' } })).toBeNull();
  });
});
