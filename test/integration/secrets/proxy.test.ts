// Proxies, against a real HTTP proxy on loopback (the `proxy` npm package, CONNECT tunnels): an
// explicit proxy with and without credentials, the environment proxy as curl reads it (http_proxy
// lower case only, NO_PROXY names and CIDR ranges), and the request log and HAR saying which calls
// went through a proxy. The proxy password never appears in the log, HAR or errors.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy, type ProxyServer } from 'proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ConnectionOptions } from '../../../electron/core/scim/types';
import { leakedForms } from '../../support/leak-forms';

const PROXY_USER = 'corp-user';
const PROXY_PASSWORD = 'proxy pass/+word';
let tenant: SandboxHandle;
let open: ProxyServer;
let guarded: ProxyServer;
const tunnels: string[] = [];

async function listen(server: ProxyServer): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function proxyAuth(req: IncomingMessage): boolean {
  const header = req.headers['proxy-authorization'] ?? '';
  return header === `Basic ${Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64')}`;
}

let openUrl = '';
let guardedUrl = '';

beforeAll(async () => {
  tenant = await startSandbox({ port: 0, users: 30, token: 'proxy-test-token-123' });
  open = createProxy(createServer());
  open.on('connect', (req: IncomingMessage) => tunnels.push(String(req.url)));
  guarded = createProxy(createServer());
  guarded.authenticate = proxyAuth;
  openUrl = await listen(open);
  guardedUrl = await listen(guarded);
});
afterAll(async () => {
  for (const server of [open, guarded]) {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
  await tenant.close();
});

function client(network: NonNullable<ConnectionOptions['network']>) {
  return createScimClient({ baseUrl: tenant.url, token: () => tenant.token, network });
}

async function listThrough(network: NonNullable<ConnectionOptions['network']>): Promise<{ proxied: number; entries: ReturnType<ReturnType<typeof client>['transport']['log']['entries']> }> {
  const before = tunnels.length;
  const c = client(network);
  try {
    expect(await c.list('Users')).toMatchObject({ complete: true, count: 30 });
    return { proxied: tunnels.length - before, entries: c.transport.log.entries() };
  } finally {
    await c.close();
  }
}

describe('an explicit proxy', { timeout: 60_000 }, () => {
  it('tunnels every call through it, and the log and HAR say so', async () => {
    const c = client({ proxy: { mode: 'url', url: openUrl } });
    const before = tunnels.length;
    try {
      expect(await c.list('Users')).toMatchObject({ complete: true, count: 30 });
      expect(tunnels.length).toBeGreaterThan(before);
      expect(tunnels.slice(before).every((t) => t === new URL(tenant.url).host)).toBe(true);
      const entries = c.transport.log.entries();
      expect(entries.every((e) => e.proxy === openUrl)).toBe(true);
      const har = c.transport.log.toHar() as { log: { entries: Array<{ _proxy?: string; comment?: string }>; comment: string } };
      expect(har.log.entries[0]).toMatchObject({ _proxy: openUrl, comment: expect.stringContaining(`proxy ${openUrl}`) as unknown });
      expect(c.transport.describe().network).toMatchObject({ proxyMode: 'url', proxyUsed: openUrl });
    } finally {
      await c.close();
    }
  });

  it('sends the proxy credentials (Proxy-Authorization) and keeps the password out of the log', async () => {
    const c = client({ proxy: { mode: 'url', url: guardedUrl, username: PROXY_USER, password: async () => PROXY_PASSWORD } });
    try {
      expect(await c.list('Users')).toMatchObject({ complete: true, count: 30 });
      const logged = JSON.stringify(c.transport.log.entries()) + JSON.stringify(c.transport.log.toHar());
      for (const [form, spelled] of Object.entries(leakedForms(PROXY_PASSWORD))) expect(logged.includes(spelled), `${form} leaked`).toBe(false);
    } finally {
      await c.close();
    }
  });

  it('explains a proxy that wants credentials (407) and one that is not there', async () => {
    const noCreds = client({ proxy: { mode: 'url', url: guardedUrl } });
    const nothing = client({ proxy: { mode: 'url', url: 'http://127.0.0.1:9' } });
    try {
      expect(await noCreds.list('Users').catch((e: unknown) => e)).toMatchObject({ code: 'network', message: expect.stringMatching(/proxy .* asks for credentials \(407\)/) as unknown });
      expect(await nothing.list('Users').catch((e: unknown) => e)).toMatchObject({ code: 'network', message: expect.stringMatching(/proxy http:\/\/127\.0\.0\.1:9 could not be reached/) as unknown });
    } finally {
      await noCreds.close();
      await nothing.close();
    }
  });
});

describe('the environment proxy, as curl reads it', { timeout: 60_000 }, () => {
  it('uses http_proxy for http:// and says so in the log', async () => {
    const { proxied, entries } = await listThrough({ env: { http_proxy: openUrl } });
    expect(proxied).toBeGreaterThan(0);
    expect(entries.every((e) => e.proxy === openUrl)).toBe(true);
  });

  it.each([
    ['the host itself', '127.0.0.1'],
    ['a CIDR range holding it', 'example.com, 127.0.0.0/8'],
    ['*', '*'],
  ])('goes directly when NO_PROXY names %s', async (_what, noProxy) => {
    const { proxied, entries } = await listThrough({ env: { http_proxy: openUrl, NO_PROXY: noProxy } });
    expect(proxied).toBe(0);
    expect(entries.every((e) => e.proxy === undefined)).toBe(true);
  });

  it('still proxies when NO_PROXY names other hosts, and ignores upper-case HTTP_PROXY (as curl does)', async () => {
    expect((await listThrough({ env: { http_proxy: openUrl, no_proxy: '10.0.0.0/8,.internal.example' } })).proxied).toBeGreaterThan(0);
    expect((await listThrough({ env: { HTTP_PROXY: openUrl } })).proxied).toBe(0);
  });

  it('takes proxy credentials from the environment URL and never shows them', async () => {
    const url = new URL(guardedUrl);
    url.username = encodeURIComponent(PROXY_USER);
    url.password = encodeURIComponent(PROXY_PASSWORD);
    const c = client({ env: { http_proxy: url.href } });
    try {
      expect(await c.list('Users')).toMatchObject({ complete: true, count: 30 });
      const logged = JSON.stringify(c.transport.log.toHar());
      expect(logged).toContain(guardedUrl);
      for (const [form, spelled] of Object.entries(leakedForms(PROXY_PASSWORD))) expect(logged.includes(spelled), `${form} leaked`).toBe(false);
    } finally {
      await c.close();
    }
  });
});
