// entra (seed 002): a tenant as Microsoft Entra provisioning leaves it — every user carries the
// enterprise extension, externalId is the Entra object id (a GUID), "Replace"/"Add" op names are
// accepted, and some records hold active as the strings "True"/"False".

import type { VendorProfile } from '../types';
import { rfc } from './rfc';

export const entra: VendorProfile = {
  ...rfc,
  name: 'entra',
  basePath: '/scim/v2',
  discovery: { serviceProviderConfig: true, resourceTypes: true, schemas: true, public: false },
  cursor: false,
  capitalisedOps: true,
  data: { guidExternalIds: true, enterpriseForAll: true, stringBooleanEvery: 7, missingExternalIdRate: 0 },
};
