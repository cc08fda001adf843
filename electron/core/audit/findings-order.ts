// The order findings are shown and reported in: by severity (high first), then by the order the
// audit defines its codes in, then as found. The Audit page, its pager and the HTML report use
// this one order, so "the first 50" means the same thing everywhere.

import { FINDING_CODES, type Finding, type FindingCode, type Severity } from '../../../shared/audit';

export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

const SEVERITY_RANK = new Map<Severity, number>(SEVERITIES.map((s, i) => [s, i]));
const CODE_RANK = new Map<FindingCode, number>(FINDING_CODES.map((c, i) => [c, i]));

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK.get(severity) ?? SEVERITIES.length;
}

/** Compares two findings in report order (Array.prototype.sort is stable: found order is kept). */
export function compareFindings(a: Finding, b: Finding): number {
  return severityRank(a.severity) - severityRank(b.severity) || (CODE_RANK.get(a.code) ?? 0) - (CODE_RANK.get(b.code) ?? 0);
}

/** A sorted copy (the audit's own list stays in found order for the CSV and the CLI). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
