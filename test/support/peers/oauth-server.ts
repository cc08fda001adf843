// A real OAuth 2.0 authorization server on 127.0.0.1: panva's oidc-provider with the
// client-credentials grant, clients using client_secret_basic and client_secret_post, a short
// access-token lifetime, and a way for the sandbox (as resource server) to check the tokens it
// issued. Counts token requests so tests can prove there was no stampede.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface OAuthServer {
  issuer: string;
  tokenUrl: string;
  /** POSTs to the token endpoint so far. */
  tokenRequests(): number;
  /** For the resource server: is this access token one we issued, and still valid? */
  verify(token: string): Promise<'valid' | 'invalid' | 'expired'>;
  close(): Promise<void>;
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  method: 'client_secret_basic' | 'client_secret_post';
  scope?: string;
}

interface ClientCredentialsToken {
  isExpired: boolean;
}
interface ProviderWithStore {
  ClientCredentials: { find(token: string): Promise<ClientCredentialsToken | undefined> };
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
}

export async function startOAuthServer(options: { clients: OAuthClient[]; ttlSeconds: number; scopes?: string[] }): Promise<OAuthServer> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  let tokenRequests = 0;
  const server = createServer((req, res) => {
    if (req.method === 'POST' && (req.url ?? '').startsWith('/token')) tokenRequests += 1;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // oidc-provider warns about its in-memory adapter and dev keys: expected in a test peer.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider WARNING')) return;
    warn(...args);
  };
  let provider: ProviderWithStore;
  try {
    provider = new Provider(issuer, {
      clients: options.clients.map((c) => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        token_endpoint_auth_method: c.method,
        scope: c.scope ?? 'scim',
      })),
      features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
      scopes: options.scopes ?? ['scim', 'admin'],
      ttl: { ClientCredentials: options.ttlSeconds },
    }) as unknown as ProviderWithStore;
  } finally {
    console.warn = warn;
  }
  handler = provider.callback();
  return {
    issuer,
    tokenUrl: `${issuer}/token`,
    tokenRequests: () => tokenRequests,
    async verify(token) {
      const found = await provider.ClientCredentials.find(token);
      if (!found) return 'invalid';
      return found.isExpired ? 'expired' : 'valid';
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
