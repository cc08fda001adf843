// Findings on the Audit page (issue 17): sorted by severity and paged through main, never cut at
// a sample. Through dispatch() against the real sandbox.
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/audit';
import { FINDINGS_PAGE, type AuditView, type FindingsPage } from '../../../shared/channels/audit';
import { featureContext, value } from './features-context';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

const RANK = { high: 0, medium: 1, low: 2, info: 3 };

async function pageAll(call: (channel: string, input: unknown) => Promise<{ ok: boolean }>, auditId: string, code: string | undefined, limit: number): Promise<{ total: number; findings: Finding[] }> {
  const findings: Finding[] = [];
  let total = -1;
  for (let offset = 0; total === -1 || offset < total; offset += limit) {
    const page = value<FindingsPage>(await call('audit.findings', { auditId, ...(code ? { code } : {}), offset, limit }));
    expect(page.offset).toBe(offset);
    expect(page.findings.length).toBeLessThanOrEqual(limit);
    total = page.total;
    findings.push(...page.findings);
    if (page.findings.length === 0) break;
  }
  return { total, findings };
}

describe('audit findings: severity order and paging', () => {
  it('lists the groups high severity first and pages through every finding of a group past the first page', async () => {
    const f = await featureContext(400);
    close = f.close;
    const view = value<AuditView>(await f.call('audit.run', { profileId: 'sandbox', operationId: 'p1' }));
    const ranks = view.groups.map((g) => RANK[g.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBeGreaterThan(1);

    // A group with more findings than a page (and than the old cut at 100).
    const big = view.groups.find((g) => g.count > 100);
    expect(big, JSON.stringify(view.groups.map((g) => [g.code, g.count]))).toBeDefined();
    if (!big) return;
    expect(big.sample).toHaveLength(FINDINGS_PAGE);
    const { total, findings } = await pageAll(f.call, view.auditId, big.code, 37);
    expect(total).toBe(big.count);
    expect(findings).toHaveLength(big.count);
    expect(findings.every((x) => x.code === big.code)).toBe(true);
    expect(findings.slice(0, FINDINGS_PAGE)).toEqual(big.sample);
    // Each finding once: the pages neither overlap nor skip.
    expect(new Set(findings.map((x) => `${x.id}|${x.detail}`)).size).toBe(big.count);
  });

  it('pages through all findings of the run in severity order, the count matching the groups', async () => {
    const f = await featureContext(300);
    close = f.close;
    const view = value<AuditView>(await f.call('audit.run', { profileId: 'sandbox', operationId: 'p2' }));
    const expected = view.groups.reduce((n, g) => n + g.count, 0);
    const { total, findings } = await pageAll(f.call, view.auditId, undefined, 500);
    expect(total).toBe(expected);
    expect(findings).toHaveLength(expected);
    const ranks = findings.map((x) => RANK[x.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const g of view.groups) expect(findings.filter((x) => x.code === g.code)).toHaveLength(g.count);
  });

  it('refuses a page larger than 500, a negative offset and an unknown code', async () => {
    const f = await featureContext(20);
    close = f.close;
    const view = value<AuditView>(await f.call('audit.run', { profileId: 'sandbox', operationId: 'p3' }));
    for (const bad of [{ limit: 501 }, { offset: -1 }, { code: 'no-such-code' }]) {
      const r = await f.call('audit.findings', { auditId: view.auditId, ...bad });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const gone = await f.call('audit.findings', { auditId: 'unknown-audit' });
    expect(gone.ok ? '' : gone.error.message).toMatch(/no longer held/);
  });
});
