// Single-resource calls against every vendor profile of the sandbox: the same client code must
// read, deactivate and report duplicates clearly whatever dialect the vendor speaks.

import { afterEach, describe, expect, it } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import { SCHEMAS, type ScimUser } from '../../../shared/scim';
import { startSandbox, VENDOR_NAMES, type SandboxHandle } from '../../../electron/core/sandbox';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';

describe('single-resource calls across sandbox vendors', () => {
  let sandbox: SandboxHandle | undefined;
  let client: ScimClient | undefined;
  afterEach(async () => {
    await client?.close();
    await sandbox?.close();
  });

  for (const vendor of VENDOR_NAMES) {
    it(`${vendor}: get, deactivate and a clear duplicate error`, async () => {
      sandbox = await startSandbox({ vendor, users: 5, groups: 2 });
      client = createScimClient({ baseUrl: `${sandbox.url}/`, token: () => sandbox?.token ?? '', retryBudgetMs: 3_000 });
      await client.discover();
      const id = sandbox.store.ids('Users')[0] ?? '';
      const user = await client.get<ScimUser>('Users', id);
      expect(user.id).toBe(id);
      expect(user.userName).toBe(sandbox.store.get('Users', id)?.res.userName);

      const after = await client.patch<ScimUser>('Users', id, { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'active', value: false }] });
      expect(after.active).toBe(false);
      expect((await client.get<ScimUser>('Users', id)).active).toBe(false);

      const duplicate = await client
        .create('Users', { userName: user.userName, emails: [{ value: user.userName, primary: true }] })
        .then((created) => ({ created }))
        .catch((error: unknown) => ({ error }));
      if ('error' in duplicate) {
        expect(duplicate.error).toBeInstanceOf(InspectorError);
        const e = duplicate.error as InspectorError;
        expect(e.code).toBe('conflict');
        expect(e.message).toContain(user.userName);
      } else {
        // Vendors that re-activate an existing user on POST hand back that same user.
        expect(duplicate.created.id).toBe(id);
        expect(sandbox.store.profile.createActivatesExisting).toBe(true);
      }
    });
  }
});
