// The CLI's links to core modules that are loaded on demand: the client, the sandbox tenant, the
// browser-mode host. Loaded lazily so `--help` or a usage error costs no undici/http start-up,
// and checked at the boundary so a changed export fails with a clear message, not a TypeError.

import { InspectorError } from '../../../shared/errors';
import type { SandboxHandle } from '../../core/sandbox/index';
import type { ConnectionOptions, ScimClient } from '../../core/scim/types';

type Loader = () => Promise<unknown>;

// The web host's specifier is kept in a variable until electron/host/web.ts lands (TypeScript
// would not resolve it); what it returns is validated here.
const WEB_HOST_MODULE = '../web';

const load = (specifier: string): Loader => () => import(/* @vite-ignore */ specifier) as Promise<unknown>;

function exportNamed(mod: unknown, name: string, what: string): (...args: unknown[]) => unknown {
  const fn = typeof mod === 'object' && mod !== null ? (mod as Record<string, unknown>)[name] : undefined;
  if (typeof fn !== 'function') throw new InspectorError('internal', `This build has no ${what} (${name} is missing); update scim-inspector.`);
  return fn as (...args: unknown[]) => unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export async function createClient(options: ConnectionOptions): Promise<ScimClient> {
  const { createScimClient } = await import('../../core/scim/client');
  return createScimClient(options);
}

export interface SandboxOptions {
  vendor: string;
  users?: number;
  port?: number;
}

export type RunningSandbox = Pick<SandboxHandle, 'url' | 'token' | 'close'>;

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const sandbox = await import('../../core/sandbox/index');
  const vendor = sandbox.VENDOR_NAMES.find((v) => v === options.vendor);
  // The parser already limits --vendor/--sandbox to these names; this keeps the types honest.
  if (!vendor) throw new InspectorError('usage', `Unknown sandbox vendor "${options.vendor}"; use one of ${sandbox.VENDOR_NAMES.join(', ')}.`);
  return sandbox.startSandbox({ vendor, port: options.port ?? 0, ...(options.users !== undefined ? { users: options.users } : {}) });
}

export interface WebHostOptions {
  port?: number;
  open: boolean;
  sandboxVendor?: string;
}

export interface RunningWebHost {
  url: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const start = exportNamed(await load(WEB_HOST_MODULE)(), 'startWebHost', 'browser-mode host');
  const started: unknown = await start(options);
  if (!isRecord(started) || typeof started.url !== 'string' || typeof started.close !== 'function') {
    throw new InspectorError('internal', 'startWebHost did not report a url and close(); update scim-inspector.');
  }
  const close = started.close as () => unknown;
  return { url: started.url, close: async () => { await close.call(started); } };
}
