// Findings of an audit held in main, for the Audit page: grouped by code (groups in severity
// order), each group with its first page, and any page of any group (or of all findings in
// severity order) on request. A 100k-user audit can hold hundreds of thousands of findings; the
// renderer gets one page at a time, never the whole list, and never a list cut short.

import type { AuditResult, Finding, FindingCode } from '../../../../shared/audit';
import type { FindingGroup, FindingsPage } from '../../../../shared/channels/audit';
import { FINDINGS_PAGE } from '../../../../shared/channels/audit';
import { compareFindings, sortFindings } from '../../audit/findings-order';

interface Indexed {
  /** Every finding in severity order. */
  all: Finding[];
  /** Per code, in found order (one code has one severity). */
  byCode: Map<FindingCode, Finding[]>;
}

/** Built once per audit result (a view recomputed after writes is a new result). */
const indexes = new WeakMap<AuditResult, Indexed>();

function indexed(result: AuditResult): Indexed {
  let index = indexes.get(result);
  if (!index) {
    const byCode = new Map<FindingCode, Finding[]>();
    for (const f of result.findings) {
      const list = byCode.get(f.code);
      if (list) list.push(f);
      else byCode.set(f.code, [f]);
    }
    index = { all: sortFindings(result.findings), byCode };
    indexes.set(result, index);
  }
  return index;
}

/** The groups, high severity first, each with its count and first page. */
export function groupFindings(result: AuditResult): FindingGroup[] {
  const { byCode } = indexed(result);
  return [...byCode.entries()]
    .map(([code, list]) => ({ code, severity: (list[0] as Finding).severity, count: list.length, sample: list.slice(0, FINDINGS_PAGE) }))
    .sort((a, b) => compareFindings(a.sample[0] as Finding, b.sample[0] as Finding));
}

/** One page of one code's findings, or of all findings in severity order (code undefined). */
export function findingsPage(result: AuditResult, code: FindingCode | undefined, offset: number, limit: number): FindingsPage {
  const index = indexed(result);
  const list = code === undefined ? index.all : (index.byCode.get(code) ?? []);
  return { total: list.length, offset, findings: list.slice(offset, offset + limit) };
}
