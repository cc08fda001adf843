// The probe's filter tests: each form is asked with a value a known resource has, and the answer
// is judged against what it must contain — honoured (the known resource, nothing that does not
// match), ignored (resources that do not match), under-matches (the known resource missing: empty
// or short), rejected (4xx). Without a known value a form is "untested", and says why.

import type { FilterForm, FilterObservation } from '../../../shared/observed';
import type { ResourceKind, ScimResource, ScimUser } from '../../../shared/scim';
import { matchesFilter } from '../scim/filter';
import { otherCase } from '../scim/filter-trust';
import { formsFor } from '../resolve/forms';
import { primaryEmail } from '../audit/user-fields';
import { describeFailure, type ProbeReader } from './reader';

const PAGE = 50;

export interface Known {
  /** The value to filter on. */
  value: string;
  /** Its kind of value, for the detail sentence ("a known email"). */
  what: string;
  /** Resources that must be in the answer (empty: none known, e.g. for active eq false). */
  mustInclude: string[];
}

export async function judge(reader: ProbeReader, kind: ResourceKind, filter: string, known: Known): Promise<FilterObservation> {
  const read = await reader.page(kind, { filter, count: PAGE });
  if (!read.ok) return { verdict: 'rejected', detail: describeFailure(read) };
  const got = read.value.resources;
  const strangers = got.filter((r) => !matchesFilter(r, filter));
  if (strangers.length > 0) return { verdict: 'ignored', detail: `returned ${strangers.length === got.length ? 'every' : `${strangers.length} of ${got.length}`} ${kind === 'Users' ? 'users' : 'groups'} without regard to the filter` };
  const ids = new Set(got.map((r) => r.id));
  const missing = known.mustInclude.filter((id) => !ids.has(id));
  // A full page may hold the known resource on a later page: only a short answer proves it left out.
  if (missing.length > 0 && got.length >= PAGE) return { verdict: 'untested', detail: `more than ${PAGE} answers; ${known.what} was not on the first page` };
  if (missing.length > 0) return { verdict: 'under-matches', detail: got.length === 0 ? `empty for ${known.what}` : `left out ${known.what}` };
  if (known.mustInclude.length === 0 && got.length === 0) return { verdict: 'untested', detail: `no ${known.what} to check an empty answer against` };
  return { verdict: 'honoured', detail: `found ${known.what}` };
}

const untested = (why: string): FilterObservation => ({ verdict: 'untested', detail: why });

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Users whose primary email differs from their userName say most about email filters. */
function emailSample(users: ScimResource[]): { user: ScimResource; email: string } | null {
  let fallback: { user: ScimResource; email: string } | null = null;
  for (const user of users) {
    const email = primaryEmail(user as ScimUser);
    if (!email) continue;
    if (email.toLowerCase() !== String(user.userName ?? '').toLowerCase()) return { user, email };
    fallback ??= { user, email };
  }
  return fallback;
}

export async function probeUserFilters(reader: ProbeReader, users: ScimResource[]): Promise<Partial<Record<FilterForm, FilterObservation>>> {
  const out: Partial<Record<FilterForm, FilterObservation>> = {};
  const none = 'no user to try it with (the tenant has none)';
  const named = users.find((u) => str(u.userName) !== undefined && otherCase(String(u.userName)) !== null) ?? users.find((u) => str(u.userName) !== undefined);
  if (named) {
    const userName = String(named.userName);
    const known = { value: userName, what: 'a known userName', mustInclude: [named.id] };
    out['Users.userName'] = await judge(reader, 'Users', formsFor('Users', 'userName')[0]?.filter(userName) ?? '', known);
    const variant = otherCase(userName);
    if (variant === null) out['Users.userName.otherCase'] = untested('the known userName has no letters');
    else {
      const seen = await judge(reader, 'Users', formsFor('Users', 'userName')[0]?.filter(variant) ?? '', { ...known, what: 'a known userName in the other letter case' });
      out['Users.userName.otherCase'] = seen.verdict === 'under-matches' ? { verdict: 'under-matches', detail: `case-sensitive: ${seen.detail}` } : seen;
    }
  } else {
    out['Users.userName'] = untested(none);
    out['Users.userName.otherCase'] = untested(none);
  }
  const sample = emailSample(users);
  for (const { form, filter } of formsFor('Users', 'email')) {
    out[form] = sample ? await judge(reader, 'Users', filter(sample.email), { value: sample.email, what: 'a known email', mustInclude: [sample.user.id] }) : untested('no user with an email to try it with');
  }
  const withExternal = users.find((u) => str(u.externalId) !== undefined);
  out['Users.externalId'] = withExternal
    ? await judge(reader, 'Users', formsFor('Users', 'externalId')[0]?.filter(String(withExternal.externalId)) ?? '', { value: String(withExternal.externalId), what: 'a known externalId', mustInclude: [withExternal.id] })
    : untested('no user with an externalId to try it with');
  const inactive = users.filter((u) => u.active === false).map((u) => u.id);
  out['Users.active'] = await judge(reader, 'Users', 'active eq false', { value: 'false', what: inactive.length > 0 ? 'a known inactive user' : 'inactive user', mustInclude: inactive.slice(0, 1) });
  return out;
}

export async function probeGroupFilters(reader: ProbeReader, groups: ScimResource[]): Promise<Partial<Record<FilterForm, FilterObservation>>> {
  const out: Partial<Record<FilterForm, FilterObservation>> = {};
  const named = groups.find((g) => str(g.displayName) !== undefined);
  out['Groups.displayName'] = named
    ? await judge(reader, 'Groups', formsFor('Groups', 'displayName')[0]?.filter(String(named.displayName)) ?? '', { value: String(named.displayName), what: 'a known group name', mustInclude: [named.id] })
    : untested('no group to try it with');
  const external = groups.find((g) => str(g.externalId) !== undefined);
  out['Groups.externalId'] = external
    ? await judge(reader, 'Groups', formsFor('Groups', 'externalId')[0]?.filter(String(external.externalId)) ?? '', { value: String(external.externalId), what: 'a known group externalId', mustInclude: [external.id] })
    : untested('no group with an externalId to try it with');
  return out;
}
