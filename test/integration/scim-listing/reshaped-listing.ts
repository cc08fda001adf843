// A small sandbox tenant behind the reshaping loopback server (test/support/reshaping-tenant.ts)
// for a whole test file, with a transport whose retries wait a millisecond or so (the attempts,
// not the budget, run out first: a page that stays wrong fails a listing at once), and a way to
// rewrite its list pages. Started before the file's tests, closed after them.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTransport } from '../../../electron/core/scim/transport';
import type { Transport } from '../../../electron/core/scim/types';
import { startReshapingTenant, type ReshapingTenant } from '../../support/reshaping-tenant';

export type Page = Record<string, unknown>;

export interface ReshapedListing {
  readonly tenant: ReshapingTenant;
  readonly transport: Transport;
  /** The tenant's user ids, in its order. */
  readonly ids: string[];
  /** Replaces each Users list page by what `rewrite` makes of it (given the query it answered); text as is when `raw`. */
  pages(rewrite: (page: Page, query: URLSearchParams) => unknown, raw?: boolean): void;
  /** How many GETs the transport made since the test began. */
  gets(): number;
}

export function reshapedListing(users: number, seed: number): ReshapedListing {
  let tenant: ReshapingTenant | undefined;
  let transport: Transport | undefined;
  let ids: string[] = [];
  beforeAll(async () => {
    const started = await startReshapingTenant({ vendor: 'rfc', users, seed });
    tenant = started;
    ids = [...started.sandbox.store.ids('Users')];
    transport = createTransport({ baseUrl: started.url, token: () => started.sandbox.token, retryBudgetMs: 5_000 }, { backoffBaseMs: 1 });
  });
  beforeEach(() => {
    tenant?.sandbox.reset();
    tenant?.reshape(null);
    transport?.log.clear();
  });
  afterAll(async () => {
    await transport?.close();
    await tenant?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('reshapedListing is used before its beforeAll ran');
    return value;
  };
  return {
    get tenant() {
      return started(tenant);
    },
    get transport() {
      return started(transport);
    },
    get ids() {
      return ids;
    },
    pages(rewrite, raw = false) {
      started(tenant).reshape((req, up) => {
        const url = new URL(req.path, 'http://x');
        if (req.method !== 'GET' || !url.pathname.endsWith('/Users')) return null;
        const out = rewrite(JSON.parse(up.body) as Page, url.searchParams);
        return { status: 200, headers: { 'content-type': 'application/scim+json' }, body: raw ? String(out) : JSON.stringify(out) };
      });
    },
    gets: () => started(transport).log.entries().filter((e) => e.method === 'GET').length,
  };
}
