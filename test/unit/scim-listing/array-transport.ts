// A stand-in for the Transport interface that serves Users from an array, 1-based startIndex,
// with a hook called before each page so a test can change the tenant mid-listing. Deliberately
// minimal: server quirks are exercised against the sandbox tenant in the integration tests.

import type { HttpRequest, HttpResponse, Transport } from '../../../electron/core/scim/types';
import { SecretSet } from '../../../electron/core/secrets/index';

export interface ArrayServer {
  transport: Transport;
  requests: HttpRequest[];
  /** Most requests that were being answered at the same moment. */
  maxInFlight: () => number;
}

export function arrayTransport(users: Record<string, unknown>[], options: { pageCap?: number; pageCapAt?: (startIndex: number) => number; reportTotal?: number; beforePage?: (n: number) => void | Promise<void> } = {}): ArrayServer {
  const requests: HttpRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let base = 'http://127.0.0.1:1/scim/v2';
  const transport: Transport = {
    get baseUrl() {
      return base;
    },
    setBaseUrl(next: string) {
      base = next;
    },
    secrets: new SecretSet(),
    describe: () => ({ auth: { scheme: 'bearer' }, network: { proxyMode: 'none', proxyUsed: null, addedCas: [], clientCertificate: null } }),
    async request(req: HttpRequest): Promise<HttpResponse> {
      requests.push(req);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await options.beforePage?.(requests.length);
      } finally {
        inFlight -= 1;
      }
      if (req.signal?.aborted) throw new Error('aborted');
      const start = Math.max(1, Number(req.query?.startIndex ?? 1));
      const count = Math.min(Number(req.query?.count ?? 100), options.pageCap ?? Infinity, options.pageCapAt?.(start) ?? Infinity);
      const page = users.slice(start - 1, start - 1 + count);
      const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: options.reportTotal ?? users.length, startIndex: start, itemsPerPage: page.length, Resources: page };
      // As the real transport does: the caller's check sees every 2xx body (here not as bytes).
      req.accept?.(body, `${base}${req.path}`, { bytes: Buffer.alloc(0), text: '', layout: null });
      return { status: 200, headers: {}, body, size: 0, url: `${base}${req.path}` };
    },
    log: {
      entries: () => [],
      counts: () => ({ made: 0, held: 0, capacity: 0 }),
      clear: () => undefined,
      toHar: () => ({}),
      toCurl: () => '',
      subscribe: () => () => undefined,
    },
    close: async () => undefined,
  };
  return { transport, requests, maxInFlight: () => maxInFlight };
}

export function makeUsers(n: number, from = 0): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    id: `u${String(from + i).padStart(6, '0')}`,
    userName: `user${from + i}@example.com`,
    active: (from + i) % 3 !== 0,
  }));
}
