// The server filter forms a lookup may ask with, per field, and whether the server can be trusted
// with each: what the behaviour probe observed (a profile's facts) plus what this session learned
// (a filter rejected, ignored, or caught under-matching). RFC servers honour the first form of each
// field; others honour a later one (emails[value eq …] where emails.value eq under-matches).

import type { FilterForm, FilterObservation, ObservedFacts } from '../../../shared/observed';
import { untrusted } from '../../../shared/observed';
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

/** What is known about each form: the probe's facts, overridden by what this session saw. */
export class FormTrust {
  private readonly learned = new Map<FilterForm, FilterObservation>();

  constructor(private readonly facts: () => ObservedFacts | null) {}

  observation(form: FilterForm): FilterObservation | undefined {
    return this.learned.get(form) ?? this.facts()?.filters[form];
  }

  /** A form whose answer cannot be taken as the whole truth (userName also needs its case rule). */
  untrusted(form: FilterForm): boolean {
    if (untrusted(this.observation(form))) return true;
    return form === 'Users.userName' && untrusted(this.observation('Users.userName.otherCase'));
  }

  /** Why a form is not used, for people. */
  why(form: FilterForm): string {
    const own = this.observation(form);
    const o = own && untrusted(own) ? own : this.observation('Users.userName.otherCase');
    const seen = this.learned.has(form) ? 'seen in this session' : `observed ${this.facts()?.observedAt.slice(0, 10) ?? ''}`.trim();
    return o ? `${o.verdict}${o.detail ? `: ${o.detail}` : ''}; ${seen}` : 'not trusted';
  }

  learn(form: FilterForm, observation: FilterObservation): boolean {
    const before = this.learned.get(form)?.verdict;
    this.learned.set(form, observation);
    return before !== observation.verdict;
  }
}

const trusts = new WeakMap<object, FormTrust>();

/** The one FormTrust of a session (keyed by its SCIM client), so what one lookup learns serves the next. */
export function trustFor(client: { readonly observed: ObservedFacts | null }): FormTrust {
  let trust = trusts.get(client);
  if (!trust) {
    trust = new FormTrust(() => client.observed);
    trusts.set(client, trust);
  }
  return trust;
}

/** The value with its letters' case swapped ("Ana.Silva" → "aNA.sILVA"); null when it has no letters. */
export function otherCase(value: string): string | null {
  const swapped = [...value].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
  return swapped === value ? null : swapped;
}
