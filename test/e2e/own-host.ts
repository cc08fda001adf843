// Browser mode of a spec's own, on its own sandbox tenant and in a temp data folder removed when
// the spec ends: for specs that write (journals, exports, profiles) or need a tenant of their size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { startWebHost, type WebHost, type WebHostOptions } from '../../electron/host/web';

export interface OwnHost {
  host(): WebHost;
  /** The data folder (exports go to its exports/). */
  home(): string;
}

/** Starts the host before the spec's tests and stops it (and removes its folder) after them. */
export function ownHost(name: string, options: WebHostOptions = {}): OwnHost {
  let host: WebHost | undefined;
  let home: string | undefined;
  test.beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), `scim-${name}-e2e-`));
    host = await startWebHost({ rendererDir: join(import.meta.dirname, '../../dist'), open: false, savedProfiles: false, dataDir: home, exportDir: join(home, 'exports'), ...options });
  });
  test.afterAll(async () => {
    await host?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the spec host is not started (use it inside a test)');
    return value;
  };
  return { host: () => started(host), home: () => started(home) };
}
