// The edit form's fields and how they map onto a SCIM resource. The form edits a copy of the
// loaded resource; the core diffs that copy against what was loaded and builds the PatchOp, so
// attributes the form does not show are carried over untouched. An emptied field removes the
// attribute.

import type { ScimResource } from '../../../../shared/scim';

export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export interface EmailField {
  value: string;
  type: string;
  primary: boolean;
}

export interface UserFields {
  active: boolean;
  displayName: string;
  givenName: string;
  familyName: string;
  middleName: string;
  title: string;
  externalId: string;
  emails: EmailField[];
  department: string;
  manager: string;
}

export interface GroupFields {
  displayName: string;
  externalId: string;
  /** unresolved: added by the admin's insistence, no user was found for it. */
  members: { value: string; display: string; unresolved?: boolean }[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function userFields(user: ScimResource): UserFields {
  const name = isObj(user.name) ? user.name : {};
  const ent = isObj(user[ENTERPRISE]) ? (user[ENTERPRISE] as Obj) : {};
  const manager = isObj(ent.manager) ? ent.manager : {};
  const emails = Array.isArray(user.emails) ? user.emails.filter(isObj) : [];
  return {
    active: user.active !== false,
    displayName: text(user.displayName),
    givenName: text(name.givenName),
    familyName: text(name.familyName),
    middleName: text(name.middleName),
    title: text(user.title),
    externalId: text(user.externalId),
    emails: emails.map((e) => ({ value: text(e.value), type: text(e.type), primary: e.primary === true })),
    department: text(ent.department),
    manager: text(manager.value),
  };
}

/** Sets or (when empty) removes one attribute of an object copy. */
function put(target: Obj, key: string, value: string): void {
  if (value.trim() === '') delete target[key];
  else target[key] = value;
}

export function applyUserFields(user: ScimResource, f: UserFields): ScimResource {
  const edited: Obj = structuredClone(user) as Obj;
  edited.active = f.active;
  put(edited, 'displayName', f.displayName);
  put(edited, 'title', f.title);
  put(edited, 'externalId', f.externalId);
  const name: Obj = isObj(edited.name) ? edited.name : {};
  put(name, 'givenName', f.givenName);
  put(name, 'familyName', f.familyName);
  put(name, 'middleName', f.middleName);
  if (Object.keys(name).length > 0) edited.name = name;
  else delete edited.name;
  const originals = Array.isArray(user.emails) ? user.emails.filter(isObj) : [];
  const emails = f.emails
    .filter((e) => e.value.trim() !== '')
    // Keep sub-attributes the form does not show (display, custom ones) of emails that stay.
    .map((e) => ({ ...(originals.find((o) => o.value === e.value) ?? {}), value: e.value.trim(), ...(e.type ? { type: e.type } : {}), primary: e.primary }));
  if (emails.length > 0) edited.emails = emails;
  else delete edited.emails;
  const ent: Obj = isObj(edited[ENTERPRISE]) ? { ...(edited[ENTERPRISE] as Obj) } : {};
  put(ent, 'department', f.department);
  if (f.manager.trim() === '') delete ent.manager;
  else ent.manager = { ...(isObj(ent.manager) ? ent.manager : {}), value: f.manager.trim() };
  if (Object.keys(ent).length > 0) {
    edited[ENTERPRISE] = ent;
    const schemas = Array.isArray(edited.schemas) ? (edited.schemas as string[]) : [];
    if (!schemas.includes(ENTERPRISE)) edited.schemas = [...schemas, ENTERPRISE];
  } else {
    delete edited[ENTERPRISE];
  }
  return edited as ScimResource;
}

export function groupFields(group: ScimResource): GroupFields {
  const members = Array.isArray(group.members) ? group.members.filter(isObj) : [];
  return {
    displayName: text(group.displayName),
    externalId: text(group.externalId),
    members: members.map((m) => ({ value: text(m.value), display: text(m.display) })),
  };
}

export function applyGroupFields(group: ScimResource, f: GroupFields): ScimResource {
  const edited: Obj = structuredClone(group) as Obj;
  put(edited, 'displayName', f.displayName);
  put(edited, 'externalId', f.externalId);
  const originals = Array.isArray(group.members) ? group.members.filter(isObj) : [];
  const members = f.members.filter((m) => m.value.trim() !== '').map((m) => originals.find((o) => o.value === m.value) ?? { value: m.value.trim() });
  if (members.length > 0) edited.members = members;
  else delete edited.members;
  return edited as ScimResource;
}
