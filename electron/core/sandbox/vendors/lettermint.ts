// lettermint (seed 001): filters only `userName eq`/`externalId eq` on users and
// `displayName eq`/`externalId eq` on groups (anything else 400), PATCH on users changes only
// `active`, POST "creates or activates a team member", group members must be active users.

import { isSimpleEquality } from '../filter';
import type { VendorProfile } from '../types';
import { rfc } from './rfc';

export const lettermint: VendorProfile = {
  ...rfc,
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
