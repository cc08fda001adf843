// Every sandbox vendor profile, discovered and then listed through the client path (discovery's
// capabilities feed the listing): users and, where the vendor has them, groups come out exact.

import { describe, expect, it } from 'vitest';
import { startSandbox, VENDOR_NAMES } from '../../../electron/core/sandbox';
import { discover } from '../../../electron/core/scim/discovery';
import { listResources } from '../../../electron/core/scim/listing';
import { createTransport } from '../../../electron/core/scim/transport';

describe('each vendor profile: discover, then list exactly', () => {
  it.each(VENDOR_NAMES.map((v) => [v]))('%s', async (vendor) => {
    const sandbox = await startSandbox({ vendor, users: 260 });
    const transport = createTransport({ baseUrl: sandbox.url, token: () => sandbox.token });
    try {
      const { capabilities } = await discover(transport);
      const users = await listResources(transport, 'Users', { pageSize: 100, concurrency: 4, capabilities });
      expect(users.complete, users.warnings.join(' | ')).toBe(true);
      expect(users.Resources.map((u) => u.id)).toEqual([...sandbox.store.ids('Users')]);
      expect(capabilities.groups).toBe(sandbox.store.profile.groups);
      if (capabilities.groups) {
        const groups = await listResources(transport, 'Groups', { pageSize: 100, capabilities });
        expect(groups.complete, groups.warnings.join(' | ')).toBe(true);
        expect(groups.Resources.map((g) => g.id)).toEqual([...sandbox.store.ids('Groups')]);
      }
    } finally {
      await transport.close();
      await sandbox.close();
    }
  });
});
