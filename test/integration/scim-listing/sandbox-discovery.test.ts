// Discovery against the sandbox's vendors and discovery faults: missing or unauthorised discovery
// endpoints and HTML answers are warnings, a base URL without its /scim/v2 is found and re-bound,
// and a URL that answers nothing SCIM-like fails with not-scim.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import { startSandbox, type FaultOptions, type SandboxHandle, type VendorName } from '../../../electron/core/sandbox';
import { discover } from '../../../electron/core/scim/discovery';
import { createTransport } from '../../../electron/core/scim/transport';
import type { Transport } from '../../../electron/core/scim/types';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function tenant(vendor: VendorName, faults: FaultOptions = {}, baseUrl?: (s: SandboxHandle) => string, token?: string): Promise<{ sandbox: SandboxHandle; transport: Transport }> {
  const sandbox = await startSandbox({ vendor, users: 30, faults });
  const transport = createTransport({ baseUrl: baseUrl ? baseUrl(sandbox) : sandbox.url, token: () => token ?? sandbox.token });
  cleanup.push(() => sandbox.close(), () => transport.close());
  return { sandbox, transport };
}

async function failure(p: Promise<unknown>): Promise<InspectorError> {
  const e = await p.then(() => null, (error: unknown) => error);
  expect(e).toBeInstanceOf(InspectorError);
  return e as InspectorError;
}

describe('discovery against the sandbox', () => {
  it('rfc: reads ServiceProviderConfig, ResourceTypes and Schemas into capabilities, no warnings', async () => {
    const { transport, sandbox } = await tenant('rfc');
    const started = performance.now();
    const d = await discover(transport);
    const elapsed = performance.now() - started;
    expect(d.baseUrl).toBe(sandbox.url);
    expect(d.capabilities).toMatchObject({ groups: true, patch: true, filter: true, pagination: 'index' });
    expect(d.serviceProviderConfig).not.toBeNull();
    expect(d.resourceTypes.length).toBeGreaterThan(0);
    expect(d.warnings).toEqual([]);
    // Whole milliseconds of this call: no more than it took as seen from here.
    expect(Number.isInteger(d.roundTripMs)).toBe(true);
    expect(d.roundTripMs).toBeGreaterThanOrEqual(0);
    expect(d.roundTripMs).toBeLessThanOrEqual(Math.ceil(elapsed));
  });

  it('mittr: only ServiceProviderConfig, no /Groups: groups false and warnings, not a failure', async () => {
    const { transport } = await tenant('mittr');
    const d = await discover(transport);
    expect(d.capabilities.groups).toBe(false);
    expect(d.warnings.join(' ')).toMatch(/\/ResourceTypes answered/);
    expect(d.warnings.join(' ')).toMatch(/no groups/);
  });

  it('missing discovery endpoints (404) and HTML error pages: probed instead, with warnings', async () => {
    const { transport } = await tenant('rfc', { missingDiscovery: true, htmlErrors: true });
    const d = await discover(transport);
    expect(d.serviceProviderConfig).toBeNull();
    expect(d.capabilities.groups).toBe(true);
    expect(d.warnings.join(' ')).toMatch(/ServiceProviderConfig answered/);
    expect(d.warnings.join(' ')).toMatch(/assumed/);
  });

  it('discovery answering 401 while the token works for /Users: a warning, not a failure', async () => {
    const { transport } = await tenant('rfc', { discoveryUnauthorized: true });
    const d = await discover(transport);
    expect(d.warnings.join(' ')).toMatch(/ServiceProviderConfig answered 401/);
    expect(d.capabilities.groups).toBe(true);
  });

  it('a wrong token is a clear unauthorized error even where discovery is public', async () => {
    const { transport } = await tenant('rfc', {}, undefined, 'not-the-token');
    expect((await failure(discover(transport))).code).toBe('unauthorized');
  });

  it('a base URL typed without /scim/v2 is found, and the transport re-bound to it', async () => {
    const { transport, sandbox } = await tenant('rfc', {}, (s) => s.origin);
    const d = await discover(transport);
    expect(d.baseUrl).toBe(sandbox.url);
    expect(transport.baseUrl).toBe(sandbox.url);
    expect(d.warnings.join(' ')).toMatch(/SCIM answers at/);
  });

  it('a URL that answers nothing SCIM-like fails with not-scim', async () => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><title>Welcome</title><body>Marketing site</body></html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanup.push(() => new Promise<void>((r) => server.close(() => r())));
    const transport = createTransport({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/app`, token: () => 't' });
    cleanup.push(() => transport.close());
    const e = await failure(discover(transport));
    expect(e.code).toBe('not-scim');
    expect(e.message).toMatch(/scim\/v2/);
  });
});
