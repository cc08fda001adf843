// When a filtered listing is applied locally instead of by the server (listing-filter.ts): a 400
// about the filter, a form this session or the probe saw the server get wrong, a comparison caught
// under-matching. Real listings of the sandbox behind the reshaping loopback server, which answers
// filtered GETs as a test says; each case checks what was sent, what came back and the words the
// admin reads, since "applied locally over a complete listing of N users" is a claim.

import { describe, expect, it } from 'vitest';
import type { ObservedFacts } from '../../../shared/observed';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import { FormTrust, otherComparisons } from '../../../electron/core/scim/filter-trust';
import { parseFilter } from '../../../electron/core/scim/filter';
import { listResources } from '../../../electron/core/scim/listing';
import { listTrustingFilter } from '../../../electron/core/scim/listing-filter';
import type { Answer } from '../../support/reshaping-tenant';
import { failure } from '../../support/failure';
import { reshapedListing } from './reshaped-listing';

const USERS = 14;
const at = reshapedListing(USERS, 41);

const scimError = (status: number, fields: Record<string, unknown>): Answer => ({
  status,
  headers: { 'content-type': 'application/scim+json' },
  body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), ...fields }),
});

/** Filtered GETs of `kind` get `answer`; everything else passes as the sandbox answered it. */
function filteredGets(answer: Answer | null, kind: ResourceKind = 'Users'): void {
  at.tenant.reshape((req) => {
    const url = new URL(req.path, 'http://x');
    return req.method === 'GET' && url.pathname.endsWith(`/${kind}`) && url.searchParams.has('filter') ? answer : null;
  });
}

const filteredSent = (): number => at.transport.log.entries().filter((e) => e.method === 'GET' && new URL(e.url).searchParams.has('filter')).length;

const facts = (filters: ObservedFacts['filters']): ObservedFacts => ({
  version: 1,
  observedAt: '2026-11-30T09:00:00.000Z',
  baseUrl: at.tenant.url,
  filters,
  pageCap: { value: null, detail: '' },
  startIndexBase: { value: 1, detail: '' },
  sort: { value: 'honoured', detail: '' },
  etags: { value: true, detail: '' },
  groupMembersUnasked: { value: true, detail: '' },
  requests: 0,
});

function listing(kind: ResourceKind, filter: string, trust: FormTrust, serverFilterOnly = false) {
  return listTrustingFilter<ScimResource>({
    kind,
    filter,
    trust,
    serverFilterOnly,
    run: (locally) => listResources(at.transport, kind, { filter, filterLocally: locally, pageSize: 5 }),
  });
}

const someUser = () => at.tenant.sandbox.store.get('Users', at.ids[3] as string)?.res as ScimResource & { userName: string; externalId?: string };
const someGroup = () => {
  const id = at.tenant.sandbox.store.ids('Groups')[0] as string;
  return at.tenant.sandbox.store.get('Groups', id)?.res as ScimResource & { displayName: string };
};
const groupTotal = () => at.tenant.sandbox.store.ids('Groups').length;

describe('a filter the server rejects', () => {
  it('400 invalidFilter: applied locally over a complete listing, said with the detail; the form is learned and not sent again', async () => {
    const user = someUser();
    const trust = new FormTrust(() => null);
    filteredGets(scimError(400, { scimType: 'invalidFilter', detail: 'Filtering on userName is not supported.' }));
    const filter = `userName eq "${user.userName}"`;
    const out = await listing('Users', filter, trust);
    expect(out.Resources.map((r) => r.id)).toEqual([user.id]);
    expect(out.complete).toBe(true);
    expect(out.warnings[0]).toBe(
      `The server rejected the filter (400: Filtering on userName is not supported.), so it was applied locally over a complete listing of ${USERS} users. Use --server-filter-only to refuse instead.`,
    );
    expect(filteredSent()).toBeGreaterThan(0);
    expect(trust.observation('Users.userName')).toEqual({ verdict: 'rejected', detail: '400: Filtering on userName is not supported.' });

    at.transport.log.clear();
    const again = await listing('Users', filter, trust);
    expect(filteredSent()).toBe(0);
    expect(again.Resources.map((r) => r.id)).toEqual([user.id]);
    expect(again.warnings[0]).toBe(
      `The server cannot be trusted with this filter (userName eq: rejected: 400: Filtering on userName is not supported.; seen in this session), so it was applied locally over a complete listing of ${USERS} users.`,
    );
  });

  it('a bare 400 with no body is a rejection too, said without a detail', async () => {
    const user = someUser();
    filteredGets({ status: 400, headers: {}, body: '' });
    const out = await listing('Users', `userName eq "${user.userName}"`, new FormTrust(() => null));
    expect(out.Resources.map((r) => r.id)).toEqual([user.id]);
    expect(out.warnings[0]).toBe(`The server rejected the filter (400), so it was applied locally over a complete listing of ${USERS} users. Use --server-filter-only to refuse instead.`);
  });

  it('a filter of two forms rejected is applied locally, but neither form is marked rejected (the 400 does not say which)', async () => {
    const user = someUser();
    const trust = new FormTrust(() => null);
    filteredGets(scimError(400, { scimType: 'invalidFilter' }));
    const out = await listing('Users', `userName eq "${user.userName}" or externalId eq "nobody-has-this"`, trust);
    expect(out.Resources.map((r) => r.id)).toEqual([user.id]);
    expect(out.warnings[0]).toMatch(/^The server rejected the filter \(400\), so it was applied locally/);
    expect(trust.observation('Users.userName')).toBeUndefined();
    expect(trust.observation('Users.externalId')).toBeUndefined();
  });

  it.each([
    ['403', scimError(403, { detail: 'no' }), 'forbidden'],
    ['413 (too large, not a filter verdict)', scimError(413, { detail: 'too large' }), 'invalid-input'],
    ['400 uniqueness', scimError(400, { scimType: 'uniqueness', detail: 'odd' }), 'conflict'],
  ])('%s to a filtered GET is an error, never a local listing', async (_name, answer, code) => {
    const trust = new FormTrust(() => null);
    filteredGets(answer);
    const error = await failure(listing('Users', `userName eq "${someUser().userName}"`, trust));
    expect(error.code).toBe(code);
    expect(at.gets()).toBe(filteredSent());
    expect(trust.observation('Users.userName')).toBeUndefined();
  });

  it('with --server-filter-only a rejection stays an error, and a form known untrusted is still sent', async () => {
    filteredGets(scimError(400, { scimType: 'invalidFilter', detail: 'nope' }));
    const error = await failure(listing('Users', `userName eq "${someUser().userName}"`, new FormTrust(() => null), true));
    expect(error.code).toBe('invalid-filter');
    filteredGets(null);
    at.transport.log.clear();
    const untrustedForm = new FormTrust(() => facts({ 'Users.externalId': { verdict: 'under-matches', detail: 'empty for a known externalId' } }));
    const out = await listing('Users', 'externalId eq "nobody-has-this"', untrustedForm, true);
    // Sent to the server (pages are asked ahead, so maybe more than one), never listed unfiltered.
    expect(filteredSent()).toBeGreaterThan(0);
    expect(at.gets()).toBe(filteredSent());
    expect(out.warnings.join(' ')).not.toMatch(/applied locally/);
  });

  it('groups are counted as groups; a listing without totalResults says "every group"', async () => {
    const group = someGroup();
    filteredGets(scimError(400, { scimType: 'invalidFilter' }), 'Groups');
    const out = await listing('Groups', `displayName eq "${group.displayName}"`, new FormTrust(() => null));
    expect(out.Resources.map((r) => r.id)).toEqual([group.id]);
    expect(out.warnings[0]).toBe(`The server rejected the filter (400), so it was applied locally over a complete listing of ${groupTotal()} groups. Use --server-filter-only to refuse instead.`);

    // Lists that never say how many there are: the warning cannot name a number.
    at.tenant.reshape((req, up) => {
      const url = new URL(req.path, 'http://x');
      if (req.method !== 'GET' || !/\/(Users|Groups)$/.test(url.pathname)) return null;
      if (url.searchParams.has('filter')) return scimError(400, { scimType: 'invalidFilter' });
      const page = JSON.parse(up.body) as Record<string, unknown>;
      delete page.totalResults;
      return { ...up, body: JSON.stringify(page) };
    });
    const groups = await listing('Groups', `displayName eq "${group.displayName}"`, new FormTrust(() => null));
    expect(groups.warnings[0]).toMatch(/^The server rejected the filter \(400\), so it was applied locally over a (complete listing of every group|listing of every group that could not be verified complete)\. /);
    const users = await listing('Users', `userName eq "${someUser().userName}"`, new FormTrust(() => null));
    expect(users.warnings[0]).toMatch(/applied locally over a (complete listing of every user|listing of every user that could not be verified complete)\. /);
  });

  it('a listing that changed under it is named as not verified complete', async () => {
    // The unfiltered listing's total moves between pages: the tenant changed mid-listing.
    at.tenant.reshape((req, up) => {
      const url = new URL(req.path, 'http://x');
      if (req.method !== 'GET' || !url.pathname.endsWith('/Users')) return null;
      if (url.searchParams.has('filter')) return scimError(400, { scimType: 'invalidFilter' });
      const page = JSON.parse(up.body) as Record<string, unknown>;
      if (url.searchParams.get('startIndex') !== '1') page.totalResults = USERS + 1;
      return { ...up, body: JSON.stringify(page) };
    });
    const out = await listing('Users', `userName eq "${someUser().userName}"`, new FormTrust(() => null));
    expect(out.complete).toBe(false);
    expect(out.warnings[0]).toBe(
      `The server rejected the filter (400), so it was applied locally over a listing of ${USERS + 1} users that could not be verified complete. Use --server-filter-only to refuse instead.`,
    );
  });
});

describe('a filter the server is trusted with, or not', () => {
  it('a trusted filter is sent to the server and its answer stands, without a warning', async () => {
    const user = someUser();
    const out = await listing('Users', `userName eq "${user.userName}"`, new FormTrust(() => facts({ 'Users.userName': { verdict: 'honoured', detail: '' } })));
    expect(filteredSent()).toBeGreaterThan(0);
    expect(at.gets()).toBe(filteredSent());
    expect(out.Resources.map((r) => r.id)).toEqual([user.id]);
    expect(out.warnings).toEqual([]);
  });

  it('forms the probe saw go wrong are applied locally, each named with what was seen and when', async () => {
    const user = someUser();
    const trust = new FormTrust(() =>
      facts({
        'Users.userName': { verdict: 'ignored', detail: 'every user came back' },
        'Users.externalId': { verdict: 'under-matches', detail: '' },
      }),
    );
    const out = await listing('Users', `userName eq "${user.userName}" or externalId eq "nobody-has-this"`, trust);
    expect(filteredSent()).toBe(0);
    expect(out.Resources.map((r) => r.id)).toEqual([user.id]);
    expect(out.warnings[0]).toBe(
      `The server cannot be trusted with this filter (userName eq: ignored: every user came back; observed 2026-11-30; externalId eq: under-matches; observed 2026-11-30), so it was applied locally over a complete listing of ${USERS} users.`,
    );
  });

  it('another comparison seen under-matching in this session is applied locally, with the sample value named as such', async () => {
    const user = someUser();
    const filter = `title eq "Nobody's title" or userName eq "${user.userName}"`;
    const [title] = otherComparisons(parseFilter(filter), 'Users');
    const trust = new FormTrust(() => null);
    trust.learnOther(title?.key as string, { verdict: 'under-matches', detail: 'empty for "Engineer".' });
    const out = await listing('Users', filter, trust);
    expect(filteredSent()).toBe(0);
    expect(out.warnings[0]).toBe(
      `The server cannot be trusted with this filter (title eq: under-matches when tried with a value a sample user holds (empty for "Engineer")), so it was applied locally over a complete listing of ${USERS} users.`,
    );
    trust.learnOther(title?.key as string, { verdict: 'ignored', detail: '' });
    const bare = await listing('Users', filter, trust);
    expect(bare.warnings[0]).toMatch(/^The server cannot be trusted with this filter \(title eq: ignored when tried with a value a sample user holds\), so/);
  });

  it('another comparison seen rejected, honoured or never tried is sent to the server (a rejection then speaks for itself)', async () => {
    const user = someUser();
    const filter = `title eq "Nobody's title" or userName eq "${user.userName}"`;
    const [title] = otherComparisons(parseFilter(filter), 'Users');
    for (const seen of [undefined, { verdict: 'rejected' as const, detail: '400' }, { verdict: 'honoured' as const, detail: '' }]) {
      const trust = new FormTrust(() => null);
      if (seen) trust.learnOther(title?.key as string, seen);
      at.transport.log.clear();
      const out = await listing('Users', filter, trust);
      expect(filteredSent()).toBeGreaterThan(0);
      expect(at.gets()).toBe(filteredSent());
      expect(out.warnings).toEqual([]);
      expect(out.Resources.map((r) => r.id)).toEqual([user.id]);
    }
  });
});
