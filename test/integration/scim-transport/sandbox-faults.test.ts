// The transport and single-resource calls against the sandbox tenant's fault switches: rate
// limits in all three header dialects, HTML error pages, 5xx bursts, resets mid-body, truncated
// JSON, slow bodies, 204 on writes, odd attribute case, string booleans and content types.

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHEMAS, type PatchRequest, type ScimGroup, type ScimUser } from '../../../shared/scim';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { createTransport } from '../../../electron/core/scim/transport';
import { createResources, type Resources } from '../../../electron/core/scim/resources';
import type { ConnectionOptions, Transport } from '../../../electron/core/scim/types';
import { failure } from '../../support/failure';
import { settlesAtOnce } from '../../support/settle';

const TOKEN = 'sandbox-test-token-5d3a91e2';
const deactivate: PatchRequest = { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'active', value: false }] };

describe('transport against sandbox faults', () => {
  let sandbox: SandboxHandle;
  let userId: string;
  let groupId: string;
  const transports: Transport[] = [];
  const open = (extra: Partial<ConnectionOptions> = {}): { t: Transport; r: Resources } => {
    const t = createTransport({ baseUrl: sandbox.url, token: () => TOKEN, retryBudgetMs: 5_000, ...extra }, { backoffBaseMs: 5 });
    transports.push(t);
    return { t, r: createResources(t) };
  };
  const statuses = (t: Transport): Array<number | null> => t.log.entries().map((e) => e.status);
  const gapAfter429 = (t: Transport): number => {
    const entries = t.log.entries();
    const i = entries.findIndex((e) => e.status === 429);
    const limited = entries[i];
    const next = entries[i + 1];
    if (!limited || !next) throw new Error('no 429 followed by a retry in the log');
    return Date.parse(next.startedAt) - (Date.parse(limited.startedAt) + limited.durationMs);
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ vendor: 'rfc', users: 20, groups: 3, token: TOKEN });
    userId = sandbox.store.ids('Users')[0] ?? '';
    groupId = sandbox.store.ids('Groups')[0] ?? '';
  });
  beforeEach(() => sandbox.reset());
  afterAll(async () => {
    for (const t of transports) await t.close();
    await sandbox?.close();
  });

  for (const format of ['seconds', 'http-date', 'x-rate-limit-reset'] as const) {
    it(`waits as long as a 429 asks (${format}) and then gets the answer`, async () => {
      sandbox.setFaults({ rateLimitEvery: 2, retryAfter: { seconds: format === 'http-date' ? 2 : 1, format } });
      const { t, r } = open();
      await r.get('Users', userId);
      const user = await r.get<ScimUser>('Users', userId);
      expect(user.id).toBe(userId);
      expect(statuses(t)).toEqual([200, 429, 200]);
      // HTTP-dates and epoch resets have 1 s resolution, so the floor is what both guarantee.
      expect(gapAfter429(t)).toBeGreaterThanOrEqual(900);
    });
  }

  it('fails at once with rate-limited when the wait asked for exceeds the retry budget', async () => {
    sandbox.setFaults({ rateLimitEvery: 1, retryAfter: { seconds: 600, format: 'seconds' } });
    const { t, r } = open({ retryBudgetMs: 2_000 });
    const error = await failure(r.get('Users', userId));
    expect(error.code).toBe('rate-limited');
    expect(error.details).toMatchObject({ status: 429, retryAfterMs: 600_000 });
    expect(error.message).toContain('600 s');
    expect(statuses(t)).toEqual([429]);
  });

  it('stops waiting out a Retry-After the moment the call is cancelled', async () => {
    // An hour's wait inside a two-hour budget: only the cancel can end it.
    sandbox.setFaults({ rateLimitEvery: 1, retryAfter: { seconds: 3600, format: 'seconds' } });
    const { t, r } = open({ retryBudgetMs: 7_200_000 });
    const controller = new AbortController();
    const pending = failure(r.get('Users', userId, { signal: controller.signal }));
    await vi.waitUntil(() => t.log.entries().length === 1, { timeout: 10_000 });
    expect(await settlesAtOnce(pending)).toBe(false);
    controller.abort();
    expect(await settlesAtOnce(pending)).toBe(true);
    expect((await pending).code).toBe('cancelled');
    expect(statuses(t)).toEqual([429]);
  });

  it('repeats a write refused with 429 (not processed) and applies it once', async () => {
    sandbox.setFaults({ rateLimitEvery: 2, retryAfter: { seconds: 0, format: 'seconds' } });
    const { t, r } = open();
    await r.get('Users', userId); // request 1: ok; the PATCH is request 2: 429
    const patched = await r.patch<ScimUser>('Users', userId, deactivate);
    expect(patched.active).toBe(false);
    expect(t.log.entries().map((e) => `${e.method} ${e.status}`)).toEqual(['GET 200', 'PATCH 429', 'PATCH 200']);
  });

  it('retries reads through a 5xx burst but never repeats a write that got a 500', async () => {
    sandbox.setFaults({ serverErrorBurst: { every: 3, length: 2, status: 502 } });
    const { t, r } = open();
    expect((await r.get<ScimUser>('Users', userId)).id).toBe(userId); // 1 ok
    expect((await r.get<ScimUser>('Users', userId)).id).toBe(userId); // 2, 3 fail, 4 ok
    expect(statuses(t)).toEqual([200, 502, 502, 200]);
    sandbox.setFaults({ serverErrorBurst: { every: 2, length: 1, status: 500 } });
    await r.get('Users', userId); // 1 ok
    const error = await failure(r.patch('Users', userId, deactivate)); // 2: 500
    expect(error.code).toBe('server-error');
    expect(error.details).toMatchObject({ status: 500, method: 'PATCH' });
    expect(t.log.entries().filter((e) => e.method === 'PATCH')).toHaveLength(1);
  });

  it('repeats a write refused with 503 (not processed) but not one refused with 502', async () => {
    sandbox.setFaults({ serverErrorBurst: { every: 2, length: 1, status: 503 } });
    const { t, r } = open();
    await r.get('Users', userId); // 1 ok; the PATCH is 2: 503, its repeat 3: ok
    expect((await r.patch<ScimUser>('Users', userId, deactivate)).active).toBe(false);
    expect(t.log.entries().map((e) => `${e.method} ${e.status}`)).toEqual(['GET 200', 'PATCH 503', 'PATCH 200']);
  });

  it('cancels a call while its body is still arriving', async () => {
    // The body takes an hour to arrive: only the cancel can end the call.
    sandbox.setFaults({ slowBodyMs: 3_600_000 });
    const { r } = open();
    const controller = new AbortController();
    const pending = failure(r.get('Users', userId, { signal: controller.signal }));
    await vi.waitUntil(() => sandbox.stats().requests === 1, { timeout: 10_000 });
    expect(await settlesAtOnce(pending)).toBe(false);
    controller.abort();
    expect(await settlesAtOnce(pending)).toBe(true);
    expect((await pending).code).toBe('cancelled');
  });

  it('retries a read whose connection was reset mid-body', async () => {
    sandbox.setFaults({ resetEvery: 2 });
    const { t, r } = open();
    await r.get('Users', userId);
    expect((await r.get<ScimUser>('Users', userId)).id).toBe(userId);
    const entries = t.log.entries();
    expect(entries).toHaveLength(3);
    expect(entries[1]?.error).toMatch(/connection failed/i);
  });

  it('does not repeat a PATCH whose answer broke off, and says it was probably applied', async () => {
    sandbox.setFaults({ resetEvery: 1 });
    const { t, r } = open();
    const error = await failure(r.patch('Users', userId, deactivate));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/probably applied/);
    expect(t.log.entries().filter((e) => e.method === 'PATCH')).toHaveLength(1);
    sandbox.setFaults({});
    expect((await r.get<ScimUser>('Users', userId)).active).toBe(false);
  });

  it('retries a read whose JSON was truncated, and names the problem when it keeps happening', async () => {
    sandbox.setFaults({ truncateEvery: 2 });
    const { r } = open();
    await r.get('Users', userId);
    expect((await r.get<ScimUser>('Users', userId)).id).toBe(userId);
    sandbox.setFaults({ truncateEvery: 1 });
    const error = await failure(open({ retryBudgetMs: 500 }).r.get('Users', userId));
    expect(error.code).toBe('bad-response');
    expect(error.message).toMatch(/cut off or is not valid JSON/);
  });

  it('reads slow bodies within the body timeout and times out past it', async () => {
    sandbox.setFaults({ slowBodyMs: 300 });
    expect((await open({ bodyTimeoutMs: 5_000 }).r.get<ScimUser>('Users', userId)).id).toBe(userId);
    // undici checks body timeouts on a ~1 s timer wheel, so the gaps between pieces (3 s) are
    // made far longer than both the timeout and that resolution.
    sandbox.setFaults({ slowBodyMs: 30_000 });
    const error = await failure(open({ bodyTimeoutMs: 200, retryBudgetMs: 300 }).r.get('Users', userId));
    expect(error.code).toBe('timeout');
  });

  it('turns an HTML 401 into unauthorized with the page title and the advice to update the token', async () => {
    sandbox.setFaults({ htmlErrors: true });
    const t = createTransport({ baseUrl: sandbox.url, token: () => 'not-the-token' });
    transports.push(t);
    const error = await failure(createResources(t).get('Users', userId));
    expect(error.code).toBe('unauthorized');
    expect(error.details).toMatchObject({ status: 401, detail: '401 Unauthorized' });
    expect(error.message).toMatch(/update it|update the token|update it in the profile/i);
    const notFound = await failure(open().r.get('Users', 'no-such-id'));
    expect(notFound.code).toBe('not-found');
  });

  it('GETs the resource after a 204 on PATCH, with its new ETag', async () => {
    sandbox.setFaults({ noContentOnWrite: true });
    const { t, r } = open();
    const patched = await r.patch<ScimUser>('Users', userId, deactivate);
    expect(patched.active).toBe(false);
    expect(patched.meta?.version).toBeTruthy();
    expect(t.log.entries().map((e) => `${e.method} ${e.status}`)).toEqual(['PATCH 204', 'GET 200']);
  });

  it('sends If-Match and reports a stale ETag as changed since you loaded it', async () => {
    const { t, r } = open();
    const before = await r.get<ScimUser>('Users', userId);
    expect(before.meta?.version).toBeTruthy();
    await r.patch('Users', userId, deactivate, { ifMatch: before.meta?.version });
    const error = await failure(r.patch('Users', userId, deactivate, { ifMatch: before.meta?.version }));
    expect(error.code).toBe('precondition-failed');
    expect(error.message).toMatch(/changed since you loaded it/);
    expect(t.log.entries()[1]?.requestHeaders['if-match']).toBe(before.meta?.version);
  });

  it('normalises case-variant names, string booleans and members: null', async () => {
    sandbox.setFaults({ caseVariantNames: true, stringBooleans: true, nullMembers: true });
    const { r } = open();
    const user = await r.get<ScimUser>('Users', userId);
    expect(typeof user.userName).toBe('string');
    expect(typeof user.active).toBe('boolean');
    expect(Object.keys(user).filter((k) => /^(UserName|Active|Emails)$/.test(k))).toEqual([]);
    for (const email of user.emails ?? []) if ('primary' in email) expect(typeof email.primary).toBe('boolean');
    const group = await r.get<ScimGroup>('Groups', groupId);
    expect(group.members).toEqual([]);
  });

  it('accepts JSON under application/json and text/json, and refuses JSON claimed as HTML', async () => {
    for (const contentType of ['application/json; charset=utf-8', 'text/json']) {
      sandbox.setFaults({ contentType });
      expect((await open().r.get<ScimUser>('Users', userId)).id).toBe(userId);
    }
    sandbox.setFaults({ contentType: 'text/html' });
    const error = await failure(open().r.get('Users', userId));
    expect(error.code).toBe('not-scim');
    expect(error.message).toContain('text/html');
  });

  it('keeps the token out of every log entry, HAR, curl command and error above', () => {
    let everything = '';
    for (const t of transports) {
      everything += JSON.stringify(t.log.entries()) + JSON.stringify(t.log.toHar());
      for (const e of t.log.entries()) everything += t.log.toCurl(e.id);
    }
    expect(everything.length).toBeGreaterThan(1000);
    expect(everything).not.toContain(TOKEN);
  });
});
