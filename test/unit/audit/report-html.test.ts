// The printable audit report (issue 17): self-contained (no script, no remote content), every
// tenant string escaped (a userName holding <script>), secrets redacted, tenant and time in UTC
// and local time, counts and charts, and the findings high severity first up to a stated limit.
import { describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../../electron/core/audit/audit';
import { lastModifiedBuckets } from '../../../electron/core/audit/age-buckets';
import { sortFindings } from '../../../electron/core/audit/findings-order';
import { auditReportHtml, reportTimes } from '../../../electron/core/audit/report-html';
import { ReportFindings } from '../../../electron/core/audit/report-findings';
import { redactorFor } from '../../../electron/core/secrets/index';
import { SNAPSHOT_FORMAT, type Snapshot } from '../../../shared/audit';
import { SCHEMAS, type ScimUser } from '../../../shared/scim';

const SECRET = 'tok-9f8e7d6c5b4a39281706';
const EVIL = '<script>alert("x")</script>';

function user(i: number, extra: Partial<ScimUser> = {}): ScimUser {
  return { schemas: [SCHEMAS.user], id: `u${i}`, userName: `user${i}@corp.example`, active: i % 3 !== 0, emails: [{ value: `user${i}@corp.example`, primary: true }], meta: { resourceType: 'User', lastModified: '2026-01-01T00:00:00Z' }, ...extra };
}

function report(limit: number, users: ScimUser[]) {
  const snapshot: Snapshot = { format: SNAPSHOT_FORMAT, version: 1, takenAt: '2026-11-20T13:05:09.000Z', baseUrl: 'https://tenant.example/scim/v2', complete: true, warnings: [], discovery: null, users, groups: [{ schemas: [SCHEMAS.group], id: 'g1', displayName: `<img src=x onerror=alert(1)> ${SECRET}`, members: [] }] };
  const result = auditSnapshot(snapshot);
  const collected = new ReportFindings(limit);
  for (const f of result.findings) collected.add(f);
  const { codes, findings } = collected.result();
  const html = auditReportHtml(
    { tenant: `Acme <b>prod</b>`, profile: 'acme-prod', baseUrl: snapshot.baseUrl, takenAt: snapshot.takenAt, generatedAt: new Date('2026-11-21T08:00:00Z'), complete: true, counts: result.counts, notes: result.notes, codes, lastModified: lastModifiedBuckets(snapshot), findings, totalFindings: collected.total, limit },
    redactorFor(SECRET),
  );
  return { html, result, findings };
}

describe('HTML audit report', () => {
  const users = [user(1, { userName: EVIL, emails: [{ value: 'evil@corp.example', primary: true }] }), ...Array.from({ length: 8 }, (_, i) => user(i + 2, { title: `=cmd|${SECRET}` }))];

  it('escapes every tenant string and holds no script, no remote content and no secret', () => {
    const { html } = report(10_000, users);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Acme &lt;b&gt;prod&lt;/b&gt;');
    // Every tag the file holds is the report's own: no script, image, frame or link, and no
    // attribute that runs code or loads anything (tenant text cannot open a tag: < is escaped).
    const tags = html.match(/<[^>]*>/g) ?? [];
    const names = new Set(tags.map((t) => /^<\/?([a-z0-9!]+)/i.exec(t)?.[1]?.toLowerCase()));
    expect([...names].sort()).toEqual(['!doctype', 'body', 'dd', 'dl', 'dt', 'figcaption', 'figure', 'h1', 'h2', 'head', 'html', 'meta', 'p', 'rect', 'strong', 'style', 'svg', 'table', 'tbody', 'td', 'text', 'th', 'thead', 'title', 'tr']);
    expect(tags.filter((t) => /\s(on\w+|src|href|xlink:href)=|javascript:|url\(/i.test(t))).toEqual([]);
    expect(html).not.toMatch(/@import|https?:\/\/(?!tenant\.example|www\.w3\.org\/2000\/svg)/);
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toContain(SECRET);
    expect(html).toContain('[redacted]');
  });

  it('names the tenant, profile and times in UTC and local time, with counts and inline SVG charts', () => {
    const previous = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(reportTimes('2026-11-20T13:05:09.000Z')).toEqual({ utc: '2026-11-20 13:05:09 UTC', local: '2026-11-20 08:05:09 (UTC-05:00, America/New_York)' });
      const { html, result } = report(10_000, users);
      expect(html).toContain('<dt>Profile</dt><dd>acme-prod</dd>');
      expect(html).toContain('<dd>2026-11-20 13:05:09 UTC · 2026-11-20 08:05:09 (UTC-05:00, America/New_York)</dd>');
      expect(html).toContain(`<tr><th scope="row">Inactive users</th><td class="n">${result.counts.inactive}</td></tr>`);
      expect(html).toContain(`aria-label="Active vs inactive users: active ${result.counts.users - result.counts.inactive}, inactive ${result.counts.inactive}"`);
      expect(html.match(/<svg /g)).toHaveLength(4);
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('lists all findings high severity first, or the first N of them with the limit and the CSV named', () => {
    const all = report(10_000, users);
    expect(all.findings).toEqual(sortFindings(all.result.findings));
    expect(all.html).toContain(`All ${all.result.findings.length} findings, high severity first.`);
    expect(all.html.match(/<tr><td class="sev /g)).toHaveLength(all.result.findings.length);

    const cut = report(5, users);
    expect(cut.findings).toEqual(sortFindings(cut.result.findings).slice(0, 5));
    expect(cut.html).toContain(`This report lists the first 5 of ${cut.result.findings.length} findings (high severity first; the limit is 5). The findings CSV of the same audit has all of them.`);
    expect(cut.html.match(/<tr><td class="sev /g)).toHaveLength(5);
    const rank = { high: 0, medium: 1, low: 2, info: 3 };
    const listed = [...cut.html.matchAll(/<td class="sev (\w+)">/g)].map((m) => rank[m[1] as keyof typeof rank]);
    expect(listed).toEqual([...listed].sort((a, b) => a - b));
  });
});
