// Request bodies in browser mode, over real HTTP on 127.0.0.1: the leavers' list and the IdP
// export of a 100k-user tenant (about 10 MB) go through on the calls that take them; any call over
// its limit is answered 413 with what to do (never a dropped connection); a JSON body nested too
// deep is refused plainly.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/host/web';
import { raw, secretOf } from './web-client';
import { fileDir } from '../../support/temp-dir';

let host: WebHost;
const work = fileDir('web-bodies-test-');

beforeAll(async () => {
  host = await startWebHost({ rendererDir: join(work, 'dist'), dataDir: work, exportDir: join(work, 'exports'), sandboxUsers: 50, savedProfiles: false });
});
afterAll(async () => {
  await host.close();
});

const post = (channel: string, body: string) =>
  raw(host.origin, `/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: host.origin, 'X-Inspector-Secret': secretOf(host.url) },
    body,
  });

/** An HR export of `n` people: email, name, department (about 100 bytes a row). */
function hrExport(n: number): string {
  const rows = ['email,displayName,department,employeeId'];
  for (let i = 0; i < n; i += 1) rows.push(`person.number${i}@example-company.com,"Person Number ${i}, Jr.",Department of Things ${i % 40},E${100000 + i}`);
  return `${rows.join('\n')}\n`;
}

describe('browser-mode request bodies', { timeout: 120_000 }, () => {
  it("takes a 100k-user leavers' list (~10 MB) on deactivate.parseCsv", async () => {
    const text = hrExport(100_000);
    expect(text.length).toBeGreaterThan(9_000_000);
    const res = await post('deactivate.parseCsv', JSON.stringify({ text, column: 'email' }));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { ok: boolean; value: { values: string[] } };
    expect(body.ok).toBe(true);
    expect(body.value.values).toHaveLength(100_000);
  });

  it('takes a 100k-user IdP export (~10 MB) on audit.run', async () => {
    const res = await post('audit.run', JSON.stringify({ profileId: 'sandbox', operationId: 'big-idp', idpCsv: hrExport(100_000), idpKey: 'email' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { counts: expect.any(Object) } });
  });

  it('takes the 100k values of such a list on deactivate.plan (the body gets through to the call)', async () => {
    const inputs = Array.from({ length: 100_000 }, (_, i) => `person.number${i}@example-company.com`);
    const res = await post('deactivate.plan', JSON.stringify({ profileId: 'no-such-profile', inputs }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'profile-not-found' } });
  });

  it('answers 413 with what to do when a call is sent more than it takes', async () => {
    const small = await post('profiles.list', JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) }));
    expect(small.status).toBe(413);
    expect(JSON.parse(small.body)).toMatchObject({ ok: false, error: { code: 'body-too-large', message: expect.stringMatching(/profiles\.list.*1 MB/) } });
    const huge = await post('deactivate.parseCsv', JSON.stringify({ text: 'a'.repeat(70 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'body-too-large', message: expect.stringMatching(/CLI/) } });
  });

  it('refuses a JSON body nested thousands deep plainly', async () => {
    const res = await post('deactivate.plan', `{"profileId":"sandbox","inputs":["a"],"x":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/nested/) } });
  });
});
