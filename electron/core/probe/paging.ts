// The probe's paging and resource findings: the real page cap (what one page holds when far more
// is asked for), whether startIndex counts from 0 or 1, whether sortBy changes the order, whether
// users come with ETags, and whether groups carry their members unasked.

import type { Observation } from '../../../shared/observed';
import type { ScimResource } from '../../../shared/scim';
import { describeFailure, type ProbeReader } from './reader';

/** Asked for on the cap probe: far above any default, small enough for one answer of ids. */
const CAP_ASK = 500;

export async function pageCap(reader: ProbeReader): Promise<Observation<number>> {
  const read = await reader.page('Users', { startIndex: 1, count: CAP_ASK, attributes: 'id' });
  if (!read.ok) return { value: null, detail: `could not tell: ${describeFailure(read)}` };
  const got = read.value.resources.length;
  const total = read.value.totalResults;
  if (total !== null && got < Math.min(CAP_ASK, total)) return { value: got, detail: `asked for ${CAP_ASK}, got ${got} of ${total}` };
  if (got >= CAP_ASK) return { value: null, detail: `gave ${got} when asked for ${CAP_ASK}` };
  return { value: null, detail: total === null ? `gave ${got} when asked for ${CAP_ASK} (no total to compare)` : `no cap seen: the whole tenant (${total}) fit one page` };
}

export async function indexBase(reader: ProbeReader): Promise<Observation<0 | 1>> {
  const first = await reader.page('Users', { startIndex: 1, count: 2, attributes: 'id' });
  if (!first.ok) return { value: null, detail: `could not tell: ${describeFailure(first)}` };
  const head = await reader.page('Users', { startIndex: 0, count: 1, attributes: 'id' });
  if (!head.ok) return { value: 1, detail: `startIndex=0 is refused (${head.status ?? head.code}), so it counts from 1` };
  const ids = first.value.resources.map((r) => r.id);
  const h = head.value.resources[0]?.id;
  if (ids.length === 0 || h === undefined) return { value: null, detail: 'too few users to tell' };
  if (h === ids[0]) return { value: 1, detail: 'startIndex=0 and 1 answer the same first user (RFC 7644)' };
  if (!ids.includes(h)) return { value: 0, detail: 'startIndex=0 answers a user that startIndex=1 skips: it counts from 0' };
  return { value: null, detail: 'startIndex=0 answered the second user; the order is not stable' };
}

const nameOf = (r: ScimResource): string => String(r.userName ?? '').toLowerCase();

export async function sortSupport(reader: ProbeReader): Promise<Observation<'honoured' | 'ignored' | 'rejected'>> {
  const plain = await reader.page('Users', { startIndex: 1, count: 10, attributes: 'userName' });
  const sorted = await reader.page('Users', { startIndex: 1, count: 10, attributes: 'userName', sortBy: 'userName', sortOrder: 'descending' });
  if (!sorted.ok) return { value: 'rejected', detail: describeFailure(sorted) };
  if (!plain.ok) return { value: null, detail: `could not tell: ${describeFailure(plain)}` };
  const names = sorted.value.resources.map(nameOf);
  if (names.length < 2) return { value: null, detail: 'too few users to tell' };
  const descending = names.every((n, i) => i === 0 || (names[i - 1] as string) >= n);
  const same = plain.value.resources.map((r) => r.id).join() === sorted.value.resources.map((r) => r.id).join();
  if (descending && !same) return { value: 'honoured', detail: 'sortBy=userName descending reordered the users' };
  if (same) return { value: 'ignored', detail: 'sortBy changed nothing: the same users in the same order' };
  return { value: 'ignored', detail: 'sortBy=userName descending did not sort the users' };
}

export async function etags(reader: ProbeReader, user: ScimResource | undefined): Promise<Observation<boolean>> {
  if (!user) return { value: null, detail: 'no user to read' };
  const read = await reader.resource('Users', user.id);
  if (!read.ok) return { value: null, detail: `could not tell: ${describeFailure(read)}` };
  const meta = read.value.resource.meta as Record<string, unknown> | undefined;
  const version = typeof meta?.version === 'string' ? meta.version : null;
  if (read.value.etag || version) return { value: true, detail: read.value.etag ? `ETag header ${read.value.etag}` : `meta.version ${version}` };
  return { value: false, detail: 'a user read by id came without an ETag header or meta.version' };
}

export async function membersUnasked(reader: ProbeReader, groups: ScimResource[] | null): Promise<Observation<boolean>> {
  if (groups === null) return { value: null, detail: 'this server has no /Groups' };
  if (groups.some((g) => Array.isArray(g.members) && g.members.length > 0)) return { value: true, detail: 'groups listed without asking came with their members' };
  const asked = await reader.page('Groups', { startIndex: 1, count: 20, attributes: 'displayName,members' });
  if (!asked.ok) return { value: null, detail: `could not tell: ${describeFailure(asked)}` };
  if (asked.value.resources.some((g) => Array.isArray(g.members) && g.members.length > 0)) return { value: false, detail: 'members come only when asked for by name (attributes=members)' };
  return { value: null, detail: 'no group with members to tell' };
}
