// A fresh user-data directory per test, removed when that test finishes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

export function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scim-inspector-profiles-'));
  // Registered with the test that asked for it, not at import: under the mutation config
  // (isolate: false) this module is imported once for every file, so an import-time afterEach
  // belonged to the first file alone and the other files' folders stayed in /tmp.
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
