// Discovery documents (RFC 7643 §5-7) built from the vendor profile, so what a server advertises
// matches what it does.

import { SCHEMAS } from '../../../shared/scim';
import type { FaultOptions, Json, VendorProfile } from './types';

export function serviceProviderConfig(profile: VendorProfile, baseUrl: string, faults: FaultOptions = {}): Json {
  // filterUnadvertised: the server filters (or under-matches) all the same; only the claim changes.
  const filter: Json = { supported: faults.filterUnadvertised !== true };
  if (profile.advertiseMaxResults) filter.maxResults = profile.maxPageSize;
  const doc: Json = {
    schemas: [SCHEMAS.serviceProviderConfig],
    documentationUri: 'https://datatracker.ietf.org/doc/html/rfc7644',
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter,
    changePassword: { supported: false },
    sort: { supported: profile.sort },
    etag: { supported: profile.etag },
    authenticationSchemes: [
      { type: 'oauthbearertoken', name: 'OAuth Bearer Token', description: 'Authentication with a bearer token', primary: true },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
  if (profile.cursor) {
    // draft-ietf-scim-cursor-pagination: how a server says it pages by cursor as well as index.
    doc.pagination = { cursor: true, index: true, defaultPaginationMethod: 'index', defaultPageSize: profile.defaultPageSize, maxPageSize: profile.maxPageSize, cursorTimeout: 3600 };
  }
  return doc;
}

export function resourceTypes(profile: VendorProfile, baseUrl: string): Json[] {
  const types: Json[] = [
    {
      schemas: [SCHEMAS.resourceType], id: 'User', name: 'User', endpoint: '/Users', description: 'User Account', schema: SCHEMAS.user,
      schemaExtensions: [{ schema: SCHEMAS.enterpriseUser, required: false }],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
    },
  ];
  if (profile.groups) {
    types.push({
      schemas: [SCHEMAS.resourceType], id: 'Group', name: 'Group', endpoint: '/Groups', description: 'Group', schema: SCHEMAS.group,
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
    });
  }
  return types;
}

function attr(name: string, type: string, extra: Json = {}): Json {
  return { name, type, multiValued: false, required: false, caseExact: false, mutability: 'readWrite', returned: 'default', uniqueness: 'none', ...extra };
}

const MULTI = { multiValued: true };

export function schemas(profile: VendorProfile, baseUrl: string): Json[] {
  const complexValue = (name: string): Json =>
    attr(name, 'complex', { ...MULTI, subAttributes: [attr('value', 'string'), attr('display', 'string'), attr('type', 'string'), attr('primary', 'boolean')] });
  const list: Json[] = [
    {
      schemas: [SCHEMAS.schema], id: SCHEMAS.user, name: 'User', description: 'User Account',
      attributes: [
        attr('userName', 'string', { required: true, uniqueness: 'server' }),
        attr('name', 'complex', { subAttributes: ['formatted', 'familyName', 'givenName'].map((n) => attr(n, 'string')) }),
        attr('displayName', 'string'),
        attr('title', 'string'),
        attr('active', 'boolean'),
        complexValue('emails'),
        attr('groups', 'complex', { ...MULTI, mutability: 'readOnly' }),
      ],
      meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${SCHEMAS.user}` },
    },
    {
      schemas: [SCHEMAS.schema], id: SCHEMAS.enterpriseUser, name: 'EnterpriseUser', description: 'Enterprise User',
      attributes: [
        attr('employeeNumber', 'string'), attr('costCenter', 'string'), attr('department', 'string'),
        attr('manager', 'complex', { subAttributes: [attr('value', 'string'), attr('displayName', 'string', { mutability: 'readOnly' })] }),
      ],
      meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${SCHEMAS.enterpriseUser}` },
    },
  ];
  if (profile.groups) {
    list.push({
      schemas: [SCHEMAS.schema], id: SCHEMAS.group, name: 'Group', description: 'Group',
      attributes: [attr('displayName', 'string', { required: true }), complexValue('members')],
      meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${SCHEMAS.group}` },
    });
  }
  return list;
}
