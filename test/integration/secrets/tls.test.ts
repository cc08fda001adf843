// TLS against the sandbox served over HTTPS with certificates made for this run (openssl): a
// private CA added to the default ones connects; without it, or with another CA, the connection
// is refused with an error naming the certificate, its issuer and what to do; mutual TLS with a
// client certificate (its key encrypted or not), refused without one, and a wrong passphrase or a
// key of another certificate named before anything is sent. Also through a proxy (CONNECT + TLS).
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rootCertificates } from 'node:tls';
import { createProxy, type ProxyServer } from 'proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTlsMaterial } from '../../../electron/core/net/tls-files';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ConnectionOptions } from '../../../electron/core/scim/types';
import { makeTestPki, type TestPki } from '../../support/tls-certs';

let pki: TestPki;
let privateCa: SandboxHandle;
let unknownCa: SandboxHandle;
let mutual: SandboxHandle;
let proxy: ProxyServer;
let proxyUrl = '';
const tunnels: string[] = [];

beforeAll(async () => {
  pki = makeTestPki();
  privateCa = await startSandbox({ port: 0, users: 8, tls: { key: pki.read(pki.serverKey), cert: pki.read(pki.serverCert) } });
  unknownCa = await startSandbox({ port: 0, users: 8, tls: { key: pki.read(pki.otherServerKey), cert: pki.read(pki.otherServerCert) } });
  mutual = await startSandbox({ port: 0, users: 8, tls: { key: pki.read(pki.serverKey), cert: pki.read(pki.serverCert), ca: pki.read(pki.clientCaCert), requestCert: true, rejectUnauthorized: true } });
  proxy = createProxy(createServer());
  proxy.on('connect', (req: IncomingMessage) => tunnels.push(String(req.url)));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await new Promise<void>((resolve) => {
    proxy?.close(() => resolve());
    proxy?.closeAllConnections();
  });
  for (const s of [privateCa, unknownCa, mutual]) await s?.close();
  pki?.remove();
});

async function list(tenant: SandboxHandle, network: NonNullable<ConnectionOptions['network']>) {
  const client = createScimClient({ baseUrl: tenant.url, token: () => tenant.token, network: { env: {}, ...network } });
  try {
    const outcome = await client.list('Users');
    return { outcome, info: client.transport.describe().network, entries: client.transport.log.entries() };
  } finally {
    await client.close();
  }
}

async function failure(tenant: SandboxHandle, network: NonNullable<ConnectionOptions['network']>): Promise<{ code: string; message: string }> {
  return list(tenant, network).then(
    () => {
      throw new Error('expected the connection to be refused');
    },
    (error: unknown) => error as { code: string; message: string },
  );
}

describe('a private CA', { timeout: 60_000 }, () => {
  it('is added to the default CAs, never replacing them', () => {
    const material = loadTlsMaterial({ caFile: pki.caCert }, null, {});
    expect(material.ca).toHaveLength(rootCertificates.length + 1);
    expect(material.ca?.slice(0, rootCertificates.length)).toEqual([...rootCertificates]);
    expect(material.caCertificates[0]).toMatchObject({ subject: 'Inspector Test Private CA (Acme Corp)' });
  });

  it('connects with the CA file and says which CA was added', async () => {
    const { outcome, info } = await list(privateCa, { tls: { caFile: pki.caCert } });
    expect(outcome).toMatchObject({ complete: true, count: 8 });
    expect(info.addedCas.map((c) => c.subject)).toEqual(['Inspector Test Private CA (Acme Corp)']);
  });

  it('refuses the server without the CA, naming its certificate, the issuer and the fix', async () => {
    const error = await failure(privateCa, {});
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/TLS certificate of 127\.0\.0\.1:\d+ could not be verified/);
    expect(error.message).toContain('"scim.acme.test", issued by "Inspector Test Private CA (Acme Corp)"');
    expect(error.message).toMatch(/--ca-file/);
  });

  it('refuses a server whose certificate another CA issued, even with a CA file', async () => {
    const error = await failure(unknownCa, { tls: { caFile: pki.caCert } });
    expect(error.message).toContain('issued by "Unknown Intercepting CA (Nobody)"');
    expect(error.message).toMatch(/someone may be intercepting/);
  });

  it('works through a proxy (CONNECT, then TLS with the private CA), and the log says so', async () => {
    const before = tunnels.length;
    const { outcome, entries } = await list(privateCa, { tls: { caFile: pki.caCert }, proxy: { mode: 'url', url: proxyUrl } });
    expect(outcome.count).toBe(8);
    expect(tunnels.length).toBeGreaterThan(before);
    expect(entries.every((e) => e.proxy === proxyUrl)).toBe(true);
  });

  it('names a CA file that is not PEM', async () => {
    const error = await failure(privateCa, { tls: { caFile: pki.serverKey } });
    expect(error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/holds no PEM certificate/) as unknown });
  });
});

describe('mutual TLS', { timeout: 60_000 }, () => {
  const tls = { caFile: '' };
  beforeAll(() => {
    tls.caFile = pki.caCert;
  });

  it('connects with the client certificate and key, and says which certificate was used', async () => {
    const { outcome, info } = await list(mutual, { tls: { ...tls, clientCertFile: pki.clientCert, clientKeyFile: pki.clientKey } });
    expect(outcome.count).toBe(8);
    expect(info.clientCertificate).toMatchObject({ subject: 'inspector-admin', issuer: 'Inspector Client CA' });
  });

  it('decrypts an encrypted key with its passphrase', async () => {
    const { outcome } = await list(mutual, { tls: { ...tls, clientCertFile: pki.clientCert, clientKeyFile: pki.clientKeyEncrypted, passphrase: async () => pki.clientKeyPassphrase } });
    expect(outcome.count).toBe(8);
  });

  it('is refused without a client certificate, and says the server wants one', async () => {
    const error = await failure(mutual, { tls });
    expect(error).toMatchObject({ code: 'network', message: expect.stringMatching(/client certificate/) as unknown });
  });

  it('says so when the server refuses the client certificate presented (issued by a CA it does not trust)', async () => {
    const error = await failure(mutual, { tls: { ...tls, clientCertFile: pki.otherServerCert, clientKeyFile: pki.otherServerKey } });
    expect(error).toMatchObject({ code: 'network', message: expect.stringMatching(/refused the client certificate/) as unknown });
  });

  it('names a wrong passphrase, a missing one, and a key of another certificate before sending anything', async () => {
    const wrong = await failure(mutual, { tls: { ...tls, clientCertFile: pki.clientCert, clientKeyFile: pki.clientKeyEncrypted, passphrase: async () => 'not it' } });
    expect(wrong).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/passphrase does not decrypt it/) as unknown });
    expect(wrong.message).not.toContain('not it');
    const missing = await failure(mutual, { tls: { ...tls, clientCertFile: pki.clientCert, clientKeyFile: pki.clientKeyEncrypted } });
    expect(missing.message).toMatch(/The key is encrypted: give its passphrase/);
    const stray = await failure(mutual, { tls: { ...tls, clientCertFile: pki.clientCert, clientKeyFile: pki.strayKey } });
    expect(stray.message).toMatch(/does not belong to the certificate/);
  });
});
