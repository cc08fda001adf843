// One rfc sandbox tenant and a transport on it for a whole test file: started before its tests
// (beforeAll) and closed after them (call at the top level of the file); and the listing
// invariant the files check against it.
import { afterAll, beforeAll, expect } from 'vitest';
import type { ListOutcome, ScimResource } from '../../../shared/scim';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { createTransport } from '../../../electron/core/scim/transport';
import type { Transport } from '../../../electron/core/scim/types';

export interface RfcTenant {
  readonly sandbox: SandboxHandle;
  readonly transport: Transport;
}

export function rfcTenant(users: number): RfcTenant {
  let sandbox: SandboxHandle | undefined;
  let transport: Transport | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ vendor: 'rfc', users });
    const tenant = sandbox;
    transport = createTransport({ baseUrl: tenant.url, token: () => tenant.token });
  });
  afterAll(async () => {
    await transport?.close();
    await sandbox?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('rfcTenant is used before its beforeAll ran');
    return value;
  };
  return {
    get sandbox() {
      return started(sandbox);
    },
    get transport() {
      return started(transport);
    },
  };
}

/**
 * The listing invariant: no resource twice, and complete means exactly the tenant's users in its
 * order; otherwise a warning says why (matching `why` when given).
 */
export function expectExactOrFlagged(out: ListOutcome<ScimResource>, sandbox: SandboxHandle, why?: RegExp): void {
  const ids = out.Resources.map((r) => r.id);
  expect(new Set(ids).size, 'a resource listed twice').toBe(ids.length);
  if (out.complete) expect(ids, out.warnings.join(' | ')).toEqual([...sandbox.store.ids('Users')]);
  else if (why) expect(out.warnings.join(' ')).toMatch(why);
  else expect(out.warnings.length).toBeGreaterThan(0);
}
