// Starts browser mode on the sandbox tenant once for the whole run (building the renderer first
// if dist/ is missing) and hands its URL to the specs through the environment.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startWebHost } from '../../electron/host/web';

export const E2E_URL_ENV = 'SCIM_INSPECTOR_E2E_URL';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = join(import.meta.dirname, '../..');
  if (!existsSync(join(root, 'dist/index.html'))) {
    execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit', timeout: 180_000 });
  }
  const host = await startWebHost({ rendererDir: join(root, 'dist'), sandboxUsers: 3000, open: false, savedProfiles: false, exportDir: join(root, 'test-results', 'exports') });
  process.env[E2E_URL_ENV] = host.url;
  return () => host.close();
}
