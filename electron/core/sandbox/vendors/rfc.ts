// rfc (seed 004): the full SCIM 2.0 API — every filter, sort, ETags with If-Match, cursor and
// index paging, PUT, PATCH with Azure-style bracket paths, public discovery endpoints.

import { SCHEMAS } from '../../../../shared/scim';
import type { VendorProfile } from '../types';

export const rfc: VendorProfile = {
  name: 'rfc',
  basePath: '/scim/v2',
  groups: true,
  userGroups: true,
  put: true,
  search: true,
  // Seed 004: ServiceProviderConfig, ResourceTypes and Schemas are public (no authentication).
  discovery: { serviceProviderConfig: true, resourceTypes: true, schemas: true, public: true },
  etag: true,
  sort: true,
  cursor: true,
  defaultPageSize: 100,
  maxPageSize: 1000,
  advertiseMaxResults: true,
  // RFC 7644 spells the ops in lower case; the strict profile refuses "Replace" so clients that
  // need the entra dialect are caught.
  capitalisedOps: false,
  filterPolicy: () => 'evaluate',
  userPatchActiveOnly: false,
  createActivatesExisting: false,
  conflict: (userName) => ({
    status: 409,
    contentType: 'application/scim+json',
    body: { schemas: [SCHEMAS.error], status: '409', scimType: 'uniqueness', detail: `userName ${userName} is already taken.` },
  }),
  deleteUser: 'hard',
  groupMembersMustBeActive: false,
  fixedUserAttributes: [],
  data: { guidExternalIds: false, enterpriseForAll: false, stringBooleanEvery: 0, missingExternalIdRate: 0.05 },
};
