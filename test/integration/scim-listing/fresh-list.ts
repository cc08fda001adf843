// A filtered listing by a fresh client: a new session that has observed nothing (no probe facts,
// no spot checks), as the first command an admin runs against a server.
import type { ScimUser } from '../../../shared/scim';
import type { SandboxHandle } from '../../../electron/core/sandbox';
import { createScimClient } from '../../../electron/core/scim/client';

export async function listFresh(sb: SandboxHandle, filter: string, serverFilterOnly = false) {
  const client = createScimClient({ baseUrl: sb.url, token: () => sb.token });
  try {
    await client.discover();
    return await client.list<ScimUser>('Users', { filter, serverFilterOnly });
  } finally {
    await client.close();
  }
}
