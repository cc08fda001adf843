// The IdP comparison through the app's channels (issue 17): the header row is read by main and
// offered with a guess, a file without a header is refused, the tenant attribute is the admin's
// choice, and the view says what was matched with sample rows and a hint.
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditView, IdpColumns } from '../../../shared/channels/audit';
import type { ScimUser } from '../../../shared/scim';
import { featureContext, value } from './features-context';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe('IdP comparison channels', () => {
  it('offers the header row with a guess and refuses a file without a header or an unknown column', async () => {
    const f = await featureContext(10);
    close = f.close;
    const columns = value<IdpColumns>(await f.call('audit.idpColumns', { idpCsv: 'department,mail,upn\nOps,a@x.test,a\n' }));
    expect(columns).toEqual({ headers: ['department', 'mail', 'upn'], rows: 1, guess: { column: 'mail', match: 'email' }, preview: [['Ops', 'a@x.test', 'a']] });
    const noHeader = await f.call('audit.idpColumns', { idpCsv: 'a@x.test,Ops\nb@x.test,HR\n' });
    expect(noHeader).toMatchObject({ ok: false, error: { code: 'invalid-csv' } });
    expect(noHeader.ok ? '' : noHeader.error.message).toMatch(/^the IdP export has no header row: line 1 \("a@x\.test", "Ops"\) holds values/);
    const unknown = await f.call('audit.run', { profileId: 'sandbox', operationId: 'i0', idpCsv: 'mail\na@x.test\n', idpKey: 'email' });
    expect(unknown.ok ? '' : unknown.error.message).toBe('Column "email" is not in the IdP export: its columns are: mail.');
    const badMatch = await f.call('audit.run', { profileId: 'sandbox', operationId: 'i1', idpCsv: 'mail\na@x.test\n', idpKey: 'mail', idpMatch: 'mail' });
    expect(badMatch).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('userNames in a mail column: matched on any email says none matched and how many would on userName; on userName they match', async () => {
    const f = await featureContext(60);
    close = f.close;
    const users = (await f.ctx.sessions.session('sandbox').then((s) => s.client.list('Users'))).Resources as ScimUser[];
    // Users whose userName is nobody's email (and no other user's userName in another case).
    const lower = (v: unknown): string => String(v).toLowerCase();
    const emails = new Set(users.flatMap((u) => (u.emails ?? []).map((e) => lower(e.value))));
    const names = users.map((u) => lower(u.userName));
    const differ = users.filter((u) => !emails.has(lower(u.userName)) && names.filter((n) => n === lower(u.userName)).length === 1);
    expect(differ.length).toBeGreaterThan(1);
    const csv = ['mail,department', ...differ.map((u) => `${String(u.userName)},Ops`)].join('\n');

    const guessed = value<AuditView>(await f.call('audit.run', { profileId: 'sandbox', operationId: 'i2', idpCsv: csv, idpKey: 'mail' }));
    expect(guessed.counts.notInIdp).toBe(60);
    expect(guessed.idp?.match).toBe('email');
    expect(guessed.idp?.hint).toBe(`0 of 60 tenant users matched mail of the IdP export on any email; ${differ.length} would match on userName. Choose "userName" as the tenant attribute and run again.`);
    expect(guessed.idp?.unmatchedRows[0]).toMatchObject({ line: 2, value: differ[0]?.userName, wouldMatch: { match: 'userName', id: differ[0]?.id } });

    const chosen = value<AuditView>(await f.call('audit.run', { profileId: 'sandbox', operationId: 'i3', idpCsv: csv, idpKey: 'mail', idpMatch: 'userName' }));
    expect(chosen.counts.notInIdp).toBe(60 - differ.length);
    expect(chosen.counts.notInTenant).toBe(0);
    expect(chosen.idp?.hint).toBeNull();
    expect(chosen.idp?.matched[0]).toMatchObject({ line: 2, value: differ[0]?.userName, userName: differ[0]?.userName, tenantValue: differ[0]?.userName });
    expect(chosen.idp?.byAttribute.find((a) => a.match === 'userName')).toEqual({ match: 'userName', users: differ.length, records: differ.length });
  });
});
