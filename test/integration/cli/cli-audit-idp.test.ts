// `audit --idp-csv FILE --idp-key COLUMN [--idp-match ATTR]` by the real CLI (issue 17): the
// document says what the column was compared with and what each attribute would match, stderr
// carries the hint, --idp-match changes the comparison, and a file without a header is refused.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_FORMAT, type IdpSummary, type Snapshot } from '../../../shared/audit';
import { SCHEMAS, type ScimUser } from '../../../shared/scim';
import { runCli, stderrError } from './spawn-cli';

let dir: string;
const users: ScimUser[] = Array.from({ length: 12 }, (_, i) => ({ schemas: [SCHEMAS.user], id: `u${i}`, userName: `user${i}`, externalId: `ext-${i}`, active: true, emails: [{ value: `person${i}@corp.example`, primary: true }] }));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scim-cli-idp-'));
  const snapshot: Snapshot = { format: SNAPSHOT_FORMAT, version: 1, takenAt: '2026-11-20T00:00:00.000Z', baseUrl: 'http://127.0.0.1:1/scim/v2', complete: true, warnings: [], discovery: null, users, groups: [] };
  await writeFile(join(dir, 'snap.json'), JSON.stringify(snapshot));
  await writeFile(join(dir, 'idp.csv'), ['mail,department', ...users.map((u) => `${String(u.userName)},Ops`)].join('\n'));
  await writeFile(join(dir, 'noheader.csv'), 'person1@corp.example,Ops\nperson2@corp.example,HR\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const audit = (...extra: string[]) => runCli(['audit', '--snapshot', join(dir, 'snap.json'), '--idp-csv', join(dir, 'idp.csv'), '--idp-key', 'mail', '--json', ...extra], { timeoutMs: 60_000 });

describe('cli audit against an IdP export', () => {
  it('says that userNames in a mail column match nobody on email and all on userName; --idp-match userName matches them', async () => {
    const guessed = await audit();
    expect(guessed.code).toBe(0);
    const doc = JSON.parse(guessed.stdout) as { counts: { notInIdp: number }; idp: IdpSummary };
    expect(doc.counts.notInIdp).toBe(12);
    expect(doc.idp.match).toBe('email');
    expect(doc.idp.byAttribute.find((a) => a.match === 'userName')?.users).toBe(12);
    expect(guessed.stderr).toContain(`0 of 12 tenant users matched mail of ${join(dir, 'idp.csv')} on any email; 12 would match on userName.`);

    const chosen = await audit('--idp-match', 'userName');
    expect(chosen.code).toBe(0);
    const fixed = JSON.parse(chosen.stdout) as { counts: { notInIdp: number; notInTenant: number }; idp: IdpSummary };
    expect(fixed.counts).toMatchObject({ notInIdp: 0, notInTenant: 0 });
    expect(fixed.idp.matched[0]).toEqual({ line: 2, value: 'user0', id: 'u0', userName: 'user0', tenantValue: 'user0' });
    expect(chosen.stderr).not.toMatch(/would match on/);
  });

  it('refuses an unknown --idp-match and an IdP file without a header row (exit 2, invalid-csv), before reading the tenant', async () => {
    const bad = await audit('--idp-match', 'mail');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--idp-match takes one of userName, primaryEmail, email, externalId/);
    const noHeader = await runCli(['audit', '--snapshot', join(dir, 'snap.json'), '--idp-csv', join(dir, 'noheader.csv'), '--idp-key', 'mail', '--json'], { timeoutMs: 60_000 });
    expect(noHeader.code).not.toBe(0);
    expect(stderrError(noHeader)).toMatchObject({ code: 'invalid-csv' });
    expect(stderrError(noHeader).message).toMatch(/noheader\.csv has no header row: line 1 \("person1@corp\.example", "Ops"\) holds values, not column names/);
  });

  it('audit --report FILE.html writes the self-contained report (owner-only), with the IdP section and the findings up to --report-limit', async () => {
    const file = join(dir, 'report.html');
    const r = await audit('--idp-match', 'userName', '--report', file, '--report-limit', '3');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { report: { file: string; findings: number; totalFindings: number } };
    expect(doc.report.file).toBe(file);
    expect(doc.report.findings).toBe(3);
    const html = await readFile(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h2>IdP comparison</h2>');
    expect(html).toContain(`This report lists the first 3 of ${doc.report.totalFindings} findings`);
    expect(html).not.toMatch(/<script/i);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const lonely = await runCli(['audit', '--snapshot', join(dir, 'snap.json'), '--report-limit', '3'], { timeoutMs: 60_000 });
    expect(lonely.code).toBe(2);
  });
});
