// The audit's end-of-run findings (user-in-no-group, not-in-tenant…) can number hundreds of
// thousands at 1M users. Written to a pipe, stdout queues what it cannot take yet, so the CLI
// must wait for it between batches: finishPaced stops emitting while its pace is pending.
import { describe, expect, it } from 'vitest';
import { Auditor } from '../../../electron/core/audit/audit';
import type { Finding } from '../../../shared/audit';

const fields = { takenAt: '2026-12-01T00:00:00.000Z', discovery: null };
const users = 10_000;

function fed(found: Finding[]): Auditor {
  const auditor = new Auditor(fields, {}, (f) => found.push(f));
  for (let i = 0; i < users; i += 1) {
    auditor.user({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: `u${i}`, userName: `user${i}@example.com`, active: true, externalId: `x${i}`, emails: [{ value: `user${i}@example.com`, primary: true }] } as never);
  }
  auditor.group({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], id: 'g1', displayName: 'One', members: [{ value: 'u0' }] } as never);
  return auditor;
}

describe('Auditor.finishPaced', () => {
  it('waits for its pace between batches and ends with what finish() gives', async () => {
    const direct: Finding[] = [];
    const expected = fed(direct).finish(true);

    const paced: Finding[] = [];
    const auditor = fed(paced);
    const before = paced.length;
    const atPause: number[] = [];
    const result = await auditor.finishPaced(true, async () => {
      atPause.push(paced.length - before);
      await new Promise((resolve) => setImmediate(resolve));
      // Nothing was emitted while the writer caught up.
      expect(paced.length - before).toBe(atPause.at(-1));
    });
    expect(result).toEqual(expected);
    expect(paced).toEqual(direct);
    expect(expected.counts.usersInNoGroup).toBe(users - 1);
    // 9,999 findings at the end: paused after each 4,096, never more in one go.
    expect(atPause).toEqual([4096, 8192]);
  });
});
