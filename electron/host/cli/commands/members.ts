// `groups list --members`: some servers leave members out of list responses (large groups,
// Entra-style tenants). Those groups are fetched one by one, asking for members explicitly, so
// every group in the output carries its full member list.

import type { ScimResource } from '../../../../shared/scim';
import type { ScimClient } from '../../../core/scim/types';

export async function fetchMissingMembers(
  client: ScimClient,
  groups: ScimResource[],
  options: { concurrency: number; signal: AbortSignal },
): Promise<ScimResource[]> {
  const result = [...groups];
  const missing = result.map((g, i) => ({ g, i })).filter(({ g }) => !Array.isArray(g.members));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < missing.length) {
      const item = missing[next];
      next += 1;
      if (!item) break;
      options.signal.throwIfAborted();
      const full = await client.get('Groups', item.g.id, { attributes: ['members'], signal: options.signal });
      // A group the server still answers without members has none (RFC 7643 omits empty lists).
      result[item.i] = { ...item.g, members: Array.isArray(full.members) ? full.members : [] };
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, missing.length)) }, () => worker());
  await Promise.all(workers);
  return result;
}
