// lettermint (seed 001): filters only `userName eq`/`externalId eq` on users and
// `displayName eq`/`externalId eq` on groups (anything else 400), PATCH on users changes only
// `active`, POST "creates or activates a team member", group members must be active users.

import { isSimpleEquality } from '../filter';
import type { VendorProfile } from '../types';
import { vendorLimits } from '../../profiles/vendor-limits';
import { rfc } from './rfc';

export const lettermint: VendorProfile = {
  ...rfc,
  // What the vendor does not store (title, department, manager): the app's limits say the same.
  fixedUserAttributes: vendorLimits('lettermint').fixedUserAttributes.map((a) => a.path),
  name: 'lettermint',
  userGroups: false,
  search: false,
  basePath: '/scim/v2',
  discovery: { serviceProviderConfig: true, resourceTypes: true, schemas: true, public: false },
  etag: false,
  sort: false,
  cursor: false,
  filterPolicy: (kind, filter) =>
    isSimpleEquality(filter, kind === 'Users' ? ['username', 'externalid'] : ['displayname', 'externalid']) ? 'evaluate' : 'reject',
  userPatchActiveOnly: true,
  createActivatesExisting: true,
  groupMembersMustBeActive: true,
};
