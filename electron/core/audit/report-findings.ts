// The findings an HTML report lists: the first `limit` in severity order, gathered as an audit
// streams them (the CLI never holds the whole list). Each code keeps at most `limit` of its own,
// in found order, which is all the severity order can take from it; every code's count is kept.

import type { Finding, FindingCode, Severity } from '../../../shared/audit';
import { compareFindings } from './findings-order';

export class ReportFindings {
  private readonly byCode = new Map<FindingCode, { severity: Severity; count: number; kept: Finding[] }>();
  total = 0;

  constructor(readonly limit: number) {}

  add(finding: Finding): void {
    this.total += 1;
    let entry = this.byCode.get(finding.code);
    if (!entry) {
      entry = { severity: finding.severity, count: 0, kept: [] };
      this.byCode.set(finding.code, entry);
    }
    entry.count += 1;
    if (entry.kept.length < this.limit) entry.kept.push(finding);
  }

  /** Counts per code in severity order, and the findings to list (at most `limit`). */
  result(): { codes: { code: FindingCode; severity: Severity; count: number }[]; findings: Finding[] } {
    const codes = [...this.byCode.entries()].map(([code, e]) => ({ code, severity: e.severity, count: e.count, first: e.kept[0] as Finding }));
    codes.sort((a, b) => compareFindings(a.first, b.first));
    const findings: Finding[] = [];
    for (const c of codes) {
      if (findings.length >= this.limit) break;
      findings.push(...(this.byCode.get(c.code)?.kept ?? []).slice(0, this.limit - findings.length));
    }
    return { codes: codes.map(({ code, severity, count }) => ({ code, severity, count })), findings };
  }
}
