// A real HTTP proxy on loopback for the proxy tests (the `proxy` npm package: CONNECT tunnels and
// plain forwarding), optionally asking for credentials, recording each CONNECT target.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';

export interface TestProxy {
  url: string;
  /** The host:port of every CONNECT tunnel opened so far. */
  tunnels: string[];
  close(): Promise<void>;
}

/** `credentials`: the proxy answers 407 unless Proxy-Authorization carries this user and password. */
export async function startTestProxy(credentials?: { user: string; password: string }): Promise<TestProxy> {
  const proxy = createProxy(createServer());
  const tunnels: string[] = [];
  proxy.on('connect', (req: IncomingMessage) => tunnels.push(String(req.url)));
  if (credentials) {
    const expected = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
    proxy.authenticate = (req: IncomingMessage) => req.headers['proxy-authorization'] === expected;
  }
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      }),
  };
}
