// A saved profile's protected (break-glass) users guard the CLI as a script runs it: the real CLI
// in a child process, a profile with its token in the real keychain (run under
// test/support/with-keyring.sh), and the sandbox tenant on 127.0.0.1. `deactivate --yes` naming a
// protected user, however it is named, is refused whole (exit 4) and nothing is written; the same
// profile still deactivates anyone else.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import type { ScimUser } from '../../../shared/scim';
import { runCli, stderrError, type CliResult } from './spawn-cli';
import { fileDir } from '../../support/temp-dir';

const home = fileDir('scim-inspector-cli-protected-');
let sandbox: SandboxHandle;

/** The real CLI with this test's data folder and the throw-away keyring's bus (with-keyring.sh). */
function cli(args: string[], stdin = ''): Promise<CliResult> {
  const env: Record<string, string> = { SCIM_INSPECTOR_HOME: home };
  for (const key of ['DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'XDG_DATA_HOME']) if (process.env[key]) env[key] = process.env[key] as string;
  return runCli(args, { env, stdin, timeoutMs: 40_000 });
}

function user(id: string): ScimUser {
  return sandbox.store.get('Users', id)?.res as unknown as ScimUser;
}

beforeAll(async () => {
  sandbox = await startSandbox({ vendor: 'rfc', users: 30, seed: 5 });
});
afterAll(async () => {
  await cli(['profiles', 'remove', 'prod']).catch(() => undefined);
  await sandbox?.close();
});

describe('deactivate --profile honours the profile protected list', { timeout: 120_000 }, () => {
  it('refuses a run naming a protected user and writes nothing; deactivates the others', async () => {
    const [guarded, other] = sandbox.store.ids('Users').map(user).filter((u) => u.active === true && Array.isArray(u.emails) && u.emails.length > 0);
    if (!guarded || !other) throw new Error('seed has too few active users');
    const added = await cli(['profiles', 'add', 'prod', '--url', sandbox.url, '--vendor', 'rfc', '--protect', guarded.userName, '--json']);
    expect(added.code, added.stderr).toBe(0);
    const token = await cli(['profiles', 'set-token', 'prod', '--json'], `${sandbox.token}\n`);
    expect(token.code, token.stderr).toBe(0);

    // Named by email (the list holds the userName): still the same person, still refused.
    const journal = join(home, 'refused.jsonl');
    const email = String(guarded.emails?.[0]?.value);
    const refused = await cli(['deactivate', '--profile', 'prod', '--user', email, '--user', other.userName, '--yes', '--journal', journal, '--json']);
    expect(refused.code, refused.stderr).toBe(4);
    expect(stderrError(refused)).toMatchObject({ code: 'refused-protected' });
    expect(sandbox.stats().writes).toBe(0);
    expect(existsSync(journal)).toBe(false);
    expect(user(guarded.id).active).toBe(true);
    expect(user(other.id).active).toBe(true);

    // The same profile and token deactivate an unprotected user: the refusal came from the list.
    const ok = await cli(['deactivate', '--profile', 'prod', '--user', other.userName, '--yes', '--journal', join(home, 'ok.jsonl'), '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(user(other.id).active).toBe(false);
    expect(user(guarded.id).active).toBe(true);
  });
});
