// The deactivation entry points (deactivate/index.ts) as the CLI and the app call them, on the
// sandbox: the method comes from discovery when none is named (PUT only where the server says it has
// no PATCH), blank inputs and read-only profiles are refused before anything is looked up, a plan
// carrying refusals is refused with the code that says why, a plan with nothing to write creates no
// journal, and the run record holds what the admin confirmed (method, vendor, targets, skipped).

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan, planDeactivation } from '../../../electron/core/deactivate';
import { createScimClient } from '../../../electron/core/scim/client';
import { listenOnLoopback, type Listening } from '../../support/peers/http-server';
import { plainActiveUsers, tenant, writes, type Tenant } from './support';
import { failure } from '../../support/failure';

let t: Tenant | null = null;
let front: Listening | null = null;
afterEach(async () => {
  await front?.close();
  front = null;
  await t?.close();
  t = null;
});


/** A server in front of the sandbox whose ServiceProviderConfig says PATCH is not supported. */
async function withoutPatch(sandboxOrigin: string): Promise<Listening> {
  return listenOnLoopback((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = new URL(req.url ?? '/', sandboxOrigin);
      const out = httpRequest(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          let text = Buffer.concat(body).toString('utf8');
          if (/\/ServiceProviderConfig$/.test(target.pathname)) text = JSON.stringify({ ...(JSON.parse(text) as object), patch: { supported: false } });
          const headers = { ...answer.headers };
          delete headers['content-length'];
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers).end(text);
        });
      });
      out.on('error', () => res.destroy());
      out.end(Buffer.concat(chunks));
    });
  });
}

describe('planDeactivation', () => {
  it('without a method takes PATCH where discovery says it is supported, and PUT where it says it is not', async () => {
    t = await tenant('rfc', { users: 20 });
    const [a] = plainActiveUsers(t.users);
    const patch = await planDeactivation(t.client, { inputs: [a!.id] });
    expect(patch.method).toBe('patch');
    expect(patch.targets[0]?.request.method).toBe('PATCH');
    front = await withoutPatch(t.sandbox.origin);
    const client = createScimClient({ baseUrl: `${front.origin}${new URL(t.sandbox.url).pathname}`, token: () => t!.sandbox.token, vendor: 'rfc' });
    try {
      const put = await planDeactivation(client, { inputs: [a!.id] });
      expect(put.method).toBe('put');
      expect(put.targets[0]?.request.method).toBe('PUT');
    } finally {
      await client.close();
    }
    expect(writes(t.sandbox)).toBe(0);
  });

  it('passes the admin’s cancel and --match on to the lookup', async () => {
    t = await tenant('rfc', { users: 20 });
    const [a] = plainActiveUsers(t.users);
    expect((await failure(planDeactivation(t.client, { inputs: [a!.userName], method: 'patch', signal: AbortSignal.abort() }))).code).toBe('cancelled');
    // Matched on externalId only, a userName names nobody.
    const byExternalId = await planDeactivation(t.client, { inputs: [a!.userName], method: 'patch', match: ['externalId'] });
    expect([byExternalId.targets, byExternalId.unresolved.map((u) => u.input)]).toEqual([[], [a!.userName]]);
    expect((await planDeactivation(t.client, { inputs: [a!.externalId!], method: 'patch', match: ['externalId'] })).targets.map((x) => x.id)).toEqual([a!.id]);
  });

  it('refuses inputs that are all blank before anything is looked up', async () => {
    t = await tenant('rfc', { users: 5 });
    const requests = t.sandbox.stats().requests;
    const error = await failure(planDeactivation(t.client, { inputs: ['', '  ', '\t'], method: 'patch' }));
    expect([error.code, error.message]).toEqual(['usage', 'Name at least one user to deactivate (userName, email, externalId or id).']);
    expect(t.sandbox.stats().requests).toBe(requests);
    // One real input among blanks is a plan.
    const [a] = plainActiveUsers(t.users);
    expect((await planDeactivation(t.client, { inputs: ['', a!.userName], method: 'patch' })).targets.map((x) => x.id)).toEqual([a!.id]);
  });

  it('a read-only profile is refused even a dry run, and its plan is refused again at execution', async () => {
    t = await tenant('rfc', { users: 5 });
    const plan = await planDeactivation(t.client, { inputs: [plainActiveUsers(t.users)[0]!.id], method: 'patch' });
    const readOnly = createScimClient({ baseUrl: t.sandbox.url, token: () => t!.sandbox.token, vendor: 'rfc', readOnly: true });
    try {
      const requests = t.sandbox.stats().requests;
      const dry = await failure(planDeactivation(readOnly, { inputs: ['someone'], method: 'patch' }));
      expect(dry.code).toBe('refused-read-only');
      expect(dry.message).toMatch(/^This profile is read-only, so deactivation \(even a dry run\) is refused;/);
      const run = await failure(executePlan(readOnly, plan, t.journal));
      expect(run.code).toBe('refused-read-only');
      expect(run.message).toMatch(/^This profile is read-only, so deactivation is refused;/);
      expect(t.sandbox.stats().requests).toBe(requests);
      expect(existsSync(t.journal)).toBe(false);
    } finally {
      await readOnly.close();
    }
  });
});

describe('executePlan', () => {
  it('refuses a plan with refusals in it, naming each reason, with the code of the gravest', async () => {
    t = await tenant('rfc', { users: 20 });
    const [a, b] = plainActiveUsers(t.users);
    const plan = await planDeactivation(t.client, { inputs: [a!.id, b!.id], method: 'patch', protectedUsers: [a!.userName] });
    expect(plan.refused).toHaveLength(1);
    const protectedOnly = await failure(executePlan(t.client, plan, t.journal));
    expect(protectedOnly.code).toBe('refused-protected');
    expect(protectedOnly.message).toBe(`Refused: ${plan.refused[0]!.reason} Nothing was written.`);
    expect(protectedOnly.details).toEqual({ refused: plan.refused });
    const unverifiable = { input: 'x@example.test', kind: 'unverifiable' as const, reason: 'The server’s answer for x@example.test cannot be verified.' };
    const both = await failure(executePlan(t.client, { ...plan, refused: [...plan.refused, unverifiable] }, t.journal));
    expect(both.code).toBe('refused-unverifiable');
    expect(both.message).toBe(`Refused: ${plan.refused[0]!.reason} ${unverifiable.reason} Nothing was written.`);
    expect(writes(t.sandbox)).toBe(0);
    expect(existsSync(t.journal)).toBe(false);
  });

  it('a plan with nothing to write creates no journal, and says what was skipped and unresolved', async () => {
    t = await tenant('rfc', { users: 40 });
    const inactive = t.users.find((u) => u.active === false);
    expect(inactive).toBeDefined();
    const plan = await planDeactivation(t.client, { inputs: [inactive!.id, 'nobody-at-all@example.invalid'], method: 'patch' });
    expect(plan.targets).toEqual([]);
    const result = await executePlan(t.client, plan, t.journal);
    expect(result).toEqual({
      runId: expect.any(String),
      action: 'deactivate',
      planned: [],
      done: [],
      skipped: [{ id: inactive!.id, reason: plan.skipped[0]!.reason }],
      failed: [],
      unresolved: plan.unresolved,
      journal: null,
      warnings: [],
    });
    expect(plan.unresolved.map((u) => u.input)).toEqual(['nobody-at-all@example.invalid']);
    expect(existsSync(t.journal)).toBe(false);
    expect(writes(t.sandbox)).toBe(0);
  });

  it('journals the run as confirmed: method, connection, vendor when given, targets and skipped', async () => {
    t = await tenant('rfc', { users: 40 });
    const [a] = plainActiveUsers(t.users);
    const inactive = t.users.find((u) => u.active === false)!;
    const plan = await planDeactivation(t.client, { inputs: [a!.id, inactive.id, 'nobody-at-all@example.invalid'], method: 'patch' });
    const result = await executePlan(t.client, plan, t.journal, { vendor: 'rfc' });
    expect(result.done.map((d) => d.id)).toEqual([a!.id]);
    expect(result.unresolved).toEqual(plan.unresolved);
    expect(result.warnings).toEqual([]);
    expect(result.journal).toBe(t.journal);
    const [run] = (await readFile(t.journal, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(run).toMatchObject({
      type: 'run',
      runId: result.runId,
      action: 'deactivate',
      method: 'patch',
      baseUrl: t.client.baseUrl,
      vendor: 'rfc',
      targets: [{ id: a!.id, userName: a!.userName }],
      skipped: [{ id: inactive.id, reason: plan.skipped[0]!.reason }],
    });
    // Without a vendor, none is recorded.
    const [b] = plainActiveUsers(t.users).slice(1);
    const journal = `${t.journal}.novendor`;
    await executePlan(t.client, await planDeactivation(t.client, { inputs: [b!.id], method: 'patch' }), journal);
    const [plain] = (await readFile(journal, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(plain).not.toHaveProperty('vendor');
    expect(plain).toMatchObject({ type: 'run', targets: [{ id: b!.id, userName: b!.userName }], skipped: [] });
  });
});
