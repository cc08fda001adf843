// Shared set-up for the edit tests: a sandbox tenant of one vendor, a client on it as a profile of
// that vendor would make it, and a temp directory for the change journal (removed by close()).

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type SandboxHandle, type VendorName } from '../../../electron/core/sandbox';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { removeDir } from '../../support/temp-dir';

/** A token no test data contains, so finding it anywhere on disk is a leak. */
export const TOKEN = 'edit-test-token-7c1f9e2a-DO-NOT-LEAK';

export interface EditTenant {
  sandbox: SandboxHandle;
  client: ScimClient;
  vendor: VendorName;
  journal: string;
  /** A second, independent client: "someone else" changing the tenant meanwhile. */
  other: ScimClient;
  close(): Promise<void>;
}

export async function editTenant(vendor: VendorName, options: { readOnly?: boolean; users?: number } = {}): Promise<EditTenant> {
  const sandbox = await startSandbox({ vendor, users: options.users ?? 40, groups: 6, seed: 11, token: TOKEN, port: 0 });
  const connect = (readOnly: boolean): ScimClient =>
    createScimClient({ baseUrl: sandbox.url, token: () => sandbox.token, vendor, readOnly, retryBudgetMs: 5_000 });
  const client = connect(options.readOnly ?? false);
  const other = connect(false);
  const dir = await mkdtemp(join(tmpdir(), `edit-${vendor}-`));
  return {
    sandbox,
    client,
    vendor,
    other,
    journal: join(dir, 'changes.jsonl'),
    close: async () => {
      await client.close();
      await other.close();
      await sandbox.close();
      await removeDir(dir);
    },
  };
}

/** Tenants a test file opens as it goes (`open`), every one closed by `closeAll` in its afterAll. */
export function tenantPool(): { open: typeof editTenant; closeAll(): Promise<void> } {
  const opened: EditTenant[] = [];
  return {
    open: async (...args) => {
      const t = await editTenant(...args);
      opened.push(t);
      return t;
    },
    closeAll: async () => {
      for (const t of opened.splice(0)) await t.close();
    },
  };
}

export function activeUserIds(sandbox: SandboxHandle): string[] {
  return sandbox.store.ids('Users').filter((id) => sandbox.store.get('Users', id)?.res.active === true);
}

/** Users whose userName no other user shares in any case (the seed plants case twins). */
export function plainUserIds(sandbox: SandboxHandle): string[] {
  const names = new Map<string, number>();
  const userName = (id: string): string => String(sandbox.store.get('Users', id)?.res.userName ?? '').toLowerCase();
  for (const id of sandbox.store.ids('Users')) names.set(userName(id), (names.get(userName(id)) ?? 0) + 1);
  return activeUserIds(sandbox).filter((id) => names.get(userName(id)) === 1);
}

export function writes(sandbox: SandboxHandle): number {
  const by = sandbox.stats().byMethod;
  return (by.PATCH ?? 0) + (by.PUT ?? 0) + (by.DELETE ?? 0) + (by.POST ?? 0);
}

export async function journalText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}
