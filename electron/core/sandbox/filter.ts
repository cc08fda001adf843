// SCIM filter parsing and evaluation on top of scim2-parse-filter. Its Tester compares strings
// exactly; RFC 7643 makes most attributes case-insensitive (caseExact false), so we lower-case
// string comparisons except for the caseExact ones (id, externalId, meta.version, $ref).

import { parse, Tester, type Filter } from 'scim2-parse-filter';
import type { Json } from './types';

const CASE_EXACT = new Set(['id', 'externalid', 'meta.version', '$ref', 'members.value']);
const COMPARE_OPS = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le']);

export class FilterSyntaxError extends Error {}

/** Parse a filter; FilterSyntaxError when it is not valid SCIM filter syntax. */
export function parseFilter(text: string): Filter {
  let parsed: Filter;
  try {
    parsed = parse(text);
  } catch (error) {
    throw new FilterSyntaxError(error instanceof Error ? error.message : String(error));
  }
  return valueOfComplex(parsed);
}

const MULTI_COMPLEX = new Set(['emails', 'phonenumbers', 'members', 'groups', 'addresses', 'roles', 'entitlements', 'ims', 'photos']);

/** `emails eq "x"` compares a complex attribute to a string; servers read it as `emails.value eq "x"`. */
function valueOfComplex(f: Filter): Filter {
  if (f.op === 'and' || f.op === 'or') return { ...f, filters: f.filters.map(valueOfComplex) };
  if (f.op === 'not') return { ...f, filter: valueOfComplex(f.filter) };
  if (COMPARE_OPS.has(f.op) && 'attrPath' in f && 'compValue' in f && MULTI_COMPLEX.has(bareAttribute(f.attrPath).toLowerCase())) {
    return { ...f, attrPath: `${f.attrPath}.value` };
  }
  return f;
}

/** Strip a core schema URN prefix so "urn:...:core:2.0:User:userName" reads as "userName". */
export function bareAttribute(path: string): string {
  const core = /^urn:ietf:params:scim:schemas:core:2\.0:(?:User|Group):/i;
  return path.replace(core, '');
}

type CompValue = string | number | boolean | null;

function lower<T>(v: T): T {
  return (typeof v === 'string' ? v.toLowerCase() : v) as T;
}

class ScimTester extends Tester {
  private exact = false;

  override test(r: unknown, f: Filter): boolean {
    if (COMPARE_OPS.has(f.op) && 'attrPath' in f) this.exact = CASE_EXACT.has(bareAttribute(f.attrPath).toLowerCase());
    if (f.op === '[]' && 'attrPath' in f) {
      // Inside a value path ("emails[value eq x]") the sub-attribute decides; "value" of emails is not caseExact.
      const outer = bareAttribute(f.attrPath).toLowerCase();
      const saved = this.exact;
      const result = this.attrTest(this.attrPath(f.attrPath), r, (s: unknown) => this.valueTest(s, f.valFilter, outer));
      this.exact = saved;
      return result;
    }
    return super.test(r, f);
  }

  private valueTest(s: unknown, f: Filter, outer: string): boolean {
    if (COMPARE_OPS.has(f.op) && 'attrPath' in f) {
      this.exact = outer === 'members' && f.attrPath.toLowerCase() === 'value';
      return super.test(s, f);
    }
    return this.test(s, f);
  }

  override eq(r: unknown, v: CompValue): boolean {
    return this.exact ? super.eq(r, v) : lower(r) === lower(v);
  }
  override ne(r: unknown, v: CompValue): boolean {
    return !this.eq(r, v);
  }
  override sw(r: unknown, v: CompValue): boolean {
    return this.exact ? super.sw(r, v) : super.sw(lower(r), lower(v));
  }
  override ew(r: unknown, v: CompValue): boolean {
    return this.exact ? super.ew(r, v) : super.ew(lower(r), lower(v));
  }
  override co(r: unknown, v: CompValue): boolean {
    return this.exact ? super.co(r, v) : super.co(lower(r), lower(v));
  }
}

/** Compares every string exactly: what a server that ignores caseExact false does. */
class CaseExactTester extends Tester {}

const tester = new ScimTester();
const exactTester = new CaseExactTester();

export function matches(resource: Json, filter: Filter, caseExact = false): boolean {
  return (caseExact ? exactTester : tester).test(resource, filter);
}

export type IndexedAttribute = 'userName' | 'emails' | 'externalId' | 'displayName' | 'id';

/** `attr eq "value"` on an indexed attribute, or null when the filter needs a scan. */
export function indexedEquality(filter: Filter): { attribute: IndexedAttribute; value: string } | null {
  if (filter.op !== 'eq' || !('attrPath' in filter) || typeof filter.compValue !== 'string') return null;
  const attr = bareAttribute(filter.attrPath).toLowerCase();
  const value = filter.compValue;
  if (attr === 'username') return { attribute: 'userName', value };
  if (attr === 'emails' || attr === 'emails.value') return { attribute: 'emails', value };
  if (attr === 'externalid') return { attribute: 'externalId', value };
  if (attr === 'displayname') return { attribute: 'displayName', value };
  if (attr === 'id') return { attribute: 'id', value };
  return null;
}

/** True when the filter is exactly `attr eq "…"` with attr among the allowed (lower-case) names. */
export function isSimpleEquality(filter: Filter | null, allowed: readonly string[]): boolean {
  if (!filter || filter.op !== 'eq' || !('attrPath' in filter)) return false;
  return allowed.includes(bareAttribute(filter.attrPath).toLowerCase());
}
