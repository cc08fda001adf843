// mittr (seed 003): Users only (no /Groups), no PUT, discovery is ServiceProviderConfig alone,
// only `userName eq` and `emails eq` filters — ANY other filter is silently dropped and every user
// returned — DELETE soft-deletes (active false, row kept) and duplicates get 409 uniqueness.

import { isSimpleEquality } from '../filter';
import type { VendorProfile } from '../types';
import { vendorLimits } from '../../profiles/vendor-limits';
import { rfc } from './rfc';

export const mittr: VendorProfile = {
  ...rfc,
  // What the vendor does not store (title, department, manager): the app's limits say the same.
  fixedUserAttributes: vendorLimits('mittr').fixedUserAttributes.map((a) => a.path),
  name: 'mittr',
  userGroups: false,
  search: false,
  basePath: '/scim/v2',
  groups: false,
  put: false,
  discovery: { serviceProviderConfig: true, resourceTypes: false, schemas: false, public: false },
  etag: false,
  sort: false,
  cursor: false,
  filterPolicy: (kind, filter) =>
    kind === 'Users' && isSimpleEquality(filter, ['username', 'emails', 'emails.value']) ? 'evaluate' : 'ignore',
  deleteUser: 'soft',
  data: { ...rfc.data, missingExternalIdRate: 0.3 },
};
