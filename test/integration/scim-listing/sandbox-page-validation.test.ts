// Listing pages that answer 200 but are not the page asked for: a SCIM Error body or an empty
// ListResponse on the first page (a gateway or a broken backend), an HTML page or an Error body
// mid-listing. Each is retried like a 5xx; if it persists the listing fails clearly. None of them
// may ever become a short list marked complete.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { createScimClient } from '../../../electron/core/scim/client';
import { listResources } from '../../../electron/core/scim/listing';
import { createTransport } from '../../../electron/core/scim/transport';
import type { ScimClient, Transport } from '../../../electron/core/scim/types';
import { failure } from '../../support/failure';

let sandbox: SandboxHandle;
let omission: SandboxHandle;
let transport: Transport;
const clients: ScimClient[] = [];

function client(sb: SandboxHandle, retryBudgetMs = 20_000): ScimClient {
  const made = createScimClient({ baseUrl: sb.url, token: () => sb.token, retryBudgetMs });
  clients.push(made);
  return made;
}

beforeAll(async () => {
  sandbox = await startSandbox({ vendor: 'rfc', users: 230 });
  omission = await startSandbox({ vendor: 'omission', users: 130 });
  transport = createTransport({ baseUrl: sandbox.url, token: () => sandbox.token }, { backoffBaseMs: 5 });
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await transport?.close();
  await sandbox?.close();
  await omission?.close();
});
beforeEach(() => {
  sandbox.reset();
  omission.reset();
});

describe('first page answered 200 with something else than the page', () => {
  it('omission: its one 200-with-Error first page is retried and the listing is exact', async () => {
    const c = client(omission);
    await c.discover();
    const out = await c.list('Users');
    expect(out.complete, out.warnings.join(' | ')).toBe(true);
    expect(out.Resources.map((u) => u.id)).toEqual([...omission.store.ids('Users')]);
  });

  it('a persistent 200 Error body fails the listing clearly (never complete)', async () => {
    const c = client(sandbox, 1_500);
    await c.discover();
    sandbox.setFaults({ okErrorEvery: 1 });
    const error = await failure(c.list('Users'));
    expect(error.code).toBe('bad-response');
    expect(error.message).toMatch(/SCIM Error/);
    expect(error.message).toMatch(/Upstream request failed/);
  });

  it('a persistent empty first page, while discovery saw users, fails instead of listing 0 users as complete', async () => {
    const c = client(sandbox, 1_500);
    await c.discover();
    sandbox.setFaults({ okEmptyEvery: 1 });
    const error = await failure(c.list('Users'));
    expect(error.code).toBe('incomplete-listing');
    expect(error.message).toMatch(/empty/);
  });

  it('a filtered listing may legitimately be empty: complete with no resources', async () => {
    const c = client(sandbox);
    await c.discover();
    const out = await c.list('Users', { filter: 'userName eq "nobody-here"' });
    expect(out).toMatchObject({ complete: true, count: 0 });
  });
});

describe('pages mid-listing answered 200 with something else', () => {
  it('an HTML page with status 200 every 3rd request is retried: exact', async () => {
    sandbox.setFaults({ okHtmlEvery: 3 });
    const out = await listResources(transport, 'Users', { pageSize: 20, concurrency: 3 });
    expect(out.complete, out.warnings.join(' | ')).toBe(true);
    expect(out.Resources.map((u) => u.id)).toEqual([...sandbox.store.ids('Users')]);
  });

  it('a 200 SCIM Error body every 4th request is retried: exact', async () => {
    sandbox.setFaults({ okErrorEvery: 4 });
    const out = await listResources(transport, 'Users', { pageSize: 20, concurrency: 3 });
    expect(out.complete, out.warnings.join(' | ')).toBe(true);
    expect(out.Resources.map((u) => u.id)).toEqual([...sandbox.store.ids('Users')]);
  });

  it('an HTML page that persists fails the listing, naming the page it got', async () => {
    const failing = createTransport({ baseUrl: sandbox.url, token: () => sandbox.token, retryBudgetMs: 300 }, { backoffBaseMs: 5 });
    try {
      sandbox.setFaults({ okHtmlEvery: 1 });
      const error = await failure(listResources(failing, 'Users', { pageSize: 20 }));
      expect(error.code).toBe('not-scim');
      expect(error.message).toMatch(/Service temporarily unavailable/);
      expect(error.message).toMatch(/retr/i);
    } finally {
      await failing.close();
    }
  });
});
