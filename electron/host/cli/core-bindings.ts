// The CLI's links to core modules that are loaded on demand: the client, the sandbox tenant, the
// browser-mode host. Loaded lazily so `--help` or a usage error costs no undici/http start-up.

import { InspectorError } from '../../../shared/errors';
import type { SandboxAuth, SandboxHandle } from '../../core/sandbox/index';
import type { WebHost } from '../web';
import type { ConnectionOptions, ScimClient } from '../../core/scim/types';

export async function createClient(options: ConnectionOptions): Promise<ScimClient> {
  const { createScimClient } = await import('../../core/scim/client');
  return createScimClient(options);
}

export interface SandboxOptions {
  vendor: string;
  users?: number;
  port?: number;
  auth?: SandboxAuth;
}

export type RunningSandbox = Pick<SandboxHandle, 'url' | 'token' | 'tokenUrl' | 'close'>;

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const sandbox = await import('../../core/sandbox/index');
  const vendor = sandbox.VENDOR_NAMES.find((v) => v === options.vendor);
  // The parser already limits --vendor/--sandbox to these names; this keeps the types honest.
  if (!vendor) throw new InspectorError('usage', `Unknown sandbox vendor "${options.vendor}"; use one of ${sandbox.VENDOR_NAMES.join(', ')}.`);
  return sandbox.startSandbox({ vendor, port: options.port ?? 0, ...(options.users !== undefined ? { users: options.users } : {}), ...(options.auth ? { auth: options.auth } : {}) });
}

export interface WebHostOptions {
  port?: number;
  open: boolean;
  sandboxVendor?: string;
}

export type RunningWebHost = Pick<WebHost, 'url' | 'close'>;

export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const web = await import('../web');
  return web.startWebHost(options);
}
