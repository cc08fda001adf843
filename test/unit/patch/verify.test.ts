// What verifyWrite tells the admin after a write, word for word: the warnings are what the edit
// panel and the CLI show, so a finding with the wrong values (or none) is a wrong claim about the
// tenant. (Mutants of verify.ts survived: the suites checked only that warnings were empty or not.)
import { describe, expect, it } from 'vitest';
import { verifyWrite } from '../../../electron/core/patch/verify';
import type { ScimResource } from '../../../shared/scim';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const user = (fields: Record<string, unknown>): ScimResource => ({ schemas: [USER], id: 'u1', userName: 'ada', meta: { resourceType: 'User', version: 'W/"1"' }, ...fields }) as ScimResource;

describe('verifyWrite findings', () => {
  it('a value the server stored differently names both values', () => {
    const v = verifyWrite(user({ title: 'A' }), user({ title: 'B' }), user({ title: 'C' }));
    expect(v).toMatchObject({ ok: false, ignored: [], unexpected: [], altered: [{ path: 'title', before: 'B', after: 'C' }] });
    expect(v.warnings).toEqual(['title: the server stored "C" instead of "B".']);
  });

  it('a value the write did not touch that changed anyway is named as someone else’s change', () => {
    const v = verifyWrite(user({ title: 'A', nickName: 'x' }), user({ title: 'B', nickName: 'x' }), user({ title: 'B', nickName: 'y' }));
    expect(v).toMatchObject({ ok: false, ignored: [], altered: [], unexpected: [{ path: 'nickName', before: 'x', after: 'y' }] });
    expect(v.warnings).toEqual(['nickName: differs from the preview ("x" → "y") though the write did not touch it; someone else may have changed it.']);
  });

  it('a value the server dropped is shown as unset; a long value is cut to 77 characters and …', () => {
    const long = 'L'.repeat(120);
    const dropped = verifyWrite(user({ title: 'A' }), user({ title: 'B' }), user({}));
    expect(dropped.warnings).toEqual(['title: the server stored unset instead of "B".']);
    const cut = verifyWrite(user({ title: 'A' }), user({ title: long }), user({ title: 'C' }));
    expect(cut.warnings).toEqual([`title: the server stored "C" instead of ${JSON.stringify(long).slice(0, 77)}….`]);
  });

  it('an ignored change: PATCH offers PUT, PUT sends the admin to the console', () => {
    const patch = verifyWrite(user({ title: 'A' }), user({ title: 'B' }), user({ title: 'A' }));
    expect(patch.warnings).toEqual(['title: the server ignored this change (still "A"); if this service does not honour PATCH for it, use PUT (full replace).']);
    const put = verifyWrite(user({ title: 'A' }), user({ title: 'B' }), user({ title: 'A' }), 'PUT');
    expect(put.warnings).toEqual(['title: the server ignored this change even in a full replace (PUT), so it does not let it be changed over SCIM (still "A"); change it in the service\'s own console.']);
  });

  it('what the server computes is not a difference; anything else in the same value is', () => {
    const manager = (extra: Record<string, unknown>) => ({ 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { manager: { value: 'm1', ...extra } } });
    const computed = verifyWrite(user({ title: 'A' }), user({ title: 'B', ...manager({}) }), user({ title: 'B', ...manager({ displayName: 'Boss', $ref: 'https://x/Users/m1' }) }));
    expect(computed).toMatchObject({ ok: true, warnings: [] });
    const other = verifyWrite(user({ title: 'A' }), user({ title: 'B', ...manager({}) }), user({ title: 'B', ...manager({ value: 'm2' }) }));
    expect(other.ok).toBe(false);
    expect(other.warnings).toHaveLength(1);
  });
});
