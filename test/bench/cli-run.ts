// Benches run the CLI as a user does: the bundle bin/scim-inspector.mjs runs (built here first
// when a source is newer, exactly as the bin would, so no run pays for the build).

import { fileURLToPath } from 'node:url';
// @ts-expect-error -- plain ESM script without types
import { buildCliBundle, cliBundleFresh } from '../../scripts/cli-bundle.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function ensureCliBundle(): Promise<void> {
  if (!(cliBundleFresh as (root: string) => boolean)(REPO_ROOT)) await (buildCliBundle as (root: string) => Promise<void>)(REPO_ROOT);
}
