// The built-in sandbox SCIM tenant: a real HTTP SCIM 2.0 service on 127.0.0.1, in memory, with
// seeded data, vendor profiles and fault injection. The one emulator the whole project tests against.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { InspectorError } from '../../../shared/errors';
import { FaultState, FaultValidationError } from './faults';
import { buildTenant, type PlantedData } from './seed';
import { handle, resetState, statsOf, type ListHook, type SandboxState } from './server';
import { SandboxStore } from './store';
import { VENDOR_NAMES, type FaultOptions, type SandboxOptions, type VendorName, type VendorProfile } from './types';
import { TOKEN_PATH } from './auth';
import { VENDORS } from './vendors';

export type { FaultOptions, SandboxOptions, VendorName, VendorProfile } from './types';
export type { PlantedData } from './seed';
export type { ListHook } from './server';
export { SandboxStore } from './store';
export { VENDOR_NAMES } from './types';
export { VENDORS } from './vendors';
export { DEMO_BASIC, DEMO_CLIENT, TOKEN_PATH, type SandboxAuth } from './auth';

/** Not a secret: printed by `scim-inspector sandbox` and baked into the demo profile. */
export const DEMO_TOKEN = 'sandbox-demo-token';
export const DEFAULT_USERS = 2000;
export const DEFAULT_SEED = 20260101;

export interface SandboxHandle {
  /** SCIM base URL including the vendor's base path, e.g. http://127.0.0.1:PORT/scim/v2. */
  url: string;
  origin: string;
  token: string;
  vendor: VendorName;
  /** OAuth mode: the token endpoint's URL (origin + /oauth/token). */
  tokenUrl: string;
  /** Token requests answered so far (OAuth mode). */
  tokenRequests(): number;
  /** OAuth mode: forget every issued token (the next call with one gets invalid_token). */
  revokeTokens(): void;
  /** OAuth mode: every access token issued so far (leak tests look for them in what was shown). */
  issuedTokens(): string[];
  /** Replace the whole fault set; "every Nth" counters restart. */
  setFaults(f: FaultOptions): void;
  stats(): { requests: number; byMethod: Record<string, number>; writes: number };
  /**
   * Tests: `hook` is awaited before each list page (GET /Users or /Groups) is answered, so a test
   * can hold a page back until the client has shown what it should show without it (null: none).
   */
  onListPage(hook: ListHook | null): void;
  /** Direct access for tests (ids, rows, planted facts). */
  store: SandboxStore;
  /** Back to the seeded data, no faults, zero counters. */
  reset(): void;
  close(): Promise<void>;
}

function resolve(options: SandboxOptions): { profile: VendorProfile; users: number; groups: number | undefined; seed: number } {
  const vendor = options.vendor ?? 'rfc';
  if (!VENDOR_NAMES.includes(vendor)) {
    throw new InspectorError('usage', `Unknown sandbox vendor "${String(vendor)}"; use one of ${VENDOR_NAMES.join(', ')}.`);
  }
  const users = options.users ?? DEFAULT_USERS;
  if (!Number.isInteger(users) || users < 0 || users > 1_000_000) {
    throw new InspectorError('usage', `Sandbox users must be a whole number from 0 to 1,000,000 (got ${String(users)}).`);
  }
  if (options.groups !== undefined && (!Number.isInteger(options.groups) || options.groups < 0)) {
    throw new InspectorError('usage', `Sandbox groups must be a whole number (got ${String(options.groups)}).`);
  }
  return { profile: VENDORS[vendor], users, groups: options.groups, seed: options.seed ?? DEFAULT_SEED };
}

/** The facts planted in a tenant built with these options, without starting a server. */
export function describePlantedData(options: Omit<SandboxOptions, 'port' | 'token' | 'faults'> = {}): PlantedData {
  const r = resolve(options);
  return buildTenant(r.profile, { users: r.users, groups: r.groups, seed: r.seed }).planted;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const r = resolve(options);
  const token = options.token ?? DEMO_TOKEN;
  if (token === '' || /\s/.test(token)) throw new InspectorError('usage', 'The sandbox token must be a non-empty string without spaces.');
  const store = new SandboxStore(r.profile, { users: r.users, groups: r.groups, seed: r.seed });
  const faults = new FaultState();
  const setFaults = (f: unknown): void => {
    try {
      faults.set(f);
    } catch (error) {
      if (error instanceof FaultValidationError) throw new InspectorError('invalid-input', `Sandbox faults: ${error.message}`);
      throw error;
    }
  };
  setFaults(options.faults ?? {});
  const state: SandboxState = { store, faults, token, auth: { auth: options.auth ?? { scheme: 'bearer' }, issued: new Map(), everIssued: [], tokenRequests: 0 }, origin: '', requests: 0, byMethod: {} };
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(state, req, res).catch(() => res.destroy());
  };
  // HTTPS with the test's certificate (a private CA, or mutual TLS with requestCert).
  const server: Server = options.tls ? createHttpsServer(options.tls, listener) : createServer(listener);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? `port ${String(options.port)} is in use; pick another or use 0` : error.message;
      fail(new InspectorError('io', `The sandbox could not listen on 127.0.0.1: ${why}.`));
    });
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  state.origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  let closed: Promise<void> | null = null;
  return {
    url: `${state.origin}${r.profile.basePath}`,
    origin: state.origin,
    token,
    vendor: r.profile.name,
    tokenUrl: `${state.origin}${TOKEN_PATH}`,
    tokenRequests: () => state.auth.tokenRequests,
    revokeTokens: () => state.auth.issued.clear(),
    issuedTokens: () => [...state.auth.everIssued],
    setFaults,
    stats: () => statsOf(state),
    onListPage: (hook) => {
      state.listHook = hook;
    },
    store,
    reset: () => resetState(state),
    close: () => {
      closed ??= new Promise<void>((done) => {
        server.close(() => done());
        // Keep-alive sockets from clients would hold close() open; the sandbox owns its lifetime.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
