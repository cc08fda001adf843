// `audit --report FILE.html [--report-limit N]`: the same self-contained HTML report the app
// saves, written from the streamed audit. The findings it lists (at most the limit, high severity
// first) and the users' ages are gathered as they stream; the file is written owner-only.

import { InspectorError } from '../../../../shared/errors';
import type { Finding } from '../../../../shared/audit';
import type { ScimUser } from '../../../../shared/scim';
import type { CommandContext } from '../command';
import { optInt, optString } from '../args';
import { AgeBuckets } from '../../../core/audit/age-buckets';
import { auditReportHtml, REPORT_FINDINGS_LIMIT } from '../../../core/audit/report-html';
import { ReportFindings } from '../../../core/audit/report-findings';
import { writePrivateFile } from '../../../core/io/private-files';
import type { SnapshotFields } from '../../../core/audit/snapshot-validate';
import type { StreamedAudit } from './audit';

export const REPORT_OPTIONS = {
  report: { kind: 'string' as const, valueName: 'FILE.html', help: 'also write a printable, self-contained HTML audit report (counts, charts, findings)' },
  'report-limit': { kind: 'integer' as const, min: 1, max: 1_000_000, valueName: 'N', help: `findings listed in the report, high severity first (default ${REPORT_FINDINGS_LIMIT}; the findings CSV has all)` },
};

export interface AuditReport {
  started(fields: SnapshotFields): void;
  user(user: ScimUser): void;
  found(finding: Finding): void;
  /** Writes the file; what the command's document says about it. */
  write(audit: StreamedAudit): Promise<{ file: string; findings: number; totalFindings: number }>;
}

export function auditReport(ctx: CommandContext): AuditReport | null {
  const file = optString(ctx.args, 'report');
  const limit = optInt(ctx.args, 'report-limit');
  if (file === undefined) {
    if (limit !== undefined) throw new InspectorError('usage', '--report-limit goes with --report FILE.html.');
    return null;
  }
  const findings = new ReportFindings(limit ?? REPORT_FINDINGS_LIMIT);
  let ages: AgeBuckets | null = null;
  return {
    started: (fields) => void (ages = new AgeBuckets(fields.takenAt)),
    user: (user) => ages?.add(user),
    found: (finding) => findings.add(finding),
    write: async ({ fields, counts, notes, idp }) => {
      const { codes, findings: listed } = findings.result();
      const profile = optString(ctx.args, 'profile') ?? null;
      const tenant = profile ?? fields.tenantName ?? fields.baseUrl;
      const html = auditReportHtml(
        {
          tenant,
          profile,
          baseUrl: fields.baseUrl,
          takenAt: fields.takenAt,
          generatedAt: new Date(),
          complete: fields.complete,
          counts,
          notes: [...notes, ...fields.warnings],
          codes,
          lastModified: ages?.result() ?? [],
          findings: listed,
          totalFindings: findings.total,
          limit: findings.limit,
          ...(idp ? { idp } : {}),
        },
        ctx.out.secrets,
      );
      await writePrivateFile(file, html, { what: `the report ${file}` });
      return { file, findings: listed.length, totalFindings: findings.total };
    },
  };
}
