import { describe, expect, it } from 'vitest';
import { operationFromFlag, planEdit, planOperations, rebaseEdit, verifyWrite } from '../../../electron/core/patch';
import { InspectorError } from '../../../shared/errors';
import { ENT, edit, group, user } from './fixtures';

const target = { baseUrl: 'http://127.0.0.1:9/scim/v2', kind: 'Users' as const };

describe('planEdit', () => {
  it('returns the exact request with If-Match, before/after and the changed paths', () => {
    const plan = planEdit(user(), edit(user(), (u) => (u.title = 'CTO')), target);
    expect(plan.empty).toBe(false);
    expect(plan.request.method).toBe('PATCH');
    expect(plan.request.url).toBe('http://127.0.0.1:9/scim/v2/Users/u1');
    expect(plan.request.headers['If-Match']).toBe('W/"1"');
    expect(plan.request.body).toEqual({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'title', value: 'CTO' }] });
    expect(plan.after.title).toBe('CTO');
    expect(plan.changed).toEqual(['title']);
  });

  it('says when there is nothing to send', () => {
    const plan = planEdit(user(), user(), target);
    expect(plan.empty).toBe(true);
    expect(plan.changed).toEqual([]);
  });

  it('carries the activeOnly warning and the offer to PUT', () => {
    const plan = planEdit(user(), edit(user(), (u) => (u.title = 'CTO')), { ...target, vendor: 'lettermint' });
    expect(plan.needsReplace).toBe(true);
    expect(plan.warnings[0]?.message).toMatch(/will be ignored by this service/);
  });
});

describe('planOperations and CLI flags', () => {
  it('builds operations from --replace/--add/--remove flags with JSON values', () => {
    const ops = [operationFromFlag('replace', 'title="CTO"'), operationFromFlag('replace', 'active=false'), operationFromFlag('remove', 'nickName'), operationFromFlag('add', 'emails=[{"value":"x@y.z","type":"other"}]')];
    expect(ops).toEqual([
      { op: 'replace', path: 'title', value: 'CTO' },
      { op: 'replace', path: 'active', value: false },
      { op: 'remove', path: 'nickName' },
      { op: 'add', path: 'emails', value: [{ value: 'x@y.z', type: 'other' }] },
    ]);
    const plan = planOperations(user(), ops, target);
    expect(plan.after).toMatchObject({ title: 'CTO', active: false });
    expect(plan.changed).toEqual(['title', 'active', 'emails[value eq "x@y.z"]']);
  });

  it('refuses a value that is not JSON, and a set without a value, as usage errors', () => {
    expect(() => operationFromFlag('replace', 'title=CTO')).toThrow(/not JSON.*title="CTO"/);
    expect(() => operationFromFlag('add', 'title')).toThrow(InspectorError);
  });

  it('validates with the resource kind (a user\'s groups are read-only)', () => {
    expect(() => planOperations(user(), [{ op: 'add', path: 'groups', value: [{ value: 'g' }] }], target)).toThrow(/read-only/);
  });
});

describe('verifyWrite', () => {
  it('is ok when the server holds the preview, apart from what servers compute', () => {
    const before = group(['a']);
    const expected = edit(before, (g) => (g.members as unknown[]).push({ value: 'b' }));
    const actual = edit(before, (g) => ((g.members as unknown[]).push({ value: 'b', display: 'User b', $ref: 'http://x/Users/b' }), (g.meta = { version: 'W/"2"' })));
    expect(verifyWrite(before, expected, actual)).toMatchObject({ ok: true, warnings: [] });
  });

  it('detects an ignored operation, an altered one and an untouched field that changed', () => {
    const before = user();
    const expected = edit(before, (u) => ((u.title = 'CTO'), (u.displayName = 'Countess'), (u.active = false)));
    const actual = edit(before, (u) => ((u.displayName = 'COUNTESS'), (u.active = false), (u.nickName = 'Ada'), ((u[ENT] as Record<string, unknown>).manager = { value: 'm1', displayName: 'Renamed' })));
    const result = verifyWrite(before, expected, actual);
    expect(result.ok).toBe(false);
    expect(result.ignored.map((c) => c.path)).toEqual(['title']);
    expect(result.altered.map((c) => c.path)).toEqual(['displayName']);
    expect(result.unexpected.map((c) => c.path)).toEqual(['nickName']);
    expect(result.warnings[0]).toMatch(/^title: the server ignored this change.*use PUT/);
  });

  it('never suggests PUT after a PUT was sent (issue 13)', () => {
    const before = user();
    const expected = edit(before, (u) => (u.title = 'CTO'));
    const result = verifyWrite(before, expected, before, 'PUT');
    expect(result.ignored.map((c) => c.path)).toEqual(['title']);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/even in a full replace \(PUT\)/);
    expect(result.warnings.join(' ')).not.toMatch(/use PUT/);
  });
});

describe('rebaseEdit (after a 412)', () => {
  it('keeps what others changed, applies the admin\'s edit on top and names the conflicts', () => {
    const before = user();
    const edited = edit(before, (u) => ((u.title = 'CTO'), (u.displayName = 'Mine')));
    const fresh = edit(before, (u) => ((u.displayName = 'Theirs'), (u.nickName = 'Ada'), (u.meta = { version: 'W/"2"' })));
    const result = rebaseEdit(before, edited, fresh);
    expect(result.edited).toMatchObject({ title: 'CTO', displayName: 'Mine', nickName: 'Ada', meta: { version: 'W/"2"' } });
    expect(result.changedMeanwhile.map((c) => c.path)).toEqual(['displayName', 'nickName']);
    expect(result.conflicts).toEqual(['displayName']);
    const plan = planEdit(fresh, result.edited, target);
    expect(plan.request.headers['If-Match']).toBe('W/"2"');
    expect(plan.request.body).toMatchObject({ Operations: [{ op: 'replace', path: 'displayName', value: 'Mine' }, { op: 'replace', path: 'title', value: 'CTO' }] });
  });
});
