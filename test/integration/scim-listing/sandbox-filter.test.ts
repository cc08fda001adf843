// Filters against the sandbox: a server that silently drops the filter (Mittr returns ALL users)
// is detected and the result filtered locally; odd attribute case and string booleans do not fool
// the local check into calling an honest server a liar.

import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle, type VendorName } from '../../../electron/core/sandbox';
import { listResources } from '../../../electron/core/scim/listing';
import { matchesFilter } from '../../../electron/core/scim/filter';
import { createTransport } from '../../../electron/core/scim/transport';
import type { Transport } from '../../../electron/core/scim/types';

const open: { sandbox: SandboxHandle; transport: Transport }[] = [];

async function tenant(vendor: VendorName, users = 240): Promise<{ sandbox: SandboxHandle; transport: Transport }> {
  const sandbox = await startSandbox({ vendor, users });
  const transport = createTransport({ baseUrl: sandbox.url, token: () => sandbox.token });
  const t = { sandbox, transport };
  open.push(t);
  return t;
}

/** Ids the filter selects, evaluated on the store's own rows (the truth). */
function truth(sandbox: SandboxHandle, filter: string): string[] {
  return sandbox.store.ids('Users').filter((id) => matchesFilter(sandbox.store.get('Users', id)?.res, filter));
}

afterEach(async () => {
  for (const t of open.splice(0)) {
    await t.transport.close();
    await t.sandbox.close();
  }
});

describe('filters against the sandbox', () => {
  it('Mittr ignores an unsupported filter: detected, filtered locally, and said', async () => {
    const { sandbox, transport } = await tenant('mittr');
    const filter = 'active eq false';
    const out = await listResources(transport, 'Users', { filter, pageSize: 50 });
    expect(out.serverHonouredFilter).toBe(false);
    expect(out.warnings).toContain('The server ignored the filter; filtered locally.');
    expect(out.Resources.map((u) => u.id)).toEqual(truth(sandbox, filter));
    expect(out.Resources.length).toBeGreaterThan(0);
    expect(out.complete).toBe(true);
  });

  it('Mittr honours userName eq, and the outcome says so', async () => {
    const { sandbox, transport } = await tenant('mittr');
    const someone = sandbox.store.get('Users', sandbox.store.ids('Users')[17] as string)?.res.userName as string;
    const out = await listResources(transport, 'Users', { filter: `userName eq "${someone.toUpperCase()}"` });
    expect(out.serverHonouredFilter).toBe(true);
    expect(out.count).toBe(1);
  });

  it('the ignoreFilter fault on an RFC tenant is detected the same way', async () => {
    const { sandbox, transport } = await tenant('rfc');
    sandbox.setFaults({ ignoreFilter: true });
    const filter = 'emails[type eq "work" and value ew ".com"] and not (active eq true)';
    const out = await listResources(transport, 'Users', { filter, pageSize: 50 });
    expect(out.serverHonouredFilter).toBe(false);
    expect(out.Resources.map((u) => u.id)).toEqual(truth(sandbox, filter));
  });

  it('case-variant attribute names and "True"/"False" strings are not mistaken for an ignored filter', async () => {
    const { sandbox, transport } = await tenant('rfc');
    sandbox.setFaults({ caseVariantNames: true, stringBooleans: true });
    const filter = 'active eq false';
    const out = await listResources(transport, 'Users', { filter, pageSize: 50 });
    expect(out.serverHonouredFilter).toBe(true);
    expect(out.Resources.map((u) => u.id)).toEqual(truth(sandbox, filter));
    expect(out.Resources.every((u) => u.active === false)).toBe(true);
  });
});
