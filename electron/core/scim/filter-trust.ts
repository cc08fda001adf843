// Whether this server can be trusted with a filter form (userName eq, emails.value eq, …): what
// the behaviour probe observed (a profile's facts) overridden by what this session learned (a
// filter rejected, ignored, or caught under-matching). Listings apply a filter the server cannot be
// trusted with locally over a complete listing; lookups prove such values in one (electron/core/resolve).

import type { FilterForm, FilterObservation, ObservedFacts } from '../../../shared/observed';
import { untrusted } from '../../../shared/observed';
import type { ResourceKind } from '../../../shared/scim';
import type { Filter } from './filter';

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

/** The one FormTrust of a session (keyed by its SCIM client), so what one call learns serves the next. */
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

function bare(path: string): string {
  return path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:(?:User|Group):/i, '').toLowerCase();
}

/** The observed forms a filter uses (e.g. `userName eq "a" and active eq false` → userName, active). */
export function formsInFilter(filter: Filter, kind: ResourceKind): FilterForm[] {
  const out = new Set<FilterForm>();
  const walk = (f: Filter): void => {
    if (f.op === 'and' || f.op === 'or') f.filters.forEach(walk);
    else if (f.op === 'not') walk(f.filter);
    else if (f.op === '[]') {
      const v = f.valFilter;
      if (kind === 'Users' && bare(f.attrPath) === 'emails' && v.op === 'eq' && 'attrPath' in v && v.attrPath.toLowerCase() === 'value') out.add('Users.emails[value]');
    } else if (f.op === 'eq') {
      const attr = bare(f.attrPath);
      if (kind === 'Users') {
        if (attr === 'username') out.add('Users.userName');
        else if (attr === 'emails.value') out.add('Users.emails.value');
        else if (attr === 'emails') out.add('Users.emails');
        else if (attr === 'externalid') out.add('Users.externalId');
        else if (attr === 'active' && f.compValue === false) out.add('Users.active');
      } else if (attr === 'displayname') out.add('Groups.displayName');
      else if (attr === 'externalid') out.add('Groups.externalId');
    }
  };
  walk(filter);
  return [...out];
}
