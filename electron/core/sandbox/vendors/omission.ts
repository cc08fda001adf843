// omission: a server that lies by omission, as several open-source SCIM servers in wide use do.
// It answers 200 with an empty list for filters it cannot evaluate (emails.value eq, externalId eq
// on Users, displayName eq on Groups) while `emails[value eq …]` works; compares `userName eq`
// case-sensitively (RFC 7643 says caseExact false); rejects every other filter with 400
// invalidFilter ("not supporting advanced filtering", e.g. active eq false, title eq "x"); sends one
// 200-with-Error first page; answers 501 to removing members through a filter path (it accepts
// {"op":"remove","path":"members","value":[{"value":"x"}]}); caps pages at 50 without saying so.
// Its ServiceProviderConfig claims filter support (the fault filterUnadvertised makes it deny it).

import type { Filter } from 'scim2-parse-filter';
import { bareAttribute } from '../filter';
import type { FilterPolicy, Kind, VendorProfile } from '../types';
import { rfc } from './rfc';

function isEq(filter: Filter | null, attribute: string): boolean {
  return filter !== null && filter.op === 'eq' && 'attrPath' in filter && bareAttribute(filter.attrPath).toLowerCase() === attribute;
}

/** `emails[value eq "x"]`: the one form of email lookup this server evaluates. */
function isEmailValuePath(filter: Filter | null): boolean {
  return filter !== null && filter.op === '[]' && bareAttribute(filter.attrPath).toLowerCase() === 'emails' && isEq(filter.valFilter, 'value');
}

export function omissionFilterPolicy(kind: Kind, filter: Filter | null): FilterPolicy {
  if (isEq(filter, 'id')) return 'evaluate';
  if (kind === 'Users') {
    if (isEq(filter, 'username')) return 'evaluate-case-exact';
    // `emails eq` reaches here as `emails.value eq` (the parser reads a complex attribute's value).
    if (isEq(filter, 'emails.value') || isEq(filter, 'externalid')) return 'under-match';
    if (isEmailValuePath(filter)) return 'evaluate';
    return 'reject';
  }
  if (isEq(filter, 'displayname')) return 'under-match';
  if (isEq(filter, 'externalid')) return 'evaluate';
  return 'reject';
}

export const omission: VendorProfile = {
  ...rfc,
  name: 'omission',
  basePath: '/scim/v2',
  userGroups: false,
  search: false,
  etag: false,
  sort: false,
  cursor: false,
  defaultPageSize: 50,
  maxPageSize: 50,
  advertiseMaxResults: false,
  filterPolicy: omissionFilterPolicy,
  firstPageErrorBody: true,
  memberFilterRemoval501: true,
};
