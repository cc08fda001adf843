// The explorer's channels through dispatch on the real sandbox: filter validation with the error
// position and clause, builder values typed (true/false/null, quoted strings), one resource by id
// (404 as not-found), capabilities per endpoint, and curl that reads $SCIM_TOKEN, never the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../../shared/channels';
import { featureContext } from '../../host/features-context';

let t: Awaited<ReturnType<typeof featureContext>>;
beforeAll(async () => {
  t = await featureContext(30);
});
afterAll(() => t.close());

const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

describe('explorer channels', () => {
  it('validates typed filter text with the position of the error', async () => {
    expect(value(await t.call('explorer.validateFilter', { text: 'userName  eq "a"' }))).toEqual({ valid: true, text: 'userName eq "a"' });
    const bad = value<{ valid: false; position: number; message: string }>(await t.call('explorer.validateFilter', { text: 'userName eq "a" and (' }));
    expect(bad.valid).toBe(false);
    expect(bad.position).toBeGreaterThan(15);
    expect(bad.message).toContain(`position ${bad.position}`);
  });

  it('builds text from rows: literals for true/false/null, strings otherwise, and names a bad row', async () => {
    const row = (attribute: string, operator: string, v: string, join = 'and') => ({ attribute, operator, value: v, join, not: false });
    const built = await t.call('explorer.validateFilter', { clauses: [row('active', 'eq', 'true'), row('externalId', 'eq', '123', 'or'), row('title', 'eq', '"null"')] });
    expect(value(built)).toEqual({ valid: true, text: 'active eq true or externalId eq "123" and title eq "null"' });
    const bad = value<{ valid: false; clause: number }>(await t.call('explorer.validateFilter', { clauses: [row('userName', 'eq', 'a'), row('bad attr', 'eq', 'b')] }));
    expect(bad).toMatchObject({ valid: false, clause: 1 });
    const refused = await t.call('explorer.validateFilter', { clauses: [row('userName', 'regex', 'a')] });
    expect(refused.ok ? null : refused.error.code).toBe('invalid-input');
  });

  it('gets one resource, and a missing id is not-found', async () => {
    const page = value<{ count: number }>(await t.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'l-1', limit: 1 }));
    expect(page.count).toBe(1);
    const listed = t.pushed.find((p) => p.event === 'resources.page');
    const id = listed && 'resources' in listed.payload ? listed.payload.resources[0]?.id : undefined;
    expect(value<{ id: string }>(await t.call('explorer.get', { profileId: 'sandbox', kind: 'Users', id })).id).toBe(id);
    const missing = await t.call('explorer.get', { profileId: 'sandbox', kind: 'Users', id: 'no-such-id' });
    expect(missing.ok ? null : missing.error.code).toBe('not-found');
  });

  it('reports capabilities per endpoint with warnings', async () => {
    const caps = value<{ endpoints: { name: string; endpoint: string; extensions: { schema: string }[] }[]; capabilities: { pagination: string }; warnings: string[] }>(
      await t.call('explorer.capabilities', { profileId: 'sandbox' }),
    );
    expect(caps.endpoints.map((e) => [e.name, e.endpoint])).toEqual([['User', '/Users'], ['Group', '/Groups']]);
    expect(caps.endpoints[0]?.extensions.map((e) => e.schema)).toContain('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User');
    // The rfc sandbox serves every discovery document: nothing to warn about...
    expect(caps.warnings).toEqual([]);
    // ...while Mittr's missing /ResourceTypes and /Groups reach the page as warnings.
    const mittr = await featureContext(10, { vendor: 'mittr' });
    try {
      const missing = value<{ endpoints: { name: string }[]; warnings: string[] }>(await mittr.call('explorer.capabilities', { profileId: 'sandbox' }));
      expect(missing.endpoints.map((e) => e.name)).not.toContain('Group');
      expect(missing.warnings.join(' ')).toMatch(/\/ResourceTypes answered/);
      expect(missing.warnings.join(' ')).toMatch(/no groups/);
    } finally {
      await mittr.close();
    }
  });

  it('copies a logged call as curl reading $SCIM_TOKEN, with no token in it', async () => {
    const entries = value<{ id: number; url: string }[]>(await t.call('requestLog.entries', { profileId: 'sandbox' }));
    const entry = entries.find((e) => e.url.includes('/Users'));
    expect(entry).toBeDefined();
    const { command } = value<{ command: string }>(await t.call('explorer.curl', { profileId: 'sandbox', entryId: entry?.id }));
    expect(command).toContain('Authorization: Bearer $SCIM_TOKEN');
    expect(command).toContain(entry?.url);
    // The demo token never appears: only the variable is named.
    expect(command).not.toMatch(/Bearer (?!\$SCIM_TOKEN)/);
  });
});
