// The audit report an auditor keeps: one self-contained HTML file (inline CSS and SVG, no script,
// no remote content; a CSP meta tag forbids both) with the tenant, the profile, the time in UTC and
// in the local zone of the machine that wrote it, the checklist counts, charts, the IdP comparison
// and the findings, high severity first, all of them up to a stated limit (the findings CSV has the
// rest). Every string that came from the tenant or a file is escaped, and redacted of the
// connection's secrets, before it is placed in the page.

import { AUDIT_CHECKS } from '../../../shared/audit-checks';
import { IDP_MATCH_LABELS, type AuditCounts, type Finding, type FindingCode, type IdpSummary, type Severity } from '../../../shared/audit';
import type { Redactor } from '../secrets/index';
import type { AgeBucket } from './age-buckets';
import { SEVERITIES } from './findings-order';
import { barChart, splitBar, type Esc } from './report-svg';

/** Findings written into a report unless told otherwise. */
export const REPORT_FINDINGS_LIMIT = 10_000;

export interface ReportInput {
  /** The tenant's name as the admin knows it (profile name) and the profile used, if any. */
  tenant: string;
  profile: string | null;
  baseUrl: string;
  takenAt: string;
  generatedAt: Date;
  complete: boolean;
  counts: AuditCounts;
  notes: readonly string[];
  /** Findings per code (all of them, not only those written). */
  codes: readonly { code: FindingCode; severity: Severity; count: number }[];
  lastModified: readonly AgeBucket[];
  /** The findings written, in severity order, at most `limit`. */
  findings: readonly Finding[];
  totalFindings: number;
  limit: number;
  idp?: IdpSummary;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2026-12-03 14:05:09 UTC" and the same instant in this machine's zone with its offset. */
export function reportTimes(iso: string | Date): { utc: string; local: string } {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return { utc: String(iso), local: String(iso) };
  const utc = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const local = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} (UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}${zone ? `, ${zone}` : ''})`;
  return { utc, local };
}

const COLOURS: Record<Severity, string> = { high: '#b42318', medium: '#b54708', low: '#3b6ea5', info: '#667085' };

const STYLE = `body{font-family:system-ui,sans-serif;color:#111827;margin:2rem;line-height:1.4}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #d0d5dd}table{border-collapse:collapse;margin:.4rem 0}th,td{border:1px solid #d0d5dd;padding:.2rem .45rem;text-align:left;vertical-align:top;font-size:.85rem}td.n{text-align:right}dl{display:grid;grid-template-columns:max-content auto;gap:.15rem 1rem}dt{font-weight:600}.sev{font-weight:600}.high{color:#b42318}.medium{color:#b54708}.low{color:#1d4e89}.info{color:#475467}.warn{color:#8a4b00}figure{margin:.6rem 0;break-inside:avoid}figcaption{font-weight:600;font-size:.9rem}.findings td{word-break:break-word}@media print{body{margin:1cm}thead{display:table-header-group}tr{break-inside:avoid}}`;

export function auditReportHtml(input: ReportInput, redactor?: Redactor): string {
  const esc: Esc = (text) => escapeHtml(redactor ? redactor.text(text) : text);
  const taken = reportTimes(input.takenAt);
  const made = reportTimes(input.generatedAt);
  const { counts } = input;
  const shown = input.findings.length;
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><meta name="viewport" content="width=device-width"><title>${esc(`SCIM audit: ${input.tenant}, ${taken.utc}`)}</title><style>${STYLE}</style></head><body>`);
  parts.push(`<h1>SCIM audit report: ${esc(input.tenant)}</h1><dl>`);
  const facts: [string, string][] = [
    ['Tenant', input.tenant],
    ['Profile', input.profile ?? '(none: a URL or a snapshot file)'],
    ['Base URL', input.baseUrl],
    ['Snapshot taken', `${taken.utc} · ${taken.local}`],
    ['Report written', `${made.utc} · ${made.local}`],
    ['Listing', input.complete ? 'verified complete' : 'NOT verified complete: counts may be short'],
  ];
  for (const [k, v] of facts) parts.push(`<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`);
  parts.push('</dl>');
  for (const note of input.notes) parts.push(`<p class="warn">${esc(note)}</p>`);

  parts.push(`<h2>Counts</h2><p><strong>${counts.users}</strong> users · <strong>${counts.groups}</strong> groups · <strong>${input.totalFindings}</strong> findings</p>`);
  parts.push('<table><thead><tr><th scope="col">Check</th><th scope="col">Count</th></tr></thead><tbody>');
  for (const check of AUDIT_CHECKS) {
    const n = counts[check.key];
    if (n !== undefined) parts.push(`<tr><th scope="row">${esc(check.label)}</th><td class="n">${n}</td></tr>`);
  }
  parts.push('</tbody></table>');

  parts.push('<h2>Charts</h2>');
  parts.push(splitBar('Active vs inactive users', [{ label: 'active', value: counts.users - counts.inactive, colour: '#2e7d32' }, { label: 'inactive', value: counts.inactive, colour: '#b42318' }], esc));
  const bySeverity = SEVERITIES.map((s) => ({ label: s, value: input.codes.filter((c) => c.severity === s).reduce((n, c) => n + c.count, 0), colour: COLOURS[s] }));
  parts.push(barChart('Findings by severity', bySeverity, esc));
  parts.push(barChart('Findings by code', input.codes.map((c) => ({ label: c.code, value: c.count, colour: COLOURS[c.severity] })), esc));
  parts.push(barChart('Users by last modification', input.lastModified.map((b) => ({ label: b.label, value: b.count })), esc));

  if (input.idp) parts.push(idpSection(input.idp, esc));

  parts.push('<h2>Findings</h2>');
  parts.push(
    shown < input.totalFindings
      ? `<p class="warn">This report lists the first ${shown} of ${input.totalFindings} findings (high severity first; the limit is ${input.limit}). The findings CSV of the same audit has all of them.</p>`
      : `<p>All ${input.totalFindings} findings, high severity first.</p>`,
  );
  parts.push('<table class="findings"><thead><tr><th scope="col">Severity</th><th scope="col">Code</th><th scope="col">Type</th><th scope="col">Id</th><th scope="col">userName</th><th scope="col">Email</th><th scope="col">Detail</th></tr></thead><tbody>');
  for (const f of input.findings) {
    parts.push(`<tr><td class="sev ${f.severity}">${esc(f.severity)}</td><td>${esc(f.code)}</td><td>${esc(f.resourceType)}</td><td>${esc(f.id)}</td><td>${esc(f.userName ?? '')}</td><td>${esc(f.email ?? '')}</td><td>${esc(f.detail)}</td></tr>`);
  }
  parts.push('</tbody></table>');
  parts.push(`<p class="info">Written by SCIM Inspector. This file holds no script and loads nothing from the network.</p></body></html>\n`);
  return parts.join('\n');
}

function idpSection(idp: IdpSummary, esc: Esc): string {
  const used = IDP_MATCH_LABELS[idp.match];
  const rows = idp.byAttribute.map((a) => `<tr><th scope="row">${esc(IDP_MATCH_LABELS[a.match])}${a.match === idp.match ? ' (used)' : ''}</th><td class="n">${a.users} of ${idp.users}</td><td class="n">${a.records} of ${idp.records}</td></tr>`);
  const out = [
    `<h2>IdP comparison</h2><p>Column <strong>${esc(idp.keyColumn)}</strong> of ${esc(idp.source)} (${idp.records} keys) compared with the tenant's <strong>${esc(used)}</strong> (${idp.users} users).</p>`,
    idp.hint ? `<p class="warn">${esc(idp.hint)}</p>` : '',
    `<table><thead><tr><th scope="col">Tenant attribute</th><th scope="col">Users matched</th><th scope="col">IdP keys matched</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  ];
  if (idp.matched.length > 0) {
    out.push(`<p>Matched rows (sample)</p><table><thead><tr><th scope="col">Line</th><th scope="col">${esc(idp.keyColumn)}</th><th scope="col">User</th><th scope="col">Tenant ${esc(used)}</th></tr></thead><tbody>${idp.matched.map((m) => `<tr><td class="n">${m.line}</td><td>${esc(m.value)}</td><td>${esc(m.userName)}</td><td>${esc(m.tenantValue)}</td></tr>`).join('')}</tbody></table>`);
  }
  if (idp.unmatchedUsers.length > 0) {
    out.push(`<p>Users not matched (sample)</p><table><thead><tr><th scope="col">User</th><th scope="col">Tenant ${esc(used)} looked for</th></tr></thead><tbody>${idp.unmatchedUsers.map((u) => `<tr><td>${esc(u.userName || u.id)}</td><td>${esc(u.compared.join(', ') || `(no ${used})`)}</td></tr>`).join('')}</tbody></table>`);
  }
  if (idp.unmatchedRows.length > 0) {
    out.push(`<p>IdP rows not matched (sample)</p><table><thead><tr><th scope="col">Line</th><th scope="col">${esc(idp.keyColumn)}</th><th scope="col">Would match</th></tr></thead><tbody>${idp.unmatchedRows.map((r) => `<tr><td class="n">${r.line}</td><td>${esc(r.value)}</td><td>${esc(r.wouldMatch ? `${r.wouldMatch.userName || r.wouldMatch.id} on ${IDP_MATCH_LABELS[r.wouldMatch.match]}` : 'no user on any attribute')}</td></tr>`).join('')}</tbody></table>`);
  }
  return out.join('\n');
}
