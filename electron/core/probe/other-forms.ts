// The spot check of a comparison the probe has no form for (`title eq`, `name.familyName sw`,
// `meta.lastModified gt`, `emails[type eq …]`, `userName co`): the same comparison is asked with a
// value a sample resource holds, so that resource must be in the answer. A server that cannot
// evaluate the attribute and answers 200 with nothing is caught; one that evaluates it is left
// to answer the real filter. No sample value fits: "untested", and the server's answer stands.

import type { FilterObservation } from '../../../shared/observed';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import { stringifyFilter, type Filter, type FilterValue } from '../scim/filter';
import { evaluateFilter, valuesAt } from '../scim/filter-eval';
import type { OtherComparison } from '../scim/filter-trust';
import { judge } from './filters';
import type { ProbeReader } from './reader';

const DATE = /^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})$/;

/** Test values a held value `v` must satisfy under `op` (checked again by the local evaluator). */
function valuesFor(op: string, v: unknown): FilterValue[] {
  const raw = typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v;
  if (typeof raw === 'boolean') return op === 'eq' ? [raw] : op === 'ne' ? [!raw] : [];
  if (typeof raw === 'number') {
    const by: Record<string, number> = { eq: 0, ge: 0, le: 0, gt: -1, lt: 1, ne: 1 };
    return op in by ? [raw + (by[op] ?? 0)] : [];
  }
  if (typeof raw !== 'string' || raw === '') return [];
  if (DATE.test(raw) && ['gt', 'lt', 'ge', 'le'].includes(op)) {
    const t = Date.parse(raw);
    return Number.isNaN(t) ? [] : [new Date(t + (op === 'gt' ? -1000 : op === 'lt' ? 1000 : 0)).toISOString()];
  }
  switch (op) {
    case 'eq': case 'ge': case 'le': case 'co': case 'sw': case 'ew':
      return [raw];
    // A proper prefix sorts before the value and the value before itself extended, in any collation.
    case 'gt': return [raw.slice(0, -1)];
    case 'lt': return [`${raw}zz`];
    case 'ne': return [`${raw}-other`];
    default: return [];
  }
}

type Compare = Extract<Filter, { compValue: unknown }>;

function isCompare(f: Filter): f is Compare {
  return 'compValue' in f && 'attrPath' in f;
}

/** `c` with each value `root` holds at its path that fits its operator. */
function held(c: Compare, root: unknown): Compare[] {
  return valuesAt(root, c.attrPath).flatMap((v) => valuesFor(c.op, v).map((compValue) => ({ ...c, compValue })));
}

/** Comparisons like `c` that `resource` satisfies, with values it holds. */
function witnesses(c: Filter, resource: ScimResource): Filter[] {
  if (c.op === 'pr') return [c];
  if (c.op === '[]') {
    const inner = c.valFilter;
    if (inner.op === 'pr') return [c];
    if (!isCompare(inner)) return [];
    return valuesAt(resource, c.attrPath).flatMap((el) => held(inner, el).map((valFilter): Filter => ({ ...c, valFilter })));
  }
  return isCompare(c) ? held(c, resource) : [];
}

/** Asks the comparison with a sample resource's own value and judges the answer. */
export async function probeOtherComparison(reader: ProbeReader, kind: ResourceKind, other: OtherComparison, sample: ScimResource[]): Promise<FilterObservation> {
  for (const resource of sample) {
    const test = witnesses(other.comparison, resource).find((w) => evaluateFilter(resource, w));
    if (!test) continue;
    return judge(reader, kind, stringifyFilter(test), { value: '', what: `a ${kind === 'Users' ? 'user' : 'group'} it must match (${stringifyFilter(test)})`, mustInclude: [resource.id] });
  }
  return { verdict: 'untested', detail: `no ${kind === 'Users' ? 'user' : 'group'} on the first page to try ${other.label} with` };
}
