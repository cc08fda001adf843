// A saved profile with its token in the REAL keychain, driven through the core the app and CLI use
// (discovery, listing, a snapshot, a failing lookup, a refused token, CSV exports, HAR, copy-as-curl,
// test connection). The token must appear in none of what comes out.
// Run: sh test/support/with-keyring.sh npx vitest run test/integration/vault
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toAppError } from '../../../shared/errors';
import { exportCsv } from '../../../electron/core/audit/exports';
import { takeSnapshot } from '../../../electron/core/audit/snapshot';
import { connectionOptionsFor, createProfileStore, profileTokenMetadata, setProfileToken, testConnection } from '../../../electron/core/profiles';
import { createScimClient } from '../../../electron/core/scim/client';
import { createKeytarVault } from '../../../electron/core/vault';
import { startBetterAuthScim, type PeerHandle } from '../../support/peers';
import { fileDir } from '../../support/temp-dir';

const dir = fileDir('scim-inspector-token-leak-');
const vault = createKeytarVault({ service: `scim-inspector-test-leak-${process.pid}-${randomUUID().slice(0, 8)}` });
let peer: PeerHandle;

beforeAll(async () => {
  peer = await startBetterAuthScim({ users: 5 });
});
afterAll(async () => {
  for (const account of await vault.list()) await vault.delete(account);
  await peer.close();
  rmSync(dir, { recursive: true, force: true });
});

it('never lets the keychain token into results, errors, logs, HAR, curl, CSV or the profile file', async () => {
  const store = createProfileStore({ dir });
  const good = store.add({ name: 'peer', baseUrl: peer.url });
  await setProfileToken(store, vault, good.id, peer.token);
  const wrongToken = `wrong-${randomUUID()}`;
  const bad = store.add({ name: 'peer-wrong', baseUrl: peer.url });
  await setProfileToken(store, vault, bad.id, wrongToken);

  const outputs: string[] = [];
  const client = createScimClient(connectionOptionsFor(store.get(good.id), vault));
  try {
    const snapshot = await takeSnapshot(client);
    expect(snapshot.users.length).toBeGreaterThan(0);
    outputs.push(JSON.stringify(snapshot));
    const missing: unknown = await client.get('Users', 'no-such-user-id').catch((e: unknown) => e);
    outputs.push(JSON.stringify(toAppError(missing)), String(missing), (missing as Error).stack ?? '');
    for (const kind of ['users', 'memberships'] as const) {
      await exportCsv({ snapshot }, { kind, file: join(dir, `${kind}.csv`) });
    }
    const log = client.transport.log;
    outputs.push(JSON.stringify(log.entries()), JSON.stringify(log.toHar()));
    for (const entry of log.entries()) outputs.push(log.toCurl(entry.id));
    // The Authorization header is in the log, redacted: proof the check looks where a leak would be.
    expect(JSON.stringify(log.entries())).toMatch(/authorization/i);
  } finally {
    await client.close();
  }

  const refused = createScimClient(connectionOptionsFor(store.get(bad.id), vault));
  try {
    const error: unknown = await refused.list('Users').catch((e: unknown) => e);
    expect(toAppError(error).code).toBe('unauthorized');
    outputs.push(JSON.stringify(toAppError(error)), String(error), (error as Error).stack ?? '', JSON.stringify(refused.transport.log.toHar()));
  } finally {
    await refused.close();
  }

  outputs.push(JSON.stringify(await testConnection(store.get(good.id), vault)));
  outputs.push(JSON.stringify(await testConnection(store.get(bad.id), vault)));
  outputs.push(JSON.stringify(await profileTokenMetadata(store.get(good.id), vault)));
  outputs.push(JSON.stringify(store.list()));
  for (const f of readdirSync(dir)) outputs.push(readFileSync(join(dir, f), 'utf8'));

  const all = outputs.join('\n');
  expect(all.length).toBeGreaterThan(1000);
  for (const secret of [peer.token, wrongToken]) {
    expect(all).not.toContain(secret);
    // A token cut in half (e.g. by a line wrap or a truncated log body) is still a leak.
    expect(all).not.toContain(secret.slice(0, Math.ceil(secret.length / 2)));
  }
});
