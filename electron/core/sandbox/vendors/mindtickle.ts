// mindtickle (seeds 000, 002): base path /scim (Entra's tenant URL), PATCH honoured only for
// `active` (other operations silently ignored, still 200), a 409 with a non-SCIM body on a
// duplicate userName, and no documented page size — pages are capped at 100 whatever count says.

import type { VendorProfile } from '../types';
import { rfc } from './rfc';

export const mindtickle: VendorProfile = {
  ...rfc,
  name: 'mindtickle',
  userGroups: false,
  search: false,
  basePath: '/scim',
  discovery: { serviceProviderConfig: true, resourceTypes: true, schemas: true, public: false },
  etag: false,
  sort: false,
  cursor: false,
  defaultPageSize: 100,
  maxPageSize: 100,
  advertiseMaxResults: false,
  // It is an Entra gallery app (seed 002), so it takes Entra's capitalised op names.
  capitalisedOps: true,
  userPatchActiveOnly: true,
  // Seed 000: "exact error schema not documented" — a plain JSON body, not urn:...:Error.
  conflict: (userName) => ({
    status: 409,
    contentType: 'application/json',
    body: { error: 'USER_ALREADY_EXISTS', message: `A user with email ${userName} already exists`, code: 409 },
  }),
};
