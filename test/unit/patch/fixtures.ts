// Small hand-written resources shared by the patch unit tests.
import { SCHEMAS, type ScimResource } from '../../../shared/scim';

export const ENT = SCHEMAS.enterpriseUser;

export function user(extra: Record<string, unknown> = {}): ScimResource {
  return {
    schemas: [SCHEMAS.user, ENT],
    id: 'u1',
    userName: 'ada@example.com',
    displayName: 'Ada Lovelace',
    title: 'Analyst',
    active: true,
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    emails: [
      { value: 'ada@example.com', type: 'work', primary: true },
      { value: 'ada@home.example', type: 'home' },
    ],
    [ENT]: { department: 'Engines', manager: { value: 'm1', displayName: 'Charles' } },
    meta: { resourceType: 'User', version: 'W/"1"' },
    ...extra,
  };
}

export function group(members: string[], extra: Record<string, unknown> = {}): ScimResource {
  return {
    schemas: [SCHEMAS.group],
    id: 'g1',
    displayName: 'Engineers',
    members: members.map((value) => ({ value, display: `User ${value}` })),
    meta: { resourceType: 'Group' },
    ...extra,
  };
}

export function edit(resource: ScimResource, change: (copy: Record<string, unknown>) => void): ScimResource {
  const copy = structuredClone(resource) as Record<string, unknown>;
  change(copy);
  return copy as ScimResource;
}
