// Shared set-up for the deactivation tests: a sandbox tenant of a given vendor, a client on it and
// a temp folder for the journal, all gone after close().

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import type { FaultOptions, VendorName } from '../../../electron/core/sandbox/types';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import type { ScimUser } from '../../../shared/scim';
import { removeDir } from '../../support/temp-dir';

export interface Tenant {
  sandbox: SandboxHandle;
  client: ScimClient;
  users: ScimUser[];
  journal: string;
  close(): Promise<void>;
}

export async function tenant(vendor: VendorName, options: { users?: number; faults?: FaultOptions } = {}): Promise<Tenant> {
  const sandbox = await startSandbox({ vendor, users: options.users ?? 120, seed: 7 });
  const client = createScimClient({ baseUrl: sandbox.url, token: () => sandbox.token, vendor, retryBudgetMs: 60_000 });
  const listed = await client.list<ScimUser>('Users');
  if (options.faults) sandbox.setFaults(options.faults);
  const dir = await mkdtemp(join(tmpdir(), `deactivate-${vendor}-`));
  return {
    sandbox,
    client,
    users: listed.Resources,
    journal: join(dir, 'run.jsonl'),
    close: async () => {
      await client.close();
      await sandbox.close();
      await removeDir(dir);
    },
  };
}

/** Active users with a unique userName (no case-colliding twin), an email and an externalId. */
export function plainActiveUsers(users: ScimUser[]): ScimUser[] {
  const counts = new Map<string, number>();
  for (const u of users) counts.set(u.userName.toLowerCase(), (counts.get(u.userName.toLowerCase()) ?? 0) + 1);
  return users.filter(
    (u) => u.active === true && counts.get(u.userName.toLowerCase()) === 1 && typeof u.externalId === 'string' && Array.isArray(u.emails) && u.emails.length > 0,
  );
}

export function writes(sandbox: SandboxHandle): number {
  const by = sandbox.stats().byMethod;
  return (by.PATCH ?? 0) + (by.PUT ?? 0) + (by.DELETE ?? 0) + (by.POST ?? 0);
}

export interface UserRow {
  id: string;
  active: boolean;
  /** The sandbox's ETag counts writes: W/"n" moves by one per write. */
  version: string;
}

/** Every user's active flag and version, read straight from the sandbox (not through the client). */
export async function tenantRows(sandbox: SandboxHandle): Promise<Map<string, UserRow>> {
  const out = new Map<string, UserRow>();
  for (let start = 1; ; start += 500) {
    const res = await fetch(`${sandbox.url}/Users?startIndex=${start}&count=500`, { headers: { authorization: `Bearer ${sandbox.token}` } });
    const page = (await res.json()) as { Resources?: { id: string; active: boolean; meta: { version: string } }[] };
    const items = page.Resources ?? [];
    for (const u of items) out.set(u.id, { id: u.id, active: u.active, version: u.meta.version });
    if (items.length < 500) return out;
  }
}

/** The version a row has after `writes` more writes. */
export function versionAfter(version: string, writes: number): string {
  return version.replace(/\d+/, (n) => String(Number(n) + writes));
}
