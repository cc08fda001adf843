// The server filter forms a lookup may ask with, per field (whether the server can be trusted with
// each is scim/filter-trust.ts). RFC servers honour the first form of each field; others honour a
// later one (emails[value eq …] where emails.value eq under-matches).

import type { FilterForm } from '../../../shared/observed';
import type { MatchField } from '../../../shared/resolve';
import type { ResourceKind } from '../../../shared/scim';
import { buildFilter, parseFilter, stringifyFilter } from '../scim/filter';

export interface LookupForm {
  form: FilterForm;
  filter(value: string): string;
}

const eq = (attribute: string) => (value: string): string => buildFilter([{ attribute, operator: 'eq', value }]);

/** `emails[value eq "x"]`, the string literal JSON-quoted like every other filter we build. */
function emailValuePath(value: string): string {
  return stringifyFilter(parseFilter(`emails[value eq ${JSON.stringify(value)}]`));
}

const USER_FORMS: Partial<Record<MatchField, LookupForm[]>> = {
  userName: [{ form: 'Users.userName', filter: eq('userName') }],
  externalId: [{ form: 'Users.externalId', filter: eq('externalId') }],
  email: [
    { form: 'Users.emails.value', filter: eq('emails.value') },
    { form: 'Users.emails[value]', filter: emailValuePath },
    // Mittr documents only this form and ignores the sub-attribute one.
    { form: 'Users.emails', filter: eq('emails') },
  ],
};
USER_FORMS.primaryEmail = USER_FORMS.email;

const GROUP_FORMS: Partial<Record<MatchField, LookupForm[]>> = {
  displayName: [{ form: 'Groups.displayName', filter: eq('displayName') }],
  externalId: [{ form: 'Groups.externalId', filter: eq('externalId') }],
};

/** The forms to try for a field, in order (empty for `id`, looked up by GET, and fields of the other kind). */
export function formsFor(kind: ResourceKind, field: MatchField): LookupForm[] {
  return (kind === 'Users' ? USER_FORMS : GROUP_FORMS)[field] ?? [];
}

