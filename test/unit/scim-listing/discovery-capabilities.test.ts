import { describe, expect, it } from 'vitest';
import { capabilitiesFrom, looksLikeListResponse, looksLikeServiceProviderConfig, resourceTypesHaveGroups } from '../../../electron/core/scim/discovery-capabilities';

describe('capabilities from discovery documents', () => {
  it('reads supported flags leniently (key case, "true" strings) and the page size limits', () => {
    const spc = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      Patch: { supported: 'True' },
      etag: { supported: true },
      sort: { supported: false },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
    };
    const { capabilities, assumed } = capabilitiesFrom({ spc, usersProbe: {}, groups: true });
    expect(capabilities).toEqual({ groups: true, patch: true, etag: true, sort: false, filter: true, bulk: false, pagination: 'index', maxPageSize: 200 });
    expect(assumed).toEqual([]);
  });

  it('prefers index paging when both are advertised, cursor when only cursor is', () => {
    const both = { patch: { supported: true }, filter: { supported: true }, pagination: { index: true, cursor: true, maxPageSize: 500 } };
    expect(capabilitiesFrom({ spc: both, usersProbe: {}, groups: false }).capabilities).toMatchObject({ pagination: 'index', maxPageSize: 500 });
    const cursorOnly = { ...both, pagination: { index: false, cursor: 'true' } };
    expect(capabilitiesFrom({ spc: cursorOnly, usersProbe: {}, groups: false }).capabilities.pagination).toBe('cursor');
  });

  it('without a ServiceProviderConfig: infers cursor paging from the probe and lists what it assumed', () => {
    const { capabilities, assumed } = capabilitiesFrom({ spc: null, usersProbe: { totalResults: 3, Resources: [], nextCursor: 'abc' }, groups: false });
    expect(capabilities.pagination).toBe('cursor');
    expect(capabilities.patch).toBe(true);
    expect(capabilities.etag).toBe(false);
    expect(assumed).toContain('patch supported');
  });

  it('tells SCIM documents from other JSON', () => {
    expect(looksLikeServiceProviderConfig({ error: 'login required' })).toBe(false);
    expect(looksLikeServiceProviderConfig({ patch: {}, filter: {} })).toBe(true);
    expect(looksLikeListResponse({ Resources: [] })).toBe(true);
    expect(looksLikeListResponse({ users: [] })).toBe(false);
    expect(resourceTypesHaveGroups([{ name: 'User', endpoint: '/Users' }])).toBe(false);
    expect(resourceTypesHaveGroups([{ name: 'Group', endpoint: '/Groups' }])).toBe(true);
  });
});
