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
  /** Comparisons outside the probe's forms (`title eq`, `userName sw`), by OtherComparison.key: this session only. */
  private readonly others = new Map<string, FilterObservation>();

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

  otherObservation(key: string): FilterObservation | undefined {
    return this.others.get(key);
  }

  learnOther(key: string, observation: FilterObservation): void {
    this.others.set(key, observation);
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

/** The probe's form of one comparison (`userName eq "a"` → Users.userName), or null when it has none. */
function formOf(f: Filter, kind: ResourceKind): FilterForm | null {
  if (f.op === '[]') {
    const v = f.valFilter;
    return kind === 'Users' && bare(f.attrPath) === 'emails' && v.op === 'eq' && 'attrPath' in v && v.attrPath.toLowerCase() === 'value' ? 'Users.emails[value]' : null;
  }
  if (f.op !== 'eq') return null;
  const attr = bare(f.attrPath);
  if (kind === 'Groups') return attr === 'displayname' ? 'Groups.displayName' : attr === 'externalid' ? 'Groups.externalId' : null;
  if (attr === 'username') return 'Users.userName';
  if (attr === 'emails.value') return 'Users.emails.value';
  if (attr === 'emails') return 'Users.emails';
  if (attr === 'externalid') return 'Users.externalId';
  return attr === 'active' && f.compValue === false ? 'Users.active' : null;
}

/** Every comparison of a filter (`pr`, `eq`…, and `attr[…]` as one), through and/or/not. */
function comparisons(filter: Filter): Filter[] {
  if (filter.op === 'and' || filter.op === 'or') return filter.filters.flatMap(comparisons);
  if (filter.op === 'not') return comparisons(filter.filter);
  return [filter];
}

/** The observed forms a filter uses (e.g. `userName eq "a" and active eq false` → userName, active). */
export function formsInFilter(filter: Filter, kind: ResourceKind): FilterForm[] {
  return [...new Set(comparisons(filter).flatMap((f) => formOf(f, kind) ?? []))];
}

/** A comparison the probe has no form for, keyed by its shape (attribute and operator, not value). */
export interface OtherComparison {
  key: string;
  /** For people: "title eq", "emails[type eq …]". */
  label: string;
  comparison: Filter;
}

/** The comparison without its value ("name.familyName sw"); `key` lowercases it for lookups. */
function shape(f: Filter, key: boolean): string {
  const path = (p: string): string => (key ? bare(p) : p.replace(/^urn:ietf:params:scim:schemas:core:2\.0:(?:User|Group):/i, ''));
  if (f.op === 'and' || f.op === 'or') return f.filters.map((g) => shape(g, key)).join(` ${f.op} `);
  if (f.op === 'not') return `not (${shape(f.filter, key)})`;
  if (f.op === '[]') return `${path(f.attrPath)}[${shape(f.valFilter, key)} …]`;
  return 'attrPath' in f ? `${path(f.attrPath)} ${f.op}` : f.op;
}

/** The comparisons of a filter outside the probe's forms (`title eq "x"`, `userName sw "a"`). */
export function otherComparisons(filter: Filter, kind: ResourceKind): OtherComparison[] {
  const out = new Map<string, OtherComparison>();
  for (const f of comparisons(filter)) {
    if (formOf(f, kind) !== null) continue;
    const key = `${kind}:${shape(f, true)}`;
    if (!out.has(key)) out.set(key, { key, label: shape(f, false), comparison: f });
  }
  return [...out.values()];
}
